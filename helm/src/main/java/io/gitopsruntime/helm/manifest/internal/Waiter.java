package io.gitopsruntime.helm.manifest.internal;

import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.NotReady;
import io.gitopsruntime.install.ObjectRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Waits until objects are ready (see {@link Readiness}), polling the not-ready ones concurrently (every
 * 25 ms at first, at least every 200 ms for ten seconds, then backing off to every second: {@link Backoff}),
 * telling the listener what is not ready and why after each poll, within the operation's deadline. Thread-safe.
 */
public final class Waiter {
  private static final Duration FIRST = Duration.ofMillis(25);
  private static final Duration CLOSE = Duration.ofMillis(200);
  private static final Duration LONGEST = Duration.ofSeconds(1);

  private final Context context;

  /**
   * A waiter.
   *
   * @param context the operation's context
   */
  public Waiter(Context context) {
    this.context = context;
  }

  /**
   * Waits for objects.
   *
   * @param objects the objects (those readiness does not track are skipped)
   * @throws io.gitopsruntime.install.InstallException of kind {@code TIMEOUT} naming what is not ready, or
   *     {@code OTHER} when an object failed for good (a failed Job)
   */
  public void await(List<KubeObject> objects) {
    List<KubeObject> pending = new ArrayList<>();
    for (KubeObject o : objects) {
      if (Readiness.tracked(o.kind())) {
        pending.add(o);
      }
    }
    long start = System.nanoTime();
    Backoff backoff = new Backoff(FIRST, CLOSE, LONGEST);
    while (!pending.isEmpty()) {
      List<Readiness.State> states = context.parallel().map(pending, this::state);
      List<KubeObject> still = new ArrayList<>();
      List<NotReady> notReady = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        Readiness.State state = states.get(i);
        KubeObject o = pending.get(i);
        if (state.failed()) {
          throw context.failure(FailureKind.OTHER, Messages.workloadFailed(context.release(), context.namespace(),
              o.ref(), state.reason(), o.kind().equals("Job") ? new JobLogs(context).of(o.ref()) : JobLogs.Evidence.none()), null);
        }
        if (!state.ready()) {
          still.add(o);
          notReady.add(NotReady.of(o.ref(), state.reason()));
        }
      }
      pending = still;
      if (pending.isEmpty()) {
        return;
      }
      context.listener().waiting(List.copyOf(notReady), Duration.ofNanos(System.nanoTime() - start));
      if (context.deadline().expired()) {
        throw context.failure(FailureKind.TIMEOUT, Messages.timeout(context.release(), context.namespace(),
            context.deadline().timeout(), notReady), null);
      }
      Sleep.of(backoff.next(), context.deadline());
    }
  }

  /**
   * The readiness of one object now.
   *
   * @param o the object
   * @return its state
   */
  Readiness.State state(KubeObject o) {
    Optional<java.util.Map<String, Object>> live;
    try {
      live = context.api().get(o.path());
    } catch (KubeApiException e) {
      throw context.apiFailure("waiting for " + o.ref(), e);
    }
    return live.map(l -> Readiness.of(o.kind(), l)).orElse(new Readiness.State(false, false, "not found"));
  }

  /**
   * The readiness of recorded objects, for status: missing objects are not ready.
   *
   * @param objects the objects with their types
   * @return what is not ready
   */
  public List<NotReady> notReady(List<KubeObject> objects) {
    List<Readiness.State> states = context.parallel().map(objects, this::state);
    List<NotReady> notReady = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      if (!states.get(i).ready()) {
        ObjectRef ref = objects.get(i).ref();
        notReady.add(NotReady.of(ref, states.get(i).reason()));
      }
    }
    return notReady;
  }
}
