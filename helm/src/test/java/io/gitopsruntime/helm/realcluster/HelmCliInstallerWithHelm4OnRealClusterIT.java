package io.gitopsruntime.helm.realcluster;

import io.gitopsruntime.install.Installer;
import io.gitopsruntime.testing.cluster.RealControlPlane;
import io.gitopsruntime.testing.cluster.TestAssets;

/** The Helm CLI installer running the real Helm 4 on a real control plane. */
class HelmCliInstallerWithHelm4OnRealClusterIT extends InstallerContract {
  @Override
  Installer installer(RealControlPlane cluster) {
    return HelmCliInstallerWithHelm3OnRealClusterIT.helmCli(cluster, TestAssets.fromEnvironment().helm4());
  }
}
