package io.gitopsruntime.cli;

import io.gitopsruntime.PrivateRegistry;
import io.gitopsruntime.install.ChangeKind;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallPlan;
import io.gitopsruntime.install.InstallOutcome;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.install.PlannedChange;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@code gitops-runtime install}: validate, then install or upgrade the release, with progress. */
final class InstallCommand implements Command {
  @Override
  public String name() {
    return "install";
  }

  @Override
  public String summary() {
    return "Validate, then install or upgrade the runtime (idempotent), with progress.";
  }

  @Override
  public String synopsis() {
    return "install -f FILE [--registry HOST[/PREFIX] [--pull-secret NAME]] [--installer manifest|helm|embedded] [--kubeconfig PATH]"
        + " [--context C] [--timeout D] [--dry-run]";
  }

  @Override
  public String description() {
    return "Validates the installation (offline rules and the cluster, platform, Git and ingress checks) and stops on"
        + " any error before anything changes; then installs or upgrades the release, like helm upgrade --install."
        + " Running it again with the same values changes nothing and says so. With --registry every image is pulled"
        + " from the private registry (the override values export registry-values writes are layered over the values)"
        + " and --pull-secret names the image pull Secret, which the cluster checks look for. With --dry-run it shows what would"
        + " change and changes nothing. Exit code 0 on success, 1 on failure with the explained cause.";
  }

  @Override
  public List<Option> options() {
    return InputOptions.join(InputOptions.OPTIONS, RegistryOptions.OPTIONS, InstallerOptions.CLUSTER, List.of(InstallerOptions.PLAIN_HTTP,
        InstallerOptions.NO_REMOTE_CHECKS, Option.flag("Show what would change; change nothing.", "--dry-run"), InputOptions.HELP));
  }

  @Override
  public int run(Arguments arguments, Io io) {
    InputOptions options = InputOptions.from(arguments);
    Optional<PrivateRegistry> registry = RegistryOptions.from(arguments);
    InstallerOptions.checkOptions(arguments);
    Clusters.Target target = InstallerOptions.target(arguments, io);
    Input read = Input.read(options, io.in());
    Input in = read;
    in.throwIfUnreadable();
    List<Finding> problems = OfflineChecks.run(in);
    if (OfflineChecks.hasErrors(problems)) {
      io.err().print("The values have errors; nothing was installed:\n" + Printer.findings(problems, in));
      io.err().flush();
      return 1;
    }
    in = RegistryOptions.apply(in, problems, registry, arguments.has("--plain-http"));
    try (Installer installer = InstallerOptions.create(arguments, target, InstallerOptions.console(io))) {
      if (arguments.has("--dry-run")) {
        InstallPlan plan = installer.plan(in.installation);
        io.out().print(describe(plan, arguments.value("--installer", "manifest")));
        io.out().flush();
        return plan.validation().hasErrors() ? 1 : 0;
      }
      InstallResult result = installer.install(in.installation);
      io.out().println(summary(result));
      io.out().flush();
      return 0;
    } catch (ValidationException e) {
      io.err().print("Validation found errors; nothing was installed:\n"
          + Printer.findings(OfflineChecks.merge(in, e.report().errors()), in));
      io.err().flush();
      return 1;
    } catch (InstallException e) {
      io.err().println("Install failed (" + e.failure().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): "
          + Printer.inCliWords(e.getMessage()));
      io.err().flush();
      return 1;
    }
  }

  static String summary(InstallResult result) {
    String what;
    switch (result.outcome()) {
      case INSTALLED:
        what = "Installed";
        break;
      case UPGRADED:
        what = "Upgraded";
        break;
      default:
        what = "Unchanged";
    }
    String changes = counts(result.changes());
    return what + " release " + result.releaseName() + " in namespace " + result.namespace() + " (revision " + result.revision()
        + ") in " + String.format(Locale.ROOT, "%.1f s", result.took().toMillis() / 1000.0)
        + (changes.isEmpty() ? "" : ": " + changes) + (result.outcome() == InstallOutcome.UNCHANGED ? "; nothing to do." : ".");
  }

  private static String counts(List<PlannedChange> changes) {
    Map<ChangeKind, Integer> counts = new TreeMap<>();
    for (PlannedChange change : changes) {
      counts.merge(change.change(), 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((kind, n) -> parts.add(n + " " + past(kind)));
    return String.join(", ", parts);
  }

  private static String past(ChangeKind kind) {
    switch (kind) {
      case CREATE:
        return "created";
      case UPDATE:
        return "updated";
      case DELETE:
        return "deleted";
      default:
        return "unchanged";
    }
  }

  static String describe(InstallPlan plan, String installer) {
    StringBuilder out = new StringBuilder("Plan (nothing was changed)\n");
    if (!plan.changesKnown()) {
      out.append(installer.equals("manifest") ? "  the object changes could not be listed.\n"
          : "  the " + installer + " installer cannot list object changes; an install would run helm upgrade --install.\n");
    }
    for (PlannedChange change : plan.changes()) {
      if (change.change() != ChangeKind.UNCHANGED) {
        out.append("  ").append(String.format("%-9s", change.change().name().toLowerCase(Locale.ROOT))).append(change.object()).append('\n');
      }
    }
    long unchanged = plan.changes().stream().filter(c -> c.change() == ChangeKind.UNCHANGED).count();
    out.append(plan.hasChanges() ? "" : "  no changes\n").append(unchanged > 0 ? "  (" + unchanged + " objects unchanged)\n" : "");
    return out.toString();
  }
}
