package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.gitopsruntime.validation.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The findings of {@link ExistingRuntimeValidator}: other releases and runtimes, and the runtime token. Thread-safe; no state. */
final class ExistingRuntimeFindings {
  private ExistingRuntimeFindings() {}

  /**
   * The GitOps Runtimes of a namespace, in words.
   *
   * @param releases the chart's releases there, name to chart version (empty when unknown)
   * @param runtimes the runtime names its objects carry
   * @return for example {@code release "cf-gitops-runtime" of chart gitops-runtime 0.29.3, runtime "prod-us"}
   */
  static String runtimeDescription(Map<String, String> releases, List<String> runtimes) {
    List<String> parts = new ArrayList<>();
    releases.forEach((release, version) -> parts.add("release " + q(release) + " of chart gitops-runtime"
        + (version.isEmpty() ? "" : " " + version)));
    for (String runtime : runtimes) {
      parts.add("runtime " + q(runtime));
    }
    return parts.isEmpty() ? "objects labelled app.kubernetes.io/part-of=codefresh-gitops-runtime"
        : String.join(", ", parts);
  }

  /**
   * Another release of the chart in the release namespace.
   *
   * @param namespace the namespace
   * @param other the other release's name
   * @param description the other release in words
   * @return the finding
   */
  static Finding otherReleaseInNamespace(String namespace, String other, String description) {
    return Finding.error(CLUSTER_EXISTING_RUNTIME, "release",
        "Namespace " + q(namespace) + " already holds a GitOps Runtime (" + description + "): a second release"
            + " in the same namespace collides with its objects (cap-app-proxy, codefresh-cm, ...) and Helm fails.",
        "To upgrade that runtime, use release name " + q(other) + "; otherwise install into another namespace.");
  }

  /**
   * A runtime in another namespace.
   *
   * @param namespace its namespace
   * @param description the runtime in words
   * @param singleNamespace whether this installation is namespaced
   * @return the finding: a warning, or information when this runtime is namespaced
   */
  static Finding otherRuntime(String namespace, String description, boolean singleNamespace) {
    String crds = "argo-cd.crds.install=false, argo-workflows.crds.install=false and"
        + " gitops-operator.crds.install=false";
    if (singleNamespace) {
      return info(CLUSTER_EXISTING_RUNTIME, "global.runtime.singleNamespace",
          "Another GitOps Runtime runs in namespace " + q(namespace) + " (" + description + "): namespaced runtimes"
              + " can share a cluster when every one of them is namespaced and only the first installs the CRDs.",
          "Unless this is the cluster's first runtime, also set " + crds + ".");
    }
    return Finding.warning(CLUSTER_EXISTING_RUNTIME, "global.runtime.singleNamespace",
        "Another GitOps Runtime runs in namespace " + q(namespace) + " (" + description + "): a cluster holds one"
            + " cluster-wide runtime, and two of them fight over the same CRDs, ClusterRoles and Argo CD"
            + " applications.",
        "Install into another cluster; or make every runtime of the cluster namespaced:"
            + " global.runtime.singleNamespace=true, and for all but the first " + crds + " (the chart's"
            + " values-multi-runtimes files).");
  }

  /**
   * A runtime token in the namespace of this release: an upgrade.
   *
   * @param namespace the namespace
   * @param release the release
   * @return the finding
   */
  static Finding runtimeTokenUpgrade(String namespace, String release) {
    return info(CLUSTER_RUNTIME_TOKEN, "namespace",
        "Namespace " + q(namespace) + " holds release " + q(release) + " and its runtime token (Secret"
            + " codefresh-token), so this is an upgrade: Codefresh's validation hook checks only that the runtime"
            + " still exists on the platform, with that token, and not the API key, the account, the runtime name"
            + " or the Git token.",
        "");
  }

  /**
   * A leftover runtime token.
   *
   * @param namespace the namespace
   * @param release the release that is not there
   * @return the finding
   */
  static Finding runtimeTokenLeftover(String namespace, String release) {
    return Finding.warning(CLUSTER_RUNTIME_TOKEN, "namespace",
        "Namespace " + q(namespace) + " holds a runtime token (Secret codefresh-token) but no release " + q(release)
            + ": it is left from a runtime installed here before. Codefresh's validation hook then treats the"
            + " installation as an upgrade of that runtime: it validates with the old token, fails if that runtime"
            + " was deleted from the platform, and skips the API key, account, runtime name and Git token checks.",
        "For a new runtime delete the leftover Secret first (kubectl delete secret codefresh-token -n " + namespace
            + "); to reinstall the old runtime, keep it and set global.runtime.name to that runtime's name.");
  }
}
