package io.gitopsruntime.helm.manifest.internal;

import io.gitopsruntime.install.NotReady;
import io.gitopsruntime.install.ObjectRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every message the manifest installer shows, in one place: what failed, for what, why, then how to fix
 * it. Messages never quote values; callers mask what comes from the cluster. Stateless and thread-safe.
 */
public final class Messages {
  private static final int LISTED = 10;

  private Messages() {}

  static String release(String release, String namespace) {
    return "release " + release + " in namespace " + namespace;
  }

  /**
   * The operation was interrupted.
   *
   * @param release the release
   * @param namespace the namespace
   * @return the message
   */
  public static String interrupted(String release, String namespace) {
    return "The operation on " + release(release, namespace) + " was interrupted; some objects may have been changed. "
        + "Run it again: it picks up where this one stopped and prunes what is no longer wanted.";
  }

  static String renderFailed(String chart, String helmMessage) {
    return "Rendering the chart " + chart + " failed: " + helmMessage
        + ". Fix the values (the message names the template and the key), then install again.";
  }

  static String incompleteObject(String source) {
    return "The chart rendered an object without apiVersion, kind or metadata.name in " + source
        + "; nothing can be applied. Check the chart's template.";
  }

  static String duplicate(ObjectRef ref) {
    return "The chart renders " + ref + " twice; Helm would refuse it too. Check the chart's templates and values.";
  }

  /**
   * The chart renders kinds the cluster does not serve.
   *
   * @param release the release
   * @param namespace the namespace
   * @param objects the objects
   * @return the message
   */
  public static String unserved(String release, String namespace, List<String> objects) {
    return "Cannot install " + release(release, namespace) + ": the cluster does not serve the API of "
        + list(objects) + "\nInstall the CustomResourceDefinitions of those APIs first (for example the Gateway API's), "
        + "or change the values so that the chart does not render them.";
  }

  /**
   * The chart could not be fetched or rendered.
   *
   * @param release the release
   * @param namespace the namespace
   * @param reason why
   * @return the message
   */
  public static String chart(String release, String namespace, String reason) {
    return "Cannot install " + release(release, namespace) + ": " + reason;
  }

  /**
   * The chart could not be rendered for its pre-delete hooks.
   *
   * @param release the release
   * @param namespace the namespace
   * @param reason why
   * @return the message
   */
  public static String chartForUninstall(String release, String namespace, String reason) {
    return "Cannot uninstall " + release(release, namespace) + ": the chart must render to run its pre-delete hooks, "
        + "and " + lowerFirst(reason) + " Pass the installation (chart and values) the release was installed with.";
  }

  static String hookFailed(String event, ObjectRef hook, String reason, JobLogs.Evidence evidence) {
    StringBuilder sb = new StringBuilder("The ").append(event).append(" hook ").append(hook).append(" failed (")
        .append(reason).append(").");
    sb.append(evidence(evidence));
    boolean unread = evidence.log().isBlank() && !evidence.problem().isEmpty();
    sb.append(unread ? "\nFix the cause (for validate-values: the values its log names), then install again"
        : "\nFix what the log says (for validate-values: the values it names), then install again");
    if (hook.kind().equals("Job")) {
      sb.append(unread ? "; its log is in `kubectl logs job/" : "; the same log is in `kubectl logs job/")
          .append(hook.name()).append(" -n ").append(hook.namespace().orElse("default"))
          .append(unread ? "` where its node serves logs, until the Job is deleted" : "` until the Job is deleted");
    }
    return sb.append('.').toString();
  }

  private static String evidence(JobLogs.Evidence evidence) {
    if (!evidence.log().isBlank()) {
      return " Its log:\n" + evidence.log().lines().map(l -> "    " + l).collect(Collectors.joining("\n"));
    }
    if (evidence.problem().isEmpty()) {
      return " Its Pods left no log.";
    }
    return " Its log could not be read: " + evidence.problem() + "."
        + (evidence.events().isEmpty() ? "" : "\nRecent events:\n"
            + evidence.events().stream().map(l -> "    " + l).collect(Collectors.joining("\n")));
  }

  static String hookTimedOut(String event, ObjectRef hook, Duration timeout, String state) {
    return "Timed out after " + format(timeout) + " waiting for the " + event + " hook " + hook + " to complete ("
        + state + "). Check its Pods (`kubectl describe`), or raise the timeout with timeout(..).";
  }

  static String timeout(String release, String namespace, Duration timeout, List<NotReady> notReady) {
    return "Timed out after " + format(timeout) + " installing " + release(release, namespace) + "; "
        + notReady.size() + (notReady.size() == 1 ? " object is" : " objects are") + " not ready:\n"
        + notReady.stream().limit(LISTED).map(n -> "  - " + n).collect(Collectors.joining("\n"))
        + (notReady.size() > LISTED ? "\n  - ..." : "")
        + "\nCheck their Pods and events (`kubectl describe`), or raise the timeout with timeout(..); "
        + "installing again resumes the wait.";
  }

