package io.gitopsruntime.validators;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.PrivateRegistry;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validators.internal.Findings;

/**
 * Checks that the image pull Secret of the private registry exists in the release namespace and is of type
 * {@code kubernetes.io/dockerconfigjson}, the type the kubelet takes registry credentials from; without it every pod
 * stays in {@code ImagePullBackOff}. The findings name the Secret and say how to create it; they never quote what
 * it holds.
 *
 * <p>Rules: {@value RuleIds#CLUSTER_PULL_SECRET}. Cluster; runs only when the installation names a private registry
 * with a pull Secret. Stateless and thread-safe.
 */
final class PullSecretValidator extends ClusterValidator {
  /** This validator's id. */
  static final String ID = "cluster.pull-secret";
  /** The type of a Secret the kubelet takes image pull credentials from. */
  static final String DOCKER_CONFIG_JSON = "kubernetes.io/dockerconfigjson";
  private static final String PATH = "privateRegistry.pullSecret";

  /** Creates the validator. */
  PullSecretValidator() {
    super(ID, ClusterCheck.PULL_SECRET);
  }

  @Override
  boolean applies(ValidationContext context, Findings out) {
    return context.installation().privateRegistry().flatMap(PrivateRegistry::pullSecret).isPresent();
  }

  @Override
  void check(ValidationContext context, KubernetesClient client, Findings out) {
    PrivateRegistry registry = context.installation().privateRegistry().orElseThrow();
    String name = registry.pullSecret().orElseThrow();
    String namespace = context.installation().namespace();
    Secret secret = call(ClusterCall.PULL_SECRET, () -> client.secrets().inNamespace(namespace).withName(name).get());
    String create = "kubectl create secret docker-registry " + name + " -n " + namespace + " --docker-server="
        + registry.host() + " --docker-username=<user> --docker-password=<password or token>";
    if (secret == null) {
      out.add(Finding.error(RuleIds.CLUSTER_PULL_SECRET, PATH, "Image pull Secret \"" + name + "\" does not exist in"
          + " namespace \"" + namespace + "\": every pod pulls its images from " + registry.registry() + " with it, and"
          + " would stay in ImagePullBackOff.",
          "Create it there before installing (" + create + "), or set privateRegistry.pullSecret to the Secret that"
              + " holds the registry's credentials."));
    } else if (!DOCKER_CONFIG_JSON.equals(secret.getType())) {
      out.add(Finding.error(RuleIds.CLUSTER_PULL_SECRET, PATH, "Secret \"" + name + "\" in namespace \"" + namespace
          + "\" is of type \"" + (secret.getType() == null ? "Opaque" : secret.getType()) + "\", not " + DOCKER_CONFIG_JSON
          + ": the kubelet takes image pull credentials only from that type, so the pods could not pull from "
          + registry.registry() + ".",
          "Replace it with one of that type (kubectl delete secret " + name + " -n " + namespace + ", then " + create
              + ")."));
    }
  }
}
