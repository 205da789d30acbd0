package io.gitopsruntime.cli;

import io.gitopsruntime.PrivateRegistry;
import io.gitopsruntime.core.Exports;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.validation.Finding;
import java.util.List;
import java.util.Optional;

/** {@code gitops-runtime plan}: what would be installed, every problem the values show offline, and the helm command. */
final class PlanCommand implements Command {
  @Override
  public String name() {
    return "plan";
  }

  @Override
  public String summary() {
    return "Show the installation, every problem found offline, and the helm command.";
  }

  @Override
  public String synopsis() {
    return "plan -f FILE [-f FILE]... [options]";
  }

  @Override
  public String description() {
    return "Shows the installation a values file describes, every problem found offline (with its values path,"
        + " file, line and fix), and the equivalent helm command with secrets masked. Touches no cluster and, without"
        + " --registry, no network (with it, the chart is read to compute the private registry's override values)."
        + " Exit code 0 when there is no error, 1 otherwise.";
  }

  @Override
  public List<Option> options() {
    return InputOptions.with(Option.value("FORMAT", "text or json (default: text).", "-o", "--output"),
        RegistryOptions.REGISTRY, RegistryOptions.PULL_SECRET, InstallerOptions.PLAIN_HTTP);
  }

  @Override
  public int run(Arguments arguments, Io io) {
    OutputFormat output = OutputFormat.parse(arguments.value("--output", "text"));
    Optional<PrivateRegistry> registry = RegistryOptions.from(arguments);
    Input in = Input.read(InputOptions.from(arguments), io.in());
    if (!in.readable() && output == OutputFormat.text) {
      in.throwIfUnreadable();
    }
    List<Finding> findings = in.readable() ? OfflineChecks.run(in) : in.readErrors;
    Input applied = RegistryOptions.apply(in, findings, registry, arguments.has("--plain-http"));
    if (applied.installation.privateRegistryApplied()) {
      findings = OfflineChecks.run(applied);
    }
    return print(applied, findings, output, io);
  }

  /** Prints a plan; the benchmarks call it without the offline validators to measure what they cost. */
  static int print(Input in, List<Finding> findings, OutputFormat output, Io io) {
    boolean errors = OfflineChecks.hasErrors(findings);
    // a private registry whose overrides could not be applied (the values have errors) has no helm command yet
    boolean showHelm = in.readable() && in.namesValid()
        && (in.installation.privateRegistry().isEmpty() || in.installation.privateRegistryApplied());
    String helm = showHelm ? Exports.helmCommand(in.installation, SecretHandling.MASK) : "";
    if (output == OutputFormat.json) {
      io.out().print(Printer.json(json -> {
        json.writeStartObject();
        Printer.installationJson(json, in);
        Printer.findingsJson(json, findings, in);
        if (showHelm) {
          json.writeStringField("helmCommand", helm);
        } else {
          json.writeNullField("helmCommand");
        }
        json.writeBooleanField("ok", !errors);
        json.writeEndObject();
      }));
    } else {
      StringBuilder out = new StringBuilder();
      out.append(Printer.installation(in)).append('\n');
      out.append("Findings (offline: ").append(Printer.summary(findings)).append(")\n");
      out.append(Printer.findings(findings, in)).append('\n');
      if (showHelm) {
        out.append("Helm command (secrets masked)\n");
        out.append("  ").append(helm.replace("\n", "\n  ").stripTrailing()).append('\n');
      }
      if (errors) {
        out.append("\nFix the errors above before installing; nothing was changed.\n");
      }
      io.out().print(out);
    }
    io.out().flush();
    return errors ? 1 : 0;
  }
}
