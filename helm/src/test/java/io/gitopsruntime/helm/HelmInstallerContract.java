package io.gitopsruntime.helm;

import static io.gitopsruntime.helm.InstallFailures.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.helm.HelmInstallerBuilder;
import io.gitopsruntime.install.ChangeKind;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallOutcome;
import io.gitopsruntime.install.InstallPlan;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.install.PlannedChange;
import io.gitopsruntime.install.ReleaseState;
import io.gitopsruntime.install.ReleaseStatus;
import io.gitopsruntime.install.UninstallResult;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.testing.RecordedCall;
import io.gitopsruntime.testing.TestChart;
import io.gitopsruntime.validation.ValidationException;
import io.gitopsruntime.validators.Validators;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What both Helm installers do alike on the in-process Kubernetes API, whichever way they run Helm. One subclass per
 * installer, a {@code @Nested @KubernetesTest(namespace = "codefresh")} class of the installer's own test, says how
 * its Helm is set up: the {@code helm} binary's subclass uses a fake {@code helm} that it tells what the test chart
 * renders, helm-java's renders and installs the test chart for real. What only one installer does stays in its test.
 */
public abstract class HelmInstallerContract {
  protected static final ValidatorChain OFFLINE = ValidatorChain.builder().addAll(Validators.offline()).build();
  protected static final String RELEASE = RuntimeInstallation.DEFAULT_RELEASE;
  /** A CRD of the chart with {@code helm.sh/resource-policy: keep}. */
  protected static final ObjectRef KEPT_CRD = ObjectRef.clusterScoped("apiextensions.k8s.io/v1",
      "CustomResourceDefinition", "products.codefresh.io");
  protected static final ObjectRef CONFIG_MAP = ObjectRef.of("v1", "ConfigMap", "codefresh", "cap-app-proxy-cm");
  /** Values that change {@link #CONFIG_MAP}. */
  protected static final String DEBUG = "app-proxy:\n  config:\n    logLevel: debug\n";
  /** Values that remove {@link #operatorDeployment()}. */
  protected static final String WITHOUT_OPERATOR = "gitops-operator:\n  enabled: false\n";
  @TempDir Path valuesDirectory;
  private final RecordingListener listener = new RecordingListener();

  private static final String HOOK_LOG = "user \"jane\" does not have Admin role in account \"acme\"";
  /** What every secret of {@link #withSecretsEverywhere()} starts with. */
  protected static final String SECRET = "tok-SECRET-";

  /**
   * A builder of the installer under test with what its Helm needs (the fake's path, a shorter timeout...).
   *
   * @return the builder
   */
  protected abstract HelmInstallerBuilder<?> builder();

  /**
   * The directory the installers write their values files to.
   *
   * @return the directory, empty before each test
   */
  protected final Path valuesDirectory() {
    return valuesDirectory;
  }

  /**
   * The listener the installers report to.
   *
   * @return the listener, new for each test
   */
  protected final RecordingListener listener() {
    return listener;
  }

  /**
   * The test chart's installation in tunnel mode with more values; a fake Helm is told what the chart renders for them.
   *
   * @param extraValues YAML appended to the values
   * @return the installation
   */
  protected abstract RuntimeInstallation installation(String extraValues);

  /**
   * The Deployment that {@link #WITHOUT_OPERATOR} removes from what the chart renders.
   *
   * @return the Deployment
   */
  protected abstract ObjectRef operatorDeployment();

  /**
   * Prepares the chart's {@code validate-values} pre-install hook to fail with a log.
   *
   * @param server the API server
   * @param client its client
   * @param log what the hook's Pod logs
   * @return the installation whose install fails so
   */
  protected abstract RuntimeInstallation failingValidateValues(KubernetesTestServer server, KubernetesClient client,
      String log);

