package io.gitopsruntime.testing.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Server-side apply ({@code PATCH} with {@code application/apply-patch+yaml}) over the store: creates
 * absent objects, merges into present ones (maps merge, lists and scalars replace), removes fields the
 * manager applied before and no longer applies, records {@code metadata.managedFields}, detects
 * conflicts with other managers (409 unless {@code force=true}) and honours {@code dryRun=All}.
 * Thread-safe: each apply runs atomically in the store.
 */
public final class ServerSideApply {

  private final ObjectStore store;

  /**
   * Apply over a store.
   *
   * @param store the store
   */
  public ServerSideApply(ObjectStore store) {
    this.store = store;
  }

  /** What an apply answered: HTTP code and body. Immutable once built; not shared between threads. */
  public record Outcome(int code, Map<String, Object> body) {}

  /**
   * Applies a patch.
   *
   * @param path the object's path
   * @param type the resource type
   * @param body the apply patch, YAML or JSON
   * @param query the decoded query parameters
   * @return the answer
   */
  public Outcome apply(ApiPath path, ResourceType type, String body, Map<String, String> query) {
    String manager = query.get("fieldManager");
    if (manager == null || manager.isEmpty()) {
      return failure(422, "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: "
          + "is required for apply patch");
    }
    boolean force = "true".equals(query.get("force"));
    boolean dryRun = query.containsKey("dryRun");
    Map<String, Object> applied;
    try {
      applied = Json.parse(body);
    } catch (RuntimeException e) {
      return failure(400, "error decoding YAML: " + e.getMessage());
    }
    String apiVersion = Json.string(applied, "apiVersion");
    String kind = Json.string(applied, "kind");
    String name = Json.string(applied, "metadata", "name");
    if (apiVersion == null || kind == null) {
      return failure(400, "apiVersion and kind must be set in an apply patch");
    }
    if (name != null && !name.equals(path.name())) {
      return failure(400, "the name of the object (" + name + ") does not match the name on the URL ("
          + path.name() + ")");
    }
    String namespace = Json.string(applied, "metadata", "namespace");
    if (namespace != null && path.namespace() != null && !namespace.equals(path.namespace())) {
      return failure(400, "the namespace of the object (" + namespace + ") does not match the namespace on "
          + "the URL (" + path.namespace() + ")");
    }
    applied.remove("status");
    Map<String, Object> metadata = Json.child(applied, "metadata");
    for (String serverOwned : List.of("managedFields", "resourceVersion", "uid", "creationTimestamp", "generation",
        "selfLink", "deletionTimestamp")) {
      metadata.remove(serverOwned);
    }
    metadata.put("name", path.name());
    if (type.namespaced() && path.namespace() != null) {
      metadata.put("namespace", path.namespace());
    }
    return store.atomically(() -> {
      Optional<Map<String, Object>> current = store.get(path.objectPath());
      return current.isPresent()
          ? update(path, current.get(), applied, manager, force, dryRun)
          : create(path, applied, manager, dryRun);
    });
  }

