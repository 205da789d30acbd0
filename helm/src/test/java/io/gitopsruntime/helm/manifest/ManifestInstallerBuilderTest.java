package io.gitopsruntime.helm.manifest;

import static io.gitopsruntime.helm.manifest.Fixtures.installation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.install.ReleaseState;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.testing.TestChart;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KubernetesTest(namespace = "codefresh")
class ManifestInstallerBuilderTest {
  @TempDir Path tmp;

  @Test
  void anInstallerBuiltFromAKubeconfigTalksToItsClusterAndClosesTheClientItCreated(
      @KubernetesTest.Kubeconfig Path kubeconfig) {
    ManifestInstaller installer = ManifestInstaller.builder().kubeconfig(kubeconfig).kubeContext("gitops-runtime-test")
        .validate(false).build();

    assertThat(installer.status(installation(TestChart.writeTo(tmp), "")).state()).isEqualTo(ReleaseState.NOT_INSTALLED);
    installer.close();
    installer.close();
  }

  @Test
  void anInstallerHandedAClientNeverClosesIt(KubernetesTestServer server) {
    try (KubernetesClient client = server.newClient()) {
      ManifestInstaller.builder().kubernetesClient(client).build().close();

      assertThat(client.namespaces().withName("codefresh").get()).as("still usable").isNotNull();
    }
  }

  @Test
  void refusesSettingsThatCannotWork(KubernetesTestServer server) {
    assertThatIllegalArgumentException().isThrownBy(() -> ManifestInstaller.builder().concurrency(0))
        .withMessage("concurrency must be from 1 to 64, not 0");
    assertThatIllegalArgumentException().isThrownBy(() -> ManifestInstaller.builder().timeout(Duration.ZERO))
        .withMessage("timeout must be positive, not PT0S");
    assertThatIllegalArgumentException().isThrownBy(() -> ManifestInstaller.builder().fieldManager(" "))
        .withMessage("fieldManager must have 1 to 128 characters");
    assertThatIllegalStateException().isThrownBy(() -> ManifestInstaller.builder().kubernetesClient(server.client())
        .kubeconfig(tmp.resolve("config")).build())
        .withMessage("Set either kubernetesClient(..) or kubeconfig(..)/kubeContext(..), not both.");
  }

  @Test
  void saysWhenTheKubeconfigDoesNotExist() {
    Path missing = tmp.resolve("nope");

    assertThatThrownBy(() -> ManifestInstaller.builder().kubeconfig(missing).build())
        .isInstanceOf(GitOpsRuntimeException.class)
        .hasMessage("The kubeconfig " + missing + " does not exist. Check the path.");
  }
}