  /**
   * Prepares the chart's {@code validate-values} pre-upgrade hook to fail with a log when an installed release is
   * upgraded; the installation returned differs from the installed one, so that the install upgrades.
   *
   * @param server the API server
   * @param client its client
   * @param installed the installation the release was installed with
   * @param log what the hook's Pod logs
   * @return the installation whose install (an upgrade) fails so
   */
  protected abstract RuntimeInstallation failingValidateValuesOnUpgrade(KubernetesTestServer server,
      KubernetesClient client, RuntimeInstallation installed, String log);

  /**
   * Checks that the secrets reached Helm, through the values alone (never an argument).
   *
   * @param client the cluster's client
   */
  protected abstract void helmGotTheSecretsOnlyInTheValues(KubernetesClient client);

  /**
   * A text the installer logs (at DEBUG, to the test's standard error) while installing and failing, which shows
   * that its log was captured.
   *
   * @return the text
   */
  protected abstract String logged();

  /**
   * Prepares Helm to refuse the chart's Argo CD CRDs, which the test creates without ownership metadata.
   */
  protected abstract void helmRefusesTheArgoCrds();

  /**
   * What a failure message adds after the explanation: the failed command, when Helm runs as one.
   *
   * @param kubeconfig the kubeconfig the installer was given
   * @return the addition, starting with a line break, or an empty string
   */
  protected abstract String failedCommand(Path kubeconfig);

  /**
   * What else the installer does when the {@code validate-values} hook failed; nothing more by default.
   *
   * @param e what the install threw
   * @param client the cluster's client
   */
  protected void afterTheHookFailed(InstallException e, KubernetesClient client) {}

  /**
   * What else the first install of the test chart did; nothing more by default.
   *
   * @param result what the install returned
   * @param client the cluster's client
   * @param kubeconfig the kubeconfig the installer was given
   */
  protected void afterTheFirstInstall(InstallResult result, KubernetesClient client, Path kubeconfig) {}

  /**
   * Leaves the release stuck in {@code pending-upgrade}, as an interrupted upgrade leaves it.
   *
   * @param client the cluster's client
   * @param kubeconfig its kubeconfig
   * @return the stuck revision; the one before it is the last deployed
   */
  protected abstract int stuckInPendingUpgrade(KubernetesClient client, Path kubeconfig);

  /**
   * Leaves the release stuck in {@code pending-install} at revision 1, as an interrupted first install leaves it.
   *
   * @param client the cluster's client
   * @param kubeconfig its kubeconfig
   */
  protected abstract void stuckInPendingInstall(KubernetesClient client, Path kubeconfig);

  /**
   * What else the installer did when it found the release pending; nothing more by default.
   *
   * @param kubeconfig the kubeconfig the installer was given
   * @param kubeContext the context it was given
   */
  protected void afterThePendingReleaseStopped(Path kubeconfig, String kubeContext) {}

  /**
   * The request that an installer built without a client makes exactly once, with the client it builds, to install
   * the test chart and read its status.
   *
   * @return the path of a GET request
   */
  protected abstract String requestOfItsOwnClient();

  /**
   * An installer on the client with the offline validators, the values directory and the listener.
   *
   * @param client the cluster's client
   * @param kubeconfig its kubeconfig
   * @return the installer
   */
  protected final Installer installer(KubernetesClient client, Path kubeconfig) {
    return configured(client, kubeconfig).build();
  }

  private HelmInstallerBuilder<?> configured(KubernetesClient client, Path kubeconfig) {
    return builder().kubeconfig(kubeconfig).kubernetesClient(client).validators(OFFLINE)
        .tempDirectory(valuesDirectory()).listener(listener());
  }

  private Installer installer(KubernetesClient client, Path kubeconfig, ValidatorChain validators) {
    return configured(client, kubeconfig).validators(validators).build();
  }

  /** The message for a release stuck in a pending state, up to the command that gets it out. */
  private static String stuckIn(String state, int revision, String remedy) {
    return "Upgrading release \"cf-gitops-runtime\" in namespace \"codefresh\" failed: the release is stuck in " + state
        + " (revision " + revision + "): an earlier operation on it was interrupted, and Helm refuses to start another"
        + " (\"another operation (install/upgrade/rollback) is in progress\").\n"
        + "If no other install of this release is running, " + remedy + ", then run the install again:\n";
  }

