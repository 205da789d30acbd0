package io.gitopsruntime.helm.realcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.helm.cli.HelmCliInstaller;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.testing.cluster.RealControlPlane;
import io.gitopsruntime.testing.cluster.TestAssets;
import io.gitopsruntime.validators.Validators;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/** The Helm CLI installer running the real Helm 3 on a real control plane. */
class HelmCliInstallerWithHelm3OnRealClusterIT extends InstallerContract {
  static Installer helmCli(RealControlPlane cluster, java.util.Optional<Path> helm) {
    return helmCli(cluster, helm, false);
  }

  static Installer helmCli(RealControlPlane cluster, java.util.Optional<Path> helm, boolean forceConflicts) {
    return builder(cluster, helm).forceConflicts(forceConflicts).build();
  }

  static HelmCliInstaller.Builder builder(RealControlPlane cluster, java.util.Optional<Path> helm) {
    Assumptions.assumeTrue(helm.isPresent(), TestAssets.fromEnvironment().skipMessage());
    return HelmCliInstaller.builder().helmExecutable(helm.get()).kubeconfig(cluster.kubeconfig())
        .validators(ValidatorChain.builder().addAll(Validators.offline()).build()).timeout(Duration.ofMinutes(3));
  }

  @Override
  Installer adoptingInstaller(RealControlPlane cluster) {
    return builder(cluster, TestAssets.fromEnvironment().helm3()).adoptExisting(true).build();
  }

  /** Kills this JVM's child processes whose arguments contain that marker, outright (SIGKILL); how many it killed. */
  static long killChildren(String marker) {
    long killed = ProcessHandle.current().descendants().filter(p -> commandLine(p).contains(marker))
        .filter(ProcessHandle::destroyForcibly).count();
    assertThat(killed).as("a child process with " + marker + " in its arguments to kill, among "
        + ProcessHandle.current().descendants().map(p -> p.pid() + " " + p.info().command().orElse("?") + " "
            + String.join(" ", commandLine(p)).replaceAll("(-cp|-classpath) \\S+", "$1 ...")).toList())
        .isPositive();
    return killed;
  }

  /** A process's arguments, from /proc where the JDK does not give them (it may not for a long command line). */
  private static java.util.List<String> commandLine(ProcessHandle process) {
    java.util.Optional<String[]> args = process.info().arguments();
    if (args.isPresent()) {
      return java.util.Arrays.asList(args.get());
    }
    try {
      return java.util.Arrays.asList(java.nio.file.Files.readString(Path.of("/proc", String.valueOf(process.pid()),
          "cmdline")).split("\0"));
    } catch (java.io.IOException | RuntimeException gone) {
      return java.util.List.of();
    }
  }

  /** The child helm's {@code upgrade --install} is killed, which leaves the release pending-install. */
  @Override
  void interruptMidInstall(Thread installing) {
    killChildren("upgrade");
  }

  @Override
  void checkInterruptedFailure(Throwable failure) {
    assertThat(failure).isInstanceOf(io.gitopsruntime.install.InstallException.class);
    assertThat(failure.getMessage()).contains("helm was killed by signal 9", "pending-install",
        "uninstalled that unfinished install");
  }

  @Override
  Installer installer(RealControlPlane cluster) {
    return helmCli(cluster, TestAssets.fromEnvironment().helm3());
  }
}
