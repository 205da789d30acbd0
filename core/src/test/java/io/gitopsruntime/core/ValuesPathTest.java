package io.gitopsruntime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesPathTest {
  private static final String HOW =
      " Write keys joined by '.', indexes as [0], for example global.runtime.ingress.hosts[0].";

  @Nested
  class Valid {
    @ParameterizedTest
    @ValueSource(strings = {
        "global",
        "global.runtime.name",
        "global.runtime.ingress.hosts[0]",
        "global.runtime.httpRoute.parentRefs[1].name",
        "a[0][12].b",
        "tunnel-client.enabled",
        "argo-cd.configs.tls.certificates.git\\.example\\.com",
        "argo-cd.configs.cm.accounts\\.admin",
        "a\\=b.c\\,d",
        "back\\\\slash",
        "brackets\\[0\\]",
        "spaces are keys too.ü",
    })
    void formatsWhatItParsed(String text) {
      assertThat(ValuesPath.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void parsesKeysAndIndexes() {
      assertThat(ValuesPath.parse("global.runtime.ingress.hosts[0]").segments()).containsExactly(
          new ValuesPath.Key("global"), new ValuesPath.Key("runtime"), new ValuesPath.Key("ingress"),
          new ValuesPath.Key("hosts"), new ValuesPath.Index(0));
      assertThat(ValuesPath.parse("a[3][4]").segments())
          .containsExactly(new ValuesPath.Key("a"), new ValuesPath.Index(3), new ValuesPath.Index(4));
    }

    @Test
    void unescapesKeys() {
      assertThat(ValuesPath.parse("certificates.git\\.example\\.com").segments())
          .containsExactly(new ValuesPath.Key("certificates"), new ValuesPath.Key("git.example.com"));
      assertThat(ValuesPath.parse("a\\\\b\\=c\\,d\\[e\\]").segments()).containsExactly(new ValuesPath.Key("a\\b=c,d[e]"));
    }

    @Test
    void escapesEverySpecialCharacterOfAKeyAndNothingElse() {
      ValuesPath path = ValuesPath.ofKeys("argo-cd", "a.b[c]=d,e\\f", "tunnel-client");

      assertThat(path).hasToString("argo-cd.a\\.b\\[c\\]\\=d\\,e\\\\f.tunnel-client");
      assertThat(ValuesPath.parse(path.toString())).isEqualTo(path);
    }

    @Test
    void buildsPathsStepByStep() {
      ValuesPath path = ValuesPath.root().key("global").key("runtime").key("ingress").key("hosts").index(0);

      assertThat(path).isEqualTo(ValuesPath.parse("global.runtime.ingress.hosts[0]"));
      assertThat(path).hasSameHashCodeAs(ValuesPath.parse("global.runtime.ingress.hosts[0]"));
      assertThat(path.index(1).key("x")).hasToString("global.runtime.ingress.hosts[0][1].x");
    }

    @Test
    void theEmptyTextIsTheRoot() {
      assertThat(ValuesPath.parse("")).isSameAs(ValuesPath.root());
      assertThat(ValuesPath.root().isRoot()).isTrue();
      assertThat(ValuesPath.root()).hasToString("");
      assertThat(ValuesPath.root().segments()).isEmpty();
    }

    @Test
    void knowsItsParentAndPrefixes() {
      ValuesPath hosts0 = ValuesPath.parse("global.runtime.ingress.hosts[0]");

      assertThat(hosts0.parent()).isEqualTo(ValuesPath.parse("global.runtime.ingress.hosts"));
      assertThat(ValuesPath.root().parent()).isSameAs(ValuesPath.root());
      assertThat(hosts0.startsWith(ValuesPath.parse("global.runtime"))).isTrue();
      assertThat(hosts0.startsWith(hosts0)).isTrue();
      assertThat(hosts0.startsWith(ValuesPath.root())).isTrue();
      assertThat(hosts0.startsWith(ValuesPath.parse("global.run"))).isFalse();
      assertThat(ValuesPath.parse("global").startsWith(hosts0)).isFalse();
    }

    @Test
    void aKeyThatLooksLikeAnIndexIsStillAKey() {
      assertThat(ValuesPath.parse("a.0").segments()).containsExactly(new ValuesPath.Key("a"), new ValuesPath.Key("0"));
      assertThat(ValuesPath.parse("a.0")).isNotEqualTo(ValuesPath.parse("a[0]"));
    }
  }

  @Nested
  class Invalid {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a..b       | an empty key (at character 3)",
        ".a         | an empty key (at character 1)",
        "a.         | the path ends with '.' (at character 2)",
        "a[0].      | the path ends with '.' (at character 5)",
        "a.[0]      | an empty key (at character 3)",
        "a\\        | a trailing '\\' escapes nothing (at character 2)",
        "[0]        | an index needs a key before it (at character 1)",
        "a[0        | '[' is not closed (at character 2)",
        "a[x]       | an index must be a non-negative number, not \"x\" (at character 2)",
        "a[-1]      | an index must be a non-negative number, not \"-1\" (at character 2)",
        "a[]        | an index must be a non-negative number, not \"\" (at character 2)",
        "a[0]b      | expected '.' or '[' after ']' (at character 5)",
        "a]b        | ']' must be escaped as '\\]' inside a key (at character 2)",
        "a=b        | '=' must be escaped as '\\=' inside a key (at character 2)",
        "a,b        | ',' must be escaped as '\\,' inside a key (at character 2)",
    })
    void rejectsMalformedPathsSayingWhereAndHow(String text, String why) {
      assertThatThrownBy(() -> ValuesPath.parse(text))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("\"" + text + "\" is not a values path: " + why + "." + HOW);
    }

    @Test
    void rejectsNegativeIndexes() {
      assertThatThrownBy(() -> ValuesPath.root().key("a").index(-1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("index < 0: -1");
    }

    @Test
    void rejectsNullKeys() {
      assertThatThrownBy(() -> new ValuesPath.Key(null)).isInstanceOf(NullPointerException.class).hasMessage("name == null");
    }
  }

  @Test
  void segmentsCannotBeChanged() {
    List<ValuesPath.Segment> segments = ValuesPath.parse("a.b").segments();

    assertThatThrownBy(() -> segments.add(new ValuesPath.Index(0))).isInstanceOf(UnsupportedOperationException.class);
  }
}
