package io.gitopsruntime.helm.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.Exports;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.install.InstallPlan;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.testing.TestChart;
import io.gitopsruntime.testing.cluster.TestAssets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifest installer plans exactly the objects real {@code helm template --include-crds} renders (hooks aside:
 * they are run, not planned) from the test chart in the real chart's shape (subcharts with conditions and an alias,
 * a {@code crds/} directory behind a condition), for each access mode and with subcharts turned off, in Helm 3 and 4.
 */
@KubernetesTest(namespace = "codefresh")
class PlanMatchesHelmTemplateTest {
  private static final String INGRESS = "tunnel-client:\n  enabled: false\n";
  private static final String SERVICE_MESH = "tunnel-client:\n  enabled: false\n";
  private static final String SEALED_SECRETS_OFF = "sealed-secrets:\n  enabled: false\n";
  private static final String ARGO_WORKFLOWS_OFF = "argo-workflows:\n  enabled: false\n"
      + "app-proxy:\n  image-enrichment:\n    enabled: false\n";

  @TempDir Path tmp;

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"tunnel", "ingress", "service mesh", "sealed-secrets off", "argo-workflows off"})
  void plansWhatRealHelmRenders(String mode, KubernetesTestServer server) throws Exception {
    TestAssets assets = TestAssets.fromEnvironment();
    Optional<Path> helm3 = assets.helm3();
    Optional<Path> helm4 = assets.helm4();
    Assumptions.assumeTrue(helm3.isPresent() && helm4.isPresent(), assets.skipMessage());
    String extra = switch (mode) {
      case "ingress" -> INGRESS;
      case "service mesh" -> SERVICE_MESH;
      case "sealed-secrets off" -> SEALED_SECRETS_OFF;
      case "argo-workflows off" -> ARGO_WORKFLOWS_OFF;
      default -> "";
    };
    Path chart = TestChart.writeTo(tmp);
    RuntimeInstallation base = RuntimeInstallation.builder().chart(chart.toString())
        .values(ValuesYaml.parse(TestChart.realShapeValues("") + extra)).build();
    RuntimeInstallation installation = switch (mode) {
      case "ingress" -> RuntimeInstallation.builder().from(base).ingress("runtime.example.com", "nginx").build();
      case "service mesh" -> RuntimeInstallation.builder().from(base).serviceMesh("https://gitops.example.com").build();
      default -> base;
    };
    List<String> planned;
    try (ManifestInstaller installer = ManifestInstaller.builder().kubernetesClient(server.client()).validate(false)
        .build()) {
      InstallPlan plan = installer.plan(installation);
      planned = new ArrayList<>(new TreeSet<>(plan.changes().stream()
          .map(c -> c.object().kind() + "/" + c.object().name()).toList()));
    }
    Path values = Files.writeString(tmp.resolve("values.yaml"), Exports.valuesYaml(installation, SecretHandling.REVEAL),
        StandardCharsets.UTF_8);

    assertThat(planned).as("helm 3, %s", mode).isEqualTo(rendered(helm3.get(), chart, values));
    assertThat(planned).as("helm 4, %s", mode).isEqualTo(rendered(helm4.get(), chart, values));
    if (mode.equals("sealed-secrets off")) {
      assertThat(planned).noneMatch(o -> o.contains("sealed"));
    }
  }

  /** Kind/name of every object real Helm renders, CRDs included, hooks aside. */
  private List<String> rendered(Path helm, Path chart, Path values) throws Exception {
    Path out = Files.createTempFile(tmp, "rendered", ".yaml");
    Process p = new ProcessBuilder(helm.toString(), "template", RuntimeInstallation.DEFAULT_RELEASE, chart.toString(),
        "--namespace", RuntimeInstallation.DEFAULT_NAMESPACE, "--include-crds", "-f", values.toString())
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new AssertionError(helm + " template failed: " + Files.readString(out));
    }
    TreeSet<String> objects = new TreeSet<>();
    try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(Files.readString(out))) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && doc.hasNonNull("kind") && doc.path("metadata").path("annotations").path("helm.sh/hook")
            .isMissingNode()) {
          objects.add(doc.get("kind").asText() + "/" + doc.path("metadata").path("name").asText());
        }
      }
    }
    return new ArrayList<>(objects);
  }
}
