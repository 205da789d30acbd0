package io.gitopsruntime.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FindingTest {
  @Nested
  class Factories {
    @Test
    void errorHasEveryPart() {
      Finding finding = Finding.error("rule.id", "global.runtime.name", "it is wrong.", "Fix it.");

      assertThat(finding.ruleId()).isEqualTo("rule.id");
      assertThat(finding.path()).isEqualTo("global.runtime.name");
      assertThat(finding.severity()).isEqualTo(Severity.ERROR);
      assertThat(finding.message()).isEqualTo("it is wrong.");
      assertThat(finding.remediation()).isEqualTo("Fix it.");
      assertThat(finding.validatorId()).isEmpty();
    }

    @Test
    void warningIsAWarning() {
      assertThat(Finding.warning("r", "p", "m", "f").severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void infoNeedsNoRemediation() {
      Finding info = Finding.info("r", "p", "m");

      assertThat(info.severity()).isEqualTo(Severity.INFO);
      assertThat(info.remediation()).isEmpty();
    }

    @Test
    void builderDefaultsRemediationAndValidatorToEmpty() {
      Finding finding = Finding.builder().ruleId("r").path("").severity(Severity.INFO).message("m").build();

      assertThat(finding.remediation()).isEmpty();
      assertThat(finding.validatorId()).isEmpty();
    }

    @Test
    void withValidatorIdReturnsANamedCopy() {
      Finding finding = Finding.error("r", "p", "m", "f");

      assertThat(finding.withValidatorId("v").validatorId()).isEqualTo("v");
      assertThat(finding.validatorId()).isEmpty();
    }
  }

  @Nested
  class Describe {
    @Test
    void joinsPathMessageAndRemediation() {
      assertThat(Finding.error("r", "global.runtime.name", "\"Prod\" is not valid.", "Use \"prod\".").describe())
          .isEqualTo("global.runtime.name: \"Prod\" is not valid. Use \"prod\".");
    }

    @Test
    void leavesOutAnEmptyPath() {
      assertThat(Finding.error("r", "", "the chain failed.", "Retry.").describe()).isEqualTo("the chain failed. Retry.");
    }

    @Test
    void leavesOutAnEmptyRemediation() {
      assertThat(Finding.info("r", "installer.skipValidation", "the hook is skipped.").describe())
          .isEqualTo("installer.skipValidation: the hook is skipped.");
    }

    @Test
    void toStringAddsSeverityAndRule() {
      assertThat(Finding.warning("ingress.class", "global.runtime.ingress.className", "no such class.", "Create it."))
          .hasToString("WARNING [ingress.class] global.runtime.ingress.className: no such class. Create it.");
    }
  }
}
