package io.gitopsruntime.helm.realcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.install.InstallOutcome;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.testing.cluster.RealControlPlane;
import io.gitopsruntime.testing.cluster.TestAssets;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The Helm CLI installer running the real Helm 4 on a real control plane. */
class HelmCliInstallerWithHelm4OnRealClusterIT extends InstallerContract {
  /** Kills the running {@code helm} process; the installer's thread goes on. */
  @Override
  void stopMidway(java.util.concurrent.Future<?> running) {
    killChildren(TestAssets.fromEnvironment().helm4().orElseThrow().toString());
  }

  @Override
  Installer installer(RealControlPlane cluster, boolean adoptExisting) {
    return HelmCliInstallerWithHelm3OnRealClusterIT.helmCli(cluster, TestAssets.fromEnvironment().helm4(), false,
        adoptExisting);
  }

  @Override
  java.util.Optional<java.nio.file.Path> realHelm() {
    return TestAssets.fromEnvironment().helm4();
  }

  @Override
  boolean reportsFieldConflicts() {
    return true;
  }

  @Override
  Installer installerTakingOverFields(RealControlPlane cluster) {
    return HelmCliInstallerWithHelm3OnRealClusterIT.helmCli(cluster, TestAssets.fromEnvironment().helm4(), true);
  }

  @Test
  @Order(9)
  void upgradesAReleaseThatHelm3InstalledAndThenFindsNothingToChange() throws Exception {
    InstallResult installed;
    try (Installer helm3 = HelmCliInstallerWithHelm3OnRealClusterIT.helmCli(cluster, TestAssets.fromEnvironment().helm3())) {
      installed = helm3.install(installation(""));
    }
    assertThat(installed.outcome()).isEqualTo(InstallOutcome.INSTALLED);

    InstallResult upgraded;
    InstallResult again;
    try (Installer helm4 = installer(cluster)) {
      upgraded = helm4.install(installation("app-proxy:\n  config:\n    logLevel: debug\n"));
      again = helm4.install(installation("app-proxy:\n  config:\n    logLevel: debug\n"));
    }

    assertThat(upgraded.outcome()).isEqualTo(InstallOutcome.UPGRADED);
    assertThat(upgraded.revision()).isEqualTo(2);
    assertThat(client.configMaps().inNamespace(NAMESPACE).withName("cap-app-proxy-cm").get().getData())
        .containsEntry("logLevel", "debug");
    assertThat(again.outcome()).isEqualTo(InstallOutcome.UNCHANGED);
    assertThat(again.revision()).isEqualTo(2);
    try (Installer helm4 = installer(cluster)) {
      helm4.uninstall(installation(""));
    }
    ClusterReset.withoutTheRelease(client, NAMESPACE);
  }
}
