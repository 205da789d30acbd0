package io.gitopsruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesCommandTest {
  private static final String DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @TempDir Path dir;
  private Path chart;
  private Path values;

  @BeforeEach
  void writeChartAndValues() throws IOException {
    chart = Files.createDirectories(dir.resolve("chart"));
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: gitops-runtime\nversion: 0.30.0\n");
    Files.writeString(chart.resolve("values.yaml"), "controller:\n  image: quay.io/argoproj/workflow-controller:v3.7.2\n");
    Path templates = Files.createDirectories(chart.resolve("templates"));
    Files.writeString(templates.resolve("objects.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}-workflow-controller
        spec:
          template:
            spec:
              containers:
                - name: controller
                  image: {{ .Values.controller.image }}
                  args: ["--executor-image", "quay.io/argoproj/argoexec:v3.7.2"]
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: validate-values
          annotations:
            helm.sh/hook: pre-install
        spec:
          template:
            spec:
              containers:
                - name: validate-values
                  image: registry.local:5000/installer@%s
                - name: sidecar
                  image: redis
        """.formatted(DIGEST));
    values = Files.writeString(dir.resolve("values.yaml"), "global:\n  runtime:\n    name: prod-eu\n");
  }

  @Test
  void listsImagesWithTheirPlacesAsText() {
    CliRun run = CliRun.of("images", "-f", values.toString(), "--chart", chart.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("4 images of release cf-gitops-runtime in namespace codefresh (chart " + chart + ")\n"
        + "\n"
        + "docker.io/library/redis:latest\n"
        + "  Job/validate-values container sidecar (containers, hook)\n"
        + "\n"
        + "quay.io/argoproj/argoexec:v3.7.2\n"
        + "  Deployment/cf-gitops-runtime-workflow-controller container controller (args --executor-image)\n"
        + "\n"
        + "quay.io/argoproj/workflow-controller:v3.7.2\n"
        + "  Deployment/cf-gitops-runtime-workflow-controller container controller (containers)\n"
        + "\n"
        + "registry.local:5000/installer@" + DIGEST + "\n"
        + "  Job/validate-values container validate-values (containers, hook)\n");
  }

  @Test
  void printsJson() throws IOException {
    Path more = Files.writeString(dir.resolve("more.yaml"), "controller:\n  image: ghcr.io/x:tag\n");
    CliRun run = CliRun.of("images", "-f", values.toString(), "-f", more.toString(), "--chart", chart.toString(),
        "-o", "json", "--release", "rt");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("images")).hasSize(4);
    JsonNode controller = json.get("images").get(1);
    assertThat(controller.get("reference").asText()).isEqualTo("ghcr.io/x:tag");
    assertThat(controller.get("registry").asText()).isEqualTo("ghcr.io");
    assertThat(controller.get("repository").asText()).isEqualTo("x");
    assertThat(controller.get("tag").asText()).isEqualTo("tag");
    assertThat(controller.get("digest").isNull()).isTrue();
    assertThat(controller.get("places").toString()).isEqualTo("[{\"kind\":\"Deployment\",\"namespace\":\"\","
        + "\"name\":\"rt-workflow-controller\",\"container\":\"controller\",\"field\":\"containers\",\"hook\":false}]");
    JsonNode installer = json.get("images").get(3);
    assertThat(installer.get("tag").isNull()).isTrue();
    assertThat(installer.get("digest").asText()).isEqualTo(DIGEST);
  }

  @Test
  void rejectsAnUnknownOutputFormatAsAUsageError() {
    CliRun run = CliRun.of("images", "-f", values.toString(), "--chart", chart.toString(), "-o", "yaml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("gitops-runtime images: --output must be text or json, not \"yaml\".\n"
        + "Usage: gitops-runtime images -f FILE [-f FILE]... [options]\n"
        + "Run 'gitops-runtime images --help' for the options.\n");
  }

  @Test
  void needsAValuesFile() {
    CliRun run = CliRun.of("images", "--chart", chart.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("gitops-runtime images: give the values file with -f FILE.\n");
  }

  @Test
  void reportsAChartThatCannotBeRenderedWithExitCodeOne() {
    CliRun run = CliRun.of("images", "-f", values.toString(), "--chart", dir.resolve("missing").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("Could not list the images of release cf-gitops-runtime in namespace codefresh: ");
  }

  @Test
  void helpListsOnlyItsOwnOptions() {
    String help = CliRun.of("images", "--help").out();

    assertThat(help).contains("--output FORMAT").contains("--chart").contains("--version").contains("--plain-http")
        .doesNotContain("--kubeconfig").doesNotContain("--reveal-secrets").doesNotContain("--installer");
    assertThat(CliRun.of("--help").out()).contains("images");
  }
}