  /** The test chart's installation with a literal secret in every secret slot, each starting with {@link #SECRET}. */
  private RuntimeInstallation withSecretsEverywhere() {
    return installation("").toBuilder().values(ValuesYaml.parse(String.join("\n",
        "global:",
        "  codefresh:",
        "    accountId: 628a80b693a15c0f9c13ab75",
        "    userToken:",
        "      token: " + SECRET + "user-token",
        "    tls:",
        "      caCerts:",
        "        secret:",
        "          create: true",
        "          content: |",
        "            -----BEGIN CERTIFICATE-----",
        "            " + SECRET + "certificate-body",
        "            -----END CERTIFICATE-----",
        "  runtime:",
        "    name: test-runtime",
        "    gitCredentials:",
        "      username: git",
        "      password:",
        "        value: " + SECRET + "git-token",
        "  integrations:",
        "    argo-cd:",
        "      server:",
        "        auth:",
        "          password: " + SECRET + "argo-password",
        "          token: " + SECRET + "argo-token",
        ""))).build();
  }

  private static List<RecordedCall> writes(KubernetesTestServer server) {
    return server.journal().calls(c -> !c.method().equals("GET"));
  }

  @Test
  void installsAtRevisionOneCreatingEveryObjectAndDeletesTheValuesFile(KubernetesClient client,
      @KubernetesTest.Kubeconfig Path kubeconfig) {
    try (Installer installer = installer(client, kubeconfig)) {
      InstallResult result = installer.install(installation(""));

      assertThat(result.outcome()).isEqualTo(InstallOutcome.INSTALLED);
      assertThat(result.revision()).isEqualTo(1);
      assertThat(result.changes()).isNotEmpty().extracting(PlannedChange::change).containsOnly(ChangeKind.CREATE);
      assertThat(result.changes()).contains(PlannedChange.of(KEPT_CRD, ChangeKind.CREATE),
          PlannedChange.of(CONFIG_MAP, ChangeKind.CREATE), PlannedChange.of(operatorDeployment(), ChangeKind.CREATE));
      afterTheFirstInstall(result, client, kubeconfig);
    }
    assertThat(valuesDirectory()).isEmptyDirectory();
    assertThat(listener().events()).containsSubsequence("started VALIDATE", "finished VALIDATE", "started RENDER",
        "finished RENDER", "started HELM", "helm: STATUS: deployed", "finished HELM",
        "CREATE ConfigMap/codefresh/cap-app-proxy-cm");
  }

  @Test
  void changesNothingAtAllWhenRunAgainWithTheSameInstallation(KubernetesTestServer server, KubernetesClient client,
      @KubernetesTest.Kubeconfig Path kubeconfig) {
    try (Installer installer = installer(client, kubeconfig)) {
      installer.install(installation(""));
      server.journal().clear();

      InstallResult again = installer.install(installation(""));

      assertThat(again.outcome()).isEqualTo(InstallOutcome.UNCHANGED);
      assertThat(again.revision()).isEqualTo(1);
      assertThat(again.changes()).isNotEmpty().extracting(PlannedChange::change).containsOnly(ChangeKind.UNCHANGED);
    }
    assertThat(writes(server)).isEmpty();
    assertThat(valuesDirectory()).isEmptyDirectory();
  }

  @Test
  void upgradesAChangedValueAndReportsWhatChangedAndWhatWasRemoved(KubernetesClient client,
      @KubernetesTest.Kubeconfig Path kubeconfig) {
    try (Installer installer = installer(client, kubeconfig)) {
      installer.install(installation(""));

      InstallResult upgraded = installer.install(installation(DEBUG + WITHOUT_OPERATOR));

      assertThat(upgraded.outcome()).isEqualTo(InstallOutcome.UPGRADED);
      assertThat(upgraded.revision()).isEqualTo(2);
      assertThat(upgraded.changes()).filteredOn(c -> c.change() != ChangeKind.UNCHANGED).containsExactly(
          PlannedChange.of(CONFIG_MAP, ChangeKind.UPDATE), PlannedChange.of(operatorDeployment(), ChangeKind.DELETE));
    }
    assertThat(listener().events()).contains("deleted Deployment/codefresh/" + operatorDeployment().name());
  }

