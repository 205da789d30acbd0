package io.gitopsruntime.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.testing.FakeHelm;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.testing.OciRegistry;
import io.gitopsruntime.testing.TestChart;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the install and uninstall scripts of examples/jbang for real, with JBang as {@link JBangScriptsIT} runs the
 * others, against an in-process Kubernetes API server started for each test (the {@code gitops-runtime-testing}
 * fixture), with the test chart from a temporary directory or a local OCI registry: nothing leaves the machine. No
 * {@code helm} is installed where the build runs, so the helm CLI script drives a fake one put first on its
 * {@code PATH}.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "JBang's command line is executed by bash, as its launcher does")
class JBangInstallScriptsIT {
  private static final Path ROOT = BuildEnvironment.examplesDir().getParent();
  private static final String API_KEY = "cf-api-key-that-must-never-be-printed";
  private static final String VALUES = TestChart.tunnelValues("test-runtime", API_KEY);
  private static final String HOOK_LOG = "user \"jane\" does not have Admin role in account \"acme\"";
  /** Makes the test chart's validate-values hook Job fail with {@link #HOOK_LOG} as its log. */
  private static final String FAILING_HOOK = "testHooks:\n  validateValues:\n    failWith: '" + HOOK_LOG + "'\n";
  private static final String SECONDS = "in \\d+\\.\\d s";

  private static ProcessRun jbang(JBang jbang, String script, List<String> args) {
    return jbang.run(ROOT, script, args.toArray(new String[0]));
  }

  private static ProcessRun jbang(String script, List<String> args) {
    return jbang(JBang.fromMavenCentral(), script, args);
  }

