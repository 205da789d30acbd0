package io.gitopsruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.testing.TestChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** install, status and uninstall from the command line, against the in-process API server. */
@KubernetesTest(namespace = "codefresh")
class InstallCommandsTest {
  private static final String TOKEN = "tok-SECRET-cli-7788";
  private static final String VALUES = TestChart.tunnelValues("cli-test", TOKEN);

  @TempDir Path dir;

  private String[] args(String command, Path kubeconfig, String values, String... more) throws IOException {
    Path file = dir.resolve("values.yaml");
    Files.writeString(file, values);
    Path chart = Files.isDirectory(dir.resolve("chart")) ? dir.resolve("chart").resolve(TestChart.NAME) : TestChart.writeTo(dir.resolve("chart"));
    String[] base = command.equals("install")
        ? new String[] {command, "-f", file.toString(), "--chart", chart.toString(), "--kubeconfig", kubeconfig.toString(),
            "--no-remote-checks"}
        : new String[] {command, "-f", file.toString(), "--chart", chart.toString(), "--kubeconfig", kubeconfig.toString()};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @ParameterizedTest
  @ValueSource(strings = {"manifest", "embedded"})
  void installsThenFindsNothingToChangeThenUninstalls(String installer, @KubernetesTest.Kubeconfig Path kubeconfig,
      KubernetesClient client) throws IOException {
    CliRun first = CliRun.of(args("install", kubeconfig, VALUES, "--installer", installer));
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("> validating ...").contains("Installed release cf-gitops-runtime in namespace codefresh (revision 1)");
    assertThat(client.apps().deployments().inNamespace("codefresh").list().getItems()).isNotEmpty();

    CliRun again = CliRun.of(args("install", kubeconfig, VALUES, "--installer", installer));
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("Unchanged release cf-gitops-runtime in namespace codefresh (revision 1)").contains("; nothing to do.");

    CliRun status = CliRun.of("status", "--installer", installer, "--kubeconfig", kubeconfig.toString());
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).startsWith("Release cf-gitops-runtime in namespace codefresh: deployed, revision 1");

    CliRun removed = CliRun.of(args("uninstall", kubeconfig, VALUES, "--installer", installer));
    assertThat(removed.exitCode()).as(removed.err()).isZero();
    assertThat(removed.out()).contains("Uninstalled release cf-gitops-runtime from namespace codefresh");
    assertThat(client.apps().deployments().inNamespace("codefresh").list().getItems()).isEmpty();

    assertThat(first.out() + first.err() + again.out() + removed.out()).doesNotContain(TOKEN);
  }

  @Test
  void explainsAFailedValidationHookWithItsLog(@KubernetesTest.Kubeconfig Path kubeconfig) throws IOException {
    CliRun run = CliRun.of(args("install", kubeconfig,
        VALUES + "testHooks:\n  validateValues:\n    failWith: 'user \"jane\" does not have Admin role in account \"acme\"'\n"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("Install failed (hook failed): ")
        .contains("validate-values")
        .contains("user \"jane\" does not have Admin role in account \"acme\"");
  }

  @Test
  void showsWhatAnInstallWouldChangeWithoutChangingIt(@KubernetesTest.Kubeconfig Path kubeconfig, KubernetesTestServer server)
      throws IOException {
    server.journal().clear();

    CliRun run = CliRun.of(args("install", kubeconfig, VALUES, "--dry-run"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Plan (nothing was changed)").contains("create   Deployment/codefresh/");
    // access reviews are questions, not changes
    assertThat(server.journal().calls()).noneMatch(call -> (call.method().equals("POST") && !call.path().contains("selfsubjectaccessreviews"))
        || call.method().equals("PUT")
        || call.method().equals("DELETE") || (call.method().equals("PATCH") && !call.query().contains("dryRun")));
  }

  @Test
  void stopsBeforeTheClusterOnValuesErrors(@KubernetesTest.Kubeconfig Path kubeconfig, KubernetesTestServer server) throws IOException {
    server.journal().clear();

    CliRun run = CliRun.of(args("install", kubeconfig, "global:\n  runtime:\n    name: cli-test\n"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("The values have errors; nothing was installed:\n").contains("global.codefresh.userToken");
    assertThat(server.journal().calls()).isEmpty();
  }

  @Test
  void rejectsAnUnknownInstallerAndABadTimeout(@KubernetesTest.Kubeconfig Path kubeconfig) throws IOException {
    assertThat(CliRun.of(args("install", kubeconfig, VALUES, "--installer", "kubectl")).err())
        .startsWith("gitops-runtime install: --installer must be manifest, helm or embedded, not \"kubectl\".\n");
    CliRun timeout = CliRun.of(args("install", kubeconfig, VALUES, "--timeout", "soon"));
    assertThat(timeout.exitCode()).isEqualTo(2);
    assertThat(timeout.err()).startsWith("gitops-runtime install: --timeout must be a positive duration such as 90s, 10m or 1h, not \"soon\".\n");
  }

  @Test
  void uninstallWithoutTheChartSaysWhatToGiveInTheToolsWords(@KubernetesTest.Kubeconfig Path kubeconfig) throws IOException {
    CliRun install = CliRun.of(args("install", kubeconfig, VALUES));
    assertThat(install.exitCode()).as(install.err()).isZero();

    CliRun run = CliRun.of("uninstall", "--kubeconfig", kubeconfig.toString(), "--chart", "oci://127.0.0.1:1/charts/gitops-runtime",
        "--version", "0.30.0");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("Uninstall failed (chart): ")
        .endsWith("The manifest installer renders the chart's pre-delete hooks (they delete the runtime from the Codefresh"
            + " platform), so it needs the chart the release was installed from: give it with --chart and --version (a"
            + " directory, a .tgz, or an oci:// reference; --plain-http for a registry without TLS), and the values file with -f."
            + " A release made with --installer helm or embedded needs no chart: uninstall it with that installer.\n")
        .contains("could not reach 127.0.0.1:1 to download the chart. For a registry without TLS, give --plain-http.\n")
        .doesNotContain("null").doesNotContain("plainHttp(").doesNotContain("build the installer").doesNotContain("Pass the installation");
  }

  @Test
  void aMissingHelmIsExplainedWithTheToolsOptions(@KubernetesTest.Kubeconfig Path kubeconfig) throws IOException {
    CliRun run = CliRun.of(args("install", kubeconfig, VALUES, "--installer", "helm", "--helm", dir.resolve("no-helm").toString()));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("Install failed (helm unavailable): Installing release \"cf-gitops-runtime\" in namespace"
            + " \"codefresh\" failed: helm was not found at " + dir.resolve("no-helm")
            + " (given with --helm): the file does not exist or is not executable.")
        .contains("or give its path with --helm PATH, or use --installer manifest or embedded, which need no binary.")
        .doesNotContain("helmExecutable").doesNotContain("Installer.builder()");
  }
}
