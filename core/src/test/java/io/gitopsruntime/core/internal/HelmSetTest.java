package io.gitopsruntime.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsruntime.InvalidValuesException;
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
    void writesBooleansWithSet() {
      assertThat(flag(true)).isEqualTo(new HelmSet.Flag("--set", "a.b=true"));
      assertThat(flag(false)).isEqualTo(new HelmSet.Flag("--set", "a.b=false"));
    }

    @Test
    void writesWholeNumbersWithSetJsonSoThatHelmReadsAFloat64AsFromAValuesFile() {
      assertThat(flag(8081L)).isEqualTo(new HelmSet.Flag("--set-json", "a.b=8081"));
      assertThat(flag(-1)).isEqualTo(new HelmSet.Flag("--set-json", "a.b=-1"));
      assertThat(flag(BigInteger.TEN)).isEqualTo(new HelmSet.Flag("--set-json", "a.b=10"));
      assertThat(flag(9007199254740992L)).isEqualTo(new HelmSet.Flag("--set-json", "a.b=9007199254740992"));
      assertThat(flag(BigInteger.TWO.pow(70))).isEqualTo(new HelmSet.Flag("--set-json", "a.b=1180591620717411303424"));
    }

    @Test
    void writesFractionsWithSetJson() {
      assertThat(flag(0.25)).isEqualTo(new HelmSet.Flag("--set-json", "a.b=0.25"));
      assertThat(flag(1e-7)).isEqualTo(new HelmSet.Flag("--set-json", "a.b=1.0E-7"));
      assertThat(flag(new java.math.BigDecimal("2.50"))).isEqualTo(new HelmSet.Flag("--set-json", "a.b=2.50"));
    }

    @Test
    void writesAnExplicitNullWithSet() {
      assertThat(flag(ExplicitNull.INSTANCE)).isEqualTo(new HelmSet.Flag("--set", "a.b=null"));
    }

    @Test
    void writesEmptyContainersWithSetJson() {
      assertThat(flag(List.of())).isEqualTo(new HelmSet.Flag("--set-json", "a.b=[]"));
      assertThat(flag(Map.of())).isEqualTo(new HelmSet.Flag("--set-json", "a.b={}"));
    }
  }

  @Nested
  class ValuesHelmRefuses {
    @Test
    void refusesAWholeNumberAFloat64CannotHold() {
      assertThatThrownBy(() -> flag(9007199254740993L))
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("a.b: 9007199254740993 would change value in Helm: Helm holds numbers as 64-bit floats, which keep"
              + " whole numbers exact only up to 2^53 (9007199254740992), so it would use 9007199254740992. Quote the value"
              + " to pass it as text, or use a number Helm can hold.")
          .extracting(e -> ((InvalidValuesException) e).valuesPath()).isEqualTo("a.b");
    }

    @ParameterizedTest
    @CsvSource({"Infinity, .inf", "-Infinity, -.inf", "NaN, .nan"})
    void refusesInfinityAndNan(double value, String text) {
      assertThatThrownBy(() -> flag(value))
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("a.b: " + text + " is not a value Helm accepts: Helm turns values into JSON, which has no infinity or NaN,"
              + " and fails with \"json: unsupported value\". Use a finite number, or quote the value (\"" + text
              + "\") to pass it as text.");
    }

    @Test
    void refusesANulCharacterWithoutQuotingTheValue() {
      assertThatThrownBy(() -> flag("s3cr3t\0tail"))
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("a.b: the value holds a NUL character, which no command line can carry (a shell drops it, so Helm"
              + " would get another value). Remove the NUL character from the value.");
    }

    @Test
    void acceptsThirtyOneKeysInARowAndRefusesThirtyTwo() {
      ValuesPath path = ValuesPath.root();
      for (int i = 0; i < 31; i++) {
        path = path.key("k" + i);
      }
      assertThat(HelmSet.of(path, "x").flag()).isEqualTo("--set");
      ValuesPath deeper = path.key("k31");
      assertThatThrownBy(() -> HelmSet.of(deeper, "x"))
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage(deeper + ": the path is too deep for Helm's --set, which accepts at most 31 keys in a row"
              + " (\"value name nested level is greater than maximum supported nested level of 30\"). Install with the"
              + " values file (helm -f) instead, or move the value up.");
    }

    @Test
    void refusesAnEmptyKey() {
      assertThatThrownBy(() -> HelmSet.of(ValuesPath.ofKeys("extra", "", "x"), "v"))
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("extra..x: the path has an empty key, which Helm's --set cannot name (it drops the value). Give the key a"
              + " name, or install with the values file (helm -f) instead.");
    }

    @Test
    void refusesANulCharacterInAKey() {
      assertThatThrownBy(() -> HelmSet.of(ValuesPath.ofKeys("extra", "a\0b"), "v"))
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("extra.a\\0b: a key holds a NUL character, which no command line can carry. Remove the NUL character"
              + " from the key.");
    }

    @Test
    void aListIndexStartsNoNewLevel() {
      ValuesPath path = ValuesPath.root();
      for (int i = 0; i < 16; i++) {
        path = path.key("a" + i);
      }
      path = path.index(0);
      for (int i = 0; i < 16; i++) {
        path = path.key("b" + i);
      }
      assertThat(HelmSet.of(path, "x").flag()).isEqualTo("--set");
      ValuesPath deeper = path.key("b16");
      assertThatThrownBy(() -> HelmSet.of(deeper, "x")).isInstanceOf(InvalidValuesException.class);
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
