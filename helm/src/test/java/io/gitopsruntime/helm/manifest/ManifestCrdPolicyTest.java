package io.gitopsruntime.helm.manifest;

import static io.gitopsruntime.helm.manifest.Fixtures.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.install.ChangeKind;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.InstallPlan;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.install.PlannedChange;
import io.gitopsruntime.install.UninstallResult;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.testing.cluster.TestAssets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the manifest installer applies and keeps of CustomResourceDefinitions, on the {@link ShopChart}: subcharts
 * Helm disables contribute nothing (not even their {@code crds/}), and uninstall and prune keep what Helm keeps.
 */
@KubernetesTest(namespace = "codefresh")
class ManifestCrdPolicyTest {
  static final String SEALER_OFF = "sealer:\n  enabled: false\n";
  static final String PIPELINES_OFF = "tags:\n  pipelines: false\n";
  static final String CONDITION_OVER_TAG = "wf:\n  enabled: true\ntags:\n  pipelines: false\n";
  static final String EXTRAS_ON = "tags:\n  extras: true\n";
  static final String ALL_OFF = "sealer:\n  enabled: false\nwf:\n  enabled: false\ntags:\n  pipelines: true\n";

  @TempDir Path tmp;

  static ManifestInstaller installer(KubernetesTestServer server) {
    return Fixtures.installer(server, InstallListener.NONE, b -> b.validate(false));
  }

  static List<String> planned(KubernetesTestServer server, String values) {
    try (ManifestInstaller installer = installer(server)) {
      InstallPlan plan = installer.plan(ShopChart.installation(values));
      return new java.util.ArrayList<>(new TreeSet<>(plan.changes().stream()
          .map(c -> c.object().kind() + "/" + c.object().name()).toList()));
    }
  }

  static List<String> names(List<ObjectRef> refs) {
    return new java.util.ArrayList<>(new TreeSet<>(refs.stream().map(r -> r.kind() + "/" + r.name()).toList()));
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class Conditions {

    @Test
    void leavesOutTheCrdsDirectoryOfASubchartItsConditionDisables(KubernetesTestServer server) {
      assertThat(planned(server, SEALER_OFF)).containsExactly(
          "ConfigMap/shop-ledger", "ConfigMap/shop-settings", "ConfigMap/workflows-config",
          "CustomResourceDefinition/flows.wf.test", "CustomResourceDefinition/flowtemplates.wf.test",
          "CustomResourceDefinition/gadgets.shop.test", "CustomResourceDefinition/parents.shop.test",
          "CustomResourceDefinition/widgets.shop.test");
    }

    @Test
    void followsTagsAndLetsAConditionOverrideThem(KubernetesTestServer server) {
      assertThat(planned(server, PIPELINES_OFF)).doesNotContain("CustomResourceDefinition/flows.wf.test",
          "CustomResourceDefinition/flowtemplates.wf.test").contains("CustomResourceDefinition/sealedthings.sealer.test");
      assertThat(planned(server, CONDITION_OVER_TAG)).contains("CustomResourceDefinition/flows.wf.test");
      assertThat(planned(server, EXTRAS_ON)).contains("CustomResourceDefinition/extras.extras.test",
          "ConfigMap/extras-config");
    }

    /** The planned object set is exactly what real Helm renders with {@code --include-crds}, in Helm 3 and 4. */
    @ParameterizedTest
    @ValueSource(strings = {"", SEALER_OFF, PIPELINES_OFF, CONDITION_OVER_TAG, EXTRAS_ON, ALL_OFF})
    void plansWhatRealHelmRendersWithItsCrds(String values, KubernetesTestServer server) {
      TestAssets assets = TestAssets.fromEnvironment();
      Optional<Path> helm3 = assets.helm3();
      Optional<Path> helm4 = assets.helm4();
      Assumptions.assumeTrue(helm3.isPresent() || helm4.isPresent(), assets.skipMessage());
      List<String> planned = planned(server, values);

      helm3.ifPresent(helm -> assertThat(planned).as("helm 3").isEqualTo(ShopChart.helmTemplate(helm, values, tmp)));
      helm4.ifPresent(helm -> assertThat(planned).as("helm 4").isEqualTo(ShopChart.helmTemplate(helm, values, tmp)));
    }
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class Keep {

    @Test
    void uninstallKeepsWhatHelmKeepsAndDeletesTemplatedCrdsWithoutTheAnnotation(KubernetesTestServer server,
        KubernetesClient client) {
      try (ManifestInstaller installer = installer(server)) {
        installer.install(ShopChart.installation(EXTRAS_ON));

        UninstallResult result = installer.uninstall(ShopChart.installation(EXTRAS_ON));

        assertThat(names(result.kept())).containsExactly("ConfigMap/shop-ledger",
            "CustomResourceDefinition/flows.wf.test", "CustomResourceDefinition/flowtemplates.wf.test",
            "CustomResourceDefinition/parents.shop.test", "CustomResourceDefinition/sealedthings.sealer.test",
            "CustomResourceDefinition/widgets.shop.test");
        assertThat(names(result.deleted())).containsExactly("ConfigMap/extras-config", "ConfigMap/sealer-config",
            "ConfigMap/shop-settings", "ConfigMap/workflows-config", "CustomResourceDefinition/extras.extras.test",
            "CustomResourceDefinition/gadgets.shop.test");
      }
      assertThat(new TreeSet<>(client.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
          .map(c -> c.getMetadata().getName()).toList())).containsExactly("flows.wf.test", "flowtemplates.wf.test",
              "parents.shop.test", "sealedthings.sealer.test", "widgets.shop.test");
      assertThat(client.configMaps().inNamespace(NAMESPACE).withName("shop-ledger").get()).isNotNull();
      assertThat(client.configMaps().inNamespace(NAMESPACE).withName("shop-settings").get()).isNull();
    }

    @Test
    void anUpgradePrunesATemplatedCrdButNeverOneFromACrdsDirectory(KubernetesTestServer server,
        KubernetesClient client) {
      try (ManifestInstaller installer = installer(server)) {
        installer.install(ShopChart.installation(EXTRAS_ON));

        InstallResult upgraded = installer.install(ShopChart.installation(ALL_OFF));

        assertThat(upgraded.changes()).filteredOn(c -> c.change() == ChangeKind.DELETE)
            .extracting(PlannedChange::object).extracting(r -> r.kind() + "/" + r.name())
            .containsExactlyInAnyOrder("ConfigMap/extras-config", "ConfigMap/sealer-config",
                "ConfigMap/workflows-config", "CustomResourceDefinition/extras.extras.test");
      }
      assertThat(client.apiextensions().v1().customResourceDefinitions().withName("sealedthings.sealer.test").get())
          .as("from sealer's crds/: never deleted").isNotNull();
      assertThat(client.apiextensions().v1().customResourceDefinitions().withName("flowtemplates.wf.test").get())
          .as("templated, with keep").isNotNull();
      assertThat(client.apiextensions().v1().customResourceDefinitions().withName("extras.extras.test").get())
          .as("templated, without keep").isNull();
    }
  }
}
