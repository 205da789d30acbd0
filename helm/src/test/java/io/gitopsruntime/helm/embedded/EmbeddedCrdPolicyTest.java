package io.gitopsruntime.helm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.helm.manifest.ShopChart;
import io.gitopsruntime.install.ChangeKind;
import io.gitopsruntime.install.InstallPlan;
import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.install.PlannedChange;
import io.gitopsruntime.install.UninstallResult;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.cluster.TestAssets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The embedded installer and CustomResourceDefinitions, on the shop test chart: its plan lists the CRDs of the
 * {@code crds/} directories Helm installs (and only those of enabled subcharts), and uninstall keeps what Helm keeps
 * ({@code helm.sh/resource-policy: keep} on any kind, and every CRD of a {@code crds/} directory), the policy the
 * manifest installer follows too.
 */
@KubernetesTest(namespace = "codefresh")
class EmbeddedCrdPolicyTest {
  static final String SEALER_OFF = "sealer:\n  enabled: false\n";
  static final String PIPELINES_OFF = "tags:\n  pipelines: false\n";
  static final String EXTRAS_ON = "tags:\n  extras: true\n";

  @TempDir Path tmp;

  private EmbeddedHelmInstaller installer(KubernetesClient client, Path kubeconfig) throws Exception {
    return EmbeddedHelmInstaller.builder().kubeconfig(kubeconfig).kubernetesClient(client).validate(false)
        .tempDirectory(Files.createDirectories(tmp.resolve("values"))).timeout(Duration.ofSeconds(60)).build();
  }

  private static List<String> names(List<ObjectRef> refs) {
    return new ArrayList<>(new TreeSet<>(refs.stream().map(r -> r.kind() + "/" + r.name()).toList()));
  }

  @Test
  void plansTheCrdsOfTheCrdsDirectoriesOfEnabledSubchartsFirst(KubernetesClient client,
      @KubernetesTest.Kubeconfig Path kubeconfig) throws Exception {
    try (EmbeddedHelmInstaller installer = installer(client, kubeconfig)) {
      InstallPlan plan = installer.plan(ShopChart.installation(SEALER_OFF));

      assertThat(plan.changes().subList(0, 2)).extracting(PlannedChange::object).extracting(ObjectRef::name)
          .containsExactly("parents.shop.test", "flows.wf.test");
      assertThat(plan.changes()).extracting(PlannedChange::change).containsOnly(ChangeKind.CREATE);
      assertThat(names(plan.changes().stream().map(PlannedChange::object).toList()))
          .doesNotContain("CustomResourceDefinition/sealedthings.sealer.test");
    }
  }

  /** The planned object set is exactly what real Helm renders with {@code --include-crds}, in Helm 3 and 4. */
  @ParameterizedTest
  @ValueSource(strings = {"", SEALER_OFF, PIPELINES_OFF, EXTRAS_ON})
  void plansWhatRealHelmRendersWithItsCrds(String values, KubernetesClient client,
      @KubernetesTest.Kubeconfig Path kubeconfig) throws Exception {
    TestAssets assets = TestAssets.fromEnvironment();
    Optional<Path> helm3 = assets.helm3();
    Optional<Path> helm4 = assets.helm4();
    Assumptions.assumeTrue(helm3.isPresent() || helm4.isPresent(), assets.skipMessage());
    List<String> planned;
    try (EmbeddedHelmInstaller installer = installer(client, kubeconfig)) {
      planned = names(installer.plan(ShopChart.installation(values)).changes().stream().map(PlannedChange::object)
          .toList());
    }

    helm3.ifPresent(helm -> assertThat(planned).as("helm 3").isEqualTo(ShopChart.helmTemplate(helm, values, tmp)));
    helm4.ifPresent(helm -> assertThat(planned).as("helm 4").isEqualTo(ShopChart.helmTemplate(helm, values, tmp)));
  }

  @Test
  void uninstallKeepsWhatHelmKeepsOfEveryKind(KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig)
      throws Exception {
    try (EmbeddedHelmInstaller installer = installer(client, kubeconfig)) {
      installer.install(ShopChart.installation(EXTRAS_ON));

      UninstallResult result = installer.uninstall(ShopChart.installation(EXTRAS_ON));

      assertThat(names(result.kept())).containsExactly("ConfigMap/shop-ledger",
          "CustomResourceDefinition/flowtemplates.wf.test", "CustomResourceDefinition/widgets.shop.test");
    }
    assertThat(new TreeSet<>(client.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
        .map(c -> c.getMetadata().getName()).toList())).as("the same CRDs as the manifest installer keeps")
        .containsExactly("flows.wf.test", "flowtemplates.wf.test", "parents.shop.test", "sealedthings.sealer.test",
            "widgets.shop.test");
    assertThat(client.configMaps().inNamespace("codefresh").withName("shop-ledger").get()).isNotNull();
    assertThat(client.configMaps().inNamespace("codefresh").withName("shop-settings").get()).isNull();
  }
}
