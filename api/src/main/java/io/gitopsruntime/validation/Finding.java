package io.gitopsruntime.validation;

import org.immutables.value.Value;

/**
 * One problem (or note) a validator found: which rule, at which values path, how serious, what is
 * wrong and how to fix it.
 *
 * <p>Messages never quote a secret value. Immutable and thread-safe.
 *
 * <pre>{@code
 * Finding.error("runtime-name.format", "global.runtime.name",
 *     "\"Prod_EU\" is not a valid runtime name: it must start with a lower-case letter ...",
 *     "Use for example \"prod-eu\".");
 * }</pre>
 */
@Value.Immutable
public abstract class Finding implements WithFinding {

  /**
   * The stable id of the rule, such as {@code runtime-name.format}; stable across releases, so it can be
   * suppressed or asserted on.
   *
   * @return the rule id
   */
  public abstract String ruleId();

  /**
   * The values path the finding is about, such as {@code global.runtime.ingress.hosts[0]}; for settings
   * outside the values (release name, namespace, chart version) the installation field's name.
   *
   * @return the path; empty when the finding concerns the whole installation
   */
  public abstract String path();

  /**
   * How serious the finding is.
   *
   * @return the severity
   */
  public abstract Severity severity();

  /**
   * What is wrong, for what, and why.
   *
   * @return the message, never quoting a secret
   */
  public abstract String message();

  /**
   * How to fix it, as an instruction.
   *
   * @return the remediation; empty for informational findings that need no action
   */
  @Value.Default
  public String remediation() {
    return "";
  }

  /**
   * The id of the validator that reported the finding (several rules may come from one validator).
   *
   * @return the validator id; empty when not known
   */
  @Value.Default
  public String validatorId() {
    return "";
  }

  /**
   * The finding as one line: {@code path: message remediation}.
   *
   * @return a line fit for a terminal or an exception message
   */
  public String describe() {
    StringBuilder line = new StringBuilder();
    if (!path().isEmpty()) {
      line.append(path()).append(": ");
    }
    line.append(message());
    if (!remediation().isEmpty()) {
      line.append(' ').append(remediation());
    }
    return line.toString();
  }

  @Override
  public String toString() {
    return severity() + " [" + ruleId() + "] " + describe();
  }

  /**
   * An ERROR finding.
   *
   * @param ruleId the rule id
   * @param path the values path
   * @param message what is wrong
   * @param remediation how to fix it
   * @return the finding
   */
  public static Finding error(String ruleId, String path, String message, String remediation) {
    return of(Severity.ERROR, ruleId, path, message, remediation);
  }

  /**
   * A WARNING finding.
   *
   * @param ruleId the rule id
   * @param path the values path
   * @param message what is wrong
   * @param remediation how to fix it
   * @return the finding
   */
  public static Finding warning(String ruleId, String path, String message, String remediation) {
    return of(Severity.WARNING, ruleId, path, message, remediation);
  }

  /**
   * An INFO finding.
   *
   * @param ruleId the rule id
   * @param path the values path
   * @param message what to know
   * @return the finding
   */
  public static Finding info(String ruleId, String path, String message) {
    return of(Severity.INFO, ruleId, path, message, "");
  }

  private static Finding of(Severity severity, String ruleId, String path, String message, String remediation) {
    return builder().severity(severity).ruleId(ruleId).path(path).message(message).remediation(remediation).build();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Finding}. Not thread-safe. */
  public static final class Builder extends ImmutableFinding.Builder {
    Builder() {}
  }
}
