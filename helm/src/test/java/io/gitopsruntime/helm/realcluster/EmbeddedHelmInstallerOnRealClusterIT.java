package io.gitopsruntime.helm.realcluster;

import io.gitopsruntime.helm.embedded.EmbeddedHelmInstaller;
import io.gitopsruntime.helm.embedded.internal.EngineProcess;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.testing.cluster.RealControlPlane;
import java.util.concurrent.Future;

/** The embedded installer (Helm 3 in-process through helm-java) on a real control plane. */
class EmbeddedHelmInstallerOnRealClusterIT extends InstallerContract {
  @Override
  Installer installer(RealControlPlane cluster, boolean adoptExisting) {
    return EmbeddedHelmInstaller.builder().kubeconfig(cluster.kubeconfig()).validators(OFFLINE).timeout(TIMEOUT)
        .adoptExisting(adoptExisting).build();
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
