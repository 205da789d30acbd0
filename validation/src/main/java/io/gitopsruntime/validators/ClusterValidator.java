package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validation.ValidatorKind;
import io.gitopsruntime.validators.internal.ApiFailure;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.validators.internal.Secrets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The template of every cluster check: a finding collector that masks the values' secrets, the check's own
 * preconditions ({@link #applies}), then the cluster client, or the INFO finding that says why the check did
 * not run and how to run it (validation runs offline, or no {@link KubernetesClient} is attached to the
 * context), then the check ({@link #check}); a Kubernetes API call that fails ({@link #call}) ends the check
 * with one {@value RuleIds#CLUSTER_API_ERROR} finding that names the call. The client is the caller's; a check
 * never closes it. Kind {@link ValidatorKind#CLUSTER}, 30-second timeout. Subclasses are stateless and
 * thread-safe.
 */
abstract class ClusterValidator implements Validator {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String id;
  private final ClusterCheck check;

  /**
   * Creates the check.
   *
   * @param id the validator id
   * @param check the check, as its skip and API-failure findings name it
   */
  ClusterValidator(String id, ClusterCheck check) {
    this.id = id;
    this.check = check;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final ValidatorKind kind() {
    return ValidatorKind.CLUSTER;
  }

  @Override
  public final Optional<Duration> timeout() {
    return Optional.of(TIMEOUT);
  }

  @Override
  public final List<Finding> validate(ValidationContext context) throws InterruptedException {
    Findings out = new Findings(id).redacting(Secrets.redactor(context.values()));
    if (!applies(context, out)) {
      return out.list();
    }
    if (context.offline()) {
      return out.add(clusterOffline(check)).list();
    }
    Optional<KubernetesClient> client = context.service(KubernetesClient.class);
    if (client.isEmpty()) {
      return out.add(clusterNoClient(check)).list();
    }
    try {
      check(context, client.get(), out);
    } catch (CallFailed e) {
      out.add(clusterApiError(check, e.call, e.failure));
    }
    return out.list();
  }

  /**
   * Whether the check concerns these values at all; runs before the cluster client is looked for.
   *
   * @param context the validation context
   * @param out where a finding goes, such as a note that a skip flag turned the check off
   * @return false to end the check here, with what {@code out} holds
   */
  boolean applies(ValidationContext context, Findings out) {
    return true;
  }

  /**
   * The check itself.
   *
   * @param context the validation context
   * @param client the context's cluster client; not to be closed
   * @param out where the findings go
   * @throws InterruptedException when interrupted while waiting for the API server
   */
  abstract void check(ValidationContext context, KubernetesClient client, Findings out)
      throws InterruptedException;

  /**
   * Makes one Kubernetes API call; if it fails, the check ends with an API-failure finding naming the call.
   *
   * @param call the call, as the finding names it
   * @param request the request
   * @param <T> the answer's type
   * @return the answer
   */
  static <T> T call(ClusterCall call, Supplier<T> request) {
    try {
      return request.get();
    } catch (KubernetesClientException e) {
      throw failed(call, e);
    }
  }

  /**
   * Ends the check with an API-failure finding for a call that failed outside {@link #call}.
   *
   * @param call the call
   * @param e what fabric8 threw
   * @return the exception to throw
   */
  static RuntimeException failed(ClusterCall call, KubernetesClientException e) {
    return new CallFailed(call, ApiFailure.of(e));
  }

  /** A failed API call, carried to {@link #validate}; never leaves it. */
  private static final class CallFailed extends RuntimeException {
    private final ClusterCall call;
    private final ApiFailure failure;

    CallFailed(ClusterCall call, ApiFailure failure) {
      super(call.name(), null, false, false);
      this.call = call;
      this.failure = failure;
    }
  }

  @Override
  public String toString() {
    return "Validator(" + id + ")";
  }

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
    ARGO_CD_VERSION("external Argo CD version"),
    /** The private registry's image pull Secret. */
    PULL_SECRET("image pull Secret");

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
    SERVICES("Listing Services by label"),
    /** Reading the image pull Secret. */
    PULL_SECRET("Reading the image pull Secret in the release namespace");

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
  private static Finding clusterNoClient(ClusterCheck check) {
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
  private static Finding clusterOffline(ClusterCheck check) {
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
  private static Finding clusterApiError(ClusterCheck check, ClusterCall call, ApiFailure failure) {
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
