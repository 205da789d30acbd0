package io.gitopsruntime.examples;

import static io.gitopsruntime.testing.GitOpsRuntimeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validators.Validators;
import io.gitopsruntime.values.SecretValue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The team rule as users meet it: inside a chain, next to the built-in validators. */
class TeamPrefixValidatorTest {
  private static final ValidatorChain CHAIN = ValidatorChain.builder()
      .addAll(Validators.offline())
      .add(new TeamPrefixValidator("payments-"))
      .build();

  private static ValidationReport validate(String runtimeName) {
    RuntimeInstallation installation = RuntimeInstallation.builder()
        .runtimeName(runtimeName)
        .tunnel("628a80b693a15c0f9c13ab75", SecretValue.fromSecret("codefresh-user-token", "token"))
        .build();
    return CHAIN.validate(ValidationContext.builder(installation).offline(true).build());
  }

  @Nested
  class Valid {
    @Test
    void acceptsARuntimeNameWithTheTeamPrefix() {
      assertThat(validate("payments-prod-eu")).hasNoErrors();
    }
  }

  @Nested
  class Invalid {
    @Test
    void rejectsARuntimeNameWithoutTheTeamPrefix() {
      ValidationReport report = validate("prod-eu");

      assertThat(report).hasErrorAt("global.runtime.name").hasFinding(TeamPrefixValidator.RULE_ID);
      assertThat(report.errors()).singleElement().hasToString("ERROR [team.runtime-prefix] global.runtime.name:"
          + " \"prod-eu\" does not start with the team prefix \"payments-\". Rename the runtime to \"payments-prod-eu\".");
    }

    @Test
    void suggestsANameWithinTheChartsLengthLimit() {
      ValidationReport report = validate("eu-west-1-primary-cluster-for-cards");

      assertThat(report.errors()).singleElement().extracting(f -> f.remediation())
          .isEqualTo("Rename the runtime to \"payments-eu-west-1-primary-cluster-for\".");
    }

    @Test
    void rejectsAnEmptyPrefix() {
      assertThatThrownBy(() -> new TeamPrefixValidator(" "))
          .hasMessage("The team prefix is empty. Give the start of the team's runtime names, such as \"payments-\".");
    }
  }

  @Nested
  class FromTheExampleMain {
    @Test
    void reportsThePolicyErrorAndExitsWithOne() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      int exitCode = CheckTeamPolicy.run(new String[] {"prod-eu"}, new PrintStream(out, true, StandardCharsets.UTF_8));

      assertThat(exitCode).isEqualTo(1);
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("prod-eu: does not follow the team policy\n"
          + "ERROR [team.runtime-prefix] global.runtime.name: \"prod-eu\" does not start with the team prefix"
          + " \"payments-\". Rename the runtime to \"payments-prod-eu\".\n");
    }

    @Test
    void passesANameThatFollowsThePolicy() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      int exitCode = CheckTeamPolicy.run(new String[] {"payments-prod-eu"}, new PrintStream(out, true, StandardCharsets.UTF_8));

      assertThat(exitCode).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("payments-prod-eu: ok\n");
    }
  }
}
