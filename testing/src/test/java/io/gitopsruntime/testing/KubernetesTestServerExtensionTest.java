package io.gitopsruntime.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@KubernetesTest(namespace = "codefresh", kubernetesVersion = "v1.31.2")
class KubernetesTestServerExtensionTest {

  private static final List<URI> SERVERS = new ArrayList<>();

  @Test
  void resolvesTheServerItsClientAndAKubeconfig(KubernetesTestServer server, KubernetesClient client,
      @KubernetesTest.Kubeconfig Path kubeconfig) throws IOException {
    SERVERS.add(URI.create(server.url()));

    assertThat(client).isSameAs(server.client());
    assertThat(client.getNamespace()).isEqualTo("codefresh");
    assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo("v1.31.2");
    assertThat(Files.readString(kubeconfig)).contains("server: " + server.url(), "namespace: codefresh",
        "current-context: " + server.contextName());
    try (KubernetesClient fromFile = new KubernetesClientBuilder()
        .withConfig(io.fabric8.kubernetes.client.Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
      fromFile.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("from-kubeconfig")
          .endMetadata().build()).create();
    }
    assertThat(client.namespaces().withName("from-kubeconfig").get()).isNotNull();
  }

  @Test
  void givesEachTestItsOwnServer(KubernetesTestServer server, KubernetesClient client) {
    SERVERS.add(URI.create(server.url()));

    assertThat(client.namespaces().withName("from-kubeconfig").get()).isNull();
  }

  @AfterAll
  static void closesTheServersAfterEachTest() {
    assertThat(SERVERS).hasSize(2).doesNotHaveDuplicates();
    for (URI url : SERVERS) {
      assertThatThrownBy(() -> new Socket(url.getHost(), url.getPort()).close()).isInstanceOf(IOException.class);
    }
  }
}