  @Test
  void upgradesWhenOnlyTheValuesChange(KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
    try (Installer installer = installer(client, kubeconfig)) {
      installer.install(installation(""));

      InstallResult upgraded = installer.install(installation("installer:\n  skipUsageValidation: true\n"));

      assertThat(upgraded.outcome()).isEqualTo(InstallOutcome.UPGRADED);
      assertThat(upgraded.revision()).isEqualTo(2);
      assertThat(upgraded.changes()).extracting(PlannedChange::change).containsOnly(ChangeKind.UNCHANGED);
    }
  }

  @Test
  void plansAFirstInstallAndThenAnUpgradeObjectByObjectWithoutChangingAnything(KubernetesTestServer server,
      KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
    try (Installer installer = installer(client, kubeconfig)) {
      InstallPlan first = installer.plan(installation(""));
      assertThat(first.changesKnown()).isTrue();
      assertThat(first.changes()).isNotEmpty().extracting(PlannedChange::change).containsOnly(ChangeKind.CREATE);
      assertThat(first.validation().hasErrors()).isFalse();
      assertThat(writes(server)).isEmpty();
      installer.install(installation(""));

      InstallPlan plan = installer.plan(installation(DEBUG));

      assertThat(plan.changesKnown()).isTrue();
      assertThat(plan.changes()).filteredOn(c -> c.change() != ChangeKind.UNCHANGED)
          .containsExactly(PlannedChange.of(CONFIG_MAP, ChangeKind.UPDATE));
      assertThat(plan.hasChanges()).isTrue();
    }
    assertThat(valuesDirectory()).isEmptyDirectory();
  }

  @Test
  void reportsValidationErrorsInAPlanWithoutRenderingAnything(KubernetesClient client,
      @KubernetesTest.Kubeconfig Path kubeconfig) {
    RuntimeInstallation invalid = installation("").toBuilder()
        .values(ValuesYaml.parse("global:\n  runtime:\n    name: test-runtime\n")).build();
    try (Installer installer = installer(client, kubeconfig)) {
      InstallPlan plan = installer.plan(invalid);

      assertThat(plan.validation().hasErrors()).isTrue();
      assertThat(plan.changesKnown()).isFalse();
    }
    assertThat(listener().events()).noneMatch(e -> e.startsWith("started RENDER"));
  }

  @Test
  void stopsOnValidationErrorsBeforeAnyRequestChangesTheCluster(KubernetesTestServer server, KubernetesClient client,
      @KubernetesTest.Kubeconfig Path kubeconfig) {
    RuntimeInstallation invalid = installation("").toBuilder()
        .values(ValuesYaml.parse("global:\n  runtime:\n    name: test-runtime\n")).build();
    try (Installer installer = installer(client, kubeconfig)) {
      assertThatThrownBy(() -> installer.install(invalid)).isInstanceOfSatisfying(ValidationException.class,
          e -> assertThat(e.report().hasErrors()).isTrue());
    }
    assertThat(writes(server)).isEmpty();
    assertThat(valuesDirectory()).isEmptyDirectory();
    assertThat(listener().events()).startsWith("started VALIDATE").noneMatch(e -> e.startsWith("started HELM"));
  }

