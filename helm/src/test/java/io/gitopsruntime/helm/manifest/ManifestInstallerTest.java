package io.gitopsruntime.helm.manifest;

import static io.gitopsruntime.helm.manifest.Fixtures.NAMESPACE;
import static io.gitopsruntime.helm.manifest.Fixtures.installation;
import static io.gitopsruntime.helm.manifest.Fixtures.installer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.helm.RecordingListener;
import io.gitopsruntime.install.ChangeKind;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.InstallOutcome;
import io.gitopsruntime.install.InstallPlan;
import io.gitopsruntime.install.InstallResult;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KubernetesTest(namespace = "codefresh")
class ManifestInstallerTest {
  private static final String UPGRADE_VALUES = "app-proxy:\n  config:\n    logLevel: debug\n"
      + "codefreshWorkflowLogStoreCM:\n  enabled: false\n";

  @TempDir Path tmp;

  private static boolean ownedByTheRelease(HasMetadata o) {
    Map<String, String> annotations = o.getMetadata().getAnnotations();
    return annotations != null && Fixtures.RELEASE.equals(annotations.get("meta.helm.sh/release-name"));
  }

  /** Every object of the release still in the cluster, CRDs aside. */
  private static List<String> leftovers(KubernetesClient client) {
    List<HasMetadata> all = new ArrayList<>();
    all.addAll(client.apps().deployments().inNamespace(NAMESPACE).list().getItems());
    all.addAll(client.apps().statefulSets().inNamespace(NAMESPACE).list().getItems());
    all.addAll(client.services().inNamespace(NAMESPACE).list().getItems());
    all.addAll(client.configMaps().inNamespace(NAMESPACE).list().getItems());
    all.addAll(client.secrets().inNamespace(NAMESPACE).list().getItems());
    all.addAll(client.serviceAccounts().inNamespace(NAMESPACE).list().getItems());
    all.addAll(client.rbac().roles().inNamespace(NAMESPACE).list().getItems());
    all.addAll(client.rbac().roleBindings().inNamespace(NAMESPACE).list().getItems());
    all.addAll(client.rbac().clusterRoles().list().getItems());
    all.addAll(client.rbac().clusterRoleBindings().list().getItems());
    all.addAll(client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems());
    return all.stream().filter(o -> ownedByTheRelease(o) || o.getMetadata().getName().startsWith("gitops-runtime."))
        .map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class Install {

    @Test
    void installsTheChartRunningItsPhasesInOrderWithHelmOwnershipOnEveryObject(KubernetesTestServer server,
        KubernetesClient client) {
      RecordingListener events = new RecordingListener();
      try (ManifestInstaller installer = installer(server, events)) {
        InstallResult result = installer.install(installation(TestChart.writeTo(tmp), ""));

        assertThat(result.outcome()).isEqualTo(InstallOutcome.INSTALLED);
        assertThat(result.revision()).isEqualTo(1);
        assertThat(result.changes()).extracting(PlannedChange::change).containsOnly(ChangeKind.CREATE);
      }
      assertThat(events.events("started ")).containsExactly("started VALIDATE", "started RENDER", "started CRDS",
          "started PRE_HOOKS", "started APPLY", "started WAIT", "started PRUNE", "started POST_HOOKS");
      assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems())
          .extracting(d -> d.getMetadata().getName())
          .containsExactlyInAnyOrder("cap-app-proxy", "internal-router", "argo-gateway", "cluster-event-reporter",
              "runtime-event-reporter", "gitops-operator", "tunnel-client");
      assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems()).hasSize(17)
          .allSatisfy(crd -> assertThat(crd.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "Helm"));
      assertThat(client.rbac().clusterRoles().withName("argo-gateway").get().getMetadata().getAnnotations())
          .containsEntry("meta.helm.sh/release-name", "cf-gitops-runtime")
          .containsEntry("meta.helm.sh/release-namespace", "codefresh");
      assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems())
          .as("hooks that succeeded are deleted").isEmpty();
      assertThat(client.configMaps().inNamespace(NAMESPACE).withName("helm-values-config").get()).isNull();
      assertThat(client.secrets().inNamespace(NAMESPACE).withName("gitops-runtime.cf-gitops-runtime.v1").get())
          .satisfies(s -> {
            assertThat(s.getType()).isEqualTo("gitops-runtime.io/inventory.v1");
            assertThat(s.getMetadata().getLabels()).containsEntry("gitops-runtime.io/status", "deployed");
          });
      assertThat(client.leases().inNamespace(NAMESPACE).list().getItems()).as("the lock is released").isEmpty();
      assertThat(server.journal().calls(RecordedCall::isServerSideApply))
          .allSatisfy(c -> assertThat(c.queryParameters()).containsEntry("fieldManager", "gitops-runtime"));
    }

    @Test
    void reinstallingTheSameInstallationChangesNothingAndSaysSo(KubernetesTestServer server) {
      RuntimeInstallation installation = installation(TestChart.writeTo(tmp), "");
      try (ManifestInstaller installer = installer(server, InstallListener.NONE)) {
        installer.install(installation);
        server.journal().clear();

        InstallResult again = installer.install(installation);

        assertThat(again.outcome()).isEqualTo(InstallOutcome.UNCHANGED);
        assertThat(again.revision()).isEqualTo(1);
        assertThat(again.changes()).isNotEmpty().extracting(PlannedChange::change).containsOnly(ChangeKind.UNCHANGED);
      }
      assertThat(server.journal().calls(c -> Fixtures.isWrite(c) && !Fixtures.isLease(c)))
          .as("nothing but the lock was written").isEmpty();
    }

    @Test
    void installsAgainWhatWasChangedBehindItsBack(KubernetesTestServer server, KubernetesClient client) {
      RuntimeInstallation installation = installation(TestChart.writeTo(tmp), "");
      try (ManifestInstaller installer = installer(server, InstallListener.NONE)) {
        installer.install(installation);
        client.apps().deployments().inNamespace(NAMESPACE).withName("internal-router").delete();

        InstallResult again = installer.install(installation);

        assertThat(again.outcome()).isEqualTo(InstallOutcome.UPGRADED);
        assertThat(again.changes()).contains(PlannedChange.of(
            ObjectRef.of("apps/v1", "Deployment", NAMESPACE, "internal-router"), ChangeKind.CREATE));
      }
      assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("internal-router").get()).isNotNull();
    }

    @Test
    void upgradeAppliesAChangedValueAndPrunesAnObjectTheChartNoLongerRenders(KubernetesTestServer server,
        KubernetesClient client) {
      Path chart = TestChart.writeTo(tmp);
      RecordingListener events = new RecordingListener();
      try (ManifestInstaller installer = installer(server, events)) {
        installer.install(installation(chart, ""));

        InstallResult upgrade = installer.install(installation(chart, UPGRADE_VALUES));

        assertThat(upgrade.outcome()).isEqualTo(InstallOutcome.UPGRADED);
        assertThat(upgrade.revision()).isEqualTo(2);
        assertThat(upgrade.changes()).contains(
            PlannedChange.of(ObjectRef.of("v1", "ConfigMap", NAMESPACE, "cap-app-proxy-cm"), ChangeKind.UPDATE),
            PlannedChange.of(ObjectRef.of("v1", "ConfigMap", NAMESPACE, "codefresh-workflows-log-store"),
                ChangeKind.DELETE),
            PlannedChange.of(ObjectRef.of("apps/v1", "Deployment", NAMESPACE, "cap-app-proxy"), ChangeKind.UNCHANGED));
      }
      assertThat(client.configMaps().inNamespace(NAMESPACE).withName("cap-app-proxy-cm").get().getData())
          .containsEntry("logLevel", "debug");
      assertThat(client.configMaps().inNamespace(NAMESPACE).withName("codefresh-workflows-log-store").get()).isNull();
      assertThat(events.events()).contains("hook started pre-upgrade Job/codefresh/validate-values",
              "hook started pre-upgrade Job/codefresh/redis-secret-init")
          .doesNotContain("hook started pre-upgrade Job/codefresh/validate-usage");
      assertThat(client.secrets().inNamespace(NAMESPACE).withLabel("gitops-runtime.io/release", Fixtures.RELEASE).list()
          .getItems()).extracting(s -> s.getMetadata().getName() + " " + s.getMetadata().getLabels()
              .get("gitops-runtime.io/status"))
          .containsExactlyInAnyOrder("gitops-runtime.cf-gitops-runtime.v1 superseded",
              "gitops-runtime.cf-gitops-runtime.v2 deployed");
    }

    @Test
    void stopsBeforeAnyWriteWhenValidationFindsAnError(KubernetesTestServer server) {
      RuntimeInstallation invalid = RuntimeInstallation.builder().chart(TestChart.writeTo(tmp).toString())
          .values(ValuesYaml.parse("global:\n  codefresh:\n    userToken:\n      token: t0k3n-value\n"
              + "  runtime:\n    name: test-runtime\n")).build();
      try (ManifestInstaller installer = installer(server, InstallListener.NONE)) {
        assertThatThrownBy(() -> installer.install(invalid)).isInstanceOf(ValidationException.class)
            .hasMessageContaining("global.codefresh.accountId");
      }
      assertThat(server.journal().calls(Fixtures::isWrite)).isEmpty();
    }
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class Uninstall {

    @Test
    void removesEverythingTheReleaseInstalledButTheCrdsItMarksKeep(KubernetesTestServer server, KubernetesClient client) {
      RuntimeInstallation installation = installation(TestChart.writeTo(tmp), "gitops-operator:\n  crds:\n    keep: true\n");
      RecordingListener events = new RecordingListener();
      try (ManifestInstaller installer = installer(server, events)) {
        InstallResult installed = installer.install(installation);

        UninstallResult result = installer.uninstall(installation);

        assertThat(result.found()).isTrue();
        assertThat(result.kept()).extracting(ObjectRef::name).containsExactlyInAnyOrder("products.codefresh.io",
            "promotionflows.codefresh.io", "promotiontemplates.codefresh.io", "promotionpolicies.codefresh.io",
            "promotiontasks.codefresh.io", "restrictedgitsources.codefresh.io");
        assertThat(result.deleted()).hasSize(installed.changes().size() - 6)
            .filteredOn(r -> r.kind().equals("CustomResourceDefinition")).as("templated CRDs without keep, as Helm")
            .hasSize(11);
        assertThat(installer.uninstall(installation).found()).as("a second uninstall finds nothing").isFalse();
      }
      assertThat(leftovers(client)).isEmpty();
      assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems()).hasSize(6);
      assertThat(client.leases().inNamespace(NAMESPACE).list().getItems()).isEmpty();
      assertThat(events.events()).containsSubsequence("hook started pre-delete Job/codefresh/delete-runtime-from-platform",
          "hook succeeded Job/codefresh/delete-runtime-from-platform",
          "hook started pre-delete Job/codefresh/cleanup-runtime-resources",
          "deleted Deployment/codefresh/cap-app-proxy");
    }

    @Test
    void findsNothingWhenTheReleaseWasNeverInstalled(KubernetesTestServer server) {
      try (ManifestInstaller installer = installer(server, InstallListener.NONE)) {
        UninstallResult result = installer.uninstall(installation(TestChart.writeTo(tmp), ""));

        assertThat(result.found()).isFalse();
        assertThat(result.deleted()).isEmpty();
      }
    }
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class Status {

    @Test
    void readsTheInventoryAndTheReadinessOfTheObjects(KubernetesTestServer server, KubernetesClient client) {
      RuntimeInstallation installation = installation(TestChart.writeTo(tmp), "");
      try (ManifestInstaller installer = installer(server, InstallListener.NONE)) {
        assertThat(installer.status(installation).state()).isEqualTo(ReleaseState.NOT_INSTALLED);
        installer.install(installation);

        ReleaseStatus healthy = installer.status(installation);
        client.apps().deployments().inNamespace(NAMESPACE).withName("internal-router").delete();
        ReleaseStatus broken = installer.status(installation);

        assertThat(healthy.isHealthy()).isTrue();
        assertThat(healthy.revision()).isEqualTo(1);
        assertThat(healthy.chartVersion()).hasValue("0.30.0");
        assertThat(broken.state()).isEqualTo(ReleaseState.DEPLOYED);
        assertThat(broken.notReady()).extracting(Object::toString)
            .containsExactly("Deployment/codefresh/internal-router (not found)");
      }
    }
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class Plan {

    @Test
    void plansCreatingEverythingWithoutWritingAnything(KubernetesTestServer server) {
      try (ManifestInstaller installer = installer(server, InstallListener.NONE)) {
        InstallPlan plan = installer.plan(installation(TestChart.writeTo(tmp), ""));

        assertThat(plan.validation().hasErrors()).isFalse();
        assertThat(plan.changes()).hasSizeGreaterThan(50).extracting(PlannedChange::change).containsOnly(ChangeKind.CREATE);
        assertThat(plan.changes().get(0).object().kind()).isEqualTo("CustomResourceDefinition");
      }
      assertThat(server.journal().calls(Fixtures::isWrite)).isEmpty();
    }

    @Test
    void plansUpdatesAndDeletionsOfAnUpgradeWithoutWritingAnything(KubernetesTestServer server) {
      Path chart = TestChart.writeTo(tmp);
      try (ManifestInstaller installer = installer(server, InstallListener.NONE)) {
        installer.install(installation(chart, ""));
        server.journal().clear();

        InstallPlan plan = installer.plan(installation(chart, UPGRADE_VALUES));

        assertThat(plan.hasChanges()).isTrue();
        assertThat(plan.changes()).filteredOn(c -> c.change() != ChangeKind.UNCHANGED).containsExactly(
            PlannedChange.of(ObjectRef.of("v1", "ConfigMap", NAMESPACE, "cap-app-proxy-cm"), ChangeKind.UPDATE),
            PlannedChange.of(ObjectRef.of("v1", "ConfigMap", NAMESPACE, "codefresh-workflows-log-store"),
                ChangeKind.DELETE));
      }
      assertThat(server.journal().calls(Fixtures::isWrite)).isEmpty();
      assertThat(server.journal().calls(c -> c.queryParameters().containsKey("dryRun"))).isNotEmpty()
          .allMatch(c -> c.queryParameters().get("dryRun").equals("All"));
    }

    @Test
    void returnsValidationErrorsInsteadOfThrowingThem(KubernetesTestServer server) {
      RuntimeInstallation invalid = RuntimeInstallation.builder().chart(TestChart.writeTo(tmp).toString())
          .values(ValuesYaml.parse("global:\n  runtime:\n    name: test-runtime\n")).build();
      try (ManifestInstaller installer = installer(server, InstallListener.NONE)) {
        InstallPlan plan = installer.plan(invalid);

        assertThat(plan.validation().hasErrors()).isTrue();
        assertThat(plan.changesKnown()).isFalse();
      }
      assertThat(server.journal().calls()).isEmpty();
    }
  }

}
