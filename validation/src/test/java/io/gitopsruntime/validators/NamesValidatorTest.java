package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.values.ExplicitNull;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NamesValidatorTest {
  private final NamesValidator validator = new NamesValidator();

  @Nested
  class Valid {
    @Test
    void acceptsTheInstallationPageDefaults() throws Exception {
      assertThat(Fixtures.run(validator, v -> v)).isEmpty();
    }

    @Test
    void acceptsHyphenatedNamesAndAPinnedChartVersion() {
      assertThat(NamesValidator.check("my-release", "team-a", "from-terraform", Optional.of("0.30.0"), false))
          .isEmpty();
    }
  }

  @Nested
  class Invalid {
    @Test
    void rejectsEveryMalformedNameAtOnce() {
      List<Finding> findings =
          NamesValidator.check("My_Release", "Team A", "Prod_EU", Optional.of("latest"), false);

      assertThat(findings).containsExactly(
          error(NamesValidator.ID, "runtime-name.format", "global.runtime.name",
              "\"Prod_EU\" is not a valid runtime name: it must start with a lower-case letter and contain only"
                  + " lower-case letters, digits and '-', at most 38 characters.",
              "Use for example \"prod-eu\"."),
          error(NamesValidator.ID, "namespace.format", "namespace",
              "\"Team A\" is not a valid namespace: it must be a DNS-1123 label (lower-case letters, digits and"
                  + " '-', starting and ending with a letter or digit, at most 63 characters).",
              "Use for example \"team-a\"."),
          error(NamesValidator.ID, "release-name.format", "release",
              "\"My_Release\" is not a valid Helm release name: it must contain only lower-case letters, digits,"
                  + " '-' and '.', start and end with a letter or digit, and have at most 53 characters.",
              "Use for example \"my-release\"."),
          error(NamesValidator.ID, "chart-version.format", "chartVersion",
              "\"latest\" is not a chart version: chart versions are SemVer 2 versions (MAJOR.MINOR.PATCH with an"
                  + " optional -prerelease and +build).",
              "Use an exact released version, for example \"0.30.0\"."));
    }

    @Test
    void warnsAlikeWhenTheValuesFileGaveANullOrEmptyRuntimeName() throws Exception {
      for (Object given : new Object[] {ExplicitNull.INSTANCE, "", "  "}) {
        List<Finding> findings = Fixtures.run(validator, v -> Fixtures.runtime(v,
            r -> r.withName("codefresh").withAdditionalValues(Map.of("name", given))));

        assertThat(findings).as("name: %s", given).containsExactly(warning(NamesValidator.ID,
            "runtime-name.defaulted", "global.runtime.name",
            "global.runtime.name is not set (absent, null or empty): the SDK installs the runtime as \"codefresh\","
                + " the installation page's default, but the chart has no default, so these values alone fail with"
                + " plain Helm (\"global.runtime.name is required\").",
            "Set global.runtime.name to a name unique in the account, for example \"prod-eu\"."));
      }
    }

    @Test
    void warnsWhenAnInstallationBuiltInJavaGaveNoRuntimeName() throws Exception {
      RuntimeInstallation installation = RuntimeInstallation.builder().build();

      assertThat(validator.validate(ValidationContext.builder(installation).build()))
          .extracting(Finding::ruleId).containsExactly("runtime-name.defaulted");
      assertThat(validator.validate(ValidationContext.builder(installation.toBuilder().runtimeName("codefresh").build()).build()))
          .as("a name given as codefresh is not defaulted").isEmpty();
    }

    @Test
    void saysNothingOnceANameIsSetOverAnEmptyOne() throws Exception {
      assertThat(Fixtures.run(validator, v -> Fixtures.runtime(v,
          r -> r.withName("staging").withAdditionalValues(Map.of("name", ExplicitNull.INSTANCE))))).isEmpty();
    }
  }
}
