package io.gitopsruntime.helm.internal;

import io.gitopsruntime.core.Redactor;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.NotReady;
import io.gitopsruntime.install.ObjectRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Helm's error text (from the binary's stderr or helm-java's exception) into an
 * {@link InstallException} that says what failed, why, and how to recover: it classifies the error, then
 * looks in the cluster for the real reason (a failed hook's log, the objects in an ownership conflict,
 * what was not ready, the revision to roll back to). Both installers use it. Stateless and thread-safe.
 */
public final class FailureDiagnosis {
  private static final Logger log = LoggerFactory.getLogger(FailureDiagnosis.class);

  static final String PENDING = "another operation (install/upgrade/rollback) is in progress";
  private static final Pattern JOB_FAILED = Pattern.compile("job ([a-z0-9][-a-z0-9.]*) failed: ([A-Za-z]+)");
  /** Helm 4's wait (kstatus) on a hook Job: {@code resource Job/NS/X not ready. status: Failed, message: M}. */
  private static final Pattern JOB_NOT_READY = Pattern.compile(
      "resource Job/([^/\\s]*)/([a-z0-9][-a-z0-9.]*) not ready\\. status: Failed, message: ([^\\n]*)");
  /** Helm 4's server-side apply conflict: {@code conflict occurred while applying object NS/X G/V, Kind=K: ...}. */
  private static final Pattern FIELD_CONFLICT = Pattern.compile(
      "conflict occurred while applying object ([^/\\s]*)/(\\S+) (\\S*), Kind=(\\w+): (?:Apply failed with )?([^\\n]*)");
  /**
   * Log lines Helm writes to stderr besides its error: Helm 4's {@code level=WARN msg=...}, Helm 3's
   * {@code WARNING: ...}, and client-go's {@code I1202 05:00:14.012666 8398 reflector.go:664] ...} (klog).
   */
  private static final Pattern LOG_LINE = Pattern.compile(
      "^(level=(WARN|INFO|DEBUG) .*|WARNING: .*|[IW]\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d+ +\\d+ [^ ]+:\\d+\\] .*)$");
  private static final Pattern HOOK_EVENT = Pattern.compile("\\b(pre|post)-(install|upgrade|delete|rollback)\\b");
  private static final Pattern CONFLICT = Pattern.compile(
      "([A-Za-z]+) \"([^\"]+)\" in namespace \"([^\"]*)\" exists and cannot be imported into the current release");
  private static final Pattern EOF = Pattern.compile("\\bEOF\\b");
  private static final List<String> TIMEOUTS = List.of("context deadline exceeded", "timed out waiting for the condition",
      "timed out waiting", "i/o timeout waiting");
  private static final List<String> API = List.of("kubernetes cluster unreachable", "connection refused", "is forbidden",
      "unauthorized", "an error on the server", "internal error occurred", "failed to create resource",
      "failed to create:", "failed to update", "failed to delete", "failed to patch", "connection reset", "unexpected eof",
      "no such host", "tls handshake", "too many requests", "the server ", "injected fault");
  private static final List<String> CHART = List.of("execution error at", "parse error", "failed to download",
      "chart.yaml file is missing", "no chart version found", "not a valid chart", "failed to fetch", "unable to locate chart",
      "error converting yaml", "chart requires kubeversion", "unable to build kubernetes objects", "failed to load",
      "no chart name found", "failed to authorize", "manifest unknown", "repo ", "looks like \"");

  private FailureDiagnosis() {}

  /** The operation that failed, as messages name it. Immutable. */
  public enum Operation {
    /** A first install. */
    INSTALL("Installing"),
    /** An upgrade of an existing release. */
    UPGRADE("Upgrading"),
    /** An uninstall. */
    UNINSTALL("Uninstalling"),
    /** A plan (nothing is changed). */
    PLAN("Planning"),
    /** A status query. */
    STATUS("Reading the status of");

    private final String verb;

    Operation(String verb) {
      this.verb = verb;
    }
  }

