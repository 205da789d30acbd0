package io.gitopsruntime.helm.realcluster;

import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.helm.embedded.EmbeddedHelmInstaller;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.testing.cluster.RealControlPlane;
import io.gitopsruntime.validators.Validators;
import java.time.Duration;

/** The embedded installer (Helm 3 in-process through helm-java) on a real control plane. */
class EmbeddedHelmInstallerOnRealClusterIT extends InstallerContract {
  @Override
  Installer installer(RealControlPlane cluster) {
    return EmbeddedHelmInstaller.builder().kubeconfig(cluster.kubeconfig())
        .validators(ValidatorChain.builder().addAll(Validators.offline()).build()).timeout(Duration.ofMinutes(3))
        .build();
  }
}
