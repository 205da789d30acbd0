package io.gitopsruntime.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellTest {
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "cf-gitops-runtime                          | cf-gitops-runtime",
      "global.runtime.name=prod-eu                | global.runtime.name=prod-eu",
      "oci://quay.io/codefresh/gitops-runtime     | oci://quay.io/codefresh/gitops-runtime",
      "a,b@c%d+e:f                                | a,b@c%d+e:f",
      "``                                         | ''",
      "global.runtime.ingress.hosts[0]=x.io       | 'global.runtime.ingress.hosts[0]=x.io'",
      "a b                                        | 'a b'",
      "****                                       | '****'",
      "$HOME                                      | '$HOME'",
      "`it's`                                     | `'it'\\''s'`",
      "`a\"b`                                     | `'a\"b'`",
      "a\\b                                       | 'a\\b'",
      "`a;b|c&d>e<f`                              | `'a;b|c&d>e<f'`",
      "~user                                      | '~user'",
  })
  void quotesOnlyWhatAPosixShellWouldChange(String word, String quoted) {
    assertThat(Shell.quote(word)).isEqualTo(quoted);
  }

  @org.junit.jupiter.api.Test
  void keepsNewlinesInsideSingleQuotes() {
    assertThat(Shell.quote("line1\nline2")).isEqualTo("'line1\nline2'");
  }
}
