package io.gitopsruntime.helm.embedded;

import static io.gitopsruntime.helm.InstallFailures.assertFailure;
import static io.gitopsruntime.helm.InstallFailures.gaveUpWaiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.helm.HelmInstallerContract;
import io.gitopsruntime.helm.RecordingListener;
import io.gitopsruntime.helm.embedded.internal.EngineProcess;
import io.gitopsruntime.helm.HelmInstallerBuilder;
import io.gitopsruntime.install.ChangeKind;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallOutcome;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.install.PlannedChange;
import io.gitopsruntime.install.ReleaseState;
import io.gitopsruntime.install.UninstallResult;
import io.gitopsruntime.testing.Fault;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.testing.OciRegistry;
import io.gitopsruntime.testing.RecordedCall;
import io.gitopsruntime.testing.TestChart;
import io.gitopsruntime.validators.Validators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedHelmInstallerTest {
  private static final ValidatorChain OFFLINE = ValidatorChain.builder().addAll(Validators.offline()).build();
  private static final String RELEASE = RuntimeInstallation.DEFAULT_RELEASE;

  @TempDir Path tmp;
  Path valuesDir;
  RecordingListener listener;

  @BeforeEach
  void setUp() throws Exception {
    valuesDir = Files.createDirectories(tmp.resolve("values"));
    listener = new RecordingListener();
  }

  EmbeddedHelmInstaller.Builder installer(KubernetesClient client, Path kubeconfig) {
    return EmbeddedHelmInstaller.builder().kubeconfig(kubeconfig).kubernetesClient(client).validators(OFFLINE)
        .tempDirectory(valuesDir).listener(listener).timeout(Duration.ofSeconds(60));
  }

  RuntimeInstallation installation(String extraValues) {
    return installation(TestChart.writeTo(tmp).toString(), extraValues);
  }

  static RuntimeInstallation installation(String chart, String extraValues) {
    return RuntimeInstallation.builder().chart(chart).values(ValuesYaml.parse(TestChart.tunnelValues() + extraValues))
        .build();
  }

  static List<String> names(List<? extends HasMetadata> objects) {
    return objects.stream().map(o -> o.getMetadata().getName()).sorted().toList();
  }

  /** The installers' common contract, with helm-java rendering and installing the test chart for real. */
  @Nested
  @KubernetesTest(namespace = "codefresh")
  class Contract extends HelmInstallerContract {
    @Override
    protected HelmInstallerBuilder<?> builder() {
      return EmbeddedHelmInstaller.builder().timeout(Duration.ofSeconds(60));
    }

    @Override
    protected RuntimeInstallation installation(String extraValues) {
      return EmbeddedHelmInstallerTest.this.installation(extraValues);
    }

    @Override
    protected ObjectRef operatorDeployment() {
      return ObjectRef.of("apps/v1", "Deployment", "codefresh", "gitops-operator");
    }

    /** The test chart's hook fails as its values say. */
    @Override
    protected RuntimeInstallation failingValidateValues(KubernetesTestServer server, KubernetesClient client,
        String log) {
      return installation("testHooks:\n  validateValues:\n    failWith: '" + log + "'\n");
    }

    /** The test chart's hook fails as its values say. */
    @Override
    protected RuntimeInstallation failingValidateValuesOnUpgrade(KubernetesTestServer server, KubernetesClient client,
        RuntimeInstallation installed, String log) {
      Map<String, Object> values = new LinkedHashMap<>(installed.values().additionalValues());
      values.put("testHooks", Map.of("validateValues", Map.of("failWith", log)));
      return installed.toBuilder().values(installed.values().withAdditionalValues(values)).build();
    }

    /** The chart made its Secret of the API key. */
    @Override
    protected void helmGotTheSecretsOnlyInTheValues(KubernetesClient client) {
      assertThat(client.secrets().withName("codefresh-user-token").get().getData()).isNotEmpty();
    }

    @Override
    protected String logged() {
      return "embedded helm failed";
    }

    @Override
    protected void afterTheHookFailed(InstallException e, KubernetesClient client) {
      assertThat(e.getCause()).hasMessage("helm-java: failed pre-install: 1 error occurred:\n\t* job validate-values"
          + " failed: BackoffLimitExceeded");
      assertThat(listener().events()).contains("helm: Watching for changes to Job validate-values with timeout of 1m0s");
      assertThat(client.apps().deployments().list().getItems()).isEmpty();
    }

    /** helm-java installed a real release of the whole chart, running its hooks. */
    @Override
    protected void afterTheFirstInstall(InstallResult result, KubernetesClient client, Path kubeconfig) {
      assertThat(result.changes()).hasSize(54);
      assertThat(names(client.apps().deployments().list().getItems())).containsExactly("argo-gateway", "cap-app-proxy",
          "cluster-event-reporter", "gitops-operator", "internal-router", "runtime-event-reporter", "tunnel-client");
      assertThat(client.secrets().withName("sh.helm.release.v1." + RELEASE + ".v1").get()).isNotNull();
      assertThat(listener().events()).containsSubsequence("started HELM", "helm: STATUS: deployed",
          "helm: Watching for changes to Job validate-values with timeout of 1m0s", "helm: creating 54 resource(s)",
          "finished HELM", "CREATE Deployment/codefresh/cap-app-proxy");
    }

    /** An upgrade interrupted midway: revision 2 pending over the deployed revision 1. */
    @Override
    protected int stuckInPendingUpgrade(KubernetesClient client, Path kubeconfig) {
      try (Installer installer = installer(client, kubeconfig)) {
        installer.install(installation(""));
      }
      HelmReleaseSecrets.addRevision(client, "codefresh", RELEASE, 1, "pending-upgrade");
      return 2;
    }

    @Override
    protected void stuckInPendingInstall(KubernetesClient client, Path kubeconfig) {
      try (Installer installer = installer(client, kubeconfig)) {
        installer.install(installation(""));
      }
      HelmReleaseSecrets.markLatest(client, "codefresh", RELEASE, 1, "pending-install");
    }

    /** What is not ready is read with the installer's own client. */
    @Override
    protected String requestOfItsOwnClient() {
      return "/apis/apps/v1/namespaces/codefresh/daemonsets";
    }

    /** The test chart renders Argo CD's CRDs, and Helm refuses them by itself. */
    @Override
    protected void helmRefusesTheArgoCrds() {}

    @Override
    protected String failedCommand(Path kubeconfig) {
      return "";
    }
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class Installs {
    @Test
    void installsTheChartFromAnArchive(KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
      RuntimeInstallation installation = installation(TestChart.packageTo(tmp).toString(), "");
      try (EmbeddedHelmInstaller installer = installer(client, kubeconfig).build()) {
        assertThat(installer.install(installation).outcome()).isEqualTo(InstallOutcome.INSTALLED);
        assertThat(installer.install(installation).outcome()).isEqualTo(InstallOutcome.UNCHANGED);
      }
      assertThat(client.apps().deployments().withName("cap-app-proxy").get()).isNotNull();
    }

    @Test
    void installsTheChartFromAnOciRegistryOverPlainHttp(KubernetesClient client,
        @KubernetesTest.Kubeconfig Path kubeconfig) {
      try (OciRegistry registry = OciRegistry.start();
          EmbeddedHelmInstaller installer = installer(client, kubeconfig).plainHttp(true).build()) {
        String chart = registry.pushChart(TestChart.packageTo(tmp), "charts");
        RuntimeInstallation installation = installation(chart, "").toBuilder().chartVersion(TestChart.VERSION).build();

        assertThat(installer.install(installation).outcome()).isEqualTo(InstallOutcome.INSTALLED);
        assertThat(installer.install(installation).outcome()).isEqualTo(InstallOutcome.UNCHANGED);
        assertThat(registry.requests()).anyMatch(r -> r.startsWith("GET /v2/charts/gitops-runtime/manifests/0.30.0"));
        assertThat(installer.status(installation).chartVersion()).contains(TestChart.VERSION);
      }
    }

    @Test
    void uninstallsLeavingNothingOfTheReleaseButTheCrdsItKeeps(KubernetesClient client,
        @KubernetesTest.Kubeconfig Path kubeconfig) {
      RuntimeInstallation installation = installation("gitops-operator:\n  crds:\n    keep: true\n");
      try (EmbeddedHelmInstaller installer = installer(client, kubeconfig).build()) {
        installer.install(installation);

        UninstallResult result = installer.uninstall(installation);

        assertThat(result.found()).isTrue();
        assertThat(result.kept()).extracting(ObjectRef::name).containsExactly("products.codefresh.io",
            "promotionflows.codefresh.io", "promotiontemplates.codefresh.io", "promotionpolicies.codefresh.io",
            "promotiontasks.codefresh.io", "restrictedgitsources.codefresh.io");
        assertThat(result.deleted()).hasSize(48);
        assertThat(installer.status(installation).state()).isEqualTo(ReleaseState.NOT_INSTALLED);
        assertThat(installer.uninstall(installation).found()).isFalse();
      }
      assertThat(client.apps().deployments().list().getItems()).isEmpty();
      assertThat(client.apps().statefulSets().list().getItems()).isEmpty();
      assertThat(client.configMaps().list().getItems()).isEmpty();
      assertThat(client.secrets().withLabel("owner", "helm").list().getItems()).isEmpty();
      assertThat(names(client.apiextensions().v1().customResourceDefinitions().list().getItems())).containsExactly(
          "products.codefresh.io", "promotionflows.codefresh.io", "promotionpolicies.codefresh.io",
          "promotiontasks.codefresh.io", "promotiontemplates.codefresh.io", "restrictedgitsources.codefresh.io");
    }

    @Test
    void installsThroughTheChosenKubeconfigContext(KubernetesTestServer server, @KubernetesTest.Kubeconfig Path kubeconfig) {
      try (EmbeddedHelmInstaller installer = EmbeddedHelmInstaller.builder().kubeconfig(kubeconfig)
          .kubeContext(server.contextName()).validators(OFFLINE).tempDirectory(valuesDir).build()) {
        assertThat(installer.install(installation("")).outcome()).isEqualTo(InstallOutcome.INSTALLED);
      }
    }

    @Test
    void namesAContextTheKubeconfigDoesNotHave(KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
      try (EmbeddedHelmInstaller installer = installer(client, kubeconfig).kubeContext("prod-eu").build()) {
        assertThatThrownBy(() -> installer.status(installation(""))).hasMessage("Reading the status of release"
            + " \"cf-gitops-runtime\" in namespace \"codefresh\" failed: The kubeconfig " + kubeconfig + " has no context"
            + " \"prod-eu\". List its contexts with: kubectl config get-contexts --kubeconfig " + kubeconfig);
      }
    }

  }

  @Nested
  @KubernetesTest(namespace = "codefresh", controllers = false)
  class ExplainsTimeouts {
    @Test
    void saysWhatWasNotReadyWhenHelmGaveUpWaiting(KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
      RuntimeInstallation installation = installation("installer:\n  skipValidation: true\n  skipUsageValidation: true\n");
      try (EmbeddedHelmInstaller installer = installer(client, kubeconfig).timeout(Duration.ofSeconds(2)).build()) {
        assertFailure(() -> installer.install(installation), FailureKind.TIMEOUT).hasMessage(gaveUpWaiting("2s",
            "failed pre-install: 1 error occurred: timed out waiting for the condition",
            "Job/codefresh/redis-secret-init (still running)", kubeconfig));
      }
    }
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class SurvivesFaults {
    @Test
    void waitsOutTooManyRequestsWithRetryAfter(KubernetesTestServer server, KubernetesClient client,
        @KubernetesTest.Kubeconfig Path kubeconfig) {
      server.inject(Fault.tooManyRequests(Duration.ofSeconds(1)).on("POST", "/api/v1/namespaces/codefresh/configmaps")
          .times(2));
      try (EmbeddedHelmInstaller installer = installer(client, kubeconfig).build()) {
        assertThat(installer.install(installation("")).outcome()).isEqualTo(InstallOutcome.INSTALLED);
      }
      assertThat(server.journal().calls("POST", "/api/v1/namespaces/codefresh/configmaps"))
          .extracting(RecordedCall::status).startsWith(429, 429, 201);
    }

    @Test
    void convergesWhenRunAgainAfterAServerErrorStoppedTheInstallMidway(KubernetesTestServer server,
        KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
      server.inject(Fault.status(500).on("POST", "/apis/apps/v1/namespaces/codefresh/deployments"));
      try (EmbeddedHelmInstaller installer = installer(client, kubeconfig).build()) {
        assertFailure(() -> installer.install(installation("")), FailureKind.KUBERNETES_API);
        assertThat(installer.status(installation("")).state()).isEqualTo(ReleaseState.FAILED);

        InstallResult again = installer.install(installation(""));

        assertThat(again.outcome()).isEqualTo(InstallOutcome.UPGRADED);
        assertThat(installer.status(installation(""))).satisfies(s -> {
          assertThat(s.state()).isEqualTo(ReleaseState.DEPLOYED);
          assertThat(s.isHealthy()).isTrue();
        });
      }
      assertThat(client.apps().deployments().list().getItems()).hasSize(7);
    }

    @Test
    void convergesWhenRunAgainAfterADroppedConnection(KubernetesTestServer server, KubernetesClient client,
        @KubernetesTest.Kubeconfig Path kubeconfig) {
      server.inject(Fault.dropConnection().on("POST", "/apis/apps/v1/namespaces/codefresh/deployments"));
      try (EmbeddedHelmInstaller installer = installer(client, kubeconfig).build()) {
        assertFailure(() -> installer.install(installation("")), FailureKind.KUBERNETES_API)
            .hasMessage("Installing release \"cf-gitops-runtime\" in namespace \"codefresh\" failed: a request to the"
                + " Kubernetes API failed: 1 error occurred:\n\t* Post \"" + server.url()
                + "/apis/apps/v1/namespaces/codefresh/deployments?fieldManager=java\": EOF\n"
                + "Check that the cluster is reachable and that your credentials may change it, then run the install again:"
                + " it continues from where this one stopped.");

        assertThat(installer.install(installation("")).outcome()).isEqualTo(InstallOutcome.UPGRADED);
        assertThat(installer.status(installation("")).isHealthy()).isTrue();
      }
      assertThat(server.journal().calls(c -> c.status() == RecordedCall.DROPPED)).hasSize(1);
    }
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class ClosesWhatItCreated {
    @Test
    void keepsOneEngineChildForItsOperationsAndEndsItOnClose(KubernetesClient client,
        @KubernetesTest.Kubeconfig Path kubeconfig) throws Exception {
      RuntimeInstallation installation = installation("");
      List<Long> afterInstall;
      List<Long> afterStatus;
      try (EmbeddedHelmInstaller installer = installer(client, kubeconfig).build()) {
        assertThat(installer.install(installation).outcome()).isEqualTo(InstallOutcome.INSTALLED);
        afterInstall = engineChildren();
        assertThat(installer.status(installation).isHealthy()).isTrue();
        assertThat(installer.uninstall(installation)).isNotNull();
        afterStatus = engineChildren();
      }

      assertThat(afterInstall).as("one child serves the install").hasSize(1);
      assertThat(afterStatus).as("and the status and uninstall after it").isEqualTo(afterInstall);
      ProcessHandle child = ProcessHandle.of(afterInstall.get(0)).orElse(null);
      if (child != null) {
        child.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
      }
      assertThat(engineChildren()).as("closing the installer ends it").isEmpty();
    }

    private List<Long> engineChildren() {
      return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
          .filter(p -> p.info().commandLine().map(c -> c.contains(EngineProcess.MARKER)).orElse(false))
          .map(ProcessHandle::pid).toList();
    }

  }
}
