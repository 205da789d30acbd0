package io.gitopsruntime.helm.internal;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * A child JVM for {@link KubeTargetTest}, run with SLF4J at TRACE: writes and reads a Secret and the
 * {@code helm-values-config} ConfigMap holding a canary through a client from {@link KubeTarget#newClient()}.
 * Arguments: a kubeconfig, the canary.
 */
public final class ClientAtTrace {
  private ClientAtTrace() {}

  /**
   * Runs the requests.
   *
   * @param args kubeconfig, canary
   */
  public static void main(String[] args) {
    String canary = args[1];
    System.out.println("trace enabled: "
        + LoggerFactory.getLogger("io.fabric8.kubernetes.client.http.HttpLoggingInterceptor").isTraceEnabled());
    try (KubernetesClient client = new KubeTarget(Optional.of(Path.of(args[0])), Optional.empty()).newClient()) {
      client.secrets().inNamespace("default").resource(new SecretBuilder().withNewMetadata().withName("creds")
          .endMetadata().addToStringData("token", canary).build()).create();
      client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata()
          .withName("helm-values-config").endMetadata().addToData("values.yaml", "token: " + canary + "\n").build())
          .create();
      client.secrets().inNamespace("default").withName("creds").get();
      client.configMaps().inNamespace("default").withName("helm-values-config").get();
      client.secrets().inNamespace("default").list();
    }
    System.out.println("requests done");
  }
}
