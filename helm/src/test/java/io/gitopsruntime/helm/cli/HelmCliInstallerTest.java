package io.gitopsruntime.helm.cli;

import static io.gitopsruntime.helm.InstallFailures.assertFailure;
import static io.gitopsruntime.helm.InstallFailures.gaveUpWaiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.helm.Fixtures;
import io.gitopsruntime.helm.HelmInstallerContract;
import io.gitopsruntime.helm.RecordingListener;
import io.gitopsruntime.helm.HelmInstallerBuilder;
import io.gitopsruntime.install.ChangeKind;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallOutcome;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.install.NotReady;
import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.install.PlannedChange;
import io.gitopsruntime.install.ReleaseState;
import io.gitopsruntime.install.ReleaseStatus;
import io.gitopsruntime.testing.FakeHelm;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.testing.OciRegistry;
import io.gitopsruntime.testing.TestChart;
import io.gitopsruntime.validators.Validators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelmCliInstallerTest {
  private static final ValidatorChain OFFLINE = ValidatorChain.builder().addAll(Validators.offline()).build();
  private static final String RELEASE = RuntimeInstallation.DEFAULT_RELEASE;
  private static final String CHART = "oci://quay.io/codefresh/gitops-runtime";
  private static final ObjectRef CRD = ObjectRef.clusterScoped("apiextensions.k8s.io/v1", "CustomResourceDefinition",
      "products.codefresh.io");
  private static final ObjectRef CM = ObjectRef.of("v1", "ConfigMap", "codefresh", "cap-app-proxy-cm");
  private static final ObjectRef DEPLOYMENT = ObjectRef.of("apps/v1", "Deployment", "codefresh", "cap-app-proxy");

  @TempDir Path tmp;
  FakeHelm helm;
  Path valuesDir;
  RecordingListener listener;

  @BeforeEach
  void setUp() throws Exception {
    helm = FakeHelm.create(tmp.resolve("fake"));
    valuesDir = Files.createDirectories(tmp.resolve("values"));
    listener = new RecordingListener();
  }

  HelmCliInstaller.Builder installer(KubernetesClient client, Path kubeconfig) {
    return HelmCliInstaller.builder().helmExecutable(helm.executable()).kubeconfig(kubeconfig).kubernetesClient(client)
        .validators(OFFLINE).tempDirectory(valuesDir).listener(listener);
  }

  static RuntimeInstallation installation(String chart, String extraValues) {
    return RuntimeInstallation.builder().chart(chart).values(ValuesYaml.parse(TestChart.tunnelValues() + extraValues))
        .build();
  }

  static RuntimeInstallation installation() {
    return installation(CHART, "");
  }

  /** The values file helm was given in a call: a fresh file in the values directory, gone by now. */
  private String valuesArgument(List<String> call) {
    return valuesArgument(call, valuesDir);
  }

  private static String valuesArgument(List<String> call, Path valuesDir) {
    String file = call.get(call.indexOf("-f") + 1);
    assertThat(Path.of(file).getParent().getParent()).isEqualTo(valuesDir);
    assertThat(Path.of(file)).doesNotExist();
    return file;
  }

  /** The installers' common contract, with this fake helm told what the test chart renders. */
  @Nested
  @KubernetesTest(namespace = "codefresh")
  class Contract extends HelmInstallerContract {
    private final String workloads = FakeHelm.MANIFEST.substring(
        FakeHelm.MANIFEST.indexOf("---\n# Source: gitops-runtime/templates/workloads.yaml"));
    private String chart = FakeHelm.MANIFEST;

    @Override
    protected HelmInstallerBuilder<?> builder() {
      return HelmCliInstaller.builder().helmExecutable(helm.executable());
    }

    @Override
    protected RuntimeInstallation installation(String extraValues) {
      String rendered = chart;
      if (extraValues.contains(DEBUG)) {
        rendered = rendered.replace("logLevel: info", "logLevel: debug");
      }
      if (extraValues.contains(WITHOUT_OPERATOR)) {
        rendered = rendered.replace(workloads, "");
      }
      helm.renders(rendered);
      return HelmCliInstallerTest.installation(CHART, extraValues);
    }

    @Override
    protected ObjectRef operatorDeployment() {
      return DEPLOYMENT;
    }

    /** The hook's Job fails in the API server; the fake helm says what real Helm says then. */
    @Override
    protected RuntimeInstallation failingValidateValues(KubernetesTestServer server, KubernetesClient client,
        String log) {
      server.failedHookJob("codefresh", "validate-values", "pre-install,pre-upgrade", log);
      helm.respond("upgrade", 1, "Release \"cf-gitops-runtime\" does not exist. Installing it now.\n",
          "Error: INSTALLATION FAILED: failed pre-install: 1 error occurred:\n\t* job validate-values failed:"
              + " BackoffLimitExceeded\n\n");
      return installation("");
    }

    /**
     * The hook's Job fails in the API server; the fake helm's error also repeats the log, so that helm's own output
     * carries a secret too. Another runtime name makes the install an upgrade.
     */
    @Override
    protected RuntimeInstallation failingValidateValuesOnUpgrade(KubernetesTestServer server, KubernetesClient client,
        RuntimeInstallation installed, String log) {
      server.failedHookJob("codefresh", "validate-values", "pre-upgrade", log);
      helm.respond("upgrade", 1, "", "Error: UPGRADE FAILED: pre-upgrade hooks failed: 1 error occurred:\n\t* job"
          + " validate-values failed: BackoffLimitExceeded (" + log + ")\n");
      return installed.toBuilder().runtimeName("other-runtime").build();
    }

    @Override
    protected void helmGotTheSecretsOnlyInTheValues(KubernetesClient client) {
      assertThat(helm.lastValues()).contains(SECRET + "user-token");
      assertThat(helm.allArguments()).isNotEmpty().noneMatch(a -> a.contains(SECRET));
    }

    @Override
    protected String logged() {
      return "running helm upgrade --install";
    }

    @Override
    protected void afterTheHookFailed(InstallException e, KubernetesClient client) {
      assertThat(listener().events()).contains("helm: Error: INSTALLATION FAILED: failed pre-install: 1 error occurred:");
    }

    @Override
    protected void helmRefusesTheArgoCrds() {
      chart = FakeHelm.MANIFEST + String.join("\n",
          "---", "apiVersion: apiextensions.k8s.io/v1", "kind: CustomResourceDefinition", "metadata:",
          "  name: applications.argoproj.io",
          "---", "apiVersion: apiextensions.k8s.io/v1", "kind: CustomResourceDefinition", "metadata:",
          "  name: appprojects.argoproj.io", "");
      helm.respond("upgrade", 1, "", "Error: INSTALLATION FAILED: rendered manifests contain a resource that already"
          + " exists. Unable to continue with install: CustomResourceDefinition \"applications.argoproj.io\" in namespace"
          + " \"\" exists and cannot be imported into the current release: invalid ownership metadata; label validation"
          + " error: missing key \"app.kubernetes.io/managed-by\": must be set to \"Helm\"; annotation validation error:"
          + " missing key \"meta.helm.sh/release-name\": must be set to \"cf-gitops-runtime\"; annotation validation error:"
          + " missing key \"meta.helm.sh/release-namespace\": must be set to \"codefresh\"\n");
    }

    /** Helm got the values in a file only its owner could read, deleted afterwards, and printed its output. */
    @Override
    protected void afterTheFirstInstall(InstallResult result, KubernetesClient client, Path kubeconfig) {
      assertThat(result.changes()).containsExactly(PlannedChange.of(CRD, ChangeKind.CREATE),
          PlannedChange.of(CM, ChangeKind.CREATE), PlannedChange.of(DEPLOYMENT, ChangeKind.CREATE));
      assertThat(helm.subcommands()).containsExactly("version", "status", "template", "upgrade", "status");
      List<String> upgrade = helm.calls("upgrade").get(0);
      assertThat(upgrade).containsExactly("upgrade", "--install", RELEASE, CHART, "--namespace", "codefresh", "-f",
          valuesArgument(upgrade, valuesDirectory()), "--wait", "--timeout", "600s", "--kubeconfig", kubeconfig.toString());
      assertThat(helm.valuesModes()).hasSize(2).containsOnly("-rw-------");
      assertThat(helm.lastValues()).isEqualTo(ValuesYaml.write(HelmCliInstallerTest.installation().values(),
          SecretHandling.REVEAL))
          .contains("token: test-token");
      assertThat(listener().events()).containsSubsequence("started HELM",
          "helm: Release \"cf-gitops-runtime\" does not exist. Installing it now.", "helm: STATUS: deployed",
          "finished HELM", "CREATE CustomResourceDefinition/products.codefresh.io",
          "CREATE ConfigMap/codefresh/cap-app-proxy-cm", "CREATE Deployment/codefresh/cap-app-proxy");
    }

    @Override
    protected int stuckInPendingUpgrade(KubernetesClient client, Path kubeconfig) {
      helm.release("0.30.0", "1 superseded", "2 deployed", "3 pending-upgrade");
      return 3;
    }

    @Override
    protected void stuckInPendingInstall(KubernetesClient client, Path kubeconfig) {
      helm.release("0.30.0", "1 pending-install");
    }

    /** It read the history, with the kubeconfig and the context, and ran no upgrade. */
    @Override
    protected void afterThePendingReleaseStopped(Path kubeconfig, String kubeContext) {
      assertThat(helm.subcommands()).containsExactly("version", "status", "history");
      assertThat(helm.calls("history").get(0)).containsExactly("history", RELEASE, "--namespace", "codefresh", "-o",
          "json", "--kubeconfig", kubeconfig.toString(), "--kube-context", kubeContext);
    }

    @Override
    protected String requestOfItsOwnClient() {
      return "/api/v1/namespaces/codefresh";
    }

    @Override
    protected String failedCommand(Path kubeconfig) {
      return "\nCommand: helm upgrade --install cf-gitops-runtime oci://quay.io/codefresh/gitops-runtime --namespace"
          + " codefresh -f " + valuesArgument(helm.calls("upgrade").get(0), valuesDirectory())
          + " --wait --timeout 600s --kubeconfig " + kubeconfig + " (exit code 1)";
    }
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class Installs {
    @Test
    void asksHelmToCreateTheNamespaceOnlyWhenItIsMissing(KubernetesClient client,
        @KubernetesTest.Kubeconfig Path kubeconfig) {
      try (HelmCliInstaller installer = installer(client, kubeconfig).build()) {
        installer.install(installation().toBuilder().namespace("fresh").build());
      }

      assertThat(helm.calls("upgrade").get(0)).contains("--create-namespace");
    }

    @Test
    void decidesUnchangedFromTheManifestTheChartTheHistoryAndTheValuesWithoutAnUpgrade(KubernetesClient client,
        @KubernetesTest.Kubeconfig Path kubeconfig) {
      try (HelmCliInstaller installer = installer(client, kubeconfig).build()) {
        installer.install(installation());
        int before = helm.calls().size();

        assertThat(installer.install(installation()).outcome()).isEqualTo(InstallOutcome.UNCHANGED);

        assertThat(helm.subcommands().subList(before, helm.calls().size()))
            .containsExactly("status", "template", "get manifest", "show chart", "history", "get values");
      }
    }

    @Test
    void rendersAnUpgradeWithIsUpgradeAndTheNewValues(KubernetesClient client,
        @KubernetesTest.Kubeconfig Path kubeconfig) {
      try (HelmCliInstaller installer = installer(client, kubeconfig).build()) {
        installer.install(installation());

        installer.install(installation(CHART, "app-proxy:\n  config:\n    logLevel: debug\n"));
      }
      assertThat(helm.calls("template").get(1)).contains("--is-upgrade");
      assertThat(helm.lastValues()).contains("logLevel: debug");
    }

    @Test
    void upgradesWhenOnlyTheChartVersionChanges(KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
      try (HelmCliInstaller installer = installer(client, kubeconfig).build()) {
        installer.install(installation().toBuilder().chartVersion("0.30.0").build());

        InstallResult upgraded = installer.install(installation().toBuilder().chartVersion("0.31.0").build());

        assertThat(upgraded.outcome()).isEqualTo(InstallOutcome.UPGRADED);
      }
      assertThat(helm.calls("upgrade").get(1)).containsSequence("--version", "0.31.0");
    }

    @Test
    void installsTheChartFromADirectory(KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
      String chart = TestChart.writeTo(tmp.resolve("chart")).toString();

      assertInstallsTestChart(client, kubeconfig, chart, false);
    }

    @Test
    void installsTheChartFromAnArchive(KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
      String chart = TestChart.packageTo(tmp).toString();

      assertInstallsTestChart(client, kubeconfig, chart, false);
    }

    @Test
    void installsTheChartFromAnOciRegistryOverPlainHttp(KubernetesClient client,
        @KubernetesTest.Kubeconfig Path kubeconfig) {
      try (OciRegistry registry = OciRegistry.start()) {
        String chart = registry.pushChart(TestChart.packageTo(tmp), "charts");

        assertInstallsTestChart(client, kubeconfig, chart, true);
      }
    }

    /** Renders the test chart with the real Helm (helm-java) for the fake to print, then installs it twice. */
    private void assertInstallsTestChart(KubernetesClient client, Path kubeconfig, String chart, boolean oci) {
      RuntimeInstallation installation = installation(chart, "").toBuilder().chartVersion(TestChart.VERSION).build();
      var template = Helm.template(chart).withName(RELEASE).withNamespace("codefresh").withVersion(TestChart.VERSION)
          .withValuesFile(write(tmp.resolve("render.yaml"), TestChart.tunnelValues()));
      if (oci) {
        template.plainHttp();
      }
      String rendered = template.call();
      helm.renders(rendered);

      try (HelmCliInstaller installer = installer(client, kubeconfig).plainHttp(oci).build()) {
        InstallResult installed = installer.install(installation);
        InstallResult again = installer.install(installation);

        assertThat(installed.outcome()).isEqualTo(InstallOutcome.INSTALLED);
        assertThat(installed.changes()).hasSize(54).extracting(PlannedChange::change).containsOnly(ChangeKind.CREATE);
        assertThat(again.outcome()).isEqualTo(InstallOutcome.UNCHANGED);
      }
      List<String> upgrade = helm.calls("upgrade").get(0);
      List<String> expected = new ArrayList<>(List.of("upgrade", "--install", RELEASE, chart, "--namespace", "codefresh",
          "--version", TestChart.VERSION, "-f", valuesArgument(upgrade), "--wait", "--timeout", "600s"));
      if (oci) {
        expected.add("--plain-http");
      }
      expected.addAll(List.of("--kubeconfig", kubeconfig.toString()));
      assertThat(upgrade).isEqualTo(expected);
      assertThat(helm.calls("show").get(0)).isEqualTo(oci
          ? List.of("show", "chart", chart, "--version", TestChart.VERSION, "--plain-http")
          : List.of("show", "chart", chart, "--version", TestChart.VERSION));
    }
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class StopsBeforeChangingAnything {
    @Test
    void refusesAHelmOlderThan3100(KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
      helm.version("v3.9.4");
      try (HelmCliInstaller installer = installer(client, kubeconfig).build()) {
        assertFailure(() -> installer.install(installation()), FailureKind.HELM_UNAVAILABLE)
            .hasMessage("Installing release \"cf-gitops-runtime\" in namespace \"codefresh\" failed: helm 3.9.4"
              + " at " + helm.executable() + " is too old: the installers need Helm 3.10.0 or newer. Install Helm 3.10.0 or"
              + " newer (https://helm.sh/docs/intro/install/), or set its path with"
              + " HelmCliInstaller.builder().helmExecutable(Path.of(\"/path/to/helm\")), or use EmbeddedHelmInstaller,"
              + " which needs no binary.");
      }
      assertThat(helm.subcommands()).containsExactly("version");
    }

    @Test
    void saysWhereItLookedForAMissingHelm(KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig)
        throws Exception {
      String path = Files.createDirectories(tmp.resolve("bin1")) + ":" + Files.createDirectories(tmp.resolve("bin2"));
      try (HelmCliInstaller installer = HelmCliInstaller.builder().searchPath(path).kubeconfig(kubeconfig)
          .kubernetesClient(client).validators(OFFLINE).build()) {
        assertFailure(() -> installer.status(installation()), FailureKind.HELM_UNAVAILABLE)
            .hasMessage("Reading the status of release \"cf-gitops-runtime\" in namespace \"codefresh\" failed:"
              + " helm was not found: looked for an executable \"helm\" in each directory of PATH (" + path + "). Install"
              + " Helm 3.10.0 or newer (https://helm.sh/docs/intro/install/), or set its path with"
              + " HelmCliInstaller.builder().helmExecutable(Path.of(\"/path/to/helm\")), or use EmbeddedHelmInstaller,"
              + " which needs no binary.");
      }
    }

    @Test
    void findsHelmOnTheSearchPath(KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
      try (HelmCliInstaller installer = HelmCliInstaller.builder().searchPath(helm.binDirectory().toString())
          .kubeconfig(kubeconfig).kubernetesClient(client).validators(OFFLINE).build()) {
        assertThat(installer.status(installation()).state()).isEqualTo(ReleaseState.NOT_INSTALLED);
      }
    }

    @Test
    void saysAnExplicitHelmPathDoesNotExist(KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
      Path missing = tmp.resolve("nowhere/helm");
      try (HelmCliInstaller installer = HelmCliInstaller.builder().helmExecutable(missing).kubeconfig(kubeconfig)
          .kubernetesClient(client).build()) {
        assertThatThrownBy(() -> installer.uninstall(installation())).hasMessage("Uninstalling release"
            + " \"cf-gitops-runtime\" in namespace \"codefresh\" failed: helm was not found at " + missing + " (set with"
            + " helmExecutable(...)): the file does not exist or is not executable. Install Helm 3.10.0 or newer"
            + " (https://helm.sh/docs/intro/install/), or set its path with"
            + " HelmCliInstaller.builder().helmExecutable(Path.of(\"/path/to/helm\")), or use EmbeddedHelmInstaller,"
            + " which needs no binary.");
      }
    }
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class ExplainsFailures {
    @Test
    void stopsAHelmThatRunsTooLongAndDeletesTheValues(KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
      helm.respondAfter("upgrade", Duration.ofSeconds(30), 0, "", "");
      long start = System.nanoTime();
      try (HelmCliInstaller installer = installer(client, kubeconfig)
          .processTimeout(Duration.ofSeconds(1), Duration.ofSeconds(1)).build()) {
        assertFailure(() -> installer.install(installation()), FailureKind.TIMEOUT).satisfies(e ->
            assertThat(e.getMessage()).startsWith("Installing release \"cf-gitops-runtime\" in namespace \"codefresh\""
              + " failed: helm did not finish within 1s and was stopped; Helm marks the release failed when stopped this"
              + " way, and the next install continues from there.\n"
              + "Every workload of the release is ready now: it may have become ready after Helm gave up.\n"));
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
      assertThat(valuesDir).isEmptyDirectory();
    }

    @Test
    void stopsHelmRestoresTheInterruptFlagAndDeletesTheValuesWhenInterrupted(KubernetesClient client,
        @KubernetesTest.Kubeconfig Path kubeconfig) throws Exception {
      helm.respondAfter("upgrade", Duration.ofSeconds(30), 0, "", "");
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicBoolean interrupted = new AtomicBoolean();
      try (HelmCliInstaller installer = installer(client, kubeconfig).build()) {
        Thread thread = new Thread(() -> {
          try {
            installer.install(installation());
          } catch (RuntimeException e) {
            thrown.set(e);
            interrupted.set(Thread.currentThread().isInterrupted());
          }
        });
        thread.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (helm.calls("upgrade").isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        thread.interrupt();
        thread.join(20_000);
      }
      assertThat(thrown.get()).isInstanceOfSatisfying(InstallException.class, e -> {
        assertThat(e.failure()).isEqualTo(FailureKind.OTHER);
        assertThat(e.getMessage()).startsWith("Installing release \"cf-gitops-runtime\" in namespace \"codefresh\" failed:"
            + " the calling thread was interrupted, so helm was stopped. If it was changing the release, Helm marked it"
            + " failed (or left it pending); run the install again to continue.\nCommand: helm upgrade --install");
      });
      assertThat(interrupted).isTrue();
      assertThat(valuesDir).isEmptyDirectory();
    }
  }

  @Nested
  @KubernetesTest(namespace = "codefresh", controllers = false)
  class ExplainsTimeouts {
    @Test
    void saysWhatWasNotReadyWhenHelmGaveUpWaiting(KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
      client.apps().deployments().resource(Fixtures.releaseDeployment("cap-app-proxy", RELEASE, "codefresh", 2)).create();
      helm.respond("upgrade", 1, "", "Error: INSTALLATION FAILED: context deadline exceeded\n");

      try (HelmCliInstaller installer = installer(client, kubeconfig).timeout(Duration.ofMinutes(5)).build()) {
        assertFailure(() -> installer.install(installation()), FailureKind.TIMEOUT).hasMessage(gaveUpWaiting("5m",
            "context deadline exceeded", "Deployment/codefresh/cap-app-proxy (0 of 2 replicas available)", kubeconfig)
            + "\nCommand: helm upgrade --install cf-gitops-runtime oci://quay.io/codefresh/gitops-runtime --namespace"
            + " codefresh -f " + valuesArgument(helm.calls("upgrade").get(0)) + " --wait --timeout 300s --kubeconfig "
            + kubeconfig + " (exit code 1)");
      }
    }

    @Test
    void reportsTheReleaseStateAndWhatIsNotReady(KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
      client.apps().deployments().resource(Fixtures.releaseDeployment("cap-app-proxy", RELEASE, "codefresh", 1)).create();
      try (HelmCliInstaller installer = installer(client, kubeconfig).build()) {
        assertThat(installer.status(installation())).isEqualTo(ReleaseStatus.builder().releaseName(RELEASE)
            .namespace("codefresh").state(ReleaseState.NOT_INSTALLED).build());
        installer.install(installation());

        ReleaseStatus status = installer.status(installation());

        assertThat(status).isEqualTo(ReleaseStatus.builder().releaseName(RELEASE).namespace("codefresh")
            .state(ReleaseState.DEPLOYED).revision(1).chartVersion("0.30.0")
            .addNotReady(NotReady.of(DEPLOYMENT, "0 of 1 replicas available")).build());
        assertThat(status.isHealthy()).isFalse();
      }
    }
  }

  private static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
