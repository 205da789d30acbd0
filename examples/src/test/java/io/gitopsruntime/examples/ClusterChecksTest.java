package io.gitopsruntime.examples;

import static io.gitopsruntime.testing.GitOpsRuntimeAssertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validators.Validators;
import io.gitopsruntime.values.SecretValue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * Validation with a cluster attached, against the in-process Kubernetes API server that
 * {@code @KubernetesTest} starts for each test: no real cluster, and nothing leaves this machine.
 */
@KubernetesTest(namespace = "codefresh")
class ClusterChecksTest {
  private static final ValidatorChain CHAIN = ValidatorChain.builder().addAll(Validators.all()).build();

  /** The platform at a loopback port nobody listens on, so the platform check fails fast and locally. */
  private static RuntimeInstallation installation() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    return RuntimeInstallation.builder()
        .runtimeName("payments-prod-eu")
        .tunnel("628a80b693a15c0f9c13ab75", SecretValue.fromSecret("codefresh-user-token", "token"))
        .platformUrl("http://127.0.0.1:" + closedPort)
        .build();
  }

  private static ValidationReport validate(RuntimeInstallation installation, KubernetesClient cluster) {
    return CHAIN.validate(ValidationContext.builder(installation)
        .offline(false)
        .service(KubernetesClient.class, cluster)
        .build());
  }

  @Test
  void reportsAnApiKeySecretMissingFromTheCluster(KubernetesClient cluster) throws IOException {
    ValidationReport report = validate(installation(), cluster);

    assertThat(report)
        .hasErrorAt("global.codefresh.userToken.secretKeyRef.name")
        .hasFinding("cluster.secret-ref")
        .hasNoErrorAt("global.codefresh.userToken.secretKeyRef");
  }

  @Test
  void readsTheApiKeyFromTheClusterAndGoesOnToThePlatform(KubernetesClient cluster) throws IOException {
    cluster.secrets().inNamespace("codefresh").resource(new SecretBuilder()
        .withNewMetadata().withName("codefresh-user-token").endMetadata()
        .addToStringData("token", "0123456789abcdef.0123456789abcdef")
        .build()).create();

    ValidationReport report = validate(installation(), cluster);

    assertThat(report)
        .hasNoErrorAt("global.codefresh.userToken.secretKeyRef")
        .hasErrorAt("global.codefresh.url")
        .hasFinding("platform.unreachable");
  }
}
