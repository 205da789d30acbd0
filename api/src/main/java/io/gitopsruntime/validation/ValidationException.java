package io.gitopsruntime.validation;

import io.gitopsruntime.GitOpsRuntimeException;
import java.util.stream.Collectors;

/**
 * Thrown when validation found errors; {@link #report()} holds every finding, and the message lists each
 * error with its values path and fix. Immutable and thread-safe.
 */
public class ValidationException extends GitOpsRuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ValidationReport report;

  /**
   * Creates the exception.
   *
   * @param report a report with at least one error
   */
  public ValidationException(ValidationReport report) {
    super(message(report));
    this.report = report;
  }

  /**
   * The whole report, warnings and notes included.
   *
   * @return the report
   */
  public ValidationReport report() {
    return report;
  }

  private static String message(ValidationReport report) {
    int errors = report.errors().size();
    return (errors == 1 ? "1 error" : errors + " errors")
        + " in the values; nothing was installed:\n"
        + report.errors().stream().map(f -> "  - " + f.describe()).collect(Collectors.joining("\n"));
  }
}
