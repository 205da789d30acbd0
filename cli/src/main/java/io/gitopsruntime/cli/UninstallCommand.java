package io.gitopsruntime.cli;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.install.UninstallResult;
import java.util.List;
import java.util.Locale;

/** {@code gitops-runtime uninstall}: remove the release, keeping CRDs as Helm does. */
final class UninstallCommand implements Command {
  @Override
  public String name() {
    return "uninstall";
  }

  @Override
  public String summary() {
    return "Remove the runtime's release (what Helm keeps is kept: helm.sh/resource-policy: keep, and crds/ CRDs).";
  }

  @Override
  public String synopsis() {
    return "uninstall [-f FILE] [--release R] [-n NS] [--installer manifest|helm|embedded] [--kubeconfig PATH] [--context C]";
  }

  @Override
  public String description() {
    return "Removes the release and everything it installed, running the chart's pre-delete hooks (which delete the"
        + " runtime from the Codefresh platform: the API key must still be available). Objects the chart marks"
        + " helm.sh/resource-policy: keep (any kind) and CustomResourceDefinitions from the chart's crds/ directories"
        + " are kept, as Helm keeps them; other CustomResourceDefinitions the chart renders are deleted, and with"
        + " them every custom resource of their kind. The values file is needed by the manifest installer to render the pre-delete"
        + " hooks. Exit code 0 on success (also when there was nothing to remove), 1 on failure.";
  }

  @Override
  public List<Option> options() {
    return InputOptions.join(InputOptions.OPTIONS, InstallerOptions.CLUSTER, List.of(InstallerOptions.PLAIN_HTTP, InputOptions.HELP));
  }

  @Override
  public int run(Arguments arguments, Io io) {
    InstallerOptions.checkOptions(arguments);
    Clusters.Target target = InstallerOptions.target(arguments, io);
    RuntimeInstallation installation = StatusCommand.installation(arguments, io);
    String kind = arguments.value("--installer", "manifest");
    try (Installer installer = InstallerOptions.create(arguments, target, InstallerOptions.console(io))) {
      UninstallResult result = installer.uninstall(installation);
      if (!result.found()) {
        io.out().println("Release " + installation.releaseName() + " is not installed in namespace " + installation.namespace()
            + "; nothing to remove.");
      } else {
        io.out().println("Uninstalled release " + installation.releaseName() + " from namespace " + installation.namespace()
            + " in " + String.format(Locale.ROOT, "%.1f s", result.took().toMillis() / 1000.0) + ": " + result.deleted().size()
            + " objects deleted" + (result.kept().isEmpty() ? "" : ", " + result.kept().size() + " kept (helm.sh/resource-policy: keep, or from crds/)") + ".");
      }
      io.out().flush();
      return 0;
    } catch (InstallException e) {
      io.err().println("Uninstall failed (" + e.failure().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): "
          + Printer.inCliWords(e.getMessage()));
      if (e.failure() == FailureKind.CHART && kind.equals("manifest")) {
        io.err().println("The manifest installer renders the chart's pre-delete hooks (they delete the runtime from the Codefresh"
            + " platform), so it needs the chart the release was installed from: give it with --chart and --version (a"
            + " directory, a .tgz, or an oci:// reference; --plain-http for a registry without TLS), and the values file with -f."
            + " A release made with --installer helm or embedded needs no chart: uninstall it with that installer.");
      }
      io.err().flush();
      return 1;
    }
  }
}
