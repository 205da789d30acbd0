package io.gitopsruntime.validators.internal;

import io.gitopsruntime.core.Redactor;

import io.gitopsruntime.validation.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects the findings of one validation and stamps them with the validator's id. Remote validators
 * also register the secrets they handle, and every message and remediation is scrubbed of them when the
 * list is taken: a last line of defence behind wording that never quotes a secret. Not thread-safe; one
 * per validation.
 */
public final class Findings {
  private final String validatorId;
  private final List<Finding> findings = new ArrayList<>();
  private Redactor redactor = Redactor.ofLiterals(List.of());

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
    for (Finding finding : more) {
      add(finding);
    }
    return this;
  }

  /**
   * Adds a finding when there is one.
   *
   * @param finding the finding, or empty
   * @return this collector
   */
  public Findings add(Optional<Finding> finding) {
    if (finding.isPresent()) {
      add(finding.get());
    }
    return this;
  }

  /**
   * Masks these secrets in every finding.
   *
   * @param secrets the secrets' redactor
   * @return this collector
   */
  public Findings redacting(Redactor secrets) {
    this.redactor = secrets;
    return this;
  }

  /**
   * Masks one more secret in every finding.
   *
   * @param secret a secret this validation handles
   * @return this collector
   */
  public Findings redacting(String secret) {
    this.redactor = redactor.plus(secret);
    return this;
  }

  /**
   * The findings so far, with every registered secret masked.
   *
   * @return an immutable copy
   */
  public List<Finding> list() {
    List<Finding> scrubbed = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      scrubbed.add(f.withMessage(redactor.redact(f.message())).withRemediation(redactor.redact(f.remediation())));
    }
    return List.copyOf(scrubbed);
  }
}
