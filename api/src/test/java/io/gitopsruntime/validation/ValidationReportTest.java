package io.gitopsruntime.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ValidationReportTest {
  private static final Finding NAME = Finding.error("runtime-name.format", "global.runtime.name", "\"Prod\" is not valid.", "Use \"prod\".");
  private static final Finding HOSTS = Finding.error("ingress.hosts", "global.runtime.ingress.hosts", "the list is empty.", "Add the host.");
  private static final Finding CLASS = Finding.warning("ingress.class", "global.runtime.ingress.className", "no such class.", "Create it.");
  private static final Finding SKIPPED = Finding.info("validation.skipped", "", "skipped cluster checks.");

  private static final ValidationReport REPORT = ValidationReport.of(List.of(NAME, CLASS, HOSTS, SKIPPED));

  @Nested
  class Queries {
    @Test
    void keepsTheFindingsInTheGivenOrder() {
      assertThat(REPORT.findings()).containsExactly(NAME, CLASS, HOSTS, SKIPPED);
    }

    @Test
    void selectsBySeverity() {
      assertThat(REPORT.errors()).containsExactly(NAME, HOSTS);
      assertThat(REPORT.warnings()).containsExactly(CLASS);
      assertThat(REPORT.withSeverity(Severity.INFO)).containsExactly(SKIPPED);
    }

    @Test
    void selectsByPath() {
      assertThat(REPORT.at("global.runtime.ingress.hosts")).containsExactly(HOSTS);
      assertThat(REPORT.at("global.runtime")).isEmpty();
    }

    @Test
    void hasErrorsOnlyWithAnError() {
      assertThat(REPORT.hasErrors()).isTrue();
      assertThat(ValidationReport.of(List.of(CLASS, SKIPPED)).hasErrors()).isFalse();
      assertThat(ValidationReport.empty().hasErrors()).isFalse();
    }

    @Test
    void plusAppendsTheOtherReport() {
      assertThat(ValidationReport.of(List.of(NAME)).plus(ValidationReport.of(List.of(SKIPPED))).findings())
          .containsExactly(NAME, SKIPPED);
    }
  }

  @Nested
  class ThrowIfErrors {
    @Test
    void listsEveryErrorWithItsPathAndFix() {
      assertThatThrownBy(REPORT::throwIfErrors)
          .isInstanceOf(ValidationException.class)
          .hasMessage("2 errors in the values; nothing was installed:\n"
              + "  - global.runtime.name: \"Prod\" is not valid. Use \"prod\".\n"
              + "  - global.runtime.ingress.hosts: the list is empty. Add the host.");
    }

    @Test
    void saysOneErrorInTheSingular() {
      assertThatThrownBy(() -> ValidationReport.of(List.of(CLASS, NAME)).throwIfErrors())
          .isInstanceOf(ValidationException.class)
          .hasMessage("1 error in the values; nothing was installed:\n"
              + "  - global.runtime.name: \"Prod\" is not valid. Use \"prod\".");
    }

    @Test
    void carriesTheWholeReport() {
      assertThatThrownBy(REPORT::throwIfErrors)
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.report()).isEqualTo(REPORT));
    }

    @Test
    void returnsTheReportWithoutErrors() {
      ValidationReport warningsOnly = ValidationReport.of(List.of(CLASS));

      assertThat(warningsOnly.throwIfErrors()).isSameAs(warningsOnly);
    }
  }

  @Nested
  class Text {
    @Test
    void printsOneLinePerFinding() {
      assertThat(ValidationReport.of(List.of(NAME, SKIPPED))).hasToString(
          "ERROR [runtime-name.format] global.runtime.name: \"Prod\" is not valid. Use \"prod\".\n"
              + "INFO [validation.skipped] skipped cluster checks.");
    }

    @Test
    void saysWhenThereAreNoFindings() {
      assertThat(ValidationReport.empty()).hasToString("no findings");
    }
  }
}
