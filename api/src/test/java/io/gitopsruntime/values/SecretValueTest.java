package io.gitopsruntime.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsruntime.InvalidValuesException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SecretValueTest {
  private static final String LITERAL = "cf-api-key-0123456789abcdef";

  @Nested
  class Literal {
    @Test
    void masksItselfInToString() {
      SecretValue secret = SecretValue.of(LITERAL);

      assertThat(secret).hasToString("****");
      assertThat(String.valueOf(secret)).doesNotContain(LITERAL);
    }

    @Test
    void revealsTheLiteralOnlyWhenAsked() {
      assertThat(SecretValue.of(LITERAL).reveal()).isEqualTo(LITERAL);
    }

    @Test
    void isALiteralWithoutReference() {
      SecretValue secret = SecretValue.of(LITERAL);

      assertThat(secret.isLiteral()).isTrue();
      assertThat(secret.secretKeyRef()).isEmpty();
      assertThat(secret.isBlankLiteral()).isFalse();
    }

    @Test
    void recognisesBlankLiterals() {
      assertThat(SecretValue.of("").isBlankLiteral()).isTrue();
      assertThat(SecretValue.of(" \n").isBlankLiteral()).isTrue();
    }

    @Test
    void rejectsNull() {
      assertThatThrownBy(() -> SecretValue.of(null)).isInstanceOf(NullPointerException.class).hasMessage("literal == null");
    }
  }

  @Nested
  class Reference {
    @Test
    void showsTheSecretNameAndKey() {
      assertThat(SecretValue.fromSecret("codefresh-user-token", "token")).hasToString("secretKeyRef(codefresh-user-token/token)");
    }

    @Test
    void showsMissingPartsOfAnIncompleteReference() {
      assertThat(SecretValue.fromSecret(SecretKeyRef.builder().build())).hasToString("secretKeyRef(<no name>/<no key>)");
    }

    @Test
    void refusesToReveal() {
      assertThatThrownBy(() -> SecretValue.fromSecret("codefresh-user-token", "token").reveal())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("This secret is a reference to Secret codefresh-user-token/token, not a literal; read it from the cluster.");
    }

    @Test
    void isNotALiteral() {
      SecretValue secret = SecretValue.fromSecret("s", "k");

      assertThat(secret.isLiteral()).isFalse();
      assertThat(secret.isBlankLiteral()).isFalse();
      assertThat(secret.secretKeyRef()).contains(SecretKeyRef.of("s", "k"));
    }
  }

  @Nested
  class Equality {
    @Test
    void literalsAreEqualByContent() {
      assertThat(SecretValue.of("a")).isEqualTo(SecretValue.of("a")).hasSameHashCodeAs(SecretValue.of("a"));
      assertThat(SecretValue.of("a")).isNotEqualTo(SecretValue.of("b"));
    }

    @Test
    void referencesAreEqualByNameAndKey() {
      assertThat(SecretValue.fromSecret("s", "k")).isEqualTo(SecretValue.fromSecret(SecretKeyRef.of("s", "k")));
      assertThat(SecretValue.fromSecret("s", "k")).isNotEqualTo(SecretValue.fromSecret("s", "other"));
    }

    @Test
    void aLiteralNeverEqualsAReference() {
      assertThat(SecretValue.of("s")).isNotEqualTo(SecretValue.fromSecret("s", "s"));
    }
  }

  @Nested
  class InValues {
    @Test
    void userTokenOfALiteralFillsToken() {
      UserTokenValues values = UserTokenValues.of(SecretValue.of(LITERAL));

      assertThat(values.token()).contains(SecretValue.of(LITERAL));
      assertThat(values.secretKeyRef()).isEmpty();
      assertThat(values.toString()).doesNotContain(LITERAL);
    }

    @Test
    void userTokenOfAReferenceFillsSecretKeyRef() {
      UserTokenValues values = UserTokenValues.of(SecretValue.fromSecret("s", "k"));

      assertThat(values.token()).isEmpty();
      assertThat(values.secretKeyRef()).contains(SecretKeyRef.of("s", "k"));
    }

    @Test
    void effectiveTokenIsTheLiteralUnlessItIsBlank() {
      UserTokenValues both = UserTokenValues.builder().token(SecretValue.of(LITERAL)).secretKeyRef(SecretKeyRef.of("s", "k")).build();
      UserTokenValues blank = UserTokenValues.builder().token(SecretValue.of(" ")).secretKeyRef(SecretKeyRef.of("s", "k")).build();

      assertThat(both.effective()).contains(SecretValue.of(LITERAL));
      assertThat(blank.effective()).contains(SecretValue.fromSecret("s", "k"));
      assertThat(UserTokenValues.builder().build().effective()).isEmpty();
    }

    @Test
    void rejectsAReferenceInTheLiteralSlot() {
      assertThatThrownBy(() -> UserTokenValues.builder().token(SecretValue.fromSecret("s", "k")).build())
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("token holds the literal secret; a Secret reference goes in the sibling secretKeyRef attribute."
              + " Use the node's of(SecretValue) factory, which puts each kind in its place.");
    }

    @Test
    void gitPasswordOfAReferenceFillsSecretKeyRef() {
      assertThat(GitPasswordValues.of(SecretValue.fromSecret("git", "password")).secretKeyRef())
          .contains(SecretKeyRef.of("git", "password"));
      assertThat(GitPasswordValues.of(SecretValue.of("p")).value()).contains(SecretValue.of("p"));
    }

    @Test
    void secretKeyRefIsCompleteOnlyWithNonBlankNameAndKey() {
      assertThat(SecretKeyRef.of("s", "k").isComplete()).isTrue();
      assertThat(SecretKeyRef.of("s", " ").isComplete()).isFalse();
      assertThat(SecretKeyRef.builder().name("s").build().isComplete()).isFalse();
    }
  }
}