  @Test
  void putsTheFailedValidationHooksLogInTheMessage(KubernetesTestServer server, KubernetesClient client,
      @KubernetesTest.Kubeconfig Path kubeconfig) {
    RuntimeInstallation failing = failingValidateValues(server, client, HOOK_LOG);
    try (Installer installer = installer(client, kubeconfig)) {
      assertFailure(() -> installer.install(failing), FailureKind.HOOK_FAILED).satisfies(e -> {
        assertThat(e).hasMessage("Installing release \"cf-gitops-runtime\" in namespace \"codefresh\" failed: the"
            + " pre-install hook Job \"validate-values\" failed (BackoffLimitExceeded: Job has reached the specified"
            + " backoff limit). Its log says:\n"
            + "  " + HOOK_LOG + "\n"
            + "Fix what the log says and run the install again. Until Kubernetes deletes the Job (about 5 minutes after"
            + " it failed), its full log is shown by: kubectl logs job/validate-values -n codefresh --kubeconfig "
            + kubeconfig + failedCommand(kubeconfig));
        afterTheHookFailed(e, client);
      });
    }
    assertThat(listener().events()).contains("hook failed Job/codefresh/validate-values");
    assertThat(valuesDirectory()).isEmptyDirectory();
  }

  @Test
  void namesEveryObjectInAnOwnershipConflictWithTheLabelsAndAnnotationsToAdd(KubernetesClient client,
      @KubernetesTest.Kubeconfig Path kubeconfig) {
    client.apiextensions().v1().customResourceDefinitions()
        .resource(Fixtures.crd("applications", "argoproj.io", "Application", Map.of())).create();
    client.apiextensions().v1().customResourceDefinitions().resource(Fixtures.crd("appprojects", "argoproj.io",
        "AppProject", Map.of("meta.helm.sh/release-name", "other-runtime", "meta.helm.sh/release-namespace", "other")))
        .create();
    helmRefusesTheArgoCrds();
    try (Installer installer = installer(client, kubeconfig)) {
      assertFailure(() -> installer.install(installation("")), FailureKind.OWNERSHIP_CONFLICT)
          .hasMessage("Installing release \"cf-gitops-runtime\" in namespace \"codefresh\" failed: 2 objects"
            + " already exist without this release's ownership metadata, so Helm will not adopt them:\n"
            + "  CustomResourceDefinition/applications.argoproj.io: label app.kubernetes.io/managed-by is missing;"
            + " annotation meta.helm.sh/release-name is missing; annotation meta.helm.sh/release-namespace is missing\n"
            + "  CustomResourceDefinition/appprojects.argoproj.io: label app.kubernetes.io/managed-by is missing;"
            + " annotation meta.helm.sh/release-name is \"other-runtime\" (must be \"cf-gitops-runtime\"); annotation"
            + " meta.helm.sh/release-namespace is \"other\" (must be \"codefresh\")\n"
            + "If they are left over from an earlier install of this runtime or of Argo CD, build the installer with"
            + " adoptExisting(true) to adopt them, or adopt them yourself (Codefresh's adopt-crds.sh does the same for"
            + " CRDs):\n"
            + "  kubectl label customresourcedefinition applications.argoproj.io --kubeconfig " + kubeconfig
            + " app.kubernetes.io/managed-by=Helm --overwrite\n"
            + "  kubectl annotate customresourcedefinition applications.argoproj.io --kubeconfig " + kubeconfig
            + " meta.helm.sh/release-name=cf-gitops-runtime meta.helm.sh/release-namespace=codefresh --overwrite\n"
            + "  kubectl label customresourcedefinition appprojects.argoproj.io --kubeconfig " + kubeconfig
            + " app.kubernetes.io/managed-by=Helm --overwrite\n"
            + "  kubectl annotate customresourcedefinition appprojects.argoproj.io --kubeconfig " + kubeconfig
            + " meta.helm.sh/release-name=cf-gitops-runtime meta.helm.sh/release-namespace=codefresh --overwrite\n"
            + "If another release owns them (for example another runtime in this cluster), do not adopt them: install"
            + " this runtime without its CRDs instead (only the first runtime of a cluster installs them). Helm 3.17 or"
            + " newer can also adopt them itself with --take-ownership." + failedCommand(kubeconfig));
    }
  }

