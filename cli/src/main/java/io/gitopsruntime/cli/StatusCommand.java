package io.gitopsruntime.cli;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.install.NotReady;
import io.gitopsruntime.install.ReleaseStatus;
import java.util.List;
import java.util.Locale;

/** {@code gitops-runtime status}: the release's state and what is not ready. */
final class StatusCommand implements Command {
  @Override
  public String name() {
    return "status";
  }

  @Override
  public String summary() {
    return "Show the release's state and which workloads are not ready.";
  }

  @Override
  public String synopsis() {
    return "status [-f FILE] [--release R] [-n NS] [--installer manifest|helm|embedded] [--kubeconfig PATH] [--context C]";
  }

  @Override
  public String description() {
    return "Shows the state of the release (deployed, failed, pending-*) and its revision, and which of its workloads"
        + " are not ready and why. Exit code 0 when the release is deployed and healthy, 1 otherwise.";
  }

  @Override
  public List<Option> options() {
    return InputOptions.join(List.of(InputOptions.VALUES), InputOptions.NAMES, InstallerOptions.CLUSTER, List.of(InputOptions.HELP));
  }

  @Override
  public int run(Arguments arguments, Io io) {
    InstallerOptions.checkOptions(arguments);
    Clusters.Target target = InstallerOptions.target(arguments, io);
    RuntimeInstallation installation = installation(arguments, io);
    try (Installer installer = InstallerOptions.create(arguments, target, InstallListener.NONE)) {
      ReleaseStatus status = installer.status(installation);
      StringBuilder out = new StringBuilder();
      out.append("Release ").append(status.releaseName()).append(" in namespace ").append(status.namespace()).append(": ")
          .append(status.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      if (status.revision() > 0) {
        out.append(", revision ").append(status.revision());
      }
      status.chartVersion().ifPresent(v -> out.append(", chart ").append(v));
      out.append('\n');
      if (status.notReady().isEmpty()) {
        out.append(status.state().name().equals("NOT_INSTALLED") ? "" : "  all workloads ready\n");
      } else {
        for (NotReady notReady : status.notReady()) {
          out.append("  not ready: ").append(notReady).append('\n');
        }
      }
      io.out().print(out);
      io.out().flush();
      return status.isHealthy() ? 0 : 1;
    } catch (InstallException e) {
      io.err().println("Status failed (" + e.failure().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): "
          + Printer.inCliWords(e.getMessage()));
      io.err().flush();
      return 1;
    }
  }

  /** The installation from -f (optional for status and uninstall) and the name options. */
  static RuntimeInstallation installation(Arguments arguments, Io io) {
    if (arguments.has("--values")) {
      Input in = Input.read(InputOptions.from(arguments), io.in());
      in.throwIfUnreadable();
      if (!in.namesValid()) {
        throw new CliException("The values have errors:\n" + Printer.findings(in.problems, in));
      }
      return in.installation;
    }
    RuntimeInstallation.Builder builder = RuntimeInstallation.builder()
        .releaseName(arguments.value("--release", RuntimeInstallation.DEFAULT_RELEASE))
        .namespace(arguments.value("--namespace", RuntimeInstallation.DEFAULT_NAMESPACE))
        .chart(arguments.value("--chart", RuntimeInstallation.DEFAULT_CHART));
    arguments.value("--version").ifPresent(builder::chartVersion);
    try {
      return builder.build();
    } catch (io.gitopsruntime.InvalidValuesException e) {
      throw new CliException(e.getMessage(), e);
    }
  }
}
