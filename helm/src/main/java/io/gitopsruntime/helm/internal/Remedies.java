package io.gitopsruntime.helm.internal;

import io.gitopsruntime.install.ObjectRef;
import java.time.Duration;
import java.util.Locale;

/**
 * Every sentence the installers use to tell a person how to recover from a failure, in one place so that
 * they stay consistent. Stateless and thread-safe.
 */
public final class Remedies {
  /** The Helm version the installers need: 3.10.0, the first with {@code --set-json}, which exported commands use. */
  public static final String MINIMUM_HELM = "3.10.0";

  private Remedies() {}

  /**
   * After a failed hook Job whose log was read.
   *
   * @param job the Job
   * @param kube where the cluster is
   * @return the remedy
   */
  public static String hookLogRead(ObjectRef job, KubeTarget kube) {
    return "Fix what the log says and run the install again. Until Kubernetes deletes the Job (about 5 minutes after"
        + " it failed), its full log is shown by: " + kubectlLogs(job, kube);
  }

  /**
   * After a failed hook Job whose log could not be read.
   *
   * @param job the Job
   * @param kube where the cluster is
   * @return the remedy
   */
  public static String hookLogUnread(ObjectRef job, KubeTarget kube) {
    return "Read its log while the Job still exists (Kubernetes deletes it about 5 minutes after it failed): "
        + kubectlLogs(job, kube) + ". Then fix the cause and run the install again.";
  }

  private static String kubectlLogs(ObjectRef job, KubeTarget kube) {
    return "kubectl logs job/" + job.name() + " -n " + job.namespace().orElse("default") + kube.kubectlFlagText();
  }

  /**
   * A pending release with a revision to roll back to.
   *
   * @param release the release
   * @param namespace its namespace
   * @param revision the last deployed revision
   * @param kube where the cluster is
   * @return the remedy
   */
  public static String rollBack(String release, String namespace, int revision, KubeTarget kube) {
    return "If no other install of this release is running, roll back to the last deployed revision, then run the"
        + " install again:\n  helm rollback " + release + " " + revision + " -n " + namespace + kube.helmFlagText();
  }

  /**
   * A pending first install, which has nothing to roll back to.
   *
   * @param release the release
   * @param namespace its namespace
   * @param kube where the cluster is
   * @return the remedy
   */
  public static String removePendingInstall(String release, String namespace, KubeTarget kube) {
    return "If no other install of this release is running, remove the unfinished first install, then run the install"
        + " again:\n  helm uninstall " + release + " -n " + namespace + kube.helmFlagText();
  }

  /**
   * The commands that let a release adopt an existing object.
   *
   * @param object the object
   * @param release the release
   * @param namespace the release namespace
   * @param kube where the cluster is
   * @return two {@code kubectl} commands, one per line, indented
   */
  public static String adopt(ObjectRef object, String release, String namespace, KubeTarget kube) {
    String target = kubectlType(object) + " " + object.name() + object.namespace().map(ns -> " -n " + ns).orElse("")
        + kube.kubectlFlagText();
    return "  kubectl label " + target + " " + ClusterDiagnostics.MANAGED_BY + "=Helm --overwrite\n"
        + "  kubectl annotate " + target + " " + ClusterDiagnostics.RELEASE_NAME + "=" + release + " "
        + ClusterDiagnostics.RELEASE_NAMESPACE + "=" + namespace + " --overwrite";
  }

  /**
   * What to do about objects that belong to someone else.
   *
   * @return the remedy
   */
  public static String adoptionCaveat() {
    return "If another release owns them (for example another runtime in this cluster), do not adopt them: install this"
        + " runtime without its CRDs instead (only the first runtime of a cluster installs them). Helm 3.17 or newer can"
        + " also adopt them itself with --take-ownership.";
  }

  /**
   * After Helm gave up waiting.
   *
   * @param namespace the namespace
   * @param kube where the cluster is
   * @return the remedy
   */
  public static String timeout(String namespace, KubeTarget kube) {
    return "Find out why with kubectl get events -n " + namespace + kube.kubectlFlagText() + " and kubectl describe on"
        + " the objects above, fix it, and run the install again; if the cluster is only slow, give it more time with"
        + " timeout(Duration.ofMinutes(15)) (Codefresh recommends at least 10 minutes).";
  }

  /**
   * After a request to the Kubernetes API failed or was refused.
   *
   * @return the remedy
   */
  public static String kubernetesApi() {
    return "Check that the cluster is reachable and that your credentials may change it, then run the install again:"
        + " it continues from where this one stopped.";
  }

  /**
   * After the chart could not be loaded or rendered.
   *
   * @param chart the chart reference
   * @return the remedy
   */
  public static String chart(String chart) {
    return "Check the chart reference (" + chart + "), its version and your access to its registry; for a template"
        + " error, check the values it names.";
  }

  /**
   * After a first install failed and left a release with no deployed revision.
   *
   * @param release the release
   * @param namespace its namespace
   * @param kube where the cluster is
   * @return the remedy
   */
  public static String noDeployedRelease(String release, String namespace, KubeTarget kube) {
    return "Remove the failed release, then run the install again:\n  helm uninstall " + release + " -n " + namespace
        + kube.helmFlagText();
  }

  /**
   * After Helm 4's server-side apply met fields another field manager owns.
   *
   * @return the remedy
   */
  public static String fieldConflict() {
    return "The installer does not take over fields another tool manages. Stop that tool from managing them (or remove"
        + " them from its configuration), or let this release take them over with"
        + " HelmCliInstaller.builder().forceConflicts(true) (helm's --force-conflicts); then run the install again.";
  }

  /**
   * When the Helm binary is missing.
   *
   * @return the remedy
   */
  public static String installHelm() {
    return "Install Helm " + MINIMUM_HELM + " or newer (https://helm.sh/docs/intro/install/), or set its path with"
        + " HelmCliInstaller.builder().helmExecutable(Path.of(\"/path/to/helm\")), or use EmbeddedHelmInstaller, which"
        + " needs no binary.";
  }

  /**
   * A duration as Helm prints it, such as {@code 5m0s} or {@code 90s}.
   *
   * @param d the duration
   * @return the text
   */
  public static String format(Duration d) {
    long seconds = d.toSeconds();
    if (seconds >= 60 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    if (seconds >= 60) {
      return seconds / 60 + "m" + seconds % 60 + "s";
    }
    return seconds > 0 ? seconds + "s" : d.toMillis() + "ms";
  }

  private static String kubectlType(ObjectRef object) {
    String kind = object.kind().toLowerCase(Locale.ROOT);
    int slash = object.apiVersion().indexOf('/');
    String group = slash < 0 ? "" : object.apiVersion().substring(0, slash);
    boolean builtIn = group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
    return builtIn ? kind : kind + "." + group;
  }
}
