package io.gitopsruntime.helm.realcluster;

import io.gitopsruntime.helm.manifest.ManifestInstaller;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.testing.cluster.RealControlPlane;

/** The manifest installer (server-side apply, no Helm binary) on a real control plane. */
class ManifestInstallerOnRealClusterIT extends InstallerContract {
  @Override
  Installer installer(RealControlPlane cluster, boolean adoptExisting) {
    return ManifestInstaller.builder().kubeconfig(cluster.kubeconfig()).validators(OFFLINE).timeout(TIMEOUT)
        .adoptExisting(adoptExisting).build();
  }
}
