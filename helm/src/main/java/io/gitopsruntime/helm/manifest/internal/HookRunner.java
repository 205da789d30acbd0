package io.gitopsruntime.helm.manifest.internal;

import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the hooks of one event with Helm's semantics ({@code pkg/action/hooks.go}): one hook at a time, by
 * weight then name (stable on Helm's kind order); before-hook-creation deletes the previous object
 * first; Jobs are waited for until they complete (a Job of one Pod until that Pod has succeeded, which the Job
 * controller records up to a second later) and Pods until they succeed, other kinds only created;
 * on a failure the failing hook's log is read at once, hook-failed deletes it, hook-succeeded deletes the
 * hooks that already succeeded, and the install fails with the log in its message; when all succeeded,
 * hook-succeeded deletes them, last first. CustomResourceDefinitions are never deleted. Hooks are applied
 * with server-side apply under the installer's field manager. Thread-safe.
 */
public final class HookRunner {
  private static final Logger log = LoggerFactory.getLogger(HookRunner.class);

  private final Context context;
  private final Applier applier;

  /**
   * A runner.
   *
   * @param context the operation's context
   */
  public HookRunner(Context context) {
    this.context = context;
    this.applier = new Applier(context);
  }

  /**
   * Runs hooks.
   *
   * @param event the event, such as {@code pre-install}
   * @param hooks the event's hooks in run order (see {@link Desired#hooks(String)})
   * @throws InstallException of kind {@code HOOK_FAILED} with the hook's log, or {@code TIMEOUT}
   */
  public void run(String event, List<Hook> hooks) {
    List<Hook> succeeded = new ArrayList<>();
    for (Hook hook : hooks) {
      KubeObject object = hook.object();
      if (hook.deletes(Hook.BEFORE_HOOK_CREATION) && !isCrd(object)) {
        applier.deleteAndWait(object);
      }
      context.listener().hookStarted(object.ref(), event);
      applier.apply(object, null, false);
      Readiness.State state;
      try {
        state = await(hook);
      } catch (InstallException e) {
        context.listener().hookFinished(object.ref(), false);
        cleanUpAfterFailure(hook, succeeded);
        if (e.failure() != FailureKind.TIMEOUT) {
          throw e;
        }
        throw context.failure(FailureKind.TIMEOUT, Messages.hookTimedOut(event, object.ref(),
            context.deadline().timeout(), e.getMessage()), null);
      }
      if (!state.ready()) {
        JobLogs.Evidence logs = object.kind().equals("Job") ? new JobLogs(context).of(object.ref()) : JobLogs.Evidence.none();
        context.listener().hookFinished(object.ref(), false);
        cleanUpAfterFailure(hook, succeeded);
        throw context.failure(FailureKind.HOOK_FAILED, Messages.hookFailed(event, object.ref(), state.reason(), logs),
            null);
      }
      context.listener().hookFinished(object.ref(), true);
      succeeded.add(hook);
    }
    List<KubeObject> delete = new ArrayList<>();
    for (int i = succeeded.size() - 1; i >= 0; i--) {
      Hook hook = succeeded.get(i);
      if (hook.deletes(Hook.HOOK_SUCCEEDED) && !isCrd(hook.object())) {
        delete.add(hook.object());
      }
    }
    context.parallel().forEach(delete, applier::deleteAndWait);
  }

  private void cleanUpAfterFailure(Hook failed, List<Hook> succeeded) {
    try {
      if (failed.deletes(Hook.HOOK_FAILED) && !isCrd(failed.object())) {
        applier.deleteAndWait(failed.object());
      }
      for (Hook hook : succeeded) {
        if (hook.deletes(Hook.HOOK_SUCCEEDED) && !isCrd(hook.object())) {
          applier.deleteAndWait(hook.object());
        }
      }
    } catch (Interrupted e) {
      throw e;
    } catch (RuntimeException e) {
      log.debug("could not delete hooks after a hook failed: {}", e.toString());
    }
  }

  /** Waits for a Job to complete or fail, or a Pod to succeed or fail; other kinds are done at once. */
  private Readiness.State await(Hook hook) {
    KubeObject object = hook.object();
    if (!object.kind().equals("Job") && !object.kind().equals("Pod")) {
      return Readiness.State.READY;
    }
    Backoff backoff = new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(1));
    Readiness.State state;
    while (true) {
      Optional<Map<String, Object>> live;
      try {
        live = context.api().get(object.path());
      } catch (KubeApiException e) {
        throw context.apiFailure("waiting for the hook " + object.ref(), e);
      }
      if (live.isEmpty()) {
        state = new Readiness.State(false, true, "it was deleted while it ran");
      } else if (object.kind().equals("Pod")) {
        String phase = String.valueOf(Json.string(live.get(), "status", "phase"));
        state = phase.equals("Succeeded") ? Readiness.State.READY
            : phase.equals("Failed") ? new Readiness.State(false, true, "the Pod failed")
            : new Readiness.State(false, false, phase.toLowerCase(java.util.Locale.ROOT));
      } else {
        state = Readiness.of("Job", live.get());
        if (!state.ready() && !state.failed() && podSucceeded(live.get())) {
          state = Readiness.State.READY;
        }
      }
      if (state.ready() || state.failed()) {
        return state;
      }
      if (context.deadline().expired()) {
        throw context.failure(FailureKind.TIMEOUT, state.reason(), null);
      }
      Sleep.of(backoff.next(), context.deadline());
    }
  }

  /**
   * Whether a Job that succeeds with its first succeeded Pod (one completion, not indexed, no success policy, no
   * deadline) has that Pod succeeded, before the Job's status says so. The Job controller batches a Pod's updates for
   * up to a second before it syncs the Job, a second every hook Job would otherwise wait; for such a Job, the succeeded
   * Pod decides the outcome. Only this Job's Pods count (by owner uid), not those of one deleted before it by
   * before-hook-creation.
   */
  private boolean podSucceeded(Map<String, Object> job) {
    Map<String, Object> spec = Json.map(job, "spec");
    // a deadline could still fail the Job between its Pod's success and the controller's next sync
    if (spec == null || spec.get("successPolicy") != null || "Indexed".equals(spec.get("completionMode"))
        || spec.get("activeDeadlineSeconds") != null) {
      return false;
    }
    // without completions, a Job of several parallel Pods is a work queue: it waits for all of them to end
    boolean onePod = spec.get("completions") == null ? Json.number(spec, 1, "parallelism") == 1
        : Json.number(spec, 0, "completions") == 1;
    if (!onePod) {
      return false;
    }
    String uid = Json.string(job, "metadata", "uid");
    String namespace = Json.string(job, "metadata", "namespace");
    String name = Json.string(job, "metadata", "name");
    if (uid == null || namespace == null || name == null) {
      return false;
    }
    Map<String, Object> pods;
    try {
      pods = context.api().list(JobLogs.podsOf(namespace, name));
    } catch (KubeApiException e) {
      log.debug("could not list the Pods of Job {}, waiting for its status: {}", name, e.toString());
      return false;
    }
    for (Object item : Json.list(pods, "items")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> pod = (Map<String, Object>) item;
      boolean ours = Json.list(pod, "metadata", "ownerReferences").stream()
          .anyMatch(owner -> owner instanceof Map<?, ?> o && uid.equals(o.get("uid")));
      if (ours && "Succeeded".equals(Json.string(pod, "status", "phase"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCrd(KubeObject object) {
    return object.kind().equals("CustomResourceDefinition");
  }
}
