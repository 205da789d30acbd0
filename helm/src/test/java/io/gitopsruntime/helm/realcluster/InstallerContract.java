package io.gitopsruntime.helm.realcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
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
import java.nio.file.Files;
import java.nio.file.Path;
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
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InstallerContract.class);
  static final String NAMESPACE = RuntimeInstallation.DEFAULT_NAMESPACE;
  static final String RELEASE = RuntimeInstallation.DEFAULT_RELEASE;

  RealControlPlane cluster;
  KubernetesClient client;
  Path chart;

  /** A new installer on the cluster's admin kubeconfig, with the offline validators only. */
  abstract Installer installer(RealControlPlane cluster);

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
    LOG.info("{}: the failed hook is explained as: {}", getClass().getSimpleName(), failure.getMessage());
    assertThat(failure.getMessage()).contains("validate-values", "BackoffLimitExceeded");
    assertThat(failure.getMessage()).as("the Job's failure condition, with its message")
        .contains("Job has reached the specified backoff limit");
    assertThat(failure.getMessage()).as("the recent events of the Job and its Pod: the Job controller's at least")
        .contains("Recent events:").containsPattern("SuccessfulCreate Job/validate-values: Created pod: validate-values-");
    assertThat(failure.getMessage()).as("no kubelet serves logs here: the message says the log could not be read, and why")
        .containsPattern("log could not be read: the API server answered the log request for Pod validate-values-\\S+ with")
        .contains("the kubelet of its node");
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

  /** How an installer treats a field of its objects that another field manager also set, as its Javadoc says. */
  enum FieldConflictPolicy {
    /** The release's value wins and the other manager loses the field (force, or Helm 3's three-way merge). */
    TAKES_OVER,
    /** The install fails naming the field and the manager; {@link #forcingInstaller} takes the field over. */
    REPORTS
  }

  /** This installer's policy on fields another field manager set. */
  FieldConflictPolicy fieldConflictPolicy() {
    return FieldConflictPolicy.TAKES_OVER;
  }

  /** For {@link FieldConflictPolicy#REPORTS}: the same installer told to take conflicting fields over. */
  Installer forcingInstaller(RealControlPlane cluster) {
    throw new UnsupportedOperationException("the installer takes conflicting fields over by itself");
  }

  /**
   * Stops the install running on that thread midway: interrupts the thread, or, where an interrupt does not stop the
   * work (a child process does it), kills the child process outright, as a crash or the OOM killer would.
   */
  void interruptMidInstall(Thread installing) {
    installing.interrupt();
  }

  /** What the interrupted install's failure must say, beyond failing. */
  void checkInterruptedFailure(Throwable failure) {
    assertThat(failure).isInstanceOf(InstallException.class);
  }

  @Test
  @Order(10)
  void anInstallInterruptedMidwayConvergesWhenRunAgain() throws Exception {
    try {
      java.util.concurrent.ExecutorService first = java.util.concurrent.Executors.newSingleThreadExecutor();
      java.util.concurrent.atomic.AtomicReference<Thread> installing = new java.util.concurrent.atomic.AtomicReference<>();
      Throwable interrupted = null;
      try (Installer installer = installer(cluster)) {
        java.util.concurrent.Future<InstallResult> running = first.submit(() -> {
          installing.set(Thread.currentThread());
          return installer.install(installation(""));
        });
        // midway: the hooks have run and the workloads are being created
        java.time.Instant deadline = java.time.Instant.now().plus(java.time.Duration.ofMinutes(2));
        while (client.apps().deployments().inNamespace(NAMESPACE).list().getItems().isEmpty()) {
          if (running.isDone()) {
            running.get();
            throw new AssertionError("the install ended before it created a Deployment");
          }
          assertThat(java.time.Instant.now()).as("no Deployment appeared").isBefore(deadline);
          Thread.sleep(20);
        }
        interruptMidInstall(installing.get());
        try {
          running.get(5, java.util.concurrent.TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
          interrupted = e.getCause();
        }
      } finally {
        first.shutdownNow();
        first.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
      }
      assertThat(interrupted).as("the first install was stopped midway, so it failed").isNotNull();
      checkInterruptedFailure(interrupted);

      InstallResult again;
      try (Installer installer = installer(cluster)) {
        again = installer.install(installation(""));
      }

      assertThat(again.outcome()).isIn(InstallOutcome.INSTALLED, InstallOutcome.UPGRADED);
      assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems()).hasSizeGreaterThan(5)
          .allSatisfy(d -> assertThat(ClusterReset.available(d)).as(d.getMetadata().getName()).isTrue());
      assertThat(cluster.notReady(NAMESPACE)).isEmpty();
      try (Installer installer = installer(cluster)) {
        installer.uninstall(installation(""));
      }
    } finally {
      // also after a failure, so that the next test starts from a cluster without the release
      ClusterReset.withoutTheRelease(client, NAMESPACE);
    }
  }

  @Test
  @Order(11)
  void aFieldAnotherFieldManagerAlsoSetIsTreatedAsTheInstallersPolicySays() throws Exception {
    try {
      try (Installer installer = installer(cluster)) {
        assertThat(installer.install(installation("")).outcome()).isEqualTo(InstallOutcome.INSTALLED);
      }
      String configMap = "cap-app-proxy-cm";
      String before = client.configMaps().inNamespace(NAMESPACE).withName(configMap).get().getData().get("logLevel");
      // kubectl apply --server-side of the same value, without force: kubectl now owns the field too
      client.configMaps().inNamespace(NAMESPACE).resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
          .withNewMetadata().withName(configMap).withNamespace(NAMESPACE).endMetadata().addToData("logLevel", before)
          .build()).patch(new io.fabric8.kubernetes.client.dsl.base.PatchContext.Builder()
              .withPatchType(io.fabric8.kubernetes.client.dsl.base.PatchType.SERVER_SIDE_APPLY).withFieldManager("kubectl")
              .withForce(false).build());
      assertThat(managersOfLogLevel(configMap)).as("kubectl shares the field").contains("kubectl");
      String changed = "app-proxy:\n  config:\n    logLevel: debug\n";

      if (fieldConflictPolicy() == FieldConflictPolicy.REPORTS) {
        InstallException conflict;
        try (Installer installer = installer(cluster)) {
          conflict = catchThrowableOfType(InstallException.class, () -> installer.install(installation(changed)));
        }
        assertThat(conflict).as("the install must fail on the field kubectl owns").isNotNull();
        assertThat(conflict.failure()).isEqualTo(FailureKind.OWNERSHIP_CONFLICT);
        assertThat(conflict.getMessage()).contains(configMap, "kubectl", ".data.logLevel");
        assertThat(client.configMaps().inNamespace(NAMESPACE).withName(configMap).get().getData())
            .containsEntry("logLevel", before);
        try (Installer forcing = forcingInstaller(cluster)) {
          assertThat(forcing.install(installation(changed)).outcome()).isEqualTo(InstallOutcome.UPGRADED);
        }
      } else {
        try (Installer installer = installer(cluster)) {
          assertThat(installer.install(installation(changed)).outcome()).isEqualTo(InstallOutcome.UPGRADED);
        }
      }

      assertThat(client.configMaps().inNamespace(NAMESPACE).withName(configMap).get().getData())
          .containsEntry("logLevel", "debug");
      assertThat(managersOfLogLevel(configMap)).as("the release took the field over").doesNotContain("kubectl");
      try (Installer installer = installer(cluster)) {
        installer.uninstall(installation(""));
      }
    } finally {
      // also after a failure, so that the next test starts from a cluster without the release
      ClusterReset.withoutTheRelease(client, NAMESPACE);
    }
  }

  /** The field managers that own {@code data.logLevel} of a ConfigMap in the release namespace. */
  List<String> managersOfLogLevel(String configMap) {
    return client.configMaps().inNamespace(NAMESPACE).withName(configMap).get().getMetadata().getManagedFields().stream()
        .filter(f -> f.getFieldsV1() != null && String.valueOf(f.getFieldsV1().getAdditionalProperties().get("f:data"))
            .contains("f:logLevel"))
        .map(io.fabric8.kubernetes.api.model.ManagedFieldsEntry::getManager).toList();
  }

  /** The same installer with its opt-in adoption of existing objects on ({@code adoptExisting(true)}). */
  abstract Installer adoptingInstaller(RealControlPlane cluster);

  /** The real helm binary that upgrades the release afterwards: Helm 3 unless the class is about Helm 4. */
  Path realHelm() {
    java.util.Optional<Path> helm = io.gitopsruntime.testing.cluster.TestAssets.fromEnvironment().helm3();
    org.junit.jupiter.api.Assumptions.assumeTrue(helm.isPresent(),
        io.gitopsruntime.testing.cluster.TestAssets.fromEnvironment().skipMessage());
    return helm.get();
  }

  /** How the real helm is told to wait: {@code --wait} for Helm 3. */
  String realHelmWaitFlag() {
    return "--wait";
  }

  @Test
  @Order(12)
  void argoCrdsLeftWithoutHelmOwnershipAreReportedAdoptedOnRequestAndThenUpgradableByHelm() throws Exception {
    try {
      List<String> argoCd = List.of("applications", "applicationsets", "appprojects");
      for (String plural : argoCd) {
        // as a previous Argo CD install leaves them: plain server-side apply, no Helm label or annotations
        String kind = plural.equals("applications") ? "Application"
            : plural.equals("applicationsets") ? "ApplicationSet" : "AppProject";
        client.apiextensions().v1().customResourceDefinitions().resource(
            new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder()
                .withNewMetadata().withName(plural + ".argoproj.io").addToLabels("app.kubernetes.io/part-of", "argocd")
                .endMetadata().withNewSpec().withGroup("argoproj.io").withScope("Namespaced").withNewNames()
                .withKind(kind).withListKind(kind + "List").withPlural(plural).withSingular(kind.toLowerCase(java.util.Locale.ROOT))
                .endNames().addNewVersion().withName("v1alpha1").withServed(true).withStorage(true)
                .withNewSubresources().withNewStatus().endStatus().endSubresources().withNewSchema()
                .withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema().endSchema().endVersion().endSpec().build())
            .fieldManager("kubectl").serverSideApply();
      }
      io.gitopsruntime.validation.ValidationReport report = io.gitopsruntime.core.ValidatorChain.builder()
          .add(new io.gitopsruntime.validators.ArgoCrdOwnershipValidator()).build()
          .validate(io.gitopsruntime.validation.ValidationContext.builder(installation("")).offline(false)
              .service(KubernetesClient.class, client).build());
      assertThat(report.errors()).as(report.toString())
          .extracting(io.gitopsruntime.validation.Finding::ruleId)
          .contains(io.gitopsruntime.validators.RuleIds.CLUSTER_ARGO_CRD_OWNERSHIP);

      InstallException refused;
      try (Installer installer = installer(cluster)) {
        refused = catchThrowableOfType(InstallException.class, () -> installer.install(installation("")));
      }
      assertThat(refused).as("without adoption the install must refuse the CRDs").isNotNull();
      assertThat(refused.failure()).isEqualTo(FailureKind.OWNERSHIP_CONFLICT);
      assertThat(refused.getMessage()).contains("applications.argoproj.io");
      ClusterReset.withoutTheRelease(client, NAMESPACE, false);

      InstallResult adopted;
      try (Installer installer = adoptingInstaller(cluster)) {
        adopted = installer.install(installation(""));
      }
      assertThat(adopted.outcome()).isIn(InstallOutcome.INSTALLED, InstallOutcome.UPGRADED);
      for (String plural : argoCd) {
        assertThat(client.apiextensions().v1().customResourceDefinitions().withName(plural + ".argoproj.io").get()
            .getMetadata().getAnnotations()).as(plural).containsEntry("meta.helm.sh/release-name", RELEASE);
      }

      // the real helm takes the release over (or upgrades it) from there
      Path values = Files.createTempFile("gitops-runtime-values-", ".yaml");
      try {
        Files.writeString(values, io.gitopsruntime.core.ValuesYaml.write(installation("").values(),
            io.gitopsruntime.core.SecretHandling.REVEAL));
        Process helm = new ProcessBuilder(realHelm().toString(), "upgrade", "--install", RELEASE, chart.toString(),
            "--namespace", NAMESPACE, "-f", values.toString(), realHelmWaitFlag(), "--timeout", "180s",
            "--kubeconfig", cluster.kubeconfig().toString()).redirectErrorStream(true).start();
        String output = new String(helm.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(helm.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(helm.exitValue()).as(output).isZero();
      } finally {
        Files.deleteIfExists(values);
      }
      assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems()).hasSizeGreaterThan(5)
          .allSatisfy(d -> assertThat(ClusterReset.available(d)).as(d.getMetadata().getName()).isTrue());
    } finally {
      // also after a failure, so that the next test starts from a cluster without the release
      ClusterReset.withoutTheRelease(client, NAMESPACE);
    }
  }
}
