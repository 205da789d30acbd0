package io.gitopsruntime.helm.manifest.internal;

import io.gitopsruntime.install.ChangeKind;
import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.install.PlannedChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads, applies and deletes objects through server-side apply under one field manager, a wave at a
 * time with the context's bounded concurrency, and tells what each apply changed: {@code CREATE} when
 * the object did not exist, {@code UNCHANGED} when the server kept its resource version (a real
 * no-op), {@code UPDATE} otherwise. A dry run ({@code dryRun=All}) compares the would-be object with
 * the live one instead. Thread-safe.
 */
public final class Applier {
  private final Context context;

  /**
   * An applier.
   *
   * @param context the operation's context
   */
  public Applier(Context context) {
    this.context = context;
  }

  /**
   * Reads the live state of objects, concurrently.
   *
   * @param objects the objects
   * @return each object's live state, or null when it does not exist
   */
  public Map<ObjectRef, @Nullable Map<String, Object>> survey(List<KubeObject> objects) {
    List<Optional<Map<String, Object>>> found = context.parallel().map(objects, o -> {
      try {
        return context.api().get(o.path());
      } catch (KubeApiException e) {
        throw context.apiFailure("reading " + o.ref(), e);
      }
    });
    Map<ObjectRef, @Nullable Map<String, Object>> live = new LinkedHashMap<>();
    for (int i = 0; i < objects.size(); i++) {
      live.put(objects.get(i).ref(), found.get(i).orElse(null));
    }
    return live;
  }

  /**
   * Applies a wave concurrently.
   *
   * @param wave the objects
   * @param live what {@link #survey} found
   * @return what happened to each, in the wave's order
   */
  public List<PlannedChange> applyAll(List<KubeObject> wave, Map<ObjectRef, @Nullable Map<String, Object>> live) {
    return context.parallel().map(wave, o -> {
      ChangeKind change = apply(o, live.get(o.ref()), false);
      context.listener().objectApplied(o.ref(), change);
      return PlannedChange.of(o.ref(), change);
    });
  }

  /**
   * Computes what applying objects would change, concurrently, without changing anything.
   *
   * @param objects the objects
   * @param live what {@link #survey} found
   * @return what would happen to each
   */
  public List<PlannedChange> dryRun(List<KubeObject> objects, Map<ObjectRef, @Nullable Map<String, Object>> live) {
    return context.parallel().map(objects, o -> PlannedChange.of(o.ref(), apply(o, live.get(o.ref()), true)));
  }

  /**
   * Applies one object.
   *
   * @param object the object
   * @param live its live state, or null when absent
   * @param dryRun whether to only compute the result
   * @return what changed (or would)
   */
  public ChangeKind apply(KubeObject object, @Nullable Map<String, Object> live, boolean dryRun) {
    if (live == null && dryRun) {
      return ChangeKind.CREATE;
    }
    if (live != null && object.createOnly()) {
      return ChangeKind.UNCHANGED;
    }
    Map<String, Object> result;
    try {
      result = context.api().apply(object.path(), object.body(), context.settings().fieldManager(), true, dryRun);
    } catch (KubeApiException e) {
      if (dryRun && e.code() == 404) {
        return ChangeKind.CREATE;
      }
      throw context.apiFailure((dryRun ? "planning " : "applying ") + object.ref(), e);
    }
    if (live == null) {
      return ChangeKind.CREATE;
    }
    if (!dryRun) {
      return Objects.equals(Json.string(live, "metadata", "resourceVersion"),
          Json.string(result, "metadata", "resourceVersion")) ? ChangeKind.UNCHANGED : ChangeKind.UPDATE;
    }
    return comparable(live).equals(comparable(result)) ? ChangeKind.UNCHANGED : ChangeKind.UPDATE;
  }

  /** An object without what the server changes by itself: versions, generation, status, apply times. */
  static Object comparable(Map<String, Object> object) {
    Map<String, Object> copy = Json.copy(object);
    copy.remove("status");
    Map<String, Object> metadata = Json.child(copy, "metadata");
    metadata.remove("resourceVersion");
    metadata.remove("generation");
    for (Object entry : Json.list(metadata, "managedFields")) {
      if (entry instanceof Map) {
        ((Map<?, ?>) entry).remove("time");
      }
    }
    return Json.sorted(copy);
  }

  /**
   * Deletes objects concurrently, in the background (dependents are garbage-collected).
   *
   * @param refs the objects
   * @param cluster serves the paths
   * @return the objects that existed and were deleted
   */
  public List<ObjectRef> deleteAll(List<ObjectRef> refs, Cluster cluster) {
    List<Boolean> deleted = context.parallel().map(refs, ref -> {
      Optional<ResourceType> type = cluster.type(ref.apiVersion(), ref.kind());
      if (type.isEmpty()) {
        return false;
      }
      try {
        boolean existed = context.api().delete(type.get().path(ref.namespace().orElse(null), ref.name()), null);
        if (existed) {
          context.listener().objectDeleted(ref);
        }
        return existed;
      } catch (KubeApiException e) {
        throw context.apiFailure("deleting " + ref, e);
      }
    });
    List<ObjectRef> result = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      if (Boolean.TRUE.equals(deleted.get(i))) {
        result.add(refs.get(i));
      }
    }
    return result;
  }

  /**
   * Deletes an object and waits until it is gone.
   *
   * @param object the object
   * @return true when it existed
   */
  public boolean deleteAndWait(KubeObject object) {
    boolean existed;
    try {
      existed = context.api().delete(object.path(), null);
    } catch (KubeApiException e) {
      throw context.apiFailure("deleting " + object.ref(), e);
    }
    if (!existed) {
      return false;
    }
    Backoff backoff = new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(500));
    while (true) {
      try {
        if (context.api().get(object.path()).isEmpty()) {
          return true;
        }
      } catch (KubeApiException e) {
        throw context.apiFailure("waiting for " + object.ref() + " to be deleted", e);
      }
      if (context.deadline().expired()) {
        throw context.failure(io.gitopsruntime.install.FailureKind.TIMEOUT, Messages.timeoutBeforeWait(context.release(),
            context.namespace(), context.deadline().timeout(), "waiting for " + object.ref() + " to be deleted"), null);
      }
      Sleep.of(backoff.next(), context.deadline());
    }
  }
}
