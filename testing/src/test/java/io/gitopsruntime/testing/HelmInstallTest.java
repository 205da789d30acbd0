package io.gitopsruntime.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Helm (embedded through helm-java) installs, upgrades and uninstalls the test chart on the server. */
@KubernetesTest(namespace = "codefresh")
class HelmInstallTest {

  private static final String RELEASE = "cf-gitops-runtime";

  @TempDir Path tmp;

  private Path values(String extra) throws Exception {
    return Files.writeString(tmp.resolve("values-" + Math.abs(extra.hashCode()) + ".yaml"),
        TestChart.tunnelValues() + extra);
  }

  @Test
  void installsUpgradesAndUninstallsTheChartRunningItsHooks(KubernetesTestServer server, KubernetesClient client,
      @KubernetesTest.Kubeconfig Path kubeconfig) throws Exception {
    Path chart = TestChart.writeTo(tmp);

    Release installed = Helm.install(chart.toString()).withName(RELEASE).withNamespace("codefresh")
        .withKubeConfig(kubeconfig).withValuesFile(values("")).withTimeout(60).call();

    assertThat(installed.getStatus()).isEqualTo("deployed");
    assertThat(client.apps().deployments().list().getItems()).extracting(d -> d.getMetadata().getName())
        .contains("cap-app-proxy", "internal-router", "gitops-operator", "tunnel-client");
    assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems()).hasSize(17);
    assertThat(client.secrets().withName("sh.helm.release.v1." + RELEASE + ".v1").get()).isNotNull();
    assertThat(jobsCreated(server)).containsExactly("validate-values", "redis-secret-init", "validate-usage");
    assertThat(client.batch().v1().jobs().list().getItems()).as("succeeded hooks are deleted").isEmpty();
    assertThat(client.configMaps().withName("helm-values-config").get()).isNull();

    server.journal().clear();
    Release upgraded = Helm.upgrade(chart.toString()).withName(RELEASE).withNamespace("codefresh")
        .withKubeConfig(kubeconfig).withValuesFile(values("app-proxy:\n  config:\n    logLevel: debug\n"))
        .withTimeout(60).call();

    assertThat(upgraded.getRevision()).isEqualTo("2");
    assertThat(client.configMaps().withName("cap-app-proxy-cm").get().getData()).containsEntry("logLevel", "debug");
    assertThat(jobsCreated(server)).as("validate-usage is pre-install only")
        .containsExactly("validate-values", "redis-secret-init");

    server.journal().clear();
    String uninstalled = Helm.uninstall(RELEASE).withNamespace("codefresh").withKubeConfig(kubeconfig).call();

    assertThat(uninstalled).contains(RELEASE);
    assertThat(jobsCreated(server)).containsExactly("delete-runtime-from-platform", "cleanup-runtime-resources");
    assertThat(client.apps().deployments().list().getItems()).isEmpty();
    assertThat(client.secrets().withLabel("owner", "helm").list().getItems()).isEmpty();
  }

  @Test
  void waitsUntilServicesHaveClusterIpsAndDeploymentsTheirReadyReplicaSet(KubernetesClient client,
      @KubernetesTest.Kubeconfig Path kubeconfig) throws Exception {
    Path chart = TestChart.writeTo(tmp);

    Release installed = Helm.install(chart.toString()).withName(RELEASE).withNamespace("codefresh")
        .withKubeConfig(kubeconfig).withValuesFile(values("installer:\n  skipValidation: true\n")).waitReady()
        .withTimeout(60).call();

    assertThat(installed.getStatus()).isEqualTo("deployed");
    assertThat(client.services().withName("cap-app-proxy").get().getSpec().getClusterIP()).startsWith("10.96.");
    assertThat(client.apps().replicaSets().list().getItems())
        .anySatisfy(rs -> assertThat(rs.getMetadata().getOwnerReferences())
            .anyMatch(o -> o.getName().equals("cap-app-proxy")));
  }

  @Test
  void failsTheInstallWithTheValidationJobsLogLineKept(KubernetesClient client,
      @KubernetesTest.Kubeconfig Path kubeconfig) throws Exception {
    Path chart = TestChart.writeTo(tmp);
    Path values = values("testHooks:\n  validateValues:\n    failWith: 'missing \"global.runtime.name\" field'\n");

    assertThatThrownBy(() -> Helm.install(chart.toString()).withName(RELEASE).withNamespace("codefresh")
        .withKubeConfig(kubeconfig).withValuesFile(values).withTimeout(60).call())
        .hasMessageContaining("pre-install")
        .hasMessageContaining("BackoffLimitExceeded");

    assertThat(client.batch().v1().jobs().withName("validate-values").getLog())
        .isEqualTo("missing \"global.runtime.name\" field\n");
    assertThat(client.apps().deployments().list().getItems()).isEmpty();
  }

  @Test
  void installsTheChartFromTheOciRegistry(@KubernetesTest.Kubeconfig Path kubeconfig, KubernetesClient client)
      throws Exception {
    try (OciRegistry registry = OciRegistry.start()) {
      String reference = registry.pushChart(TestChart.packageTo(tmp), "charts");

      Release release = Helm.install(reference).withVersion(TestChart.VERSION).plainHttp().withName(RELEASE)
          .withNamespace("codefresh").withKubeConfig(kubeconfig)
          .withValuesFile(values("installer:\n  skipValidation: true\n  skipUsageValidation: true\n"))
          .withTimeout(60).call();

      assertThat(release.getChart()).isEqualTo("gitops-runtime-0.30.0");
      assertThat(client.apps().deployments().withName("cap-app-proxy").get()).isNotNull();
      assertThat(registry.requests()).anyMatch(r -> r.startsWith("GET /v2/charts/gitops-runtime/manifests/0.30.0"));
    }
  }

  /** Helm watches every hook Job it creates, by name, until it completes. */
  private static List<String> jobsCreated(KubernetesTestServer server) {
    return server.journal().calls(c -> c.isWatch() && c.path().equals("/apis/batch/v1/namespaces/codefresh/jobs"))
        .stream()
        .map(c -> c.queryParameters().getOrDefault("fieldSelector", "").replace("metadata.name=", ""))
        .toList();
  }
}
