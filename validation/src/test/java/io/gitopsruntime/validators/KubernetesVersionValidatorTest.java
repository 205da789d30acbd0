package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitopsruntime.testing.Fault;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KubernetesVersionValidatorTest {
  private static final String ID = KubernetesVersionValidator.ID;

  private final KubernetesVersionValidator validator = new KubernetesVersionValidator();

  private List<Finding> check(KubernetesClient client) throws Exception {
    return validator.validate(Fixtures.context(Fixtures.tunnel(), client));
  }

  @Nested
  class Valid {
    @Test
    @KubernetesTest(kubernetesVersion = "v1.23.0")
    void passesOnTheOldestSupportedVersion(KubernetesClient client) throws Exception {
      assertThat(check(client)).isEmpty();
    }

    @Test
    @KubernetesTest(kubernetesVersion = "v1.33.4-eks-4f4795d")
    void passesOnANewerProviderVersion(KubernetesClient client) throws Exception {
      assertThat(check(client)).isEmpty();
    }

    @Test
    void readsProviderDecoratedVersions() throws Exception {
      assertThat(KubernetesVersionValidator.parse("v1.29.3-eks-4f4795d")).hasValueSatisfying(
          v -> assertThat(v).containsExactly(1, 29, 3));
      assertThat(KubernetesVersionValidator.parse("v1.30.2-gke.1587003")).hasValueSatisfying(
          v -> assertThat(v).containsExactly(1, 30, 2));
      assertThat(KubernetesVersionValidator.parse("v1.31.1+k3s1")).hasValueSatisfying(
          v -> assertThat(v).containsExactly(1, 31, 1));
      assertThat(KubernetesVersionValidator.parse("1.28")).hasValueSatisfying(
          v -> assertThat(v).containsExactly(1, 28, 0));
      assertThat(KubernetesVersionValidator.parse("latest")).isEmpty();
      assertThat(KubernetesVersionValidator.parse("")).isEmpty();
    }
  }

  @Nested
  class Invalid {
    @Test
    @KubernetesTest(kubernetesVersion = "v1.22.17-eks-7f15b7d")
    void reportsAServerOlderThan123(KubernetesClient client) throws Exception {
      assertThat(check(client)).containsExactly(error(ID, "cluster.kubernetes-version", "",
          "The cluster runs Kubernetes 1.22.17 (v1.22.17-eks-7f15b7d), older than 1.23, the oldest version the"
              + " GitOps Runtime supports: the chart uses APIs that only 1.23 and later serve (autoscaling/v2, for"
              + " example).",
          "Upgrade the cluster to Kubernetes 1.23 or later, or install into another cluster."));
    }

    @Test
    @KubernetesTest
    void warnsWhenTheServerVersionCannotBeRead(KubernetesTestServer server) throws Exception {
      // the harness only reports versions like v1.33.4; the gateway answers /version as an odd distribution might
      try (ApiGateway gateway = new ApiGateway(server)) {
        gateway.answer("GET /version", r -> ApiGateway.json(200,
            "{\"major\":\"\",\"minor\":\"\",\"gitVersion\":\"v0.0.0-master+$Format:%H$\"}".replace("v0.0.0-", "")));

        assertThat(check(gateway.client())).containsExactly(Fixtures.warning(ID, "cluster.kubernetes-version", "",
            "The cluster reports Kubernetes version \"master+$Format:%H$\", which this check cannot read, so it could"
                + " not confirm 1.23 or later.",
            "Check the server version yourself (kubectl version): the GitOps Runtime needs 1.23 or later."));
      }
    }

    @Test
    @KubernetesTest
    void turnsAServerErrorIntoAFinding(KubernetesTestServer server) throws Exception {
      server.inject(Fault.status(500).on("GET", "/version"));

      try (KubernetesClient client = Fixtures.noRetry(server)) {
        assertThat(check(client)).containsExactly(error(ID, "cluster.api-error", "",
            "Reading the server version (GET /version) failed (HTTP 500: injected fault: HTTP 500 for GET on /version,"
                + " 1 time(s)): the Kubernetes version check could not run.",
            "The Kubernetes API server failed: check its health (kubectl get --raw /readyz) and retry."));
      }
    }

    @Test
    void turnsAnUnreachableServerIntoAFinding() throws Exception {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      try (KubernetesClient client = new KubernetesClientBuilder().withConfig(new ConfigBuilder(Config.empty())
          .withMasterUrl("http://127.0.0.1:" + port).withRequestRetryBackoffLimit(0).build()).build()) {
        assertThat(check(client)).singleElement().satisfies(f -> {
          assertThat(f.severity()).isEqualTo(Severity.ERROR);
          assertThat(f.ruleId()).isEqualTo("cluster.api-error");
          assertThat(f.message()).startsWith("Reading the server version (GET /version) failed (")
              .endsWith("): the Kubernetes version check could not run.");
          assertThat(f.remediation()).isEqualTo("Check that the Kubernetes API server is reachable from here"
              + " (kubectl cluster-info), then retry; or validate offline.");
        });
      }
    }
  }
}