  /** What a diagnosis knows about the failed call. Not thread-safe: build one per operation. */
  public static final class Context {
    private final Operation operation;
    private final String release;
    private final String namespace;
    private final Redactor redactor;
    private String chart = "";
    private Duration timeout = Duration.ZERO;
    private @Nullable ClusterDiagnostics cluster;
    private InstallListener listener = InstallListener.NONE;
    private Supplier<List<HelmRevision>> history = List::of;
    private List<ObjectRef> rendered = List.of();
    private KubeTarget kube = new KubeTarget(Optional.empty(), Optional.empty());
    private String command = "";
    private @Nullable Integer exitCode;

    /**
     * Starts a context.
     *
     * @param operation what failed
     * @param release the release
     * @param namespace the namespace
     * @param redactor masks the installation's secrets in everything the message quotes
     */
    public Context(Operation operation, String release, String namespace, Redactor redactor) {
      this.operation = operation;
      this.release = release;
      this.namespace = namespace;
      this.redactor = redactor;
    }

    /**
     * The chart reference, for chart errors.
     *
     * @param chart the reference
     * @return this context
     */
    public Context chart(String chart) {
      this.chart = chart;
      return this;
    }

    /**
     * Helm's timeout, for timeout messages.
     *
     * @param timeout the timeout
     * @return this context
     */
    public Context timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * Where to look in the cluster; without it, messages say what could not be read.
     *
     * @param cluster the diagnostics, or null
     * @return this context
     */
    public Context cluster(@Nullable ClusterDiagnostics cluster) {
      this.cluster = cluster;
      return this;
    }

    /**
     * Told of a failed hook.
     *
     * @param listener the listener
     * @return this context
     */
    public Context listener(InstallListener listener) {
      this.listener = listener;
      return this;
    }

    /**
     * Reads the release's history, for the revision to roll back to.
     *
     * @param history reads it (may throw; then the message gives the commands to find it)
     * @return this context
     */
    public Context history(Supplier<List<HelmRevision>> history) {
      this.history = history;
      return this;
    }

    /**
     * The release's rendered objects, checked for ownership conflicts.
     *
     * @param rendered the objects
     * @return this context
     */
    public Context rendered(List<ObjectRef> rendered) {
      this.rendered = List.copyOf(rendered);
      return this;
    }

    /**
     * Where the cluster is, for the commands in messages.
     *
     * @param kube the kubeconfig and context
     * @return this context
     */
    public Context kube(KubeTarget kube) {
      this.kube = kube;
      return this;
    }

    /**
     * The command that failed, already masked, and its exit code.
     *
     * @param maskedCommand the command line
     * @param exitCode its exit code, or null when it did not exit by itself
     * @return this context
     */
    public Context command(String maskedCommand, @Nullable Integer exitCode) {
      this.command = maskedCommand;
      this.exitCode = exitCode;
      return this;
    }

    private String intro() {
      return operation.verb + " release \"" + release + "\" in namespace \"" + namespace + "\" failed: ";
    }
  }

  /**
   * Classifies Helm's error text (Helm 3's or Helm 4's wording); warnings and log lines in it are ignored.
   *
   * @param helmError the error text
   * @return the kind of failure
   */
  public static FailureKind classify(String helmError) {
    String error = clean(helmError);
    String lower = error.toLowerCase(Locale.ROOT);
    if (lower.contains(PENDING)) {
      return FailureKind.PENDING_RELEASE;
    }
    if (lower.contains("cannot be imported into the current release") || lower.contains("invalid ownership metadata")
        || FIELD_CONFLICT.matcher(error).find()) {
      return FailureKind.OWNERSHIP_CONFLICT;
    }
    if (JOB_FAILED.matcher(error).find() || (JOB_NOT_READY.matcher(error).find() && HOOK_EVENT.matcher(lower).find())
        || lower.contains("backofflimitexceeded")
        || lower.contains("job has reached the specified backoff limit")
        || (HOOK_EVENT.matcher(lower).find() && lower.matches("(?s).*\\bpod [^ ]+ failed.*"))) {
      return FailureKind.HOOK_FAILED;
    }
    if (TIMEOUTS.stream().anyMatch(lower::contains)) {
      return FailureKind.TIMEOUT;
    }
    if (lower.contains("warning: hook ") || API.stream().anyMatch(lower::contains) || EOF.matcher(error).find()) {
      return FailureKind.KUBERNETES_API;
    }
    if (CHART.stream().anyMatch(lower::contains)) {
      return FailureKind.CHART;
    }
    return FailureKind.OTHER;
  }