  private Outcome create(ApiPath path, Map<String, Object> applied, String manager, boolean dryRun) {
    Map<String, Object> object = Json.copy(applied);
    if (store.apiDefaults()) {
      ApiDefaults.apply(object);
    }
    ManagedFields.Entry entry = new ManagedFields.Entry(manager, "Apply", Json.string(object, "apiVersion"),
        ManagedFields.fieldsOf(applied));
    Json.child(object, "metadata").put("managedFields", ManagedFields.toList(List.of(entry)));
    if (dryRun) {
      Map<String, Object> metadata = Json.child(object, "metadata");
      metadata.put("uid", UUID.randomUUID().toString());
      metadata.put("creationTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      metadata.put("generation", 1);
      return new Outcome(201, object);
    }
    return new Outcome(201, store.create(path.collectionPath(), object));
  }

  private Outcome update(ApiPath path, Map<String, Object> current, Map<String, Object> applied, String manager,
      boolean force, boolean dryRun) {
    Set<List<String>> appliedFields = ManagedFields.fieldsOf(applied);
    List<ManagedFields.Entry> entries = ManagedFields.entries(current);
    Set<List<String>> previouslyOwned = new LinkedHashSet<>();
    List<ManagedFields.Entry> others = new ArrayList<>();
    for (ManagedFields.Entry e : entries) {
      if (e.manager().equals(manager) && e.operation().equals("Apply")) {
        previouslyOwned.addAll(e.fields());
      } else if (!e.manager().equals(manager)) {
        others.add(e);
      }
    }

    Map<String, Object> merged = Json.copy(current);
    merge(merged, applied);
    for (List<String> field : previouslyOwned) {
      if (appliedFields.stream().noneMatch(f -> ManagedFields.overlaps(f, field))
          && others.stream().noneMatch(o -> o.fields().stream().anyMatch(f -> ManagedFields.overlaps(f, field)))) {
        ManagedFields.remove(merged, field);
      }
    }

    Map<String, List<List<String>>> conflicts = new LinkedHashMap<>();
    for (ManagedFields.Entry other : others) {
      for (List<String> owned : other.fields()) {
        boolean touched = appliedFields.stream().anyMatch(f -> ManagedFields.overlaps(f, owned));
        if (touched && !Objects.equals(ManagedFields.valueAt(current, owned), ManagedFields.valueAt(merged, owned))) {
          conflicts.computeIfAbsent(other.manager(), m -> new ArrayList<>()).add(owned);
        }
      }
    }
    if (!conflicts.isEmpty() && !force) {
      return conflict(conflicts, Json.string(applied, "apiVersion"));
    }

    List<ManagedFields.Entry> newEntries = new ArrayList<>();
    boolean placed = false;
    ManagedFields.Entry mine = new ManagedFields.Entry(manager, "Apply", Json.string(applied, "apiVersion"),
        appliedFields);
    for (ManagedFields.Entry e : entries) {
      if (e.manager().equals(manager) && e.operation().equals("Apply")) {
        newEntries.add(mine);
        placed = true;
      } else if (conflicts.containsKey(e.manager())) {
        Set<List<String>> kept = new LinkedHashSet<>(e.fields());
        kept.removeIf(f -> appliedFields.stream().anyMatch(a -> ManagedFields.overlaps(a, f)));
        if (!kept.isEmpty()) {
          newEntries.add(new ManagedFields.Entry(e.manager(), e.operation(), e.apiVersion(), kept));
        }
      } else {
        newEntries.add(e);
      }
    }
    if (!placed) {
      newEntries.add(mine);
    }

    Map<String, Object> currentMeta = Json.child(current, "metadata");
    Map<String, Object> mergedMeta = Json.child(merged, "metadata");
    mergedMeta.put("managedFields", currentMeta.getOrDefault("managedFields", List.of()));
    boolean ownershipUnchanged = previouslyOwned.equals(appliedFields) && conflicts.isEmpty();
    if (store.apiDefaults()) {
      ApiDefaults.apply(merged);
    }
    if (merged.equals(current) && ownershipUnchanged) {
      return new Outcome(200, current);
    }
    mergedMeta.put("managedFields", ManagedFields.toList(newEntries));
    if (dryRun) {
      return new Outcome(200, merged);
    }
    return new Outcome(200, store.replace(path.objectPath(), merged));
  }

  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> target, Map<String, Object> patch) {
    for (Map.Entry<String, Object> e : patch.entrySet()) {
      Object existing = target.get(e.getKey());
      if (e.getValue() instanceof Map && existing instanceof Map) {
        merge((Map<String, Object>) existing, (Map<String, Object>) e.getValue());
      } else {
        target.put(e.getKey(), Json.copy(e.getValue()));
      }
    }
  }

  private static Outcome conflict(Map<String, List<List<String>>> conflicts, String apiVersion) {
    int count = conflicts.values().stream().mapToInt(List::size).sum();
    List<Object> causes = new ArrayList<>();
    StringBuilder message = new StringBuilder("Apply failed with ").append(count)
        .append(count == 1 ? " conflict: " : " conflicts: ");
    boolean first = true;
    for (Map.Entry<String, List<List<String>>> e : conflicts.entrySet()) {
      String with = "conflict with \"" + e.getKey() + "\" using " + apiVersion;
      for (List<String> field : e.getValue()) {
        causes.add(Json.object("type", "FieldManagerConflict", "message", with, "field", ManagedFields.dotted(field)));
      }
      if (count == 1) {
        message.append(with).append(": ").append(ManagedFields.dotted(e.getValue().get(0)));
      } else {
        message.append(first ? "" : "\n").append(with.replace("conflict with", "conflicts with")).append(':');
        e.getValue().forEach(f -> message.append("\n- ").append(ManagedFields.dotted(f)));
      }
      first = false;
    }
    return new Outcome(409, ApiStatus.failure(409, "Conflict", message.toString(), Json.object("causes", causes)));
  }

  private static Outcome failure(int code, String message) {
    return new Outcome(code, ApiStatus.failure(code, ApiStatus.reasonFor(code), message, null));
  }

  /**
   * Records an {@code Update} manager on an object a client creates with POST, as the API server
   * does (the manager is the {@code fieldManager} parameter or the user agent's product name).
   *
   * @param object the object being created, changed in place
   * @param manager the manager name
   */
  public static void recordCreate(Map<String, Object> object, String manager) {
    Map<String, Object> metadata = Json.child(object, "metadata");
    if (metadata.containsKey("managedFields")) {
      return;
    }
    String apiVersion = Objects.requireNonNullElse(Json.string(object, "apiVersion"), "v1");
    metadata.put("managedFields", ManagedFields.toList(List.of(
        new ManagedFields.Entry(manager, "Update", apiVersion, ManagedFields.fieldsOf(object)))));
  }
}