  @Test
  void adoptsObjectsWithoutItsOwnershipMetadataWhenAskedToAndChangesNothingElseOfThem(KubernetesClient client,
      @KubernetesTest.Kubeconfig Path kubeconfig) {
    client.apiextensions().v1().customResourceDefinitions().resource(Fixtures.crd("products", "codefresh.io",
        "Product", Map.of("example.com/note", "from an earlier install"))).create();
    try (Installer installer = configured(client, kubeconfig).adoptExisting(true).build()) {
      assertThat(installer.install(installation("")).outcome()).isEqualTo(InstallOutcome.INSTALLED);
    }

    var metadata = client.apiextensions().v1().customResourceDefinitions().withName(KEPT_CRD.name()).get()
        .getMetadata();
    assertThat(metadata.getLabels()).containsEntry("app.kubernetes.io/managed-by", "Helm");
    assertThat(metadata.getAnnotations()).containsEntry("meta.helm.sh/release-name", RELEASE)
        .containsEntry("meta.helm.sh/release-namespace", "codefresh")
        .containsEntry("example.com/note", "from an earlier install");
    assertThat(listener().events()).contains("UPDATE " + KEPT_CRD);
  }

  @Test
  void reportsTheReleasesStatus(KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
    try (Installer installer = installer(client, kubeconfig)) {
      assertThat(installer.status(installation(""))).isEqualTo(ReleaseStatus.builder().releaseName(RELEASE)
          .namespace("codefresh").state(ReleaseState.NOT_INSTALLED).build());
      installer.install(installation(""));

      ReleaseStatus status = installer.status(installation(""));

      assertThat(status).isEqualTo(ReleaseStatus.builder().releaseName(RELEASE).namespace("codefresh")
          .state(ReleaseState.DEPLOYED).revision(1).chartVersion(TestChart.VERSION).build());
      assertThat(status.isHealthy()).isTrue();
    }
  }

  @Test
  void uninstallsKeepingWhatHelmKeeps(KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
    RuntimeInstallation installation = installation("gitops-operator:\n  crds:\n    keep: true\n");
    try (Installer installer = installer(client, kubeconfig)) {
      installer.install(installation);

      UninstallResult result = installer.uninstall(installation);

      assertThat(result.found()).isTrue();
      assertThat(result.kept()).contains(KEPT_CRD);
      assertThat(result.deleted()).contains(CONFIG_MAP, operatorDeployment()).doesNotContainAnyElementsOf(result.kept());
      assertThat(installer.status(installation).state()).isEqualTo(ReleaseState.NOT_INSTALLED);
      assertThat(installer.uninstall(installation).found()).isFalse();
    }
    assertThat(listener().events()).contains("started UNINSTALL", "finished UNINSTALL",
        "deleted ConfigMap/codefresh/cap-app-proxy-cm");
  }

  @Test
  void givesTheRollbackCommandToTheLastDeployedRevisionForAReleaseStuckInPendingUpgrade(KubernetesTestServer server,
      KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
    int stuck = stuckInPendingUpgrade(client, kubeconfig);
    String context = server.contextName();
    try (Installer installer = configured(client, kubeconfig).kubeContext(context).build()) {
      assertFailure(() -> installer.install(installation(DEBUG)), FailureKind.PENDING_RELEASE)
          .hasMessage(stuckIn("pending-upgrade", stuck, "roll back to the last deployed revision")
              + "  helm rollback cf-gitops-runtime " + (stuck - 1) + " -n codefresh --kubeconfig " + kubeconfig
              + " --kube-context " + context);
    }
    afterThePendingReleaseStopped(kubeconfig, context);
  }

