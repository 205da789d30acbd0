package io.gitopsruntime.helm.realcluster;

import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.helm.manifest.ManifestInstaller;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.testing.cluster.RealControlPlane;
import io.gitopsruntime.validators.Validators;
import java.time.Duration;

/** The manifest installer (server-side apply, no Helm binary) on a real control plane. */
class ManifestInstallerOnRealClusterIT extends InstallerContract {
  @Override
  Installer installer(RealControlPlane cluster) {
    return builder(cluster).build();
  }

  @Override
  Installer adoptingInstaller(RealControlPlane cluster) {
    return builder(cluster).adoptExisting(true).build();
  }

  private static ManifestInstaller.Builder builder(RealControlPlane cluster) {
    return ManifestInstaller.builder().kubeconfig(cluster.kubeconfig())
        .validators(ValidatorChain.builder().addAll(Validators.offline()).build()).timeout(Duration.ofMinutes(5));
  }
}
