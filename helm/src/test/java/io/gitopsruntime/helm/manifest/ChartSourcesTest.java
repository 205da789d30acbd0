package io.gitopsruntime.helm.manifest;

import static io.gitopsruntime.helm.manifest.Fixtures.NAMESPACE;
import static io.gitopsruntime.helm.manifest.Fixtures.installation;
import static io.gitopsruntime.helm.manifest.Fixtures.installer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.helm.RecordingListener;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.InstallOutcome;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.testing.OciRegistry;
import io.gitopsruntime.testing.TestChart;
import io.gitopsruntime.testing.internal.TarGz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts from every kind of reference, rendered for the cluster they go to. */
@KubernetesTest(namespace = "codefresh", kubernetesVersion = "v1.31.2")
class ChartSourcesTest {

  @TempDir Path tmp;

  @Test
  void installsTheChartFromAPackagedArchive(KubernetesTestServer server, KubernetesClient client) {
    Path archive = TestChart.packageTo(tmp);
    try (ManifestInstaller installer = installer(server, InstallListener.NONE)) {
      InstallResult result = installer.install(installation(archive.toString(), ""));

      assertThat(result.outcome()).isEqualTo(InstallOutcome.INSTALLED);
    }
    assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("cap-app-proxy").get()).isNotNull();
  }

  @Test
  void installsTheChartFromAnOciRegistryPinnedOrNewest(KubernetesTestServer server, KubernetesClient client) {
    try (OciRegistry registry = OciRegistry.start();
        ManifestInstaller installer = installer(server, InstallListener.NONE, b -> b.plainHttp(true))) {
      String reference = registry.pushChart(TestChart.packageTo(tmp), "charts");
      RuntimeInstallation pinned = installation(reference, "").toBuilder().chartVersion(TestChart.VERSION).build();

      assertThat(installer.install(pinned).outcome()).isEqualTo(InstallOutcome.INSTALLED);
      assertThat(installer.install(installation(reference, "")).outcome())
          .as("the newest version is the same chart").isEqualTo(InstallOutcome.UNCHANGED);
      assertThat(registry.requests()).anyMatch(r -> r.startsWith("GET /v2/charts/gitops-runtime/manifests/0.30.0"))
          .anyMatch(r -> r.startsWith("GET /v2/charts/gitops-runtime/tags/list"));
    }
    assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("cap-app-proxy").get()).isNotNull();
  }

  @Test
  void saysWhenTheRegistryHasNoSuchVersion(KubernetesTestServer server) {
    try (OciRegistry registry = OciRegistry.start();
        ManifestInstaller installer = installer(server, InstallListener.NONE, b -> b.plainHttp(true))) {
      String reference = registry.pushChart(TestChart.packageTo(tmp), "charts");
      InstallException failure = catchThrowableOfType(InstallException.class, () -> installer.install(
          installation(reference, "").toBuilder().chartVersion("9.9.9").build()));

      assertThat(failure.failure()).isEqualTo(FailureKind.CHART);
      assertThat(failure).hasMessage("Cannot install release cf-gitops-runtime in namespace codefresh: The chart "
          + reference + " 9.9.9 was not found in the registry " + registry.host()
          + " (HTTP 404). Check the reference and the version.");
    }
  }

  @Test
  void rendersForTheClustersVersionAndApisWithSubchartHooksAndCrdsDirectories(KubernetesTestServer server,
      KubernetesClient client) throws Exception {
    client.apiextensions().v1().customResourceDefinitions().resource(Charts.crd("monitoring.coreos.com", "ServiceMonitor",
        "servicemonitors", "v1")).create();
    Path chart = Charts.probe(tmp);
    RecordingListener events = new RecordingListener();
    try (ManifestInstaller installer = installer(server, events, b -> b.validate(false))) {
      InstallResult result = installer.install(RuntimeInstallation.builder().chart(chart.toString())
          .values(ValuesYaml.parse("global:\n  runtime:\n    name: probe\n")).build());

      assertThat(result.outcome()).isEqualTo(InstallOutcome.INSTALLED);
    }
    assertThat(client.configMaps().inNamespace(NAMESPACE).withName("capabilities").get().getData()).isEqualTo(
        Map.of("kubeVersion", "v1.31.2", "gatewayApi", "true", "serviceMonitors", "true", "missing", "false",
            "hook", "helm.sh/hook is only text here"));
    assertThat(client.apiextensions().v1().customResourceDefinitions().withName("widgets.example.com").get()).isNotNull();
    assertThat(client.genericKubernetesResources("example.com/v1", "Widget").inNamespace(NAMESPACE).withName("gizmo").get())
        .isNotNull();
    assertThat(client.configMaps().inNamespace(NAMESPACE).withName("sub-config").get()).isNotNull();
    assertThat(events.events()).containsSubsequence("hook started pre-install Job/codefresh/sub-setup",
        "hook succeeded Job/codefresh/sub-setup", "CREATE ConfigMap/codefresh/sub-config",
        "hook started post-install ConfigMap/codefresh/sub-done");
    assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).withName("sub-setup").get())
        .as("kept: before-hook-creation is its only policy").isNotNull();
    assertThat(client.configMaps().inNamespace(NAMESPACE).withName("sub-done").get().getMetadata().getAnnotations())
        .containsEntry("helm.sh/hook", "post-install");
  }

  /** Test charts written on the fly. */
  static final class Charts {
    private Charts() {}

    static io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition crd(String group, String kind,
        String plural, String version) {
      return new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder().withNewMetadata()
          .withName(plural + "." + group).endMetadata().withNewSpec().withGroup(group).withScope("Namespaced")
          .withNewNames().withKind(kind).withPlural(plural).withSingular(kind.toLowerCase(java.util.Locale.ROOT))
          .endNames().addNewVersion().withName(version).withServed(true).withStorage(true).withNewSchema()
          .withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true).endOpenAPIV3Schema()
          .endSchema().endVersion().endSpec().build();
    }

    /** A chart that shows its capabilities, with a crds/ directory and a packaged subchart with hooks. */
    static Path probe(Path dir) throws Exception {
      Path chart = Files.createDirectories(dir.resolve("probe"));
      Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: probe\nversion: 1.2.3\n");
      Files.writeString(chart.resolve("values.yaml"), "global: {}\n");
      Files.createDirectories(chart.resolve("templates"));
      Files.writeString(chart.resolve("templates/capabilities.yaml"), "apiVersion: v1\nkind: ConfigMap\n"
          + "metadata:\n  name: capabilities\ndata:\n"
          + "  kubeVersion: {{ .Capabilities.KubeVersion.Version | quote }}\n"
          + "  gatewayApi: {{ .Capabilities.APIVersions.Has \"gateway.networking.k8s.io/v1\" | quote }}\n"
          + "  serviceMonitors: {{ if $.Capabilities.APIVersions.Has \"monitoring.coreos.com/v1/ServiceMonitor\" }}"
          + "\"true\"{{ else }}\"false\"{{ end }}\n"
          + "  missing: {{ (.Capabilities.APIVersions.Has (printf \"%s/%s\" \"nope.example.com\" \"v1\")) | quote }}\n"
          + "  hook: \"helm.sh/hook is only text here\"\n");
      Files.writeString(chart.resolve("templates/widget.yaml"), "apiVersion: example.com/v1\nkind: Widget\n"
          + "metadata:\n  name: gizmo\nspec:\n  size: 3\n");
      Files.createDirectories(chart.resolve("crds"));
      Files.writeString(chart.resolve("crds/widgets.yaml"), "apiVersion: apiextensions.k8s.io/v1\n"
          + "kind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n"
          + "  scope: Namespaced\n  names:\n    kind: Widget\n    plural: widgets\n    singular: widget\n"
          + "  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n"
          + "        openAPIV3Schema:\n          type: object\n          x-kubernetes-preserve-unknown-fields: true\n");
      Path scratch = Files.createDirectories(dir.resolve("scratch"));
      Path sub = Files.createDirectories(scratch.resolve("sub"));
      Files.writeString(sub.resolve("Chart.yaml"), "apiVersion: v2\nname: sub\nversion: 0.1.0\n");
      Files.createDirectories(sub.resolve("templates"));
      Files.writeString(sub.resolve("templates/resources.yaml"), "apiVersion: batch/v1\nkind: Job\nmetadata:\n"
          + "  name: sub-setup\n  annotations:\n    \"helm.sh/hook\": pre-install\n    \"helm.sh/hook-weight\": \"1\"\n"
          + "spec:\n  backoffLimit: 0\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n"
          + "        - name: setup\n          image: busybox\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n"
          + "  name: sub-config\ndata:\n  a: \"1\"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sub-done\n"
          + "  annotations:\n    helm.sh/hook: post-install\n    helm.sh/hook-delete-policy: before-hook-creation\n");
      Files.createDirectories(chart.resolve("charts"));
      TarGz.pack(sub, chart.resolve("charts/sub-0.1.0.tgz"));
      return chart;
    }
  }
}
