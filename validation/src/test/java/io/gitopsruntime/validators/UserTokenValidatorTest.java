package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.codefresh;
import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.SecretKeyRef;
import io.gitopsruntime.values.SecretValue;
import io.gitopsruntime.values.UserTokenValues;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UserTokenValidatorTest {
  private static final String ID = UserTokenValidator.ID;
  private final UserTokenValidator validator = new UserTokenValidator();

  private List<Finding> run(UserTokenValues token) throws Exception {
    return Fixtures.run(validator, v -> codefresh(v, c -> c.withUserToken(token)));
  }

  @Nested
  class Valid {
    @Test
    void acceptsACompleteSecretReference() throws Exception {
      assertThat(Fixtures.run(validator, v -> v)).isEmpty();
    }

    @Test
    void acceptsALiteralKey() throws Exception {
      assertThat(run(UserTokenValues.of(SecretValue.of("tok-123")))).isEmpty();
    }

    @Test
    void acceptsAnEmptyLiteralNextToACompleteReference() throws Exception {
      assertThat(run(UserTokenValues.builder().token(SecretValue.of(""))
          .secretKeyRef(SecretKeyRef.of("cf-key", "token")).build())).isEmpty();
    }
  }

  @Nested
  class Invalid {
    @Test
    void requiresAKeyAndTreatsTheChartDefaultEmptyReferenceAsNone() throws Exception {
      List<Finding> findings = run(UserTokenValues.builder().token(SecretValue.of(""))
          .secretKeyRef(SecretKeyRef.builder().build()).build());

      assertThat(findings).containsExactly(error(ID, "user-token.missing", "global.codefresh.userToken",
          "No Codefresh API key is given: the runtime registers with the platform using it, and the chart refuses"
              + " to render without it.",
          "Set global.codefresh.userToken.secretKeyRef to the name and key of a Secret that holds the API key"
              + " (preferred), or global.codefresh.userToken.token to the key itself."));
    }

    @Test
    void saysExactlyWhatTheReferenceLacks() throws Exception {
      List<Finding> findings = run(UserTokenValues.builder()
          .secretKeyRef(SecretKeyRef.builder().name("cf-key").build()).build());

      assertThat(findings).containsExactly(error(ID, "user-token.incomplete-ref",
          "global.codefresh.userToken.secretKeyRef.key",
          "The Secret reference for the Codefresh API key has no key: the chart passes it to the runtime as it"
              + " is, and Codefresh's validation hook reads an empty API key from it and fails later with HTTP 401.",
          "Set both name and key, for example secretKeyRef: {name: \"codefresh-user-token\", key: \"token\"}."));
    }

    @Test
    void saysWhenTheReferenceHasNoName() throws Exception {
      assertThat(run(UserTokenValues.builder().secretKeyRef(SecretKeyRef.builder().key("token").build()).build()))
          .extracting(Finding::path, Finding::message)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("global.codefresh.userToken.secretKeyRef.name",
              "The Secret reference for the Codefresh API key has no name: the chart passes it to the runtime as"
                  + " it is, and Codefresh's validation hook reads an empty API key from it and fails later with"
                  + " HTTP 401."));
    }

    @Test
    void rejectsTheReservedSecretName() throws Exception {
      assertThat(run(UserTokenValues.of(SecretValue.fromSecret("codefresh-token", "token")))).containsExactly(
          error(ID, "user-token.reserved-name", "global.codefresh.userToken.secretKeyRef.name",
              "Secret name \"codefresh-token\" is reserved: the runtime keeps its own runtime token in a Secret of"
                  + " that name, and the chart refuses to render a reference to it for the Codefresh API key.",
              "Put the Codefresh API key in a Secret with another name, for example \"codefresh-user-token\", and"
                  + " reference that."));
    }

    @Test
    void warnsThatALiteralHidesTheReference() throws Exception {
      assertThat(run(UserTokenValues.builder().token(SecretValue.of("tok-123"))
          .secretKeyRef(SecretKeyRef.of("cf-key", "token")).build())).containsExactly(
          warning(ID, "user-token.ambiguous", "global.codefresh.userToken.secretKeyRef",
              "The Secret reference for the Codefresh API key is ignored: a literal token is also given, and the"
                  + " literal wins.",
              "Remove global.codefresh.userToken.token to use the Secret (preferred), or remove the secretKeyRef."));
    }

    @Test
    void warnsAboutATrailingLineBreak() throws Exception {
      assertThat(run(UserTokenValues.of(SecretValue.of("tok-123\n")))).containsExactly(
          warning(ID, "user-token.whitespace", "global.codefresh.userToken.token",
              "The Codefresh API key has leading or trailing whitespace or a line break: the platform compares it"
                  + " exactly and will reject it.",
              "Remove the whitespace, such as the line break a copied file leaves at the end."));
    }
  }
}
