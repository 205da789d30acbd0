package io.gitopsruntime.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * Every finding of one validation run, in a deterministic order (by severity, then by the order the
 * validators were registered, then as each validator reported them).
 *
 * <pre>{@code
 * ValidationReport report = Validators.standard().validate(context);
 * report.throwIfErrors();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class ValidationReport {

  /**
   * All findings.
   *
   * @return the findings, in report order
   */
  public abstract List<Finding> findings();

  /**
   * Whether any finding is an ERROR.
   *
   * @return true when the installation must not proceed
   */
  public boolean hasErrors() {
    return findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /**
   * The ERROR findings.
   *
   * @return the errors, in report order
   */
  public List<Finding> errors() {
    return withSeverity(Severity.ERROR);
  }

  /**
   * The WARNING findings.
   *
   * @return the warnings, in report order
   */
  public List<Finding> warnings() {
    return withSeverity(Severity.WARNING);
  }

  /**
   * The findings of one severity.
   *
   * @param severity the severity
   * @return those findings, in report order
   */
  public List<Finding> withSeverity(Severity severity) {
    return findings().stream().filter(f -> f.severity() == severity).collect(Collectors.toUnmodifiableList());
  }

  /**
   * The findings about one values path.
   *
   * @param path a values path such as {@code global.codefresh.userToken}
   * @return those findings, in report order
   */
  public List<Finding> at(String path) {
    return findings().stream().filter(f -> f.path().equals(path)).collect(Collectors.toUnmodifiableList());
  }

  /**
   * This report followed by the findings of another.
   *
   * @param other another report
   * @return the combined report
   */
  public ValidationReport plus(ValidationReport other) {
    List<Finding> all = new ArrayList<>(findings());
    all.addAll(other.findings());
    return of(all);
  }

  /**
   * Throws when the report has errors.
   *
   * @return this report, when it has no errors
   * @throws ValidationException listing every error with its values path and fix
   */
  public ValidationReport throwIfErrors() {
    if (hasErrors()) {
      throw new ValidationException(this);
    }
    return this;
  }

  /**
   * One line per finding, errors first.
   *
   * @return the report as text
   */
  @Override
  public String toString() {
    if (findings().isEmpty()) {
      return "no findings";
    }
    return findings().stream().map(Finding::toString).collect(Collectors.joining("\n"));
  }

  /**
   * A report of these findings, in this order.
   *
   * @param findings the findings
   * @return the report
   */
  public static ValidationReport of(Iterable<Finding> findings) {
    return ImmutableValidationReport.builder().addAllFindings(findings).build();
  }

  /**
   * A report without findings.
   *
   * @return the empty report
   */
  public static ValidationReport empty() {
    return ImmutableValidationReport.builder().build();
  }
}
