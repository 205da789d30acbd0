package io.gitopsruntime.cli;

import io.gitopsruntime.core.Exports;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gitops-runtime plan}: what would be installed, every problem the values show offline, and the helm command. */
@Command(
    name = "plan",
    description =
        "Show the installation a values file describes, every problem found offline (with its values path,"
            + " line and fix), and the equivalent helm command with secrets masked. Touches no cluster or network.",
    sortOptions = false)
final class PlanCommand implements Callable<Integer> {
  @Mixin InputOptions input;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).", defaultValue = "text")
  OutputFormat output = OutputFormat.text;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Input in = Input.read(input);
    List<Finding> findings = OfflineChecks.run(in);
    boolean errors = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    String helm = Exports.helmCommand(in.installation, SecretHandling.MASK);
    if (output == OutputFormat.json) {
      spec.commandLine().getOut().print(Printer.json(json -> {
        json.writeStartObject();
        Printer.installationJson(json, in);
        Printer.findingsJson(json, findings, in);
        if (in.namesValid()) {
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
      if (in.namesValid()) {
        out.append("Helm command (secrets masked)\n");
        out.append("  ").append(helm.replace("\n", "\n  ").stripTrailing()).append('\n');
      }
      if (errors) {
        out.append("\nFix the errors above before installing; nothing was changed.\n");
      }
      spec.commandLine().getOut().print(out);
    }
    spec.commandLine().getOut().flush();
    return errors ? 1 : 0;
  }
}