  /**
   * Diagnoses a failure.
   *
   * @param context what is known about the call
   * @param helmError Helm's error text (masked here again)
   * @param cause the original exception, or null
   * @return the exception to throw
   */
  public static InstallException diagnose(Context context, String helmError, @Nullable Throwable cause) {
    String error = context.redactor.redact(clean(helmError));
    FailureKind kind = classify(error);
    String body;
    switch (kind) {
      case PENDING_RELEASE:
        body = pending(context, error);
        break;
      case OWNERSHIP_CONFLICT:
        body = FIELD_CONFLICT.matcher(error).find() ? fieldConflict(error) : ownership(context, error);
        break;
      case HOOK_FAILED:
        body = hook(context, error);
        break;
      case TIMEOUT:
        body = timeout(context, "Helm gave up waiting after " + Remedies.format(context.timeout) + " (\"" + firstLine(error) + "\").");
        break;
      case KUBERNETES_API:
        body = "a request to the Kubernetes API failed: " + error + "\n" + Remedies.kubernetesApi();
        break;
      case CHART:
        body = "the chart could not be loaded or rendered: " + error + "\n" + Remedies.chart(context.chart);
        break;
      default:
        body = error.toLowerCase(Locale.ROOT).contains("has no deployed releases")
            ? "the release's first install failed, and Helm will not upgrade it (\"" + firstLine(error) + "\").\n"
                + Remedies.noDeployedRelease(context.release, context.namespace, context.kube)
            : error;
    }
    return exception(context, kind, body, cause);
  }

  /**
   * The failure of a Helm process the installer stopped because it ran out of time.
   *
   * @param context what is known about the call
   * @param limit how long it ran
   * @param cause the original exception, or null
   * @return the exception to throw
   */
  public static InstallException stopped(Context context, Duration limit, @Nullable Throwable cause) {
    return exception(context, FailureKind.TIMEOUT, timeout(context, "helm did not finish within " + Remedies.format(limit)
        + " and was stopped; Helm marks the release failed when stopped this way, and the next install continues from there."),
        cause);
  }

  /**
   * A failure for which there is nothing to look up.
   *
   * @param context what is known about the call
   * @param kind the kind
   * @param body what failed and why, and how to recover
   * @param cause the original exception, or null
   * @return the exception to throw
   */
  public static InstallException exception(Context context, FailureKind kind, String body, @Nullable Throwable cause) {
    String message = context.intro() + body;
    if (!context.command.isEmpty()) {
      message += "\nCommand: " + context.command + (context.exitCode == null ? "" : " (exit code " + context.exitCode + ")");
    }
    return new InstallException(kind, context.release, context.namespace, context.redactor.redact(message), cause);
  }

  private static String pending(Context c, String error) {
    List<HelmRevision> history;
    try {
      history = c.history.get();
    } catch (RuntimeException e) {
      log.debug("could not read the history of {}: {}", c.release, e.toString());
      history = List.of();
    }
    Optional<HelmRevision> pending = history.stream().filter(r -> r.status().startsWith("pending-"))
        .max((a, b) -> Integer.compare(a.revision(), b.revision()));
    String state = pending.map(r -> r.status() + " (revision " + r.revision() + ")").orElse("a pending state");
    String body = "the release is stuck in " + state + ": an earlier operation on it was interrupted, and Helm refuses"
        + " to start another (\"" + PENDING + "\").\n";
    if (history.isEmpty()) {
      return body + "Find the last deployed revision with: helm history " + c.release + " -n " + c.namespace
          + c.kube.helmFlagText() + "\nthen roll back to it with helm rollback " + c.release + " <revision> -n "
          + c.namespace + ", or, if it was never deployed, remove it with helm uninstall " + c.release + " -n " + c.namespace
          + "; then run the install again.";
    }
    Optional<Integer> target = HelmRevision.rollbackTarget(history);
    return body + (target.isPresent() ? Remedies.rollBack(c.release, c.namespace, target.get(), c.kube)
        : Remedies.removePendingInstall(c.release, c.namespace, c.kube));
  }

