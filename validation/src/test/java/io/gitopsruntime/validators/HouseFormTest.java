package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.codefresh;
import static io.gitopsruntime.validators.Fixtures.map;
import static io.gitopsruntime.validators.Fixtures.runtime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.values.AccessMode;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every finding the built-in validators produce is in the house form ({@link HouseForm}). The whole-message
 * assertions of the other tests check the findings they expect through {@link Fixtures}; this test runs every
 * validator, without a cluster or a network, over the shared fixtures and a set of broken values, and checks
 * each finding they produce, including ones no other test spells out.
 */
class HouseFormTest {

  private static List<Validator> everyValidator() {
    List<Validator> all = new ArrayList<>(Validators.all());
    all.add(GitSetupValidator.of("git@github.com:acme/isc", GitProvider.GITLAB, "ftp://gitlab.acme.io/"));
    return all;
  }

  private static List<UnaryOperator<GitOpsRuntimeValues>> brokenValues() {
    return List.of(
        v -> v,
        v -> runtime(v.withAccessMode(AccessMode.ingress("https://runtime.example.com/x", "")), r -> r.withName(""))
            .withAdditionalValues(map("argocd", map(), "argo-rollouts", map("enabled", true))),
        v -> codefresh(v, c -> c.withAccountId("not-an-id").withUrl("http://codefresh.acme.io")),
        v -> v.withAccessMode(AccessMode.httpRoute("", "", "*.example.com"))
            .withAdditionalValues(map("installer", map("skipValidation", true), "app-proxy",
                map("replicaCount", 3), "global", map("httpProxy", "not a url"))));
  }

  private static List<Finding> produced() throws Exception {
    List<Finding> findings = new ArrayList<>();
    for (UnaryOperator<GitOpsRuntimeValues> edit : brokenValues()) {
      RuntimeInstallation installation = Fixtures.tunnel(edit);
      for (ValidationContext context : List.of(Fixtures.context(installation),
          ValidationContext.builder(installation).clock(Fixtures.CLOCK).offline(true).build())) {
        for (Validator validator : everyValidator()) {
          findings.addAll(validator.validate(context));
        }
      }
    }
    return findings;
  }

  @Test
  void everyFindingTheValidatorsProduceIsInTheHouseForm() throws Exception {
    List<Finding> findings = produced();
    assertThat(findings).extracting(Finding::ruleId).hasSizeGreaterThan(40);
    assertThat(findings).allSatisfy(f -> assertThat(HouseForm.problems(f)).as(f.toString()).isEmpty());
  }

  @Nested
  class TheLint {
    private final Finding good = Finding.builder().severity(io.gitopsruntime.validation.Severity.ERROR)
        .validatorId(Validators.NAMES_ID).ruleId(RuleIds.RUNTIME_NAME_FORMAT).path("global.runtime.name")
        .message("\"Prod_EU\" is not a valid runtime name: it must start with a lower-case letter.")
        .remediation("Use for example \"prod-eu\".").build();

    @Test
    void acceptsAFindingInTheHouseForm() {
      assertThat(HouseForm.problems(good)).isEmpty();
    }

    @Test
    void rejectsAnErrorWithoutAFix() {
      assertThat(HouseForm.problems(Finding.builder().from(good).remediation("").build()))
          .containsExactly("the remediation is empty");
    }

    @Test
    void rejectsAMessageThatIsNotASentence() {
      assertThat(HouseForm.problems(Finding.builder().from(good).message("bad name").build()))
          .containsExactly("the message does not start a sentence: bad name",
              "the message does not end with a full stop: bad name");
    }

    @Test
    void rejectsAPathlessFindingWhereRulesMdGivesAPath() {
      assertThat(HouseForm.problems(Finding.builder().from(good).path("").build())).containsExactly(
          "no values path, and RULES.md gives runtime-name.format one (`global.runtime.name`)");
    }

    @Test
    void rejectsAnUndocumentedRuleAndAValidatorRulesMdDoesNotName() {
      assertThat(HouseForm.problems(Finding.builder().from(good).validatorId(Validators.URLS_ID).build()))
          .containsExactly("validator offline.urls is not listed for runtime-name.format in RULES.md");
      assertThat(HouseForm.problems(Finding.builder().from(good).ruleId("names.nothing").build()))
          .containsExactly("rule id names.nothing is not in RULES.md");
    }

    @Test
    void failsATestThatExpectsAFindingOutOfForm() {
      assertThatThrownBy(() -> Fixtures.error(Validators.NAMES_ID, RuleIds.RUNTIME_NAME_FORMAT,
          "global.runtime.name", "bad name.", ""))
          .isInstanceOf(AssertionError.class).hasMessageContaining("the remediation is empty");
    }
  }
}
