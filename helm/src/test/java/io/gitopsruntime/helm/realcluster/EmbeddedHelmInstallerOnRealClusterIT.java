package io.gitopsruntime.helm.realcluster;

import static org.assertj.core.api.Assertions.assertThat;

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
        .validators(ValidatorChain.builder().addAll(Validators.offline()).build()).timeout(Duration.ofMinutes(3));
  }

  /**
   * An interrupt does not stop helm-java (its Javadoc says so): the engine's child JVM is killed outright instead,
   * which leaves the release pending-install.
   */
  @Override
  void interruptMidInstall(Thread installing) {
    HelmCliInstallerWithHelm3OnRealClusterIT.killChildren(EngineProcess.MARKER);
  }

  @Override
  void checkInterruptedFailure(Throwable failure) {
    assertThat(failure).isInstanceOf(io.gitopsruntime.install.InstallException.class);
    assertThat(failure.getMessage()).contains("the embedded Helm engine crashed", "pending-install",
        "uninstalled that unfinished install");
  }

  /** A helm-java call cannot be cancelled (it would wait for its timeout): end the engine's child JVM instead. */
  @Override
  void abandon(Future<?> running) {
    running.cancel(true);
    HelmCliInstallerWithHelm3OnRealClusterIT.killChildren(EngineProcess.MARKER);
  }
}
