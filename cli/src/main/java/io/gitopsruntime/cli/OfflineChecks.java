package io.gitopsruntime.cli;

import io.gitopsruntime.NameRules;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validators.Validators;
import java.util.List;

/**
 * The checks that need nothing but the values: problems found while reading them, name rules, and the
 * built-in offline validators, merged by the SDK's {@code ValuesFiles}. Loads no cluster, HTTP or Helm classes.
 */
final class OfflineChecks {
  private OfflineChecks() {}

  static List<Finding> run(Input input) {
    return input.files.validateOffline(ValidatorChain.builder().addAll(Validators.offline()).build()).findings();
  }

  /** The reading and naming problems followed by the validators' findings, without duplicates, ordered. */
  static List<Finding> merge(Input input, List<Finding> validatorFindings) {
    return input.files.report(ValidationReport.of(validatorFindings)).findings();
  }

  static boolean isNameRule(String ruleId) {
    return ruleId.equals(NameRules.RUNTIME_NAME) || ruleId.equals(NameRules.NAMESPACE)
        || ruleId.equals(NameRules.RELEASE_NAME) || ruleId.equals(NameRules.CHART_VERSION);
  }

  static boolean hasErrors(List<Finding> findings) {
    for (Finding finding : findings) {
      if (finding.severity() == Severity.ERROR) {
        return true;
      }
    }
    return false;
  }
}
