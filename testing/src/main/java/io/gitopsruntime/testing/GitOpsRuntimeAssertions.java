package io.gitopsruntime.testing;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.values.GitOpsRuntimeValues;

/**
 * AssertJ entry points for the SDK's types.
 *
 * <pre>{@code
 * import static io.gitopsruntime.testing.GitOpsRuntimeAssertions.assertThat;
 *
 * assertThat(installation).hasAccessMode(AccessModeKind.INGRESS).hasRuntimeName("prod-eu");
 * assertThat(report).hasErrorAt("global.codefresh.userToken").hasNoErrorAt("global.runtime.name");
 * }</pre>
 *
 * <p>Thread-safe; no state.
 */
public final class GitOpsRuntimeAssertions {
  private GitOpsRuntimeAssertions() {}

  /**
   * Starts assertions on an installation.
   *
   * @param actual the installation
   * @return the assertions
   */
  public static RuntimeInstallationAssert assertThat(RuntimeInstallation actual) {
    return new RuntimeInstallationAssert(actual);
  }

  /**
   * Starts assertions on values.
   *
   * @param actual the values
   * @return the assertions
   */
  public static ValuesAssert assertThat(GitOpsRuntimeValues actual) {
    return new ValuesAssert(actual);
  }

  /**
   * Starts assertions on a validation report.
   *
   * @param actual the report
   * @return the assertions
   */
  public static ValidationReportAssert assertThat(ValidationReport actual) {
    return new ValidationReportAssert(actual);
  }
}
