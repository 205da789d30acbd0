package io.gitopsruntime.core.internal;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationInterceptor;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validation.ValidatorKind;
import java.time.Duration;

/** The words of the validator chain: the findings it raises for validators, and its failures. */
final class ChainWording {
  /** The failure of a validation on a closed chain. */
  static final String CLOSED = "this ValidatorChain was closed; build another one with chain.toBuilder().build().";

  private ChainWording() {}

  static String interceptorReturnedNull(ValidationInterceptor interceptor) {
    return "validation interceptor " + interceptor + " returned null; return a report.";
  }

  static String interrupted(Validator validator) {
    return "validation was interrupted while waiting for " + validator.id() + ".";
  }

  static Finding returnedNull(Validator validator) {
    return Finding.error("validator.failed", "", "validator " + validator.id() + " returned null instead of a list of findings;"
        + " its checks are unknown.", "Fix the validator to return an empty list when all is well.").withValidatorId(validator.id());
  }

  static Finding timedOut(Validator validator, boolean started, Duration timeout) {
    return Finding.error("validator.timeout", "",
        "validator " + validator.id() + (started ? " did not finish within " : " did not start within ") + describe(timeout)
            + (started ? "" : ", as the chain's threads were busy with other validations") + "; what it checks is unknown.",
        timeoutRemedy(validator.kind())).withValidatorId(validator.id());
  }

  static Finding failed(Validator validator, Throwable cause) {
    return Finding.error("validator.failed", "",
        "validator " + validator.id() + " failed: " + cause.getClass().getSimpleName()
            + (cause.getMessage() != null ? ": " + cause.getMessage() : "") + ". The other checks still ran.",
        "Fix the cause, or remove the validator with chain.toBuilder().remove(\"" + validator.id() + "\").")
        .withValidatorId(validator.id());
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static String timeoutRemedy(ValidatorKind kind) {
    switch (kind) {
      case CLUSTER:
        return "Check that the Kubernetes API server is reachable from here, or validate offline.";
      case PLATFORM:
        return "Check that the Codefresh platform (global.codefresh.url) is reachable from here, or validate offline.";
      case GIT_PROVIDER:
        return "Check that the Git provider's API is reachable from here, or validate offline.";
      case INGRESS_PROBE:
        return "Check that the ingress host answers, or set global.runtime.ingress.skipValidation: true.";
      default:
        return "Fix the validator, or give it a longer timeout.";
    }
  }

  static Finding skippedOffline(Validator validator) {
    return Finding.info("validation.skipped", "",
        "skipped " + validator.id() + ": it needs " + need(validator.kind()) + " and validation ran offline.")
        .withValidatorId(validator.id());
  }

  private static String need(ValidatorKind kind) {
    switch (kind) {
      case CLUSTER:
        return "the cluster";
      case PLATFORM:
        return "the Codefresh platform";
      case GIT_PROVIDER:
        return "the Git provider";
      case INGRESS_PROBE:
        return "the ingress host";
      default:
        return "nothing remote";
    }
  }
}
