package io.gitopsruntime.validators;

import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.values.SecretValue;
import java.util.List;
import java.util.Map;

/**
 * Finds the mask {@code ****} in a secret slot: a values file written with secrets masked (the default of
 * {@code gitops-runtime export values} and of {@link ValuesYaml#write}) and then used to install would give
 * the runtime {@code ****} as its API key or password. The finding quotes no value but the mask itself.
 *
 * <p>Rules: {@value RuleIds#SECRETS_MASKED}. Offline. Stateless and thread-safe.
 */
final class MaskedSecretsValidator implements Validator {
  /** This validator's id. */
  static final String ID = "offline.masked-secrets";

  /** Creates the validator. */
  MaskedSecretsValidator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> validate(ValidationContext context) {
    Findings out = new Findings(ID);
    for (Map.Entry<ValuesPath, SecretValue> secret : ValuesYaml.literalSecrets(context.values()).entrySet()) {
      if (secret.getValue().reveal().equals(ValuesYaml.MASK)) {
        out.add(Finding.error(RuleIds.SECRETS_MASKED, secret.getKey().toString(),
            "This secret is \"" + ValuesYaml.MASK + "\", the mask written in place of a secret when values are exported with"
                + " secrets masked: installed as it is, the runtime would get \"" + ValuesYaml.MASK + "\" instead of the secret.",
            "Write the real secret here (export with --reveal-secrets, or SecretHandling.REVEAL in code), or keep it in a"
                + " Kubernetes Secret and refer to it with a secretKeyRef {name, key}."));
      }
    }
    return out.list();
  }

  @Override
  public String toString() {
    return "Validator(" + ID + ")";
  }
}
