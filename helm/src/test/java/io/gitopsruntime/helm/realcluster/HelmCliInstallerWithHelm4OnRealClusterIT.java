package io.gitopsruntime.helm.realcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.install.InstallOutcome;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.testing.cluster.RealControlPlane;
import io.gitopsruntime.testing.cluster.TestAssets;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The Helm CLI installer running the real Helm 4 on a real control plane. */
class HelmCliInstallerWithHelm4OnRealClusterIT extends InstallerContract {
  @Override
  Installer installer(RealControlPlane cluster) {
    return HelmCliInstallerWithHelm3OnRealClusterIT.helmCli(cluster, TestAssets.fromEnvironment().helm4());
  }

  /** Helm 4 applies server-side: a field another manager owns fails the install unless forceConflicts(true). */
  @Override
  FieldConflictPolicy fieldConflictPolicy() {
    return FieldConflictPolicy.REPORTS;
  }

  @Override
  Installer forcingInstaller(RealControlPlane cluster) {
    return HelmCliInstallerWithHelm3OnRealClusterIT.helmCli(cluster, TestAssets.fromEnvironment().helm4(), true);
  }

  @Override
  Installer adoptingInstaller(RealControlPlane cluster) {
    return HelmCliInstallerWithHelm3OnRealClusterIT.builder(cluster, TestAssets.fromEnvironment().helm4())
        .adoptExisting(true).build();
  }

  @Override
  Path realHelm() {
    java.util.Optional<Path> helm = TestAssets.fromEnvironment().helm4();
    org.junit.jupiter.api.Assumptions.assumeTrue(helm.isPresent(), TestAssets.fromEnvironment().skipMessage());
    return helm.get();
  }

  @Override
  String realHelmWaitFlag() {
    return "--wait=watcher";
  }

  @Override
  void interruptMidInstall(Thread installing) {
    HelmCliInstallerWithHelm3OnRealClusterIT.killChildren("upgrade");
  }

  @Override
  void checkInterruptedFailure(Throwable failure) {
    assertThat(failure).isInstanceOf(io.gitopsruntime.install.InstallException.class);
    assertThat(failure.getMessage()).contains("helm was killed by signal 9", "pending-install",
        "uninstalled that unfinished install");
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
