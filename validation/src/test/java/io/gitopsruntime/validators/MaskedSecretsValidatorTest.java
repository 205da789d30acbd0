package io.gitopsruntime.validators;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.SecretValue;
import io.gitopsruntime.values.UserTokenValues;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MaskedSecretsValidatorTest {
  private final MaskedSecretsValidator validator = new MaskedSecretsValidator();

  private List<Finding> run(UnaryOperator<GitOpsRuntimeValues> edit) throws Exception {
    return Fixtures.run(validator, edit);
  }

  private static GitOpsRuntimeValues token(GitOpsRuntimeValues v, String literal) {
    return v.withGlobal(v.global().withCodefresh(v.global().codefresh().withUserToken(UserTokenValues.of(SecretValue.of(literal)))));
  }

  @Nested
  class Valid {
    @Test
    void acceptsASecretReference() throws Exception {
      assertThat(run(v -> v)).isEmpty();
    }

    @Test
    void acceptsALiteralThatOnlyContainsStars() throws Exception {
      assertThat(run(v -> token(v, "ab****cd"))).isEmpty();
    }
  }

  @Nested
  class Invalid {
    @Test
    void reportsTheMaskInASecretSlotWithItsPathAndBothFixes() throws Exception {
      List<Finding> findings = run(v -> token(v, "****"));

      assertThat(findings).hasSize(1);
      Finding finding = findings.get(0);
      assertThat(finding.ruleId()).isEqualTo(RuleIds.SECRETS_MASKED);
      assertThat(finding.severity()).isEqualTo(Severity.ERROR);
      assertThat(finding.path()).isEqualTo("global.codefresh.userToken.token");
      assertThat(finding.validatorId()).isEqualTo(MaskedSecretsValidator.ID);
      assertThat(finding.message()).isEqualTo("This secret is \"****\", the mask written in place of a secret when values are"
          + " exported with secrets masked: installed as it is, the runtime would get \"****\" instead of the secret.");
      assertThat(finding.remediation()).isEqualTo("Write the real secret here (export with --reveal-secrets, or"
          + " SecretHandling.REVEAL in code), or keep it in a Kubernetes Secret and refer to it with a secretKeyRef {name, key}.");
    }
  }
}
