package io.gitopsruntime.validators;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;

/** An in-process Kubernetes API (fabric8's mock server in CRUD mode) with a client for it. */
final class Cluster implements AutoCloseable {
  private final KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(),
      new HashMap<>(), new KubernetesCrudDispatcher(), false);
  final KubernetesClient client;

  Cluster() {
    server.init();
    client = server.createClient();
  }

  Cluster secret(String namespace, String name, String key, String value) {
    client.secrets().inNamespace(namespace).resource(new SecretBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .addToData(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)))
        .build()).create();
    return this;
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
