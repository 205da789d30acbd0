package io.gitopsruntime.validators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void masksEverySecretLongestFirst() {
    Redactor redactor = Redactor.of(List.of("abcd", "abcdef-long")).plus(" padded-secret\n");

    assertThat(redactor.scrub("x abcdef-long y abcd z padded-secret")).isEqualTo("x **** y **** z ****");
  }

  @Test
  void ignoresBlankAndVeryShortSecrets() {
    assertThat(Redactor.of(List.of("", " ", "ab")).scrub("ab cd")).isEqualTo("ab cd");
  }
}
