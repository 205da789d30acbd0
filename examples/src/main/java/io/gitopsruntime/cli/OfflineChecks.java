package io.gitopsruntime.cli;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The checks that need nothing but the values: problems found while reading, and name rules. */
final class OfflineChecks {
  private OfflineChecks() {}

  static List<Finding> run(Input input) {
    List<Finding> all = new ArrayList<>(input.problems);
    return ordered(all, input);
  }

  /** By severity, then in file order (findings without a location last, in their own order). */
  static List<Finding> ordered(List<Finding> findings, Input input) {
    List<Finding> all = new ArrayList<>(findings);
    all.sort(Comparator.comparingInt((Finding f) -> f.severity().ordinal())
        .thenComparingInt(f -> input.locationOf(f.path()).map(l -> l.line()).orElse(Integer.MAX_VALUE)));
    return all;
  }

  static boolean hasErrors(List<Finding> findings) {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }
}
