package io.gitopsruntime.cli;

import io.gitopsruntime.core.SourceLocation;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validators.Validators;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks that need nothing but the values: problems found while reading them, name rules, and the
 * built-in offline validators. Loads no cluster, HTTP or Helm classes.
 */
final class OfflineChecks {
  private OfflineChecks() {}

  static List<Finding> run(Input input) {
    ValidatorChain chain = ValidatorChain.builder().addAll(Validators.offline()).build();
    ValidationReport report = chain.validate(ValidationContext.builder(input.installation).offline(true).build());
    return merge(input, report.findings());
  }

  /** The reading and naming problems followed by the validators' findings, without duplicates, ordered. */
  static List<Finding> merge(Input input, List<Finding> validatorFindings) {
    List<Finding> all = new ArrayList<>(input.problems);
    Set<String> seen = new HashSet<>();
    Set<String> mistyped = new HashSet<>();
    for (Finding f : input.problems) {
      seen.add(f.ruleId() + " " + f.path());
      if (f.ruleId().equals("values.type")) {
        mistyped.add(f.path());
      }
    }
    for (Finding finding : validatorFindings) {
      // the installation was built with stand-ins for malformed names; those are reported from the input
      if (finding.ruleId().endsWith(".format") && isNameRule(finding.ruleId())) {
        continue;
      }
      // a value of the wrong type is reported once, by the reader, with the fix
      if (mistyped.contains(finding.path())) {
        continue;
      }
      if (seen.add(finding.ruleId() + " " + finding.path())) {
        all.add(finding);
      }
    }
    return ordered(all, input);
  }

  static boolean isNameRule(String ruleId) {
    return ruleId.equals("runtime-name.format") || ruleId.equals("namespace.format")
        || ruleId.equals("release-name.format") || ruleId.equals("chart-version.format");
  }

  /** By severity, then in file order (findings without a location last, in their own order). */
  static List<Finding> ordered(List<Finding> findings, Input input) {
    List<Finding> all = new ArrayList<>(findings);
    // a class rather than lambdas: plan runs this at start-up, where every lambda costs time
    all.sort(new Comparator<Finding>() {
      @Override
      public int compare(Finding a, Finding b) {
        int bySeverity = Integer.compare(a.severity().ordinal(), b.severity().ordinal());
        return bySeverity != 0 ? bySeverity : Integer.compare(line(a), line(b));
      }

      private int line(Finding f) {
        Optional<SourceLocation> location = input.locationOf(f);
        return location.isPresent() ? location.get().line() : Integer.MAX_VALUE;
      }
    });
    return all;
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
