package io.gitopsruntime.benchmarks;

import io.gitopsruntime.core.Exports;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.core.ValuesFiles;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validators.Validators;
import java.nio.file.Path;

/**
 * The steps of {@code gitops-runtime plan -f FILE} (read, check, print), with or without the offline
 * validators, through the SDK calls the tool makes ({@link ValuesFiles} reads the file and merges the
 * report); the problems found while reading the file are printed either way. Run by the plan benchmark in
 * its own JVM, on the tool's jar, so that the two modes differ only in the validators and their difference
 * is what validation adds. The printing is this harness's own, the same in both modes.
 */
public final class PlanSteps {
  private PlanSteps() {}

  /**
   * Plans a values file.
   *
   * @param args {@code validated} or {@code unvalidated}, then the values file
   */
  public static void main(String[] args) {
    boolean validated = args[0].equals("validated");
    ValuesFiles files = ValuesFiles.read(Path.of(args[1]));
    ValidationReport report = validated
        ? files.validateOffline(ValidatorChain.builder().addAll(Validators.offline()).build())
        : files.report(ValidationReport.empty());
    StringBuilder out = new StringBuilder();
    out.append("release ").append(files.releaseName()).append(" in namespace ").append(files.namespace())
        .append(", runtime ").append(files.runtimeName()).append('\n');
    out.append("Findings (offline)\n");
    for (Finding finding : report.findings()) {
      out.append("  ").append(finding);
      files.locationOf(finding).ifPresent(l -> out.append("  (").append(l).append(')'));
      out.append('\n');
    }
    if (files.namesValid()) {
      out.append(Exports.helmCommand(files.installation(), SecretHandling.MASK));
    }
    System.out.print(out);
    System.out.flush();
    System.exit(report.hasErrors() ? 1 : 0);
  }
}
