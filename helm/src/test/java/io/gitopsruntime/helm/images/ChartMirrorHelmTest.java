package io.gitopsruntime.helm.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.testing.cluster.TestAssets;
import io.gitopsruntime.testing.registry.TestRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart mirrored as Helm's OCI chart artifact is what real Helm 3 and Helm 4 pull and render: {@code helm pull
 * oci://HOST/PREFIX/NAME --version V} yields the chart packaged here, byte for byte, and {@code helm template} of the
 * reference renders it; an {@code oci://} chart is copied by digest. Without the Helm binaries the test is skipped, or
 * fails when {@code GITOPS_RUNTIME_REQUIRE_REAL_CLUSTER=true}.
 */
class ChartMirrorHelmTest {
  private static TestRegistry registry;
  private static List<Path> helms;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    TestRegistry.assumeAvailable();
    TestAssets assets = TestAssets.fromEnvironment();
    if (assets.helm3().isEmpty() || assets.helm4().isEmpty()) {
      if ("true".equals(System.getenv("GITOPS_RUNTIME_REQUIRE_REAL_CLUSTER"))) {
        throw new AssertionError("GITOPS_RUNTIME_REQUIRE_REAL_CLUSTER=true but " + assets.skipMessage());
      }
      Assumptions.abort(assets.skipMessage());
    }
    helms = List.of(assets.helm3().get(), assets.helm4().get());
    registry = TestRegistry.builder().start();
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  private Path chart() throws IOException {
    Path chart = Files.createDirectories(dir.resolve("src"));
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: gitops-runtime\nversion: 0.30.0\n"
        + "appVersion: 1.0\ndescription: A test chart\n");
    Files.writeString(chart.resolve("values.yaml"), "greeting: hello\n");
    Files.writeString(chart.resolve(".helmignore"), "*.bak\n");
    Files.writeString(chart.resolve("notes.bak"), "left out\n");
    Path templates = Files.createDirectories(chart.resolve("templates"));
    Files.writeString(templates.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n"
        + "data:\n  greeting: {{ .Values.greeting }}\n");
    return chart;
  }

  private static ImageMirror mirror(String prefix) {
    return ImageMirror.builder().to(registry.host() + "/" + prefix).plainHttpEverywhere(true).build();
  }

  @Test
  void realHelmPullsAndRendersTheMirroredChart() throws Exception {
    MirrorReport report = mirror("charts").copy(List.of(), ChartArtifact.of(chart().toString(), Optional.empty()));

    MirroredImage chart = report.chart().orElseThrow();
    assertThat(chart.outcome()).as(chart.toString()).isEqualTo(MirroredImage.Outcome.COPIED);
    assertThat(chart.toString()).startsWith("copied chart " + dir.resolve("src") + " -> " + registry.host()
        + "/charts/gitops-runtime:0.30.0 (2 blobs, ");
    String ref = "oci://" + registry.host() + "/charts/gitops-runtime";
    for (Path helm : helms) {
      Path out = Files.createDirectories(dir.resolve("pulled-" + helm.getFileName()));
      run(helm, "pull", ref, "--version", "0.30.0", "--plain-http", "-d", out.toString());
      Path pulled = out.resolve("gitops-runtime-0.30.0.tgz");
      byte[] manifest = registry.get("charts/gitops-runtime", "0.30.0");
      String layer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest).path("layers").get(0)
          .path("digest").asText();
      assertThat(TestRegistry.digest(Files.readAllBytes(pulled))).isEqualTo(layer);
      String rendered = run(helm, "template", "demo", ref, "--version", "0.30.0", "--plain-http");
      assertThat(rendered).contains("name: demo", "greeting: hello");
      String shown = run(helm, "show", "chart", pulled.toString());
      assertThat(shown).contains("name: gitops-runtime", "version: 0.30.0", "description: A test chart");
      Path untarred = Files.createDirectories(dir.resolve("untar-" + helm.getFileName()));
      run(helm, "pull", ref, "--version", "0.30.0", "--plain-http", "--untar", "-d", untarred.toString());
      try (Stream<Path> files = Files.walk(untarred)) {
        assertThat(files.filter(Files::isRegularFile).map(p -> untarred.relativize(p).toString()).sorted().toList())
            .containsExactly("gitops-runtime/.helmignore", "gitops-runtime/Chart.yaml",
                "gitops-runtime/templates/cm.yaml", "gitops-runtime/values.yaml");
      }
    }

    MirroredImage again = mirror("charts").copy(List.of(), ChartArtifact.of(dir.resolve("src").toString(),
        Optional.empty())).chart().orElseThrow();
    assertThat(again.outcome()).isEqualTo(MirroredImage.Outcome.ALREADY_PRESENT);
  }

  @Test
  void anOciChartIsCopiedByDigestAtItsNewestStableVersion() throws Exception {
    MirroredImage first = mirror("upstream").copy(List.of(), ChartArtifact.of(chart().toString(), Optional.empty()))
        .chart().orElseThrow();

    MirrorReport copied = mirror("downstream").copy(List.of(),
        ChartArtifact.of("oci://" + registry.host() + "/upstream/gitops-runtime", Optional.empty()));

    MirroredImage chart = copied.chart().orElseThrow();
    assertThat(chart.toString()).startsWith("copied chart oci://" + registry.host() + "/upstream/gitops-runtime:0.30.0 -> "
        + registry.host() + "/downstream/gitops-runtime:0.30.0 (");
    assertThat(chart.digest()).isEqualTo(first.digest());
    assertThat(registry.digestOf("downstream/gitops-runtime", "0.30.0")).isEqualTo(first.digest());
    run(helms.get(1), "template", "demo", "oci://" + registry.host() + "/downstream/gitops-runtime", "--version", "0.30.0",
        "--plain-http");
  }

  @Test
  void aChartFromAHelmRepositoryIsNotMirroredAndTheReportSaysWhy() {
    MirroredImage chart = mirror("repo").copy(List.of(), ChartArtifact.of("codefresh/gitops-runtime", Optional.of("1.0.0")))
        .chart().orElseThrow();

    assertThat(chart.toString()).isEqualTo("FAILED chart codefresh/gitops-runtime -> " + registry.host() + "/repo: The"
        + " chart codefresh/gitops-runtime cannot be mirrored: mirror copies a chart directory, a .tgz or an oci:// chart."
        + " Pull it first (helm pull codefresh/gitops-runtime --version V) and pass the .tgz.");
  }

  private String run(Path helm, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(helm.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("HELM_CONFIG_HOME", dir.resolve("helm-config").toString());
    builder.environment().put("HELM_CACHE_HOME", dir.resolve("helm-cache").toString());
    builder.environment().put("HELM_DATA_HOME", dir.resolve("helm-data").toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
    return output;
  }
}
