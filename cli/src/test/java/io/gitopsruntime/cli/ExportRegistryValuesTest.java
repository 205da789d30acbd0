package io.gitopsruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportRegistryValuesTest {
  @TempDir Path dir;
  private Path chart;
  private Path values;

  @BeforeEach
  void writeChartAndValues() throws IOException {
    chart = Files.createDirectories(dir.resolve("chart"));
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: gitops-runtime\nversion: 0.30.0\n");
    Files.writeString(chart.resolve("values.yaml"), """
        installer:
          image:
            repository: quay.io/codefresh/gitops-runtime-installer
            tag: ""
        internal-router:
          image:
            repository: nginxinc/nginx-unprivileged
            tag: 1.31.3-alpine3.24
          imagePullSecrets: []
        """);
    Path templates = Files.createDirectories(chart.resolve("templates"));
    Files.writeString(templates.resolve("objects.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: internal-router
        spec:
          template:
            spec:
              {{- with (index .Values "internal-router").imagePullSecrets }}
              imagePullSecrets: {{ toYaml . | nindent 8 }}
              {{- end }}
              containers:
                - name: internal-router
                  image: {{ (index .Values "internal-router").image.repository }}:{{ (index .Values "internal-router").image.tag }}
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
                  image: {{ .Values.installer.image.repository }}:{{ .Values.installer.image.tag | default .Chart.Version }}
        """);
    values = Files.writeString(dir.resolve("values.yaml"), "global:\n  runtime:\n    name: prod-eu\n");
  }

  @Test
  void writesOverrideValuesForTheChartsImageKeysAndPullSecrets() throws IOException {
    Path out = dir.resolve("registry-values.yaml");
    CliRun run = CliRun.of("export", "registry-values", "--registry", "registry.example.com/mirror", "--pull-secret",
        "mirror-pull", "-f", values.toString(), "--chart", chart.toString(), "--output-file", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEqualTo("Wrote " + out + "\n");
    assertThat(Files.readString(out)).endsWith("""
        installer:
          image:
            repository: registry.example.com/mirror/codefresh/gitops-runtime-installer
        internal-router:
          image:
            repository: registry.example.com/mirror/nginxinc/nginx-unprivileged
          imagePullSecrets:
            - name: mirror-pull
        global:
          imagePullSecrets:
            - name: mirror-pull
        """).startsWith("# Override values that point every image at registry.example.com/mirror.");
  }

  @Test
  void anImageTheValuesCannotRedirectFailsNamingObjectContainerAndImage() throws IOException {
    Files.writeString(chart.resolve("templates").resolve("debug.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: debug
        spec:
          template:
            spec:
              containers:
                - name: shell
                  image: busybox:1.36
        """);
    CliRun run = CliRun.of("export", "registry-values", "--registry", "registry.example.com/mirror", "-f",
        values.toString(), "--chart", chart.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("still renders an image from another registry: docker.io/library/busybox:1.36 in"
        + " Deployment/debug container shell (containers)").contains("set that image in the values yourself");
  }

  @Test
  void needsTheRegistryAndAValidOne() {
    CliRun missing = CliRun.of("export", "registry-values", "-f", values.toString(), "--chart", chart.toString());
    CliRun invalid = CliRun.of("export", "registry-values", "--registry", "mirror", "-f", values.toString());
    CliRun elsewhere = CliRun.of("export", "values", "--registry", "registry.example.com", "-f", values.toString());

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).startsWith("gitops-runtime export: export registry-values needs the private registry:"
        + " --registry HOST[/PREFIX]");
    assertThat(invalid.exitCode()).isEqualTo(2);
    assertThat(invalid.err()).startsWith("gitops-runtime export: --registry \"mirror\" is not HOST[/PREFIX]: the host"
        + " must contain a '.' or a port");
    assertThat(elsewhere.exitCode()).isEqualTo(2);
    assertThat(elsewhere.err()).startsWith("gitops-runtime export: export values writes the values files as given; the"
        + " override values for the private registry are export registry-values --registry HOST[/PREFIX]");
  }

  private Path validValues() throws IOException {
    return Files.writeString(dir.resolve("valid.yaml"), """
        global:
          codefresh:
            accountId: 628a80b693a15c0f9c13ab75
            userToken:
              secretKeyRef:
                name: codefresh-user-token
                key: token
          runtime:
            name: prod-eu
            ingress:
              enabled: true
              hosts: [runtime.example.com]
              className: nginx
        tunnel-client:
          enabled: false
        """);
  }

  @Test
  void theHelmExportCarriesTheSameOverrides() throws IOException {
    CliRun run = CliRun.of("export", "helm", "--registry", "registry.example.com/mirror", "--pull-secret", "mirror-pull",
        "-f", validValues().toString(), "--chart", chart.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("installer.image.repository=registry.example.com/mirror/codefresh/gitops-runtime-installer")
        .contains("internal-router.image.repository=registry.example.com/mirror/nginxinc/nginx-unprivileged")
        .contains("internal-router.imagePullSecrets[0].name=mirror-pull")
        .contains("global.imagePullSecrets[0].name=mirror-pull");
  }

  @Test
  void planShowsTheRegistryAndAHelmCommandWithItsOverrides() throws IOException {
    CliRun run = CliRun.of("plan", "--registry", "registry.example.com/mirror", "--pull-secret", "mirror-pull", "-f",
        validValues().toString(), "--chart", chart.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("  registry:      registry.example.com/mirror, pull Secret mirror-pull (every image pulled from it)\n")
        .contains("internal-router.image.repository=registry.example.com/mirror/nginxinc/nginx-unprivileged")
        .doesNotContain("private-registry.not-applied");
  }

  @Test
  void planWithErrorsShowsTheRegistryUnappliedAndNoHelmCommand() {
    CliRun run = CliRun.of("plan", "--registry", "registry.example.com/mirror", "-f", values.toString(), "--chart",
        chart.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("  registry:      registry.example.com/mirror  (not applied: fix the errors below first)\n")
        .doesNotContain("Helm command");
  }

  @Test
  void planAndInstallRejectAMalformedRegistryAndAPullSecretWithoutOne() {
    CliRun scheme = CliRun.of("plan", "--registry", "https://registry.example.com", "-f", values.toString());
    CliRun lonely = CliRun.of("install", "--pull-secret", "mirror-pull", "-f", values.toString());

    assertThat(scheme.exitCode()).isEqualTo(2);
    assertThat(scheme.err()).startsWith("gitops-runtime plan: --registry: \"https://registry.example.com\" is not"
        + " HOST[/PREFIX]: it has a scheme; give the registry without https://. Use for example"
        + " \"registry.example.com/mirror\".");
    assertThat(lonely.exitCode()).isEqualTo(2);
    assertThat(lonely.err()).startsWith("gitops-runtime install: --pull-secret goes with --registry HOST[/PREFIX], the"
        + " private registry it is for.");
  }
}
