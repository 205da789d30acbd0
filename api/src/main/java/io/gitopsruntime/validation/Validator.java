package io.gitopsruntime.validation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One check of an installation before anything is installed.
 *
 * <p>Implementations must be stateless (or thread-safe): a chain runs independent validators
 * concurrently. A validator returns every finding it has, never throws for a finding; if it does throw
 * (or overruns its timeout) the runner reports an ERROR that names it, and the other validators still
 * run.
 *
 * <pre>{@code
 * Validator teamPrefix = Validator.of("team.runtime-prefix", ctx ->
 *     ctx.values().global().runtime().name().filter(n -> !n.startsWith("payments-"))
 *         .map(n -> List.of(Finding.error("team.runtime-prefix", "global.runtime.name",
 *             "\"" + n + "\" does not start with the team prefix \"payments-\".",
 *             "Rename the runtime to \"payments-" + n + "\".")))
 *         .orElse(List.of()));
 * }</pre>
 */
public interface Validator {

  /**
   * A stable id, used to replace or remove the validator from a chain and to name it in findings.
   *
   * @return the id, such as {@code codefresh.platform}
   */
  String id();

  /**
   * What the validator needs (offline, cluster, platform, ...); decides when it is skipped.
   *
   * @return the kind; {@link ValidatorKind#OFFLINE} by default
   */
  default ValidatorKind kind() {
    return ValidatorKind.OFFLINE;
  }

  /**
   * How long the validator may run before the runner gives up on it.
   *
   * @return the timeout, or empty for the chain's default
   */
  default Optional<Duration> timeout() {
    return Optional.empty();
  }

  /**
   * Checks the installation.
   *
   * @param context the installation, the values and the collaborators (cluster client, HTTP client)
   * @return every finding; empty when all is well
   * @throws Exception when the check itself cannot run; the runner turns it into an ERROR finding
   */
  List<Finding> validate(ValidationContext context) throws Exception;

  /**
   * An offline validator from a function.
   *
   * @param id the validator id
   * @param check the check
   * @return the validator
   */
  static Validator of(String id, Function<ValidationContext, List<Finding>> check) {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(check, "check == null");
    return new Validator() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public List<Finding> validate(ValidationContext context) {
        return check.apply(context);
      }

      @Override
      public String toString() {
        return "Validator(" + id + ")";
      }
    };
  }
}
