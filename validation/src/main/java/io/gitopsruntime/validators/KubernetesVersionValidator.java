package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidatorKind;
import io.gitopsruntime.validators.internal.Findings;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks that the Kubernetes server is 1.23 or later, the oldest version the GitOps Runtime supports. The
 * version is read from {@code /version}'s {@code gitVersion}, which providers decorate
 * ({@code v1.29.3-eks-4f4795d}, {@code v1.30.2-gke.1587003}); a gitVersion that cannot be read is a warning.
 *
 * <p>Reads the cluster through the {@link KubernetesClient} attached to the context; without one, reports an
 * INFO finding saying how to run the check. Rules: {@value RuleIds#CLUSTER_KUBERNETES_VERSION},
 * {@value RuleIds#CLUSTER_SKIPPED}, {@value RuleIds#CLUSTER_API_ERROR}. Kind {@link ValidatorKind#CLUSTER}.
 * Stateless and thread-safe.
 */
final class KubernetesVersionValidator extends ClusterValidator {
  /** This validator's id. */
  static final String ID = "cluster.kubernetes-version";

  private static final Pattern GIT_VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?([-+].*)?");
  private static final int OLDEST_MAJOR = 1;
  private static final int OLDEST_MINOR = 23;

  /** Creates the validator. */
  KubernetesVersionValidator() {
    super(ID, ClusterCheck.KUBERNETES_VERSION);
  }

  @Override
  void check(ValidationContext context, KubernetesClient client, Findings out) {
    VersionInfo info = call(ClusterCall.VERSION, client::getKubernetesVersion);
    String gitVersion = info == null || info.getGitVersion() == null ? "" : info.getGitVersion().strip();
    Optional<int[]> version = parse(gitVersion);
    if (version.isEmpty()) {
      out.add(kubernetesVersionUnknown(gitVersion));
      return;
    }
    int[] v = version.get();
    if (v[0] < OLDEST_MAJOR || (v[0] == OLDEST_MAJOR && v[1] < OLDEST_MINOR)) {
      out.add(kubernetesTooOld(v[0] + "." + v[1] + "." + v[2], gitVersion));
    }
  }

  /**
   * Reads a Kubernetes gitVersion.
   *
   * @param gitVersion such as {@code v1.29.3-eks-4f4795d}
   * @return major, minor and patch (0 when absent), or empty when it is not a version
   */
  static Optional<int[]> parse(@Nullable String gitVersion) {
    Matcher m = GIT_VERSION.matcher(gitVersion == null ? "" : gitVersion.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          m.group(3) == null ? 0 : Integer.parseInt(m.group(3))});
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The server is older than 1.23.
   *
   * @param version the version as major.minor.patch
   * @param gitVersion the server's gitVersion
   * @return the finding
   */
  static Finding kubernetesTooOld(String version, String gitVersion) {
    return Finding.error(CLUSTER_KUBERNETES_VERSION, "",
        "The cluster runs Kubernetes " + version + " (" + gitVersion + "), older than 1.23, the oldest version the"
            + " GitOps Runtime supports: the chart uses APIs that only 1.23 and later serve (autoscaling/v2, for"
            + " example).",
        "Upgrade the cluster to Kubernetes 1.23 or later, or install into another cluster.");
  }

  /**
   * The server's version cannot be read.
   *
   * @param gitVersion what the server reported
   * @return the finding
   */
  static Finding kubernetesVersionUnknown(String gitVersion) {
    return Finding.warning(CLUSTER_KUBERNETES_VERSION, "",
        "The cluster reports Kubernetes version " + q(gitVersion) + ", which this check cannot read, so it could"
            + " not confirm 1.23 or later.",
        "Check the server version yourself (kubectl version): the GitOps Runtime needs 1.23 or later.");
  }
}
