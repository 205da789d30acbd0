package io.gitopsruntime.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.values.ExplicitNull;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The flags must give Helm exactly the value and type of each leaf. Helm's {@code --set} parser reads
 * {@code true}/{@code false}/{@code null} in any case, {@code 0} and base-10 int64s without a leading
 * zero (an optional sign included) as typed values, a value starting with '{' as a list (with
 * {@code --set-string} too), and '\' escapes the next character.
 */
class HelmSetTest {
  private static final ValuesPath KEY = ValuesPath.parse("a.b");

  private static HelmSet.Flag flag(Object value) {
    return HelmSet.of(KEY, value);
  }

  @Nested
  class Strings {
    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "False", "null", "NULL", "Null", "0", "123", "-42", "+7", "-0", "-05",
        "9223372036854775807", "-9223372036854775808"})
    void usesSetStringForStringsHelmWouldReadAsAnotherType(String s) {
      assertThat(flag(s)).isEqualTo(new HelmSet.Flag("--set-string", "a.b=" + s));
      assertThat(HelmSet.misread(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod-eu", "007", "0x1F", "1.5", "1e3", "yes", "on", "~", "", "9223372036854775808",
        "12a", "- 1", "١٢٣", "+", "-"})
    void usesSetForStringsHelmReadsAsStrings(String s) {
      assertThat(flag(s)).isEqualTo(new HelmSet.Flag("--set", "a.b=" + s));
      assertThat(HelmSet.misread(s)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "localhost,127.0.0.1   | localhost\\,127.0.0.1",
        "C:\\dir              | C:\\\\dir",
        "a\\,b                | a\\\\\\,b",
        "{not a list}         | \\{not a list}",
        "{a,b}                | \\{a\\,b}",
        "x{y}                 | x{y}",
        "key=value            | key=value",
        "`it's \"quoted\"`    | `it's \"quoted\"`",
    })
    void escapesWhatHelmsParserWouldSplitOrUnescape(String value, String escaped) {
      assertThat(flag(value).assignment()).isEqualTo("a.b=" + escaped);
    }

    @Test
    void escapesAStringLookingLikeATypedValueAndAList() {
      assertThat(HelmSet.escape("{true}")).isEqualTo("\\{true}");
    }
  }

  @Nested
  class TypedValues {
    @Test
    void writesBooleansAndWholeNumbersWithSet() {
      assertThat(flag(true)).isEqualTo(new HelmSet.Flag("--set", "a.b=true"));
      assertThat(flag(8081L)).isEqualTo(new HelmSet.Flag("--set", "a.b=8081"));
      assertThat(flag(-1)).isEqualTo(new HelmSet.Flag("--set", "a.b=-1"));
    }

    @Test
    void writesAnExplicitNullWithSet() {
      assertThat(flag(ExplicitNull.INSTANCE)).isEqualTo(new HelmSet.Flag("--set", "a.b=null"));
    }

    @Test
    void writesNumbersSetCannotTypeWithSetJson() {
      assertThat(flag(0.25)).isEqualTo(new HelmSet.Flag("--set-json", "a.b=0.25"));
      assertThat(flag(new BigInteger("123456789012345678901234567890")))
          .isEqualTo(new HelmSet.Flag("--set-json", "a.b=123456789012345678901234567890"));
      assertThat(flag(BigInteger.TEN)).isEqualTo(new HelmSet.Flag("--set", "a.b=10"));
    }

    @Test
    void writesEmptyContainersWithSetJson() {
      assertThat(flag(List.of())).isEqualTo(new HelmSet.Flag("--set-json", "a.b=[]"));
      assertThat(flag(Map.of())).isEqualTo(new HelmSet.Flag("--set-json", "a.b={}"));
    }
  }

  @Test
  void escapesTheKeyAsAValuesPath() {
    assertThat(HelmSet.of(ValuesPath.ofKeys("argo-cd", "configs", "cm", "accounts.admin"), "apiKey,login"))
        .isEqualTo(new HelmSet.Flag("--set", "argo-cd.configs.cm.accounts\\.admin=apiKey\\,login"));
    assertThat(HelmSet.of(ValuesPath.parse("global.runtime.ingress.hosts[0]"), "x.example.com"))
        .isEqualTo(new HelmSet.Flag("--set", "global.runtime.ingress.hosts[0]=x.example.com"));
  }
}