  private static String ownership(Context c, String error) {
    Map<ObjectRef, List<String>> conflicts = new LinkedHashMap<>();
    if (c.cluster != null) {
      List<ObjectRef> candidates = new ArrayList<>(named(error, c.namespace));
      c.rendered.stream().filter(r -> !candidates.contains(r)).forEach(candidates::add);
      for (ClusterDiagnostics.OwnershipConflict conflict : c.cluster.ownershipConflicts(candidates, c.release, c.namespace)) {
        conflicts.put(conflict.object(), conflict.problems());
      }
    }
    if (conflicts.isEmpty()) {
      for (ObjectRef ref : named(error, c.namespace)) {
        conflicts.put(ref, List.of(error.substring(error.indexOf("invalid ownership metadata"))));
      }
    }
    if (conflicts.isEmpty()) {
      return "an object already exists and does not belong to this release: " + error + "\n" + Remedies.adoptionCaveat();
    }
    StringBuilder out = new StringBuilder();
    out.append(conflicts.size() == 1 ? "1 object already exists" : conflicts.size() + " objects already exist")
        .append(" without this release's ownership metadata, so Helm will not adopt ")
        .append(conflicts.size() == 1 ? "it" : "them").append(":\n");
    conflicts.forEach((ref, problems) -> out.append("  ").append(ref).append(": ").append(String.join("; ", problems)).append('\n'));
    out.append("If they are left over from an earlier install of this runtime or of Argo CD, build the installer"
        + " with adoptExisting(true) to adopt them, or adopt them yourself (Codefresh's adopt-crds.sh does the same for"
        + " CRDs):\n");
    conflicts.keySet().forEach(ref -> out.append(Remedies.adopt(ref, c.release, c.namespace, c.kube)).append('\n'));
    return out.append(Remedies.adoptionCaveat()).toString();
  }

  private static String fieldConflict(String error) {
    Matcher m = FIELD_CONFLICT.matcher(error);
    StringBuilder out = new StringBuilder("server-side apply met fields that another field manager owns:\n");
    while (m.find()) {
      String object = m.group(4) + (m.group(1).isEmpty() ? "" : "/" + m.group(1)) + "/" + m.group(2);
      out.append("  ").append(object).append(": ").append(m.group(5)).append('\n');
    }
    return out.append(Remedies.fieldConflict()).toString();
  }

  private static List<ObjectRef> named(String error, String namespace) {
    List<ObjectRef> refs = new ArrayList<>();
    Matcher m = CONFLICT.matcher(error);
    while (m.find()) {
      String kind = m.group(1);
      String apiVersion = kind.equals("CustomResourceDefinition") ? "apiextensions.k8s.io/v1" : guessApiVersion(kind);
      refs.add(m.group(3).isEmpty() ? ObjectRef.clusterScoped(apiVersion, kind, m.group(2))
          : ObjectRef.of(apiVersion, kind, m.group(3), m.group(2)));
    }
    return refs;
  }

  private static String guessApiVersion(String kind) {
    switch (kind) {
      case "Deployment":
      case "StatefulSet":
      case "DaemonSet":
        return "apps/v1";
      case "ClusterRole":
      case "ClusterRoleBinding":
      case "Role":
      case "RoleBinding":
        return "rbac.authorization.k8s.io/v1";
      case "Job":
        return "batch/v1";
      default:
        return "v1";
    }
  }

