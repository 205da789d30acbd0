package io.gitopsruntime.validators;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.internal.Chart;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.validators.internal.Messages;
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
public final class UserTokenValidator implements Validator {
  /** This validator's id. */
  public static final String ID = "offline.user-token";

  /** Creates the validator. */
  public UserTokenValidator() {}

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
      out.add(Messages.userTokenMissing());
    }
    if (literal.isEmpty() && ref.isPresent() && !ref.get().isComplete()) {
      out.add(Messages.userTokenIncompleteRef(Chart.hasName(ref.get()), Chart.hasKey(ref.get())));
    }
    if (Chart.namesRuntimeTokenSecret(ref)) {
      out.add(Messages.userTokenReservedName());
    }
    if (literal.isPresent() && ref.isPresent()) {
      out.add(Messages.userTokenAmbiguous());
    }
    if (literal.isPresent() && Chart.hasStrayWhitespace(literal.get().reveal())) {
      out.add(Messages.userTokenWhitespace());
    }
    return out.list();
  }

  @Override
  public String toString() {
    return "Validator(" + ID + ")";
  }
}
