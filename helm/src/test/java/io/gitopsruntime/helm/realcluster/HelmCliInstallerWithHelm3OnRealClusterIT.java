package io.gitopsruntime.helm.realcluster;

import io.gitopsruntime.helm.cli.HelmCliInstaller;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.testing.cluster.RealControlPlane;
import io.gitopsruntime.testing.cluster.TestAssets;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The Helm CLI installer running the real Helm 3 on a real control plane. */
class HelmCliInstallerWithHelm3OnRealClusterIT extends InstallerContract {
  static Installer helmCli(RealControlPlane cluster, java.util.Optional<Path> helm) {
    return helmCli(cluster, helm, false);
  }

  static Installer helmCli(RealControlPlane cluster, java.util.Optional<Path> helm, boolean forceConflicts) {
    return helmCli(cluster, helm, forceConflicts, false);
  }

  static Installer helmCli(RealControlPlane cluster, java.util.Optional<Path> helm, boolean forceConflicts,
      boolean adopt) {
    Assumptions.assumeTrue(helm.isPresent(), TestAssets.fromEnvironment().skipMessage());
    return HelmCliInstaller.builder().helmExecutable(helm.get()).kubeconfig(cluster.kubeconfig())
        .validators(OFFLINE).timeout(TIMEOUT).forceConflicts(forceConflicts).adoptExisting(adopt).build();
  }

  @Override
  Installer installer(RealControlPlane cluster, boolean adoptExisting) {
    return helmCli(cluster, TestAssets.fromEnvironment().helm3(), false, adoptExisting);
  }

  /** Kills the running {@code helm} process; the installer's thread goes on. */
  @Override
  void stopMidway(java.util.concurrent.Future<?> running) {
    killChildren(TestAssets.fromEnvironment().helm3().orElseThrow().toString());
  }
}
