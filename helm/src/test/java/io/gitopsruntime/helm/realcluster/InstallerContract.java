package io.gitopsruntime.helm.realcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallOutcome;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.install.UninstallResult;
import io.gitopsruntime.testing.TestChart;
import io.gitopsruntime.testing.cluster.RealCluster;
import io.gitopsruntime.testing.cluster.RealControlPlane;
import io.gitopsruntime.validators.Validators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What every installer must do on a real control plane (etcd, kube-apiserver, controller-manager, scheduler and
 * kwok), with the test chart in the real chart's shape. One subclass per installer; the tests of a class run in
 * order, as one release's life: install, repeat, upgrade, uninstall, then the failure and access-mode cases.
 * Every class starts from a cluster without the release ({@link ClusterReset}), since the chart's cluster-scoped
 * objects are shared by every release of it.
 */
@RealCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class InstallerContract {
  static final String NAMESPACE = RuntimeInstallation.DEFAULT_NAMESPACE;
  static final String RELEASE = RuntimeInstallation.DEFAULT_RELEASE;

  RealControlPlane cluster;
  KubernetesClient client;
  Path chart;

  /** The validators every installer here runs: the offline ones. */
  static final ValidatorChain OFFLINE = ValidatorChain.builder().addAll(Validators.offline()).build();
  /** How long every installer here gives Helm: a CRD's deletion under load once outlasted 3 minutes. */
  static final Duration TIMEOUT = Duration.ofMinutes(5);

  /**
   * A new installer on the cluster's admin kubeconfig, with the {@link #OFFLINE} validators and the {@link #TIMEOUT}.
   *
   * @param cluster the cluster
   * @param adoptExisting what the installer's {@code adoptExisting} option is set to
   * @return the installer
   */
  abstract Installer installer(RealControlPlane cluster, boolean adoptExisting);

  /** A new installer on the cluster's admin kubeconfig that adopts nothing. */
  final Installer installer(RealControlPlane cluster) {
    return installer(cluster, false);
  }

  @BeforeAll
  void startFromACleanCluster(RealControlPlane cluster) throws Exception {
    this.cluster = cluster;
    this.client = cluster.client();
    ClusterReset.withoutTheRelease(client, NAMESPACE);
    this.chart = TestChart.writeTo(Files.createTempDirectory("gitops-runtime-chart-"));
  }

  /**
   * Ends an install left running on another thread, for a test's own clean-up: interrupting it is enough unless the
   * installer cannot be cancelled.
   */
  void abandon(java.util.concurrent.Future<?> running) {
    running.cancel(true);
  }

  /**
   * Whether the installer refuses to take over a field another field manager owns (Helm 4's server-side apply
   * without {@code --force-conflicts}); the others take it over (the manifest installer applies with force, Helm 3
   * and helm-java patch client-side).
   */
  boolean reportsFieldConflicts() {
    return false;
  }

  /** The installer with its policy set to take over fields other managers own; only asked when it reports them. */
  Installer installerTakingOverFields(RealControlPlane cluster) {
    throw new UnsupportedOperationException("this installer takes fields over anyway");
  }

  /** The real {@code helm} run on the release after this installer adopted objects into it. */
  java.util.Optional<Path> realHelm() {
    return io.gitopsruntime.testing.cluster.TestAssets.fromEnvironment().helm3();
  }

  /**
   * Stops an install midway, as a crash would: by default the installing thread is interrupted; the Helm installers
   * kill their child process instead (the {@code helm} binary, the embedded engine's JVM).
   */
  void stopMidway(java.util.concurrent.Future<?> running) {
    running.cancel(true);
  }

  /** Kills this JVM's descendant processes whose command line contains the marker. */
  static void killChildren(String marker) {
    ProcessHandle.current().descendants()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .forEach(ProcessHandle::destroyForcibly);
  }

  /** The chart in the real chart's full shape, in tunnel mode, with more top-level values. */
  RuntimeInstallation installation(String extraValues) {
    return installation("", extraValues);
  }

  RuntimeInstallation installation(String extraGlobal, String extraValues) {
    return RuntimeInstallation.builder().chart(chart.toString())
        .values(ValuesYaml.parse(TestChart.realShapeValues(extraGlobal) + extraValues)).build();
  }

  @Test
  @Order(1)
  void installsInTunnelModeUntilEveryWorkloadIsAvailableAndTheHooksHaveCompleted() {
    InstallResult result;
    try (Installer installer = installer(cluster)) {
      result = installer.install(installation(""));
    }

    assertThat(result.outcome()).isEqualTo(InstallOutcome.INSTALLED);
    assertThat(result.revision()).isEqualTo(1);
    List<Deployment> deployments = client.apps().deployments().inNamespace(NAMESPACE).list().getItems();
    assertThat(deployments).extracting(d -> d.getMetadata().getName()).contains("cap-app-proxy", "internal-router",
        "argo-gateway", "tunnel-client", "sealed-secrets-controller", "argo-cd-dex-server");
    assertThat(deployments).allSatisfy(d -> assertThat(ClusterReset.available(d)).as(d.getMetadata().getName()).isTrue());
    assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("argo-gateway").get().getSpec().getReplicas())
        .as("defaulted by the API server: the chart leaves it to the HPA").isEqualTo(1);
    assertThat(client.apps().statefulSets().inNamespace(NAMESPACE).withName("argo-cd-application-controller").get()
        .getStatus().getReadyReplicas()).isEqualTo(1);
    assertThat(client.apiextensions().v1().customResourceDefinitions().withName("sealedsecrets.bitnami.com").get())
        .as("the CRD in the sealed-secrets subchart's crds/").isNotNull();
    assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).withName("argo-cd-redis-secret-init").get()
        .getStatus().getSucceeded()).as("argo-cd's hook ran for real, and stays: before-hook-creation only")
        .isEqualTo(1);
    assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).withName("validate-values").get())
        .as("deleted once it succeeded (hook-succeeded)").isNull();
  }

  @Test
  @Order(2)
  void aRepeatInstallWithTheSameValuesChangesNothingAndSaysSo() {
    InstallResult again;
    try (Installer installer = installer(cluster)) {
      again = installer.install(installation(""));
    }

    assertThat(again.outcome()).isEqualTo(InstallOutcome.UNCHANGED);
    assertThat(again.revision()).isEqualTo(1);
  }

  @Test
  @Order(3)
  void anUpgradeChangesTheChangedValueAndPrunesTheRemovedObject() {
    assertThat(client.configMaps().inNamespace(NAMESPACE).withName("codefresh-workflows-log-store").get()).isNotNull();

    InstallResult upgraded;
    try (Installer installer = installer(cluster)) {
      upgraded = installer.install(installation(
          "app-proxy:\n  config:\n    logLevel: debug\ncodefreshWorkflowLogStoreCM:\n  enabled: false\n"));
    }

    assertThat(upgraded.outcome()).isEqualTo(InstallOutcome.UPGRADED);
    assertThat(upgraded.revision()).isEqualTo(2);
    assertThat(client.configMaps().inNamespace(NAMESPACE).withName("cap-app-proxy-cm").get().getData())
        .containsEntry("logLevel", "debug");
    assertThat(client.configMaps().inNamespace(NAMESPACE).withName("codefresh-workflows-log-store").get())
        .as("pruned").isNull();
    assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems())
        .allSatisfy(d -> assertThat(ClusterReset.available(d)).as(d.getMetadata().getName()).isTrue());
  }

  @Test
  @Order(4)
  void uninstallRunsThePreDeleteHooksAndLeavesNothingOfTheReleaseButCrdsAndKeptHooks() throws Exception {
    UninstallResult removed;
    try (Installer installer = installer(cluster)) {
      removed = installer.uninstall(installation(""));
    }

    assertThat(removed.found()).isTrue();
    assertThat(ClusterReset.leftovers(client, NAMESPACE))
        .as("every namespaced and cluster-scoped object of the release, CRDs aside")
        .allMatch(o -> o.startsWith("CustomResourceDefinition/") || o.contains("argo-cd-redis-secret-init"));
    assertThat(client.apiextensions().v1().customResourceDefinitions().withName("sealedsecrets.bitnami.com").get())
        .as("a crds/ CRD is never deleted").isNotNull();
  }

  @Test
  @Order(5)
  void aFailingValidateValuesHookIsExplainedWithoutItsLog() throws Exception {
    InstallException failure;
    try (Installer installer = installer(cluster)) {
      failure = catchThrowableOfType(InstallException.class, () -> installer.install(installation(
          "testHooks:\n  validateValues:\n    failWith: 'missing \"global.runtime.name\" field'\n")));
    }

    assertThat(failure).as("the install must fail").isNotNull();
    assertThat(failure.failure()).isEqualTo(FailureKind.HOOK_FAILED);
    assertThat(failure.getMessage()).contains("validate-values", "BackoffLimitExceeded");
    // no kubelet, no log: the message says why and shows what the Job controller recorded instead
    assertThat(failure.getMessage()).containsIgnoringCase("its log could not be read: the node serves no log for its"
        + " Pod validate-values-").contains("(the API server answered 404", "Recent events:\n",
        "Warning BackoffLimitExceeded Job/validate-values: Job has reached the specified backoff limit");
    try (Installer installer = installer(cluster)) {
      installer.uninstall(installation(""));
    }
    ClusterReset.withoutTheRelease(client, NAMESPACE);
  }

  @Test
  @Order(6)
  void installsInIngressModeWithARealIngressClass() throws Exception {
    client.network().v1().ingressClasses().resource(new IngressClassBuilder().withNewMetadata().withName("nginx")
        .endMetadata().withNewSpec().withController("k8s.io/ingress-nginx").endSpec().build()).serverSideApply();
    RuntimeInstallation ingress = RuntimeInstallation.builder().from(installation(""))
        .ingress("runtime.example.com", "nginx").build();

    InstallResult result;
    try (Installer installer = installer(cluster)) {
      result = installer.install(ingress);
    }

    assertThat(result.outcome()).isEqualTo(InstallOutcome.INSTALLED);
    assertThat(client.network().v1().ingresses().inNamespace(NAMESPACE).list().getItems()).hasSize(1);
    assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("tunnel-client").get()).isNull();
    try (Installer installer = installer(cluster)) {
      installer.uninstall(ingress);
    }
    ClusterReset.withoutTheRelease(client, NAMESPACE);
  }

  @Test
  @Order(7)
  void installsInServiceMeshMode() throws Exception {
    RuntimeInstallation mesh = RuntimeInstallation.builder().from(installation(""))
        .serviceMesh("https://gitops.example.com").build();

    InstallResult result;
    try (Installer installer = installer(cluster)) {
      result = installer.install(mesh);
    }

    assertThat(result.outcome()).isEqualTo(InstallOutcome.INSTALLED);
    assertThat(client.network().v1().ingresses().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("tunnel-client").get()).isNull();
    assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems())
        .allSatisfy(d -> assertThat(ClusterReset.available(d)).as(d.getMetadata().getName()).isTrue());
    try (Installer installer = installer(cluster)) {
      installer.uninstall(mesh);
    }
    ClusterReset.withoutTheRelease(client, NAMESPACE);
  }

  @Test
  @Order(8)
  void aSecondInstallOfTheReleaseWhileOneIsRunningFailsFast() throws Exception {
    // the first install's hook pod cannot be scheduled (no node matches), so it stays in its pre-install hooks
    RuntimeInstallation stuck = installation("  nodeSelector:\n    gitops-runtime.io/nowhere: \"true\"\n", "");
    java.util.concurrent.ExecutorService first = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (Installer installer = installer(cluster)) {
      java.util.concurrent.Future<?> running = first.submit(() -> installer.install(stuck));
      java.time.Instant deadline = java.time.Instant.now().plus(java.time.Duration.ofMinutes(2));
      while (client.batch().v1().jobs().inNamespace(NAMESPACE).withName("validate-values").get() == null) {
        if (running.isDone()) {
          running.get(); // its exception says why it ended
          throw new AssertionError("the first install ended before its hook ran");
        }
        assertThat(java.time.Instant.now()).as("the first install's hook Job never appeared").isBefore(deadline);
        Thread.sleep(100);
      }

      InstallException second;
      try (Installer other = installer(cluster)) {
        second = catchThrowableOfType(InstallException.class, () -> other.install(installation("")));
      }

      assertThat(second).as("the second install must be refused").isNotNull();
      assertThat(second.failure()).isIn(FailureKind.LOCKED, FailureKind.PENDING_RELEASE);
      assertThat(running.isDone()).as("refused while the first still runs, not after it gave up").isFalse();
      abandon(running);
    } finally {
      first.shutdownNow();
      first.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
    }
    ClusterReset.withoutTheRelease(client, NAMESPACE);
  }

  @Test
  @Order(10)
  void aFieldAnotherFieldManagerSetIsReportedOrTakenOverAsTheInstallersPolicySays() throws Exception {
    try (Installer installer = installer(cluster)) {
      assertThat(installer.install(installation("")).outcome()).isEqualTo(InstallOutcome.INSTALLED);
    }
    // what `kubectl apply --server-side --force-conflicts` leaves: the field now belongs to the manager "kubectl"
    client.configMaps().inNamespace(NAMESPACE).resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata().withName("cap-app-proxy-cm").withNamespace(NAMESPACE).endMetadata()
        .addToData("logLevel", "warn").build()).fieldManager("kubectl").forceConflicts().serverSideApply();
    RuntimeInstallation debug = installation("app-proxy:\n  config:\n    logLevel: debug\n");

    InstallResult result;
    if (reportsFieldConflicts()) {
      InstallException conflict;
      try (Installer installer = installer(cluster)) {
        conflict = catchThrowableOfType(InstallException.class, () -> installer.install(debug));
      }
      assertThat(conflict).as("the install must stop at the conflict").isNotNull();
      assertThat(conflict.failure()).isEqualTo(FailureKind.OWNERSHIP_CONFLICT);
      assertThat(conflict.getMessage()).contains("ConfigMap/codefresh/cap-app-proxy-cm", "\"kubectl\"",
          ".data.logLevel");
      assertThat(client.configMaps().inNamespace(NAMESPACE).withName("cap-app-proxy-cm").get().getData())
          .as("left as the other manager set it").containsEntry("logLevel", "warn");
      try (Installer forcing = installerTakingOverFields(cluster)) {
        result = forcing.install(debug);
      }
    } else {
      try (Installer installer = installer(cluster)) {
        result = installer.install(debug);
      }
    }

    assertThat(result.outcome()).isEqualTo(InstallOutcome.UPGRADED);
    assertThat(client.configMaps().inNamespace(NAMESPACE).withName("cap-app-proxy-cm").get().getData())
        .containsEntry("logLevel", "debug");
    try (Installer installer = installer(cluster)) {
      installer.uninstall(installation(""));
    }
    ClusterReset.withoutTheRelease(client, NAMESPACE);
  }

  @Test
  @Order(11)
  void aFirstInstallStoppedMidwayLeavesNothingThatBlocksTheNextOne() throws Exception {
    // the hook Pod cannot be scheduled (no node matches), so the install stays in its pre-install hooks
    RuntimeInstallation stuck = installation("  nodeSelector:\n    gitops-runtime.io/nowhere: \"true\"\n", "");
    java.util.concurrent.ExecutorService first = java.util.concurrent.Executors.newSingleThreadExecutor();
    java.util.concurrent.atomic.AtomicReference<Throwable> ended = new java.util.concurrent.atomic.AtomicReference<>();
    try (Installer installer = installer(cluster)) {
      java.util.concurrent.Future<?> running = first.submit(() -> {
        try {
          installer.install(stuck);
        } catch (Throwable t) {
          ended.set(t);
        }
      });
      java.time.Instant deadline = java.time.Instant.now().plus(java.time.Duration.ofMinutes(2));
      while (client.batch().v1().jobs().inNamespace(NAMESPACE).withName("validate-values").get() == null) {
        assertThat(running.isDone()).as("the first install ended before its hook ran: %s", ended.get()).isFalse();
        assertThat(java.time.Instant.now()).as("the first install's hook Job never appeared").isBefore(deadline);
        Thread.sleep(100);
      }

      stopMidway(running);
      first.shutdown();
      assertThat(first.awaitTermination(4, java.util.concurrent.TimeUnit.MINUTES))
          .as("the stopped install must end").isTrue();
    } finally {
      first.shutdownNow();
    }
    assertThat(ended.get()).as("the stopped install must fail").isNotNull();

    InstallResult again;
    try (Installer installer = installer(cluster)) {
      again = installer.install(installation(""));
    }

    assertThat(again.outcome()).isIn(InstallOutcome.INSTALLED, InstallOutcome.UPGRADED);
    assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems())
        .allSatisfy(d -> assertThat(ClusterReset.available(d)).as(d.getMetadata().getName()).isTrue());
    try (Installer installer = installer(cluster)) {
      installer.uninstall(installation(""));
    }
    ClusterReset.withoutTheRelease(client, NAMESPACE);
  }

  @Test
  @Order(12)
  void argoCrdsAppliedWithoutHelmOwnershipStopTheInstallUntilItAdoptsThemAndHelmCanUpgradeAfterwards()
      throws Exception {
    String crd = "applications.argoproj.io";
    java.time.Instant deadline = java.time.Instant.now().plus(java.time.Duration.ofMinutes(1));
    client.apiextensions().v1().customResourceDefinitions().withName(crd).delete();
    while (client.apiextensions().v1().customResourceDefinitions().withName(crd).get() != null) {
      assertThat(java.time.Instant.now()).as("the CRD left by an earlier test was not deleted").isBefore(deadline);
      Thread.sleep(250);
    }
    // what a previous Argo CD install leaves: the CRD applied with plain server-side apply, without Helm's metadata
    client.apiextensions().v1().customResourceDefinitions().resource(
        new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder()
            .withNewMetadata().withName(crd).endMetadata().withNewSpec().withGroup("argoproj.io")
            .withScope("Namespaced").withNewNames().withKind("Application").withPlural("applications")
            .withSingular("application").withListKind("ApplicationList").endNames()
            .addNewVersion().withName("v1alpha1").withServed(true).withStorage(true).withNewSchema()
            .withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
            .endOpenAPIV3Schema().endSchema().endVersion().endSpec().build())
        .fieldManager("argocd-previous-install").serverSideApply();

    InstallException refused;
    try (Installer installer = installer(cluster)) {
      refused = catchThrowableOfType(InstallException.class, () -> installer.install(installation("")));
    }
    assertThat(refused).as("an install without adoption must stop").isNotNull();
    assertThat(refused.failure()).isEqualTo(FailureKind.OWNERSHIP_CONFLICT);
    assertThat(refused.getMessage()).contains(crd).contains("adoptExisting(true)");

    InstallResult adopted;
    try (Installer installer = installer(cluster, true)) {
      adopted = installer.install(installation(""));
    }
    assertThat(adopted.outcome()).isIn(InstallOutcome.INSTALLED, InstallOutcome.UPGRADED);
    var owned = client.apiextensions().v1().customResourceDefinitions().withName(crd).get().getMetadata();
    assertThat(owned.getLabels()).containsEntry("app.kubernetes.io/managed-by", "Helm");
    assertThat(owned.getAnnotations()).containsEntry("meta.helm.sh/release-name", RELEASE)
        .containsEntry("meta.helm.sh/release-namespace", NAMESPACE);

    // and the release stays one plain Helm can take on: `helm upgrade --install` with the same values
    Path helm = realHelm().orElseThrow();
    Path values = Files.createTempFile("gitops-runtime-values-", ".yaml");
    try {
      Files.writeString(values, ValuesYaml.write(installation("").values(), io.gitopsruntime.core.SecretHandling.REVEAL));
      Process p = new ProcessBuilder(helm.toString(), "upgrade", "--install", RELEASE, chart.toString(), "-n",
          NAMESPACE, "--kubeconfig", cluster.kubeconfig().toString(), "-f", values.toString(), "--wait",
          "--timeout", "3m").redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as(output).isZero();
    } finally {
      Files.deleteIfExists(values);
    }
    ClusterReset.withoutTheRelease(client, NAMESPACE);
  }
}
