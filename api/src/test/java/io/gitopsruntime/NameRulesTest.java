package io.gitopsruntime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameRulesTest {
  private static final String RUNTIME_RULE =
      " is not a valid runtime name: it must start with a lower-case letter and contain only lower-case letters,"
          + " digits and '-', at most 38 characters.";
  private static final String NAMESPACE_RULE =
      " is not a valid namespace: it must be a DNS-1123 label (lower-case letters, digits and '-', starting and"
          + " ending with a letter or digit, at most 63 characters).";
  private static final String RELEASE_RULE =
      " is not a valid Helm release name: it must contain only lower-case letters, digits, '-' and '.', start and"
          + " end with a letter or digit, and have at most 53 characters.";

  @Nested
  class RuntimeName {
    @ParameterizedTest
    @ValueSource(strings = {"codefresh", "prod-eu", "a", "a1", "from-terraform", "test-runtime1",
        "abcdefghijklmnopqrstuvwxyz012345678901"})
    void acceptsValidRuntimeNames(String name) {
      assertThat(NameRules.checkRuntimeName(name)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Prod_EU                                 | prod-eu",
        "prod_eu                                 | prod-eu",
        "1prod                                   | prod",
        "prod-                                   | prod",
        "-prod                                   | prod",
        "prod eu                                 | prod-eu",
        "prod--eu!                               | prod-eu",
        "abcdefghijklmnopqrstuvwxyz0123456789012 | abcdefghijklmnopqrstuvwxyz012345678901",
        "abcdefghijklmnopqrstuvwxyz012345678901- | abcdefghijklmnopqrstuvwxyz012345678901",
        "abcdefghijklmnopqrstuvwxyz01234567890-xy | abcdefghijklmnopqrstuvwxyz01234567890",
        "123                                     | codefresh",
        "___                                     | codefresh",
    })
    void rejectsInvalidRuntimeNamesWithASuggestion(String name, String suggestion) {
      Optional<Finding> finding = NameRules.checkRuntimeName(name);

      assertThat(finding).hasValueSatisfying(f -> {
        assertThat(f.ruleId()).isEqualTo("runtime-name.format");
        assertThat(f.path()).isEqualTo("global.runtime.name");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).isEqualTo("\"" + name + "\"" + RUNTIME_RULE);
        assertThat(f.remediation()).isEqualTo("Use for example \"" + suggestion + "\".");
      });
      assertThat(NameRules.checkRuntimeName(suggestion)).isEmpty();
    }

    @Test
    void rejectsTheEmptyName() {
      assertThat(NameRules.checkRuntimeName("")).hasValueSatisfying(f ->
          assertThat(f.describe()).isEqualTo("global.runtime.name: \"\"" + RUNTIME_RULE + " Use for example \"codefresh\"."));
    }

    @Test
    void quotesBackslashesAndQuotesOfTheRejectedName() {
      assertThat(NameRules.checkRuntimeName("a\"b\\c")).hasValueSatisfying(f ->
          assertThat(f.message()).startsWith("\"a\\\"b\\\\c\" is not a valid runtime name"));
    }
  }

  @Nested
  class Namespace {
    @ParameterizedTest
    @ValueSource(strings = {"codefresh", "a", "0", "1abc", "team-a-runtime",
        "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0"})
    void acceptsDns1123Labels(String namespace) {
      assertThat(NameRules.checkNamespace(namespace)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "My_NS   | my-ns",
        "-abc    | abc",
        "abc-    | abc",
        "a.b     | a-b",
        "'  '    | codefresh",
        "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz01 | abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0",
    })
    void rejectsOthersWithASuggestion(String namespace, String suggestion) {
      assertThat(NameRules.checkNamespace(namespace)).hasValueSatisfying(f -> {
        assertThat(f.ruleId()).isEqualTo("namespace.format");
        assertThat(f.path()).isEqualTo("namespace");
        assertThat(f.message()).isEqualTo("\"" + namespace + "\"" + NAMESPACE_RULE);
        assertThat(f.remediation()).isEqualTo("Use for example \"" + suggestion + "\".");
      });
      assertThat(NameRules.checkNamespace(suggestion)).isEmpty();
    }
  }

  @Nested
  class ReleaseName {
    @ParameterizedTest
    @ValueSource(strings = {"cf-gitops-runtime", "a", "0", "runtime.v2", "my-codefresh-runtime",
        "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopq"})
    void acceptsHelmReleaseNames(String release) {
      assertThat(NameRules.checkReleaseName(release)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "CF_Runtime | cf-runtime",
        "a..b       | a-b",
        ".runtime   | runtime",
        "runtime-   | runtime",
        "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqr | abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopq",
        "'%%%'      | cf-gitops-runtime",
    })
    void rejectsOthersWithASuggestion(String release, String suggestion) {
      assertThat(NameRules.checkReleaseName(release)).hasValueSatisfying(f -> {
        assertThat(f.ruleId()).isEqualTo("release-name.format");
        assertThat(f.path()).isEqualTo("release");
        assertThat(f.message()).isEqualTo("\"" + release + "\"" + RELEASE_RULE);
        assertThat(f.remediation()).isEqualTo("Use for example \"" + suggestion + "\".");
      });
      assertThat(NameRules.checkReleaseName(suggestion)).isEmpty();
    }
  }

  @Nested
  class ChartVersion {
    @ParameterizedTest
    @ValueSource(strings = {"0.30.0", "0.2.14", "1.0.0", "v0.30.0", "0.30.1-rc.1", "0.30.1-alpha.0.beta",
        "1.0.0+build.5", "1.0.0-rc.1+sha.5114f85"})
    void acceptsSemVer2Versions(String version) {
      assertThat(NameRules.checkChartVersion(version)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "latest", "0.30", "1", "01.0.0", "1.0.0-", "1.0.0-01", "1.0.0+", ">=0.30.0", "0.30.x"})
    void rejectsEverythingElse(String version) {
      assertThat(NameRules.checkChartVersion(version)).hasValueSatisfying(f -> {
        assertThat(f.ruleId()).isEqualTo("chart-version.format");
        assertThat(f.path()).isEqualTo("chartVersion");
        assertThat(f.describe()).isEqualTo("chartVersion: \"" + version + "\" is not a chart version: chart versions are"
            + " SemVer 2 versions (MAJOR.MINOR.PATCH with an optional -prerelease and +build)."
            + " Use an exact released version, for example \"0.30.0\".");
      });
    }
  }
}
