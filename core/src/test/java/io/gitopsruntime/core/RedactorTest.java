package io.gitopsruntime.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  void masksEveryOccurrenceOfEachSecret() {
    Redactor redactor = Redactor.ofLiterals(List.of("s3cr3t-token"));

    assertThat(redactor.redact("a s3cr3t-token and s3cr3t-token again")).isEqualTo("a **** and **** again");
  }

  @Test
  void masksTheLongerOfTwoOverlappingSecretsWhole() {
    Redactor redactor = Redactor.ofLiterals(List.of("abcd", "abcdefgh"));

    assertThat(redactor.redact("x abcdefgh y abcd")).isEqualTo("x **** y ****");
  }

  @Test
  void ignoresSecretsTooShortToMaskWithoutManglingText() {
    assertThat(Redactor.ofLiterals(List.of("abc", "  ", "")).redact("abc abc")).isEqualTo("abc abc");
  }

  @Test
  void masksTheTrimmedSecretAndEachLongLineOfAMultiLineOne() {
    Redactor redactor = Redactor.ofLiterals(List.of(
        "  padded-secret  ", "-----BEGIN KEY-----\nAAAABBBBCCCCDDDDEEEE\nshort\n-----END KEY-----"));

    assertThat(redactor.redact("padded-secret; line AAAABBBBCCCCDDDDEEEE; short; -----END KEY-----"))
        .isEqualTo("****; line ****; short; -----END KEY-----");
  }

  @Test
  void masksPathMessageAndRemediationOfAFinding() {
    Redactor redactor = Redactor.ofLiterals(List.of("s3cr3t-token"));

    assertThat(redactor.redact(Finding.error("r", "a.s3cr3t-token", "got s3cr3t-token", "replace s3cr3t-token")))
        .isEqualTo(Finding.error("r", "a.****", "got ****", "replace ****"));
  }

  @Test
  void returnsTheSameFindingWhenThereIsNothingToMask() {
    Finding finding = Finding.error("r", "p", "m", "f");

    assertThat(Redactor.of(GitOpsRuntimeValues.builder().build()).redact(finding)).isSameAs(finding);
  }
}
