package io.gitopsruntime.validators;

import io.gitopsruntime.validators.internal.Findings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validators.ClusterValidator.ClusterCheck;
import java.util.Optional;

/**
 * The cluster client of a cluster check, or the INFO finding that says why the check did not run and how to
 * run it: validation runs offline, or no {@link KubernetesClient} is attached to the context. The client is
 * the caller's; a check never closes it. Thread-safe; no state.
 */
final class ClusterAccess {
  private ClusterAccess() {}

  /**
   * The context's cluster client; when there is none (or validation runs offline) the skip finding is added.
   *
   * @param context the validation context
   * @param check the check asking
   * @param out where the skip finding goes
   * @return the client, or empty when the check must be skipped
   */
  public static Optional<KubernetesClient> client(ValidationContext context, ClusterCheck check, Findings out) {
    if (context.offline()) {
      out.add(ClusterValidator.clusterOffline(check));
      return Optional.empty();
    }
    Optional<KubernetesClient> client = context.service(KubernetesClient.class);
    if (client.isEmpty()) {
      out.add(ClusterValidator.clusterNoClient(check));
    }
    return client;
  }
}
