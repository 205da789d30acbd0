package io.gitopsruntime.validators.internal;

import io.gitopsruntime.validation.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the findings of one validation and stamps them with the validator's id. Not thread-safe; one
 * per validation.
 */
public final class Findings {
  private final String validatorId;
  private final List<Finding> findings = new ArrayList<>();

  /**
   * A collector for a validator.
   *
   * @param validatorId the validator's id
   */
  public Findings(String validatorId) {
    this.validatorId = validatorId;
  }

  /**
   * Adds a finding.
   *
   * @param finding the finding
   * @return this collector
   */
  public Findings add(Finding finding) {
    findings.add(finding.withValidatorId(validatorId));
    return this;
  }

  /**
   * Adds findings.
   *
   * @param more the findings
   * @return this collector
   */
  public Findings addAll(Iterable<Finding> more) {
    more.forEach(this::add);
    return this;
  }

  /**
   * The findings so far.
   *
   * @return an immutable copy
   */
  public List<Finding> list() {
    return List.copyOf(findings);
  }
}