  private static String hook(Context c, String error) {
    Matcher job = JOB_FAILED.matcher(error);
    Matcher notReady = JOB_NOT_READY.matcher(error);
    String jobName = job.find() ? job.group(1) : notReady.find() ? notReady.group(2) : null;
    Matcher event = HOOK_EVENT.matcher(error);
    String hookEvent = event.find() ? event.group() : "";
    Optional<ClusterDiagnostics.FailedHook> failed = c.cluster == null ? Optional.empty() : c.cluster.failedHook(c.namespace, jobName);
    String what = "the " + (hookEvent.isEmpty() ? "" : hookEvent + " ") + "hook Job";
    if (failed.isEmpty()) {
      String name = jobName == null ? "" : " \"" + jobName + "\"";
      return what + name + " failed (\"" + firstLine(error) + "\"), and its log could not be read: "
          + (c.cluster == null ? "there is no Kubernetes client." : "no failed hook Job is left in the namespace.")
          + "\n" + (jobName != null ? Remedies.hookLogUnread(ObjectRef.of("batch/v1", "Job", c.namespace, jobName), c.kube)
              : "Read the logs of the namespace's hook Jobs with kubectl logs job/<name> -n " + c.namespace + ".");
    }
    ClusterDiagnostics.FailedHook hook = failed.get();
    c.listener.hookFinished(hook.job(), false);
    String reason = hook.reason().isEmpty() ? reasonOf(error) : hook.reason();
    String head = what + " \"" + hook.job().name() + "\" failed" + (reason.isEmpty() ? "" : " (" + reason + ")");
    if (hook.log().isPresent()) {
      return head + ". Its log says:\n" + indent(hook.log().get()) + "\n" + Remedies.hookLogRead(hook.job(), c.kube);
    }
    return head + ", and its log could not be read: " + hook.logProblem() + "."
        + (hook.events().isEmpty() ? "" : "\nRecent events:\n" + indent(String.join("\n", hook.events())))
        + "\n" + Remedies.hookLogUnread(hook.job(), c.kube);
  }

  private static String reasonOf(String error) {
    Matcher m = JOB_FAILED.matcher(error);
    if (m.find()) {
      return m.group(2);
    }
    Matcher notReady = JOB_NOT_READY.matcher(error);
    return notReady.find() ? notReady.group(3).strip() : "";
  }

  private static String timeout(Context c, String what) {
    List<NotReady> notReady = c.cluster == null ? List.of() : c.cluster.notReady(c.release, c.namespace);
    String state = c.cluster == null ? "What was not ready could not be read: there is no Kubernetes client."
        : notReady.isEmpty() ? "Every workload of the release is ready now: it may have become ready after Helm gave up."
            : "Not ready:\n" + notReady.stream().map(n -> "  " + n).collect(Collectors.joining("\n"));
    return what + "\n" + state + "\n" + Remedies.timeout(c.namespace, c.kube);
  }

  private static String indent(String text) {
    return text.lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.endsWith(":") ? text.strip().replaceAll("\\s*\\n\\s*\\*?\\s*", " ") : line;
  }

  /**
   * Removes what is not Helm's error: warnings and log lines (Helm 4's {@code level=WARN msg=...}, Helm 3's
   * {@code WARNING: ...}), the {@code Error:} and {@code INSTALLATION FAILED:} prefixes, and blank lines. When
   * nothing but warnings is left, they are the message.
   */
  static String clean(String error) {
    String all = Objects.requireNonNullElse(error, "").strip();
    String out = all.lines().filter(l -> !l.isBlank() && !LOG_LINE.matcher(l.strip()).matches())
        .collect(Collectors.joining("\n")).strip();
    if (out.isEmpty()) {
      out = all;
    }
    out = out.replaceFirst("^Error: ", "");
    out = out.replaceFirst("^(INSTALLATION|UPGRADE) FAILED: ", "");
    return out.lines().filter(l -> !l.isBlank()).collect(Collectors.joining("\n"));
  }
}