  static String timeoutBeforeWait(String release, String namespace, Duration timeout, String during) {
    return "Timed out after " + format(timeout) + " installing " + release(release, namespace) + " while " + during
        + ". Raise the timeout with timeout(..) and install again; it resumes where this one stopped.";
  }

  static String workloadFailed(String release, String namespace, ObjectRef object, String reason,
      JobLogs.Evidence evidence) {
    return "Installing " + release(release, namespace) + " failed: " + object + " failed (" + reason + ")."
        + (evidence.log().isBlank() && evidence.problem().isEmpty() ? "" : evidence(evidence))
        + "\nFix the cause, then install again.";
  }

  static String ownership(String release, String namespace, List<String> conflicts) {
    return "Cannot install " + release(release, namespace) + ": " + conflicts.size()
        + (conflicts.size() == 1 ? " object exists and belongs" : " objects exist and belong")
        + " to someone else:\n" + conflicts.stream().limit(LISTED * 3).map(c -> "  - " + c).collect(Collectors.joining("\n"))
        + (conflicts.size() > LISTED * 3 ? "\n  - ..." : "")
        + "\nTo take them over, build the installer with adoptExisting(true): it applies them with this release's "
        + "Helm ownership (label app.kubernetes.io/managed-by=Helm, annotations meta.helm.sh/release-name and "
        + "meta.helm.sh/release-namespace), as the chart's adopt-crds.sh script does. Or remove them first.";
  }

  static String locked(String release, String namespace, String lease, String holder, Instant since, Instant renewed,
      Instant expires, Instant now) {
    return "Cannot change " + release(release, namespace) + ": another install or uninstall of it is running; the lock "
        + "(Lease " + namespace + "/" + lease + ") is held by " + holder + " since " + instant(since) + " (last renewed "
        + ago(renewed, now) + ").\n"
        + "Wait for it to finish. If that process died, its lock expires at " + instant(expires) + " (in "
        + seconds(Duration.between(now, expires)) + ") and the next install takes it over; if you are sure it is "
        + "gone, delete the Lease (kubectl delete lease -n " + namespace + " " + lease + ") to go on at once.";
  }

  static String lockedJustNow(String release, String namespace, String lease) {
    return "Cannot change " + release(release, namespace) + ": another install or uninstall of it took the lock "
        + "(Lease " + namespace + "/" + lease + ") just now, while this one tried to. Wait for it to finish.";
  }

  private static String seconds(Duration d) {
    long s = Math.max(0, d.getSeconds());
    return s < 60 ? s + " s" : format(Duration.ofSeconds(s));
  }

  private static String instant(Instant t) {
    return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  static String lockLost(String release, String namespace, String lease) {
    return "Stopped changing " + release(release, namespace) + ": its lock (Lease " + namespace + "/" + lease
        + ") was taken over by another process while this one ran. Let the other one finish, then install again.";
  }

  static String api(String release, String namespace, String doing, KubeApiException e) {
    String why = e.code() == 0 ? e.serverMessage()
        : "HTTP " + e.code() + (e.reason().isEmpty() ? "" : " " + e.reason()) + ": " + e.serverMessage();
    String fix;
    if (e.code() == 401) {
      fix = "Check the kubeconfig's credentials.";
    } else if (e.code() == 403) {
      fix = "The install needs cluster-admin permissions; check the kubeconfig's user and its RBAC.";
    } else if (e.code() == 409) {
      fix = "Another client changed the object meanwhile; install again.";
    } else if (e.code() == 422 || e.code() == 400) {
      fix = "The API server rejected the object as the chart rendered it; check the values it names.";
    } else if (e.code() == 0 || e.code() >= 500 || e.code() == 429) {
      fix = "The API server did not answer after every retry; check the cluster and install again, which resumes "
          + "where this one stopped.";
    } else {
      fix = "Install again once the cause is fixed.";
    }
    return "Installing " + release(release, namespace) + " failed while " + doing + ": " + why + ". " + fix;
  }

  static String format(Duration d) {
    long s = d.getSeconds();
    if (s < 60) {
      return d.toMillis() < 1000 ? d.toMillis() + " ms" : s + " s";
    }
    return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
  }

  static String ago(Instant then, Instant now) {
    long s = Math.max(0, Duration.between(then, now).getSeconds());
    return s + " s ago";
  }

  private static String list(List<String> items) {
    return items.stream().limit(LISTED).map(i -> "\n  - " + i).collect(Collectors.joining())
        + (items.size() > LISTED ? "\n  - ..." : "");
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
