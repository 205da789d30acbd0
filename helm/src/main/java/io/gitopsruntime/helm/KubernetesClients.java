package io.gitopsruntime.helm;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.helm.internal.KubeTarget;

/**
 * fabric8 clients that never log a request or response body, for tools that talk to the cluster beside an
 * installer (a CLI checking a kubeconfig, a script reading the runtime's objects).
 *
 * <pre>{@code
 * try (KubernetesClient client = KubernetesClients.newClient(Config.autoConfigure("prod-eu"))) {
 *   ...
 * }
 * }</pre>
 *
 * <p>fabric8 logs every body, Secrets and the {@code helm-values-config} ConfigMap included, whenever its
 * logger {@code io.fabric8.kubernetes.client.http.HttpLoggingInterceptor} is at TRACE when a client is built;
 * these clients have that interceptor removed, whatever the log levels. Stateless and thread-safe.
 */
public final class KubernetesClients {
  private KubernetesClients() {}

  /**
   * A new client for a configuration that never logs a request or response body, at any log level.
   *
   * @param config the configuration
   * @return the client; the caller owns and closes it
   */
  public static KubernetesClient newClient(Config config) {
    return KubeTarget.newClient(config);
  }
}
