package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ParsedValues;
import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.core.ValuesTree;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.validators.internal.ChartKeys;
import io.gitopsruntime.validators.internal.ChartKeysGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChartKeysValidatorTest {
  private static final String ID = ChartKeysValidator.ID;
  private static final String TYPE = "values.chart-type";
  private static final String UNKNOWN = "values.unknown-key";
  private static final String SUBCHARTS = " is not a value of the chart or of any of its subcharts, so Helm ignores it:"
      + " the chart reads its own sections and global, and a subchart reads only the values under its own name"
      + " (argo-cd, argo-workflows, sealed-secrets, tunnel-client, redis-ha).";

  private final ChartKeysValidator validator = new ChartKeysValidator();

  private List<Finding> run(String... lines) {
    ParsedValues parsed = ValuesYaml.parse(String.join("\n", lines) + "\n", "values.yaml");
    return validator.validate(Fixtures.context(RuntimeInstallation.builder().values(parsed.values()).build()));
  }

  @Nested
  class Valid {
    @Test
    void acceptsTheInstallationPageDefaults() throws Exception {
      assertThat(Fixtures.run(validator, v -> v)).isEmpty();
    }

    @Test
    void acceptsValuesOfTheDefaultsTypes() {
      assertThat(run(
          "global:",
          "  runtime: {name: prod-eu, ingress: {enabled: true, hosts: [a.example.com], tls: [{secretName: t}]}}",
          "  nodeSelector: {pool: gitops}",
          "app-proxy:",
          "  replicaCount: 2",
          "  image: {tag: '1.5.0'}",
          "  service: {port: 3018}",
          "  resources: {limits: {cpu: 2, memory: 2Gi}}",
          "  extraVolumes: [{name: v, emptyDir: {}}]",
          "installer:",
          "  nodeSelector: {pool: hooks}",
          "argo-cd:",
          "  configs: {params: {server.insecure: 'true'}, cm: {accounts.admin: apiKey}, credentialTemplates: {}}",
          "  server: {replicas: 2}",
          "argo-workflows:",
          "  server: {authModes: [client, sso]}"))
          .isEmpty();
    }

    @Test
    void acceptsNumbersAndStringsWhereKubernetesTakesBothOrTheDefaultIsEmpty() {
      assertThat(run(
          "app-proxy: {pdb: {enabled: true, minAvailable: '50%', maxUnavailable: 1}}",
          "internal-router: {resources: {limits: {cpu: 2, memory: 512}}}",
          "installer: {image: {tag: 1}}")).isEmpty();
    }

    @Test
    void acceptsANullThatDeletesADefaultAndAnythingInsideListsAndFreeMaps() {
      assertThat(run(
          "app-proxy: {resources: null, nodeSelector: {a: {b: c}}, extraVolumes: [1, [2], {x: 3}]}",
          "argo-cd: {configs: {cm: {timeout.reconciliation: 30}}}",
          "global: {codefresh: {tls: {caCerts: {secret: {annotations: {a: [1]}}}}}}")).isEmpty();
    }

    @Test
    void acceptsTheChartsOwnValuesFile() throws Exception {
      Optional<Path> chartValues = ChartKeysGenerator.referenceValues();
      assumeTrue(chartValues.isPresent(), "The chart's values.yaml of the reference material is not beside this checkout.");

      assertThat(run(Files.readString(chartValues.get()).replace("  runtime:\n    # -- Runtime name. Must be unique"
          + " per platform account.\n    name:\n", "  runtime:\n    name: prod-eu\n"))).isEmpty();
    }

    @Test
    void leavesKeysTheTypedModelChecksAndEnvBlocksToTheirOwnRules() {
      String[] yaml = {
          "global: {runtime: {ingress: {enabled: 'yes'}}, integrations: {argo-cd: {server: {port: '80'}}}}",
          "redis: {enabled: 'false'}",
          "app-proxy: {env: [a], initContainer: {env: x}}"};
      ParsedValues parsed = ValuesYaml.parse(String.join("\n", yaml) + "\n", "values.yaml");

      assertThat(parsed.problems()).extracting(Finding::path).containsExactlyInAnyOrder(
          "global.runtime.ingress.enabled", "global.integrations.argo-cd.server.port", "redis.enabled");
      assertThat(run(yaml)).isEmpty();
    }

    @Test
    void leavesTopLevelKeysOfOlderChartsToTheDeprecatedKeysRule() {
      assertThat(run("argo-rollouts: {enabled: false}", "argo-events: {}", "cf-argocd-extras: {}")).isEmpty();
    }

    @Test
    void acceptsANullTopLevelKeyWhichSetsNothing() {
      assertThat(run("configs: null")).isEmpty();
    }
  }

  @Nested
  class WrongTypes {
    @Test
    void rejectsAMapWhereTheChartHasAString() {
      assertThat(run("app-proxy: {image: {tag: {a: 1}}}")).containsExactly(error(ID, TYPE, "app-proxy.image.tag",
          "app-proxy.image.tag is a map, but the chart's default is a string (\"1.4124.0\"): the chart's templates"
              + " use it as a string, so the render fails or produces broken objects.",
          "Set app-proxy.image.tag to a string in quotes, like the default \"1.4124.0\", or remove it to keep the"
              + " chart's default."));
    }

    @Test
    void rejectsAListWhereTheChartHasANumber() {
      assertThat(run("internal-router: {service: {port: [80]}}")).containsExactly(error(ID, TYPE,
          "internal-router.service.port",
          "internal-router.service.port is a list, but the chart's default is a number (80): the chart's templates"
              + " use it as a number, so the render fails or produces broken objects.",
          "Set internal-router.service.port to a number without quotes, like the default 80, or remove it to keep"
              + " the chart's default."));
    }

    @Test
    void rejectsAListWhereTheChartHasAnEmptyMap() {
      assertThat(run("installer: {nodeSelector: [a, b]}")).containsExactly(error(ID, TYPE, "installer.nodeSelector",
          "installer.nodeSelector is a list, but the chart's default is a map ({}): the chart's templates read keys"
              + " or items from it, so the render fails or produces broken objects.",
          "Write installer.nodeSelector as a map, its keys indented on the lines below it, or remove it to keep the"
              + " chart's default."));
    }

    @Test
    void rejectsAScalarWhereTheChartHasAMapOrAList() {
      assertThat(run("app-proxy: {resources: small}", "argo-workflows: {server: {authModes: client}}"))
          .containsExactlyInAnyOrder(
              error(ID, TYPE, "app-proxy.resources",
                  "app-proxy.resources is the string \"small\", but the chart's default is a map: the chart's"
                      + " templates read keys or items from it, so the render fails or produces broken objects.",
                  "Write app-proxy.resources as a map, its keys indented on the lines below it, or remove it to keep"
                      + " the chart's default."),
              error(ID, TYPE, "argo-workflows.server.authModes",
                  "argo-workflows.server.authModes is the string \"client\", but the chart's default is a list"
                      + " ([\"client\"]): the chart's templates read keys or items from it, so the render fails or"
                      + " produces broken objects.",
                  "Write argo-workflows.server.authModes as a YAML list, one \"- item\" per line, or remove it to"
                      + " keep the chart's default."));
    }

    @Test
    void warnsAboutAStringWhereTheChartTestsABoolean() {
      assertThat(run("argo-cd: {notifications: {enabled: 'false'}}")).containsExactly(warning(ID, TYPE,
          "argo-cd.notifications.enabled",
          "argo-cd.notifications.enabled is the string \"false\", but the chart's default is a boolean (false): the"
              + " chart's templates test it with if, for which every non-empty string is true, even \"false\".",
          "Set argo-cd.notifications.enabled to true or false without quotes, or remove it to keep the chart's"
              + " default."));
    }

    @Test
    void warnsAboutAStringWhereTheChartUsesANumber() {
      assertThat(run("gitops-operator: {replicaCount: 'two'}")).containsExactly(warning(ID, TYPE,
          "gitops-operator.replicaCount",
          "gitops-operator.replicaCount is the string \"two\", but the chart's default is a number (1): the chart's"
              + " templates use it as a number: comparing a string with a number fails the render, and Kubernetes"
              + " refuses a string where it expects a number.",
          "Set gitops-operator.replicaCount to a number without quotes, like the default 1, or remove it to keep"
              + " the chart's default."));
    }

    @Test
    void warnsAboutANumberWhereTheChartHasAString() {
      assertThat(run("internal-router: {image: {tag: 1.10}}")).containsExactly(warning(ID, TYPE,
          "internal-router.image.tag",
          "internal-router.image.tag is the number 1.1, but the chart's default is a string (\"1.31.3-alpine3.24\"):"
              + " Helm passes a number on as a number, printed its own way (1.10 becomes 1.1, 1e3 becomes 1000), and"
              + " templates that need a string refuse it.",
          "Set internal-router.image.tag to a string in quotes, like the default \"1.31.3-alpine3.24\", or remove"
              + " it to keep the chart's default."));
    }

    @Test
    void warnsAboutABooleanWhereTheChartHasAString() {
      assertThat(run("app-proxy: {config: {argoWorkflowsInsecure: true}}")).containsExactly(warning(ID, TYPE,
          "app-proxy.config.argoWorkflowsInsecure",
          "app-proxy.config.argoWorkflowsInsecure is the boolean true, but the chart's default is a string"
              + " (\"true\"): Helm passes a boolean on as a boolean, which ends up unquoted where a string is"
              + " expected (a ConfigMap refuses it).",
          "Set app-proxy.config.argoWorkflowsInsecure to a string in quotes, like the default \"true\", or remove"
              + " it to keep the chart's default."));
    }

    @Test
    void checksTheSubchartSectionsTheChartSets() {
      assertThat(run("sealed-secrets: {resources: {limits: [1]}}", "redis-ha: {haproxy: {enabled: 1}}"))
          .extracting(Finding::path, Finding::severity)
          .containsExactlyInAnyOrder(
              tuple("sealed-secrets.resources.limits",
                  Severity.ERROR),
              tuple("redis-ha.haproxy.enabled",
                  Severity.WARNING));
    }
  }

  @Nested
  class EveryKey {
    /**
     * Each key of the chart with a default, set to a value of the wrong shape (a map for a scalar or a list, a
     * list for a map), gets one error at its path: from this validator or from the typed model (values.type),
     * never both; env blocks get theirs from chart.env.
     */
    @Test
    void everyKeyWithADefaultIsTypeCheckedByExactlyOneRule() {
      List<String> unchecked = new ArrayList<>();
      int checked = 0;
      for (ChartKeys.Key key
          : ChartKeys.chart().keys()) {
        if (key.type() == ChartKeys.Type.NULL) {
          continue;
        }
        Object wrong = key.type() == ChartKeys.Type.MAP
            ? List.of("wrong") : Map.of("wrong", 1);
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> node = data;
        List<ValuesPath.Segment> segments = key.path().segments();
        for (int i = 0; i < segments.size() - 1; i++) {
          Map<String, Object> child = new LinkedHashMap<>();
          node.put(((ValuesPath.Key) segments.get(i)).name(), child);
          node = child;
        }
        node.put(((ValuesPath.Key) segments.get(segments.size() - 1)).name(), wrong);
        ParsedValues parsed = ValuesTree.ofData(data).toValues();
        var context = Fixtures.context(RuntimeInstallation.builder().values(parsed.values()).build());
        List<Finding> typeFindings = new ArrayList<>(parsed.problems());
        typeFindings.addAll(validator.validate(context));
        String path = key.path().toString();
        long errors = errorsAt(typeFindings, path);
        if (errors > 1 || (errors == 0 && errorsAt(new ChartGuardsValidator().validate(context), path) == 0)) {
          unchecked.add(path + " (" + errors + " type errors)");
        }
        checked++;
      }
      assertThat(unchecked).as("keys whose wrong type is not reported as exactly one error").isEmpty();
      assertThat(checked).isGreaterThan(450);
    }

    private long errorsAt(List<Finding> findings, String path) {
      return findings.stream()
          .filter(f -> f.path().equals(path) && f.severity() == Severity.ERROR).count();
    }
  }

  @Nested
  class UnknownTopLevelKeys {
    @Test
    void namesTheSubchartAValueBelongsTo() {
      assertThat(run("configs: {cm: {timeout.reconciliation: 30s}}")).containsExactly(warning(ID, UNKNOWN,
          "configs",
          "configs" + SUBCHARTS + " It looks like argo-cd.configs, a value of the argo-cd subchart.",
          "Move it under argo-cd: argo-cd.configs."));
    }

    @Test
    void namesAGlobalSettingFirst() {
      assertThat(run("nodeSelector: {pool: a}")).containsExactly(warning(ID, UNKNOWN, "nodeSelector",
          "nodeSelector" + SUBCHARTS + " It looks like global.nodeSelector.",
          "Move it under global: global.nodeSelector."));
    }

    @Test
    void namesEveryPlaceWhenSeveralReadIt() {
      assertThat(run("server: {replicas: 2}")).containsExactly(warning(ID, UNKNOWN, "server",
          "server" + SUBCHARTS + " It looks like one of argo-cd.server, argo-workflows.server.",
          "Move it under the section it is meant for, for example under argo-cd: argo-cd.server."));
    }

    @Test
    void namesTheSectionAMisspeltKeyMeant() {
      assertThat(run("argocd: {enabled: false}", "app-proxi: {replicaCount: 2}")).containsExactly(
          warning(ID, UNKNOWN, "argocd", "argocd" + SUBCHARTS + " It looks like a misspelling of argo-cd.",
              "Rename it to argo-cd."),
          warning(ID, UNKNOWN, "app-proxi", "app-proxi" + SUBCHARTS + " It looks like a misspelling of app-proxy.",
              "Rename it to app-proxy."));
    }

    @Test
    void saysWhatToDoWithAKeyNothingReads() {
      assertThat(run("foo: 1")).containsExactly(warning(ID, UNKNOWN, "foo", "foo" + SUBCHARTS,
          "Move it under the section of the chart or subchart it configures, or remove it."));
    }
  }
}
