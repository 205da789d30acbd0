package io.gitopsruntime.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.NameRules;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValuesFilesTest {
  @TempDir Path dir;

  private Path write(String name, String yaml) throws IOException {
    return Files.writeString(dir.resolve(name), yaml);
  }

  @Nested
  class Reading {
    @Test
    void layersLaterFilesOverEarlierOnesAsHelmDoes() throws IOException {
      Path base = write("base.yaml", "global:\n  runtime:\n    name: base\n  codefresh:\n    accountId: acc\n");
      Path prod = write("prod.yaml", "global:\n  runtime:\n    name: prod-eu\n");

      ValuesFiles files = ValuesFiles.builder().file(base).file(prod).namespace("runtimes").read();

      assertThat(files.readable()).isTrue();
      assertThat(files.problems()).isEmpty();
      assertThat(files.installation().runtimeName()).isEqualTo("prod-eu");
      assertThat(files.installation().values().global().codefresh().accountId()).hasValue("acc");
      assertThat(files.installation().namespace()).isEqualTo("runtimes");
      assertThat(files.sources()).isEqualTo(base + ", " + prod);
      assertThat(files.locationOf("global.runtime.name")).hasValueSatisfying(l -> assertThat(l.toString()).startsWith(prod + ":3:"));
    }

    @Test
    void readsAStreamAtItsPlaceAmongTheFiles() throws IOException {
      Path base = write("base.yaml", "global:\n  runtime:\n    name: base\n");
      byte[] stdin = "global:\n  runtime:\n    name: from-stdin\n".getBytes(StandardCharsets.UTF_8);

      ValuesFiles files = ValuesFiles.builder().file(base).input("<stdin>", new ByteArrayInputStream(stdin)).read();

      assertThat(files.runtimeName()).isEqualTo("from-stdin");
      assertThat(files.sources()).isEqualTo(base + ", <stdin>");
    }

    @Test
    void namesTheRuntimeCodefreshWhenTheValuesGiveNoNameButKeepsTheValuesAsGiven() throws IOException {
      ValuesFiles files = ValuesFiles.read(write("v.yaml", "global:\n  codefresh:\n    accountId: acc\n"));

      assertThat(files.runtimeName()).isEqualTo(RuntimeInstallation.DEFAULT_RUNTIME_NAME);
      assertThat(files.installation().runtimeName()).isEqualTo(RuntimeInstallation.DEFAULT_RUNTIME_NAME);
      assertThat(ValuesYaml.write(files.valuesAsGiven(), SecretHandling.MASK)).doesNotContain("name: codefresh");
    }

    @Test
    void reportsAMissingFileAsAFindingInsteadOfThrowing() {
      Path missing = dir.resolve("nope.yaml");

      ValuesFiles files = ValuesFiles.read(missing);

      assertThat(files.readable()).isFalse();
      assertThat(files.readErrors()).singleElement().satisfies(f -> {
        assertThat(f.ruleId()).isEqualTo(ValuesFiles.FILE_UNREADABLE);
        assertThat(f.message()).isEqualTo(missing + ": no such file. Check the path of the values file.");
      });
      assertThat(files.installation().values().global().codefresh().accountId()).isEmpty();
      assertThat(files.installation().runtimeName()).isEqualTo(RuntimeInstallation.DEFAULT_RUNTIME_NAME);
    }

    @Test
    void reportsMalformedYamlWithItsPlace() throws IOException {
      Path file = write("bad.yaml", "global:\n  runtime:\n    name: prod\n   ingress: {\n");

      ValuesFiles files = ValuesFiles.read(file);

      Finding error = files.readErrors().get(0);
      assertThat(error.ruleId()).isEqualTo(ValuesFiles.YAML_MALFORMED);
      assertThat(files.locationOf(error)).hasValueSatisfying(l -> assertThat(l.toString()).startsWith(file + ":4:"));
      assertThat(files.validateOffline(ValidatorChain.builder().build()).findings()).containsExactly(error);
    }

    @Test
    void reportsMalformedNamesAsGivenAndBuildsWithTheDefaults() throws IOException {
      ValuesFiles files = ValuesFiles.builder().file(write("v.yaml", "global:\n  runtime:\n    name: Prod_EU\n"))
          .namespace("Bad NS").releaseName("ok-release").read();

      assertThat(files.problems()).extracting(Finding::ruleId).containsExactly(NameRules.RUNTIME_NAME, NameRules.NAMESPACE);
      assertThat(files.namesValid()).isFalse();
      assertThat(files.runtimeName()).isEqualTo("Prod_EU");
      assertThat(files.namespace()).isEqualTo("Bad NS");
      assertThat(files.installation().runtimeName()).isEqualTo(RuntimeInstallation.DEFAULT_RUNTIME_NAME);
      assertThat(files.installation().namespace()).isEqualTo(RuntimeInstallation.DEFAULT_NAMESPACE);
      assertThat(files.installation().releaseName()).isEqualTo("ok-release");
    }
  }

  @Nested
  class Report {
    @Test
    void ordersBySeverityThenByPlaceInTheFilesAndKeepsOneFindingPerRuleAndPath() throws IOException {
      ValuesFiles files = ValuesFiles.read(write("v.yaml",
          "global:\n  codefresh:\n    accountId: acc\n  runtime:\n    name: prod-eu\n    ingress:\n      enabled: \"yes\"\n"));
      Finding mistyped = files.problems().get(0);
      Finding runtimeWarning = Finding.warning("w.rule", "global.runtime.name", "w", "fix w");
      Finding accountError = Finding.error("a.rule", "global.codefresh.accountId", "a", "fix a");
      Finding nowhere = Finding.error("n.rule", "", "n", "fix n");

      ValidationReport report = files.report(ValidationReport.of(List.of(
          runtimeWarning, nowhere, Finding.error("other.type", "global.runtime.ingress.enabled", "again", "fix"),
          Finding.error(NameRules.RUNTIME_NAME, "global.runtime.name", "stand-in", "fix"), accountError,
          Finding.error("a.rule", "global.codefresh.accountId", "a twice", "fix a"))));

      assertThat(mistyped.ruleId()).isEqualTo("values.type");
      assertThat(report.findings()).containsExactly(accountError, mistyped, nowhere, runtimeWarning);
    }
  }
}
