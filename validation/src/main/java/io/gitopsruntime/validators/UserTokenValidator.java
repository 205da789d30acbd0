package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.internal.Chart;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.values.SecretKeyRef;
import io.gitopsruntime.values.SecretValue;
import io.gitopsruntime.values.UserTokenValues;
import java.util.List;
import java.util.Optional;

/**
 * Checks the Codefresh API key ({@code global.codefresh.userToken}): a non-empty literal or a Secret
 * reference with both name and key (Codefresh's hook silently accepts an incomplete reference and fails
 * later with HTTP 401; this says what is missing), never the reserved Secret {@code codefresh-token}.
 *
 * <p>Rules: {@value RuleIds#USER_TOKEN_MISSING}, {@value RuleIds#USER_TOKEN_INCOMPLETE_REF},
 * {@value RuleIds#USER_TOKEN_RESERVED_NAME}, {@value RuleIds#USER_TOKEN_AMBIGUOUS},
 * {@value RuleIds#USER_TOKEN_WHITESPACE}. Offline. Stateless and thread-safe.
 */
final class UserTokenValidator implements Validator {
  /** This validator's id. */
  static final String ID = "offline.user-token";

  /** Creates the validator. */
  UserTokenValidator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> validate(ValidationContext context) {
    UserTokenValues token = context.values().global().codefresh().userToken();
    Findings out = new Findings(ID);
    Optional<SecretValue> literal = Chart.nonBlankSecret(token.token());
    Optional<SecretKeyRef> ref = Chart.given(token.secretKeyRef());
    if (literal.isEmpty() && ref.isEmpty()) {
      out.add(userTokenMissing());
    }
    if (literal.isEmpty() && ref.isPresent() && !ref.get().isComplete()) {
      out.add(userTokenIncompleteRef(Chart.hasName(ref.get()), Chart.hasKey(ref.get())));
    }
    if (Chart.namesRuntimeTokenSecret(ref)) {
      out.add(userTokenReservedName());
    }
    if (literal.isPresent() && ref.isPresent()) {
      out.add(userTokenAmbiguous());
    }
    if (literal.isPresent() && Chart.hasStrayWhitespace(literal.get().reveal())) {
      out.add(userTokenWhitespace());
    }
    return out.list();
  }

  @Override
  public String toString() {
    return "Validator(" + ID + ")";
  }

  /**
   * No Codefresh API key.
   *
   * @return the finding
   */
  static Finding userTokenMissing() {
    return Finding.error(USER_TOKEN_MISSING, "global.codefresh.userToken",
        "No Codefresh API key is given: the runtime registers with the platform using it, and the chart"
            + " refuses to render without it.",
        "Set global.codefresh.userToken.secretKeyRef to the name and key of a Secret that holds the API key"
            + " (preferred), or global.codefresh.userToken.token to the key itself.");
  }

  /**
   * An incomplete Secret reference for the API key.
   *
   * @param hasName whether the name is set
   * @param hasKey whether the key is set
   * @return the finding
   */
  static Finding userTokenIncompleteRef(boolean hasName, boolean hasKey) {
    return Finding.error(USER_TOKEN_INCOMPLETE_REF, refPath("global.codefresh.userToken.secretKeyRef", hasName, hasKey),
        refGap("The Secret reference for the Codefresh API key", hasName, hasKey)
            + ": the chart passes it to the runtime as it is, and Codefresh's validation hook reads an empty"
            + " API key from it and fails later with HTTP 401.",
        "Set both name and key, for example secretKeyRef: {name: \"codefresh-user-token\", key: \"token\"}.");
  }

  /**
   * The reserved Secret name for the API key.
   *
   * @return the finding
   */
  static Finding userTokenReservedName() {
    return SecretFindings.reservedSecretName(USER_TOKEN_RESERVED_NAME, "global.codefresh.userToken.secretKeyRef.name",
        "the Codefresh API key", "codefresh-user-token");
  }

  /**
   * A literal API key plus a reference.
   *
   * @return the finding
   */
  static Finding userTokenAmbiguous() {
    return Finding.warning(USER_TOKEN_AMBIGUOUS, "global.codefresh.userToken.secretKeyRef",
        "The Secret reference for the Codefresh API key is ignored: a literal token is also given, and the"
            + " literal wins.",
        "Remove global.codefresh.userToken.token to use the Secret (preferred), or remove the secretKeyRef.");
  }

  /**
   * A literal API key with whitespace.
   *
   * @return the finding
   */
  static Finding userTokenWhitespace() {
    return SecretFindings.secretWhitespace(USER_TOKEN_WHITESPACE, "global.codefresh.userToken.token", "The Codefresh API key",
        "the platform");
  }
}
