package io.gitopsruntime.helm.cli;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.testing.TestChart;
import java.nio.file.Path;

/**
 * A child JVM for {@link HelmCliInstallerKillTest}: installs with a given (fake) helm and values directory, and is
 * killed by the test while helm runs. Arguments: the helm executable, the values directory, a kubeconfig.
 */
public final class InstallUntilKilled {
  private InstallUntilKilled() {}

  /**
   * Runs the install.
   *
   * @param args helm, values directory, kubeconfig
   */
  public static void main(String[] args) {
    try (HelmCliInstaller installer = HelmCliInstaller.builder().helmExecutable(Path.of(args[0]))
        .tempDirectory(Path.of(args[1])).kubeconfig(Path.of(args[2])).validate(false).build()) {
      installer.install(RuntimeInstallation.builder().chart("oci://quay.io/codefresh/gitops-runtime")
          .values(ValuesYaml.parse(TestChart.tunnelValues())).build());
    }
  }
}
