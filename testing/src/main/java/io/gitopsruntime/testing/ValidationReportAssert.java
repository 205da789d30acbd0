package io.gitopsruntime.testing;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.validation.ValidationReport;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractObjectAssert;

/** AssertJ assertions on a {@link ValidationReport}. Not thread-safe. */
public final class ValidationReportAssert extends AbstractObjectAssert<ValidationReportAssert, ValidationReport> {

  ValidationReportAssert(ValidationReport actual) {
    super(actual, ValidationReportAssert.class);
  }

  /**
   * Checks that the report has no ERROR finding.
   *
   * @return this
   */
  public ValidationReportAssert hasNoErrors() {
    isNotNull();
    if (actual.hasErrors()) {
      failWithMessage("Expected no errors but found:%n%s", lines(actual.errors()));
    }
    return this;
  }

  /**
   * Checks that there is an ERROR finding at a values path.
   *
   * @param path the values path, such as {@code global.codefresh.userToken}
   * @return this
   */
  public ValidationReportAssert hasErrorAt(String path) {
    return hasFindingAt(Severity.ERROR, path);
  }

  /**
   * Checks that there is a WARNING finding at a values path.
   *
   * @param path the values path
   * @return this
   */
  public ValidationReportAssert hasWarningAt(String path) {
    return hasFindingAt(Severity.WARNING, path);
  }

  /**
   * Checks that there is no ERROR finding at a values path.
   *
   * @param path the values path
   * @return this
   */
  public ValidationReportAssert hasNoErrorAt(String path) {
    isNotNull();
    List<Finding> errors = actual.at(path).stream().filter(f -> f.severity() == Severity.ERROR).collect(Collectors.toList());
    if (!errors.isEmpty()) {
      failWithMessage("Expected no error at %s but found:%n%s", path, lines(errors));
    }
    return this;
  }

  /**
   * Checks that there is a finding with a rule id.
   *
   * @param ruleId the rule id, such as {@code runtime-name.format}
   * @return this
   */
  public ValidationReportAssert hasFinding(String ruleId) {
    isNotNull();
    if (actual.findings().stream().noneMatch(f -> f.ruleId().equals(ruleId))) {
      failWithMessage("Expected a finding of rule %s but the report holds:%n%s", ruleId, lines(actual.findings()));
    }
    return this;
  }

  private ValidationReportAssert hasFindingAt(Severity severity, String path) {
    isNotNull();
    if (actual.at(path).stream().noneMatch(f -> f.severity() == severity)) {
      failWithMessage("Expected %s at %s but the report holds:%n%s", severity, path, lines(actual.findings()));
    }
    return this;
  }

  private static String lines(List<Finding> findings) {
    return findings.isEmpty() ? "  (no findings)" : findings.stream().map(f -> "  " + f).collect(Collectors.joining("\n"));
  }
}