  @Test
  void givesTheUninstallCommandForAnUnfinishedFirstInstallAndInstallsOnceItIsRemoved(KubernetesTestServer server,
      KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
    stuckInPendingInstall(client, kubeconfig);
    String context = server.contextName();
    try (Installer installer = configured(client, kubeconfig).kubeContext(context).build()) {
      assertFailure(() -> installer.install(installation("")), FailureKind.PENDING_RELEASE)
          .hasMessage(stuckIn("pending-install", 1, "remove the unfinished first install")
              + "  helm uninstall cf-gitops-runtime -n codefresh --kubeconfig " + kubeconfig + " --kube-context " + context);
      afterThePendingReleaseStopped(kubeconfig, context);

      assertThat(installer.uninstall(installation("")).found()).isTrue();
      assertThat(installer.install(installation("")).outcome()).isEqualTo(InstallOutcome.INSTALLED);
      assertThat(installer.status(installation("")).state()).isEqualTo(ReleaseState.DEPLOYED);
    }
  }

  @Test
  void buildsItsOwnClientFromTheKubeconfigWhenNoneIsHandedIn(KubernetesTestServer server,
      @KubernetesTest.Kubeconfig Path kubeconfig) {
    RuntimeInstallation installation = installation("");
    server.journal().clear();
    try (Installer installer = builder().kubeconfig(kubeconfig).validators(OFFLINE).tempDirectory(valuesDirectory())
        .build()) {
      assertThat(installer.install(installation).outcome()).isEqualTo(InstallOutcome.INSTALLED);
      assertThat(installer.status(installation).isHealthy()).isTrue();
    }

    assertThat(server.journal().calls("GET", requestOfItsOwnClient())).hasSize(1);
  }

  @Test
  void neverClosesAClientHandedInAndRefusesWorkOnceClosed(KubernetesClient client,
      @KubernetesTest.Kubeconfig Path kubeconfig) {
    Installer installer = installer(client, kubeconfig);
    installer.close();

    assertThat(client.namespaces().withName("codefresh").get()).isNotNull();
    assertThatThrownBy(() -> installer.status(installation(""))).isInstanceOf(IllegalStateException.class)
        .hasMessage("This installer is closed; build a new one.");
  }

  @Test
  void neverPutsASecretInAnArgumentEventLogLineMessageRequestUrlOrLeftoverFile(KubernetesTestServer server,
      KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    List<String> messages = new ArrayList<>();
    try (Installer strict = installer(client, kubeconfig);
        Installer installer = installer(client, kubeconfig, OFFLINE.toBuilder().remove(Validators.PLATFORM_CA_ID).build())) {
      assertThatThrownBy(() -> strict.install(withSecretsEverywhere()))
          .isInstanceOfSatisfying(ValidationException.class, e -> messages.add(e.getMessage()));
      installer.install(withSecretsEverywhere());
      messages.add(installer.plan(withSecretsEverywhere()).toString());
      RuntimeInstallation failing = failingValidateValuesOnUpgrade(server, client, withSecretsEverywhere(),
          "the API key " + SECRET + "user-token is not valid");
      assertFailure(() -> installer.install(failing), FailureKind.HOOK_FAILED).satisfies(e -> {
        assertThat(e.getMessage()).contains("  the API key **** is not valid");
        for (Throwable t = e; t != null; t = t.getCause()) {
          messages.add(String.valueOf(t.getMessage()));
        }
      });
    } finally {
      System.setErr(originalErr);
    }

    helmGotTheSecretsOnlyInTheValues(client);
    assertThat(listener().events()).contains("helm: STATUS: deployed").noneMatch(e -> e.contains(SECRET));
    assertThat(log.toString(StandardCharsets.UTF_8)).contains(logged()).doesNotContain(SECRET);
    assertThat(messages).hasSizeGreaterThanOrEqualTo(3).noneMatch(m -> m.contains(SECRET));
    assertThat(server.journal().calls()).extracting(RecordedCall::uri).noneMatch(u -> u.contains(SECRET));
    assertThat(valuesDirectory()).isEmptyDirectory();
    assertThat(ValuesYaml.write(withSecretsEverywhere().values(), SecretHandling.MASK)).doesNotContain(SECRET);
  }
}
