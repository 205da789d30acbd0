package io.gitopsruntime.helm.realcluster;

import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.helm.embedded.EmbeddedHelmInstaller;
import io.gitopsruntime.helm.embedded.internal.EngineProcess;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.testing.cluster.RealControlPlane;
import io.gitopsruntime.validators.Validators;
import java.time.Duration;
import java.util.concurrent.Future;

/** The embedded installer (Helm 3 in-process through helm-java) on a real control plane. */
class EmbeddedHelmInstallerOnRealClusterIT extends InstallerContract {
  @Override
  Installer installer(RealControlPlane cluster) {
    return builder(cluster).build();
  }

  @Override
  Installer adoptingInstaller(RealControlPlane cluster) {
    return builder(cluster).adoptExisting(true).build();
  }

  private static EmbeddedHelmInstaller.Builder builder(RealControlPlane cluster) {
    return EmbeddedHelmInstaller.builder().kubeconfig(cluster.kubeconfig())
        .validators(ValidatorChain.builder().addAll(Validators.offline()).build()).timeout(Duration.ofMinutes(5));
  }

  /** A helm-java call cannot be cancelled (it would wait for its timeout): end the engine's child JVM instead. */
  @Override
  void abandon(Future<?> running) {
    running.cancel(true);
    killChildren(EngineProcess.MARKER);
  }

  /** Kills the engine's child JVM in the middle of the install; the installer's thread goes on. */
  @Override
  void stopMidway(Future<?> running) {
    killChildren(EngineProcess.MARKER);
  }
}
