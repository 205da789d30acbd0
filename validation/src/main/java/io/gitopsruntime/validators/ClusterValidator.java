package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validators.internal.ApiFailure;

/** CLUSTER Thread-safe; no state. */
final class ClusterValidator {
  private ClusterValidator() {}

  /** A cluster check, as the skip and API-failure findings name it. */
  enum ClusterCheck {
    /** Secret references of the values. */
    SECRETS("Secret references"),
    /** The IngressClass of the ingress access mode. */
    INGRESS_CLASS("IngressClass"),
    /** The Kubernetes server version. */
    KUBERNETES_VERSION("Kubernetes version"),
    /** The installing user's permissions. */
    PERMISSIONS("permissions"),
    /** Node sizes. */
    NODE_CAPACITY("node capacity"),
    /** Other runtimes and the runtime token. */
    EXISTING_RUNTIME("existing runtime"),
    /** Helm ownership of the Argo Project CRDs. */
    ARGO_CRDS("Argo CRD ownership"),
    /** The external Argo CD's version. */
    ARGO_CD_VERSION("external Argo CD version");

    private final String noun;

    ClusterCheck(String noun) {
      this.noun = noun;
    }
  }

  /** A Kubernetes API call of a cluster check, as an API-failure finding names it. */
  enum ClusterCall {
    /** GET /version. */
    VERSION("Reading the server version (GET /version)"),
    /** Listing Nodes. */
    NODES("Listing the cluster's Nodes"),
    /** Reading IngressClasses. */
    INGRESS_CLASSES("Reading the cluster's IngressClasses"),
    /** SelfSubjectAccessReviews. */
    ACCESS_REVIEWS("Asking the API server what this user may do (SelfSubjectAccessReview)"),
    /** Listing CRDs. */
    CRDS("Listing the cluster's CustomResourceDefinitions"),
    /** Listing Helm release Secrets. */
    HELM_RELEASES("Listing Helm's release Secrets in all namespaces"),
    /** Listing labelled ConfigMaps. */
    RUNTIME_OBJECTS("Listing GitOps Runtime ConfigMaps in all namespaces"),
    /** Reading referenced Secrets. */
    SECRETS("Reading the referenced Secrets in the release namespace"),
    /** Reading the runtime token Secret. */
    RUNTIME_TOKEN("Reading Secret codefresh-token in the release namespace"),
    /** Listing Services by label. */
    SERVICES("Listing Services by label");

    private final String action;

    ClusterCall(String action) {
      this.action = action;
    }
  }

  private static final String ATTACH_CLUSTER = "Attach a Kubernetes client:"
      + " ValidationContext.builder(installation).service(KubernetesClient.class, client); or run"
      + " gitops-runtime validate with --kubeconfig.";

  /**
   * A cluster check did not run: no Kubernetes client.
   *
   * @param check the check
   * @return the finding
   */
  static Finding clusterNoClient(ClusterCheck check) {
    return info(CLUSTER_SKIPPED, "",
        "The " + check.noun + " check was skipped: no Kubernetes client was given, so the cluster cannot be read.",
        ATTACH_CLUSTER);
  }

  /**
   * A cluster check did not run: offline.
   *
   * @param check the check
   * @return the finding
   */
  static Finding clusterOffline(ClusterCheck check) {
    return info(CLUSTER_SKIPPED, "", "The " + check.noun + " check was skipped: validation runs offline.",
        "Validate online, with a Kubernetes client, to check the cluster.");
  }

  /**
   * A Kubernetes API call of a cluster check failed.
   *
   * @param check the check
   * @param call the call
   * @param failure what the API server answered
   * @return the finding
   */
  static Finding clusterApiError(ClusterCheck check, ClusterCall call, ApiFailure failure) {
    String fix;
    switch (failure.code()) {
      case 0:
        fix = "Check that the Kubernetes API server is reachable from here (kubectl cluster-info), then retry;"
            + " or validate offline.";
        break;
      case 401:
        fix = "The cluster rejected the kubeconfig's credentials: renew them (log in again) and retry.";
        break;
      case 403:
        fix = "Run the checks as a cluster admin: installing the runtime needs cluster-admin rights anyway.";
        break;
      case 404:
        fix = "Check that the kubeconfig points at a Kubernetes cluster (1.23 or later) and retry.";
        break;
      default:
        fix = "The Kubernetes API server failed: check its health (kubectl get --raw /readyz) and retry.";
    }
    return Finding.error(CLUSTER_API_ERROR, "",
        call.action + " failed (" + failure.describe() + "): the " + check.noun + " check could not run.", fix);
  }
}
