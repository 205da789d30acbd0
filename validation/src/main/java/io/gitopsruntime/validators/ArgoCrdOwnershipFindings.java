package io.gitopsruntime.validators;

import io.gitopsruntime.validators.internal.Wording;
import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.gitopsruntime.validation.Finding;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The findings of {@link ArgoCrdOwnershipValidator}: Argo Project CRDs Helm would not adopt. Thread-safe; no state. */
final class ArgoCrdOwnershipFindings {
  private ArgoCrdOwnershipFindings() {}

  /**
   * Ownership metadata an Argo CRD lacks, for {@link #argoCrdNotOwned}.
   *
   * @param kind {@code label} or {@code annotation}
   * @param key the key
   * @param value the value it needs
   * @param actual the value it has, or null when absent
   * @return for example {@code annotation meta.helm.sh/release-name is "other", not "cf-gitops-runtime"}
   */
  static String ownershipGap(String kind, String key, String value, @Nullable String actual) {
    return actual == null ? "no " + kind + " " + key + "=" + value
        : kind + " " + key + " is " + q(actual) + ", not " + q(value);
  }

  /**
   * An Argo CRD the chart installs exists without this release's ownership.
   *
   * @param crd the CRD's name
   * @param path the values key that makes the chart install it, such as {@code argo-cd.crds.install}
   * @param component the subchart that installs it, such as {@code Argo CD}
   * @param gaps what the CRD lacks, worded by {@link #ownershipGap}
   * @param ownerRelease the Helm release its annotations name now, or empty
   * @param ownerNamespace that release's namespace, or empty
   * @param release this release
   * @param namespace this release's namespace
   * @return the finding
   */
  static Finding argoCrdNotOwned(String crd, String path, String component, List<String> gaps,
      String ownerRelease, String ownerNamespace, String release, String namespace) {
    String owner = ownerRelease.isEmpty() ? ""
        : "release " + q(ownerRelease) + (ownerNamespace.isEmpty() ? "" : " in namespace " + q(ownerNamespace));
    String command = "kubectl label crd " + crd + " app.kubernetes.io/managed-by=Helm --overwrite && kubectl annotate"
        + " crd " + crd + " meta.helm.sh/release-name=" + release + " meta.helm.sh/release-namespace=" + namespace
        + " --overwrite";
    String fix = "Hand it to release " + q(release) + " in namespace " + q(namespace) + ": " + command + ".";
    if (!owner.isEmpty()) {
      fix += " If " + owner + " is another GitOps Runtime, rather set " + path + "=false, so that only one release"
          + " installs the CRDs.";
    }
    return Finding.error(CLUSTER_ARGO_CRD_OWNERSHIP, path,
        "CRD " + q(crd) + " exists " + (owner.isEmpty() ? "outside this release" : "in Helm " + owner) + " ("
            + String.join("; ", gaps) + "), and the chart's " + component + " installs it too: Helm refuses to"
            + " adopt it (\"exists and cannot be imported into the current release\") and the installation fails.",
        fix);
  }

  /**
   * Argo CD's CRDs belong to the user's own Argo CD.
   *
   * @param crds the CRDs
   * @return the finding
   */
  static Finding argoCrdsOfOwnArgoCd(List<String> crds) {
    return info(CLUSTER_ARGO_CRD_OWNERSHIP, "argo-cd.enabled",
        "CRD" + (crds.size() > 1 ? "s " : " ") + String.join(", ", crds.stream().map(Wording::q).toList())
            + (crds.size() > 1 ? " belong" : " belongs") + " to your own Argo CD: with argo-cd.enabled=false the"
            + " chart does not install " + (crds.size() > 1 ? "them" : "it") + ", so Helm leaves "
            + (crds.size() > 1 ? "them" : "it") + " alone.",
        "Do not hand " + (crds.size() > 1 ? "them" : "it") + " to this release.");
  }
}