  private static List<String> args(Object... parts) {
    List<String> args = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof List<?> list) {
        list.forEach(item -> args.add(item.toString()));
      } else {
        args.add(part.toString());
      }
    }
    return args;
  }

  private static Path write(Path file, String text) throws IOException {
    return Files.writeString(file, text);
  }

  /** The line a script ends with: what it did, or why it could not. */
  private static String lastLine(String output) {
    List<String> lines = output.lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  private static String everything(ProcessRun... runs) {
    return Stream.of(runs).map(run -> run.out() + run.err()).reduce("", String::concat);
  }

  /** The README's way to try the scripts without a cluster: JBang starts the test server and writes the test chart. */
  @Nested
  class WithoutACluster {
    private static final String TESTING = "io.gitopsruntime:gitops-runtime-testing:" + BuildEnvironment.projectVersion();
    private static final String WRITE_CHART = "class Chart { public static void main(String... a) {"
        + " io.gitopsruntime.testing.TestChart.writeTo(java.nio.file.Path.of(a[0])); } }";
    private static final String VALUES = "examples/jbang/test-server-values.yaml";

    @Test
    void installsAndUninstallsOnTheTestServerJBangStarts(@TempDir Path dir) throws Exception {
      Path kubeconfig = dir.resolve("kubeconfig.yaml");
      Path log = dir.resolve("server.log");
      Process server = JBang.fromMavenCentral().start(ROOT, log, "--main",
          "io.gitopsruntime.testing.KubernetesTestServerMain", TESTING, kubeconfig.toString(), "--namespace", "codefresh");
      try {
        awaitKubeconfig(server, log);
        ProcessRun chart = jbang("--deps", args(TESTING, "--code", WRITE_CHART, dir));
        assertThat(chart.exitCode()).as(chart.transcript()).isZero();
        List<String> target = args("--kubeconfig", kubeconfig, "--chart", dir.resolve(TestChart.NAME));

        ProcessRun installed = jbang("examples/jbang/InstallWithManifests.java", args(VALUES, target, "--no-remote-checks"));

        assertThat(installed.exitCode()).as(installed.transcript()).isZero();
        assertThat(lastLine(installed.out()))
            .matches("Release cf-gitops-runtime in namespace codefresh: installed, revision 1, " + SECONDS + "\\.");

        ProcessRun removed = jbang("examples/jbang/Uninstall.java", args("manifest", VALUES, target));

        assertThat(removed.exitCode()).as(removed.transcript()).isZero();
        assertThat(lastLine(removed.out())).startsWith("Uninstalled release cf-gitops-runtime from namespace codefresh in ");
      } finally {
        server.destroy();
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
          server.destroyForcibly();
        }
      }
      assertThat(Files.readString(log)).contains("\nkubeconfig: " + kubeconfig + "\n");
    }

    private void awaitKubeconfig(Process server, Path log) throws IOException, InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!(Files.exists(log) && Files.readString(log).contains("kubeconfig: "))) {
        if (!server.isAlive() || System.nanoTime() > deadline) {
          throw new AssertionError("KubernetesTestServerMain did not start; it printed:\n" + Files.readString(log));
        }
        Thread.sleep(100);
      }
    }
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class InstallWithManifests {
    private static final String SCRIPT = "examples/jbang/InstallWithManifests.java";

    @Test
    void installsFromAnOciRegistryThenChangesNothingThenUpgradesThenUninstalls(KubernetesClient cluster,
        @KubernetesTest.Kubeconfig Path kubeconfig, @TempDir Path dir) throws IOException {
      try (OciRegistry registry = OciRegistry.start()) {
        String chart = registry.pushChart(TestChart.packageTo(dir), "charts");
        Path values = write(dir.resolve("values.yaml"), VALUES);
        List<String> target = List.of("--kubeconfig", kubeconfig.toString(), "--chart", chart, "--version",
            TestChart.VERSION, "--plain-http");

        ProcessRun installed = jbang(SCRIPT, args(values, target, "--no-remote-checks"));

        assertThat(installed.exitCode()).as(installed.transcript()).isZero();
        assertThat(installed.out())
            .startsWith("> validating ...\n  validation: 0 errors, 0 warnings\n")
            .contains("  hook Job/codefresh/validate-values succeeded\n")
            .contains("> applying objects ...\n");
        assertThat(lastLine(installed.out()))
            .matches("Release cf-gitops-runtime in namespace codefresh: installed, revision 1, " + SECONDS + "\\.");
        assertThat(installed.err()).isEmpty();
        assertThat(registry.requests()).as("the chart came from the OCI registry")
            .contains("GET /v2/charts/gitops-runtime/manifests/" + TestChart.VERSION + " -> 200");
        assertThat(cluster.apps().deployments().inNamespace("codefresh").withName("cap-app-proxy").get()).isNotNull();

        ProcessRun again = jbang(SCRIPT, args(values, target, "--no-remote-checks"));

        assertThat(again.exitCode()).as(again.transcript()).isZero();
        assertThat(lastLine(again.out()))
            .matches("Release cf-gitops-runtime in namespace codefresh: unchanged, revision 1, " + SECONDS + "\\.");

        write(values, VALUES + "app-proxy:\n  config:\n    logLevel: debug\n");
        ProcessRun upgraded = jbang(SCRIPT, args(values, target, "--no-remote-checks"));

        assertThat(upgraded.exitCode()).as(upgraded.transcript()).isZero();
        assertThat(lastLine(upgraded.out()))
            .matches("Release cf-gitops-runtime in namespace codefresh: upgraded, revision 2, " + SECONDS + "\\.");
        assertThat(cluster.configMaps().inNamespace("codefresh").withName("cap-app-proxy-cm").get().getData())
            .containsEntry("logLevel", "debug");

        ProcessRun removed = jbang("examples/jbang/Uninstall.java", args("manifest", values, target));

        assertThat(removed.exitCode()).as(removed.transcript()).isZero();
        assertThat(removed.out()).contains("  hook Job/codefresh/delete-runtime-from-platform succeeded\n");
        assertThat(lastLine(removed.out())).matches("Uninstalled release cf-gitops-runtime from namespace codefresh "
            + SECONDS + ": \\d+ objects deleted\\.");
        assertThat(cluster.apps().deployments().inNamespace("codefresh").list().getItems()).isEmpty();
        assertThat(cluster.apiextensions().v1().customResourceDefinitions().list().getItems())
            .as("the test chart's templated CRDs carry no helm.sh/resource-policy: keep; Helm deletes them").isEmpty();
        assertThat(everything(installed, again, upgraded, removed)).doesNotContain(API_KEY);
      }
    }

    @Test
    void explainsAFailedValidationHookWithItsLog(KubernetesClient cluster, @KubernetesTest.Kubeconfig Path kubeconfig,
        @TempDir Path dir) throws IOException {
      Path values = write(dir.resolve("values.yaml"), VALUES + FAILING_HOOK);

      ProcessRun run = jbang(SCRIPT, args(values, "--kubeconfig", kubeconfig, "--chart", TestChart.writeTo(dir),
          "--no-remote-checks"));

      assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
      assertThat(run.out()).contains("  hook Job/codefresh/validate-values FAILED\n");
      assertThat(run.err()).isEqualTo("Install failed (hook failed): The pre-install hook Job/codefresh/validate-values"
          + " failed (BackoffLimitExceeded: Job has reached the specified backoff limit). Its log:\n"
          + "    " + HOOK_LOG + "\n"
          + "Fix what the log says (for validate-values: the values it names), then install again; the same log is in"
          + " `kubectl logs job/validate-values -n codefresh` until the Job is deleted.\n");
      assertThat(cluster.apps().deployments().inNamespace("codefresh").list().getItems()).isEmpty();
    }
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class InstallWithEmbeddedHelm {
    private static final String SCRIPT = "examples/jbang/InstallWithEmbeddedHelm.java";

    @Test
    void installsTheRuntimeDescribedInCodeThenChangesNothingThenUninstalls(KubernetesClient cluster,
        @KubernetesTest.Kubeconfig Path kubeconfig, @TempDir Path dir) {
      // the runtime the script describes reads its API key from this Secret, as the installation page recommends
      cluster.secrets().inNamespace("codefresh").resource(new SecretBuilder().withNewMetadata()
          .withName("codefresh-user-token").endMetadata().addToStringData("token", API_KEY).build()).create();
      List<String> target = args("--kubeconfig", kubeconfig, "--chart", TestChart.writeTo(dir));

      ProcessRun installed = jbang(SCRIPT, args(target, "--no-remote-checks"));

      assertThat(installed.exitCode()).as(installed.transcript()).isZero();
      assertThat(installed.out())
          .startsWith("> validating ...\n  validation: 0 errors, 0 warnings\n")
          .contains("> running helm ...\n")
          .contains("  helm: STATUS: deployed\n");
      assertThat(lastLine(installed.out()))
          .matches("Release cf-gitops-runtime in namespace codefresh: installed, revision 1, " + SECONDS + "\\.");
      assertThat(cluster.configMaps().inNamespace("codefresh").withName("codefresh-cm").get().getData())
          .containsEntry("runtime", "prod-eu");
      assertThat(cluster.secrets().inNamespace("codefresh").withName("sh.helm.release.v1.cf-gitops-runtime.v1").get())
          .as("a real Helm release").isNotNull();

      ProcessRun again = jbang(SCRIPT, args(target, "--no-remote-checks"));

      assertThat(again.exitCode()).as(again.transcript()).isZero();
      assertThat(lastLine(again.out()))
          .matches("Release cf-gitops-runtime in namespace codefresh: unchanged, revision 1, " + SECONDS + "\\.");

      ProcessRun removed = jbang("examples/jbang/Uninstall.java", args("embedded", target));

      assertThat(removed.exitCode()).as(removed.transcript()).isZero();
      assertThat(lastLine(removed.out()))
          .matches("Uninstalled release cf-gitops-runtime from namespace codefresh " + SECONDS + ": \\d+ objects deleted\\.");
      assertThat(cluster.apps().deployments().inNamespace("codefresh").list().getItems()).isEmpty();
      assertThat(everything(installed, again, removed)).doesNotContain(API_KEY);
    }

    @Test
    void explainsAFailedValidationHookWithItsLog(@KubernetesTest.Kubeconfig Path kubeconfig, @TempDir Path dir)
        throws IOException {
      Path values = write(dir.resolve("values.yaml"), VALUES + FAILING_HOOK);

      ProcessRun run = jbang(SCRIPT, args(values, "--kubeconfig", kubeconfig, "--chart", TestChart.writeTo(dir),
          "--no-remote-checks"));

      assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
      assertThat(run.out()).contains("  hook Job/codefresh/validate-values FAILED\n");
      assertThat(run.err()).isEqualTo("Install failed (hook failed): Installing release \"cf-gitops-runtime\" in"
          + " namespace \"codefresh\" failed: the pre-install hook Job \"validate-values\" failed (BackoffLimitExceeded:"
          + " Job has reached the specified backoff limit). Its log says:\n"
          + "  " + HOOK_LOG + "\n"
          + "Fix what the log says and run the install again. Until Kubernetes deletes the Job (about 5 minutes after it"
          + " failed), its full log is shown by: kubectl logs job/validate-values -n codefresh --kubeconfig " + kubeconfig
          + "\n");
    }
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class InstallWithHelmCli {
    private static final String SCRIPT = "examples/jbang/InstallWithHelmCli.java";

    @TempDir Path dir;
    FakeHelm helm;
    JBang withFakeHelm;

    @BeforeEach
    void putAFakeHelmFirstOnThePath() {
      helm = FakeHelm.create(dir.resolve("fake-helm"));
      withFakeHelm = JBang.fromMavenCentral()
          .withEnvironment("PATH", helm.binDirectory() + File.pathSeparator + System.getenv("PATH"));
    }

    @Test
    void drivesTheHelmOnThePathWithTheValuesInAFileOnlyItCanRead(@KubernetesTest.Kubeconfig Path kubeconfig)
        throws IOException {
      Path values = write(dir.resolve("values.yaml"), VALUES);
      Path chart = TestChart.writeTo(dir);
      List<String> target = args("--kubeconfig", kubeconfig, "--chart", chart, "--version", TestChart.VERSION);

      ProcessRun installed = jbang(withFakeHelm, SCRIPT, args(values, target, "--no-remote-checks"));

      assertThat(installed.exitCode()).as(installed.transcript()).isZero();
      assertThat(installed.out())
          .startsWith("> validating ...\n  validation: 0 errors, 0 warnings\n")
          .contains("> running helm ...\n  helm: Release \"cf-gitops-runtime\" does not exist. Installing it now.\n");
      assertThat(lastLine(installed.out()))
          .matches("Release cf-gitops-runtime in namespace codefresh: installed, revision 1, " + SECONDS + "\\.");
      assertThat(helm.subcommands()).containsExactly("version", "status", "template", "upgrade", "status");
      List<String> upgrade = helm.calls("upgrade").get(0);
      String valuesFile = upgrade.get(upgrade.indexOf("-f") + 1);
      assertThat(upgrade).containsExactly("upgrade", "--install", "cf-gitops-runtime", chart.toString(), "--namespace",
          "codefresh", "--version", TestChart.VERSION, "-f", valuesFile, "--wait", "--timeout", "600s", "--kubeconfig",
          kubeconfig.toString());
      assertThat(Path.of(valuesFile)).as("the values file is deleted after helm ran").doesNotExist();

      ProcessRun again = jbang(withFakeHelm, SCRIPT, args(values, target, "--no-remote-checks"));

      assertThat(again.exitCode()).as(again.transcript()).isZero();
      assertThat(lastLine(again.out()))
          .matches("Release cf-gitops-runtime in namespace codefresh: unchanged, revision 1, " + SECONDS + "\\.");
      assertThat(helm.calls("upgrade")).as("no second upgrade").hasSize(1);

      ProcessRun removed = jbang(withFakeHelm, "examples/jbang/Uninstall.java", args("helm", target));

      assertThat(removed.exitCode()).as(removed.transcript()).isZero();
      assertThat(lastLine(removed.out())).matches("Uninstalled release cf-gitops-runtime from namespace codefresh "
          + SECONDS + ": 2 objects deleted, 1 kept \\(helm\\.sh/resource-policy: keep, or from crds/\\)\\.");
      assertThat(helm.calls("uninstall")).containsExactly(List.of("uninstall", "cf-gitops-runtime", "--namespace",
          "codefresh", "--wait", "--timeout", "600s", "--kubeconfig", kubeconfig.toString()));

      // the API key reached helm only in values files only their owner could read, never on a command line
      assertThat(helm.valuesFiles()).isNotEmpty().allSatisfy(file -> assertThat(file).contains("token: " + API_KEY));
      assertThat(helm.valuesModes()).isNotEmpty().containsOnly("-rw-------");
      assertThat(helm.calls()).allSatisfy(call -> assertThat(String.join(" ", call)).doesNotContain(API_KEY));
      assertThat(everything(installed, again, removed)).doesNotContain(API_KEY);
    }

    @Test
    void explainsAFailedValidationHookWithItsLogReadFromTheCluster(KubernetesTestServer server,
        @KubernetesTest.Kubeconfig Path kubeconfig) throws IOException {
      // what helm leaves behind when the chart's validate-values hook fails: the failed Job in the cluster, and its error
      server.failedHookJob("codefresh", "validate-values", "pre-install,pre-upgrade", HOOK_LOG);
      helm.respond("upgrade", 1, "Release \"cf-gitops-runtime\" does not exist. Installing it now.\n",
          "Error: INSTALLATION FAILED: failed pre-install: 1 error occurred:\n\t* job validate-values failed:"
              + " BackoffLimitExceeded\n\n");
      Path values = write(dir.resolve("values.yaml"), VALUES);

      Path chart = TestChart.writeTo(dir);

      ProcessRun run = jbang(withFakeHelm, SCRIPT, args(values, "--kubeconfig", kubeconfig, "--chart", chart,
          "--no-remote-checks"));

      assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
      assertThat(run.out()).contains("  helm: Error: INSTALLATION FAILED: failed pre-install: 1 error occurred:\n");
      List<String> upgrade = helm.calls("upgrade").get(0);
      assertThat(run.err()).isEqualTo("Install failed (hook failed): Installing release \"cf-gitops-runtime\" in"
          + " namespace \"codefresh\" failed: the pre-install hook Job \"validate-values\" failed (BackoffLimitExceeded:"
          + " Job has reached the specified backoff limit). Its log says:\n"
          + "  " + HOOK_LOG + "\n"
          + "Fix what the log says and run the install again. Until Kubernetes deletes the Job (about 5 minutes after it"
          + " failed), its full log is shown by: kubectl logs job/validate-values -n codefresh --kubeconfig " + kubeconfig
          + "\n"
          + "Command: helm upgrade --install cf-gitops-runtime " + chart + " --namespace codefresh -f "
          + upgrade.get(upgrade.indexOf("-f") + 1) + " --wait --timeout 600s --kubeconfig " + kubeconfig
          + " (exit code 1)\n");
    }
  }
}
