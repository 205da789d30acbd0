package io.gitopsruntime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.InvalidValuesException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.values.ArgoCdAuthValues;
import io.gitopsruntime.values.CaCertSecretValues;
import io.gitopsruntime.values.CaCertsValues;
import io.gitopsruntime.values.CodefreshTlsValues;
import io.gitopsruntime.values.CodefreshValues;
import io.gitopsruntime.values.ExplicitNull;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.GlobalValues;
import io.gitopsruntime.values.RuntimeValues;
import io.gitopsruntime.values.SecretValue;
import io.gitopsruntime.values.TolerationValues;
import io.gitopsruntime.values.UserTokenValues;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

class ValuesYamlTest {
  private static final String CHART_SIZED = "/values/chart-sized-values.yaml";

  static String resource(String name) {
    try (InputStream in = Objects.requireNonNull(ValuesYamlTest.class.getResourceAsStream(name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static Path resourcePath(String name) {
    try {
      return Path.of(Objects.requireNonNull(ValuesYamlTest.class.getResource(name), name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  /** Reads YAML with plain SnakeYAML, an independent YAML 1.1 reader, as comparable data. */
  static Object snakeYaml(String yaml) {
    return normalize(new Yaml().load(yaml));
  }

  /** Makes both readers' data comparable: whole numbers as Long when they fit, nulls as Java null. */
  static Object normalize(Object value) {
    if (value == null || value == ExplicitNull.INSTANCE) {
      return null;
    }
    if (value instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> out.put(String.valueOf(k), normalize(v)));
      return out;
    }
    if (value instanceof List) {
      List<Object> out = new ArrayList<>();
      ((List<?>) value).forEach(v -> out.add(normalize(v)));
      return out;
    }
    if (value instanceof Integer) {
      return ((Integer) value).longValue();
    }
    if (value instanceof BigInteger && ((BigInteger) value).bitLength() < 64) {
      return ((BigInteger) value).longValue();
    }
    return value;
  }

  static Object data(GitOpsRuntimeValues values) {
    return normalize(ValuesTree.of(values, SecretHandling.REVEAL).data());
  }

  static Map<String, Object> additional(String yaml) {
    return ValuesYaml.parse(yaml, "values.yaml").values().additionalValues();
  }

  @Nested
  class RoundTrip {
    private final String text = resource(CHART_SIZED);
    private final ParsedValues parsed = ValuesYaml.parse(text, "values.yaml");

    @Test
    void readsTheChartSizedFileWithoutProblems() {
      assertThat(text.lines().count()).isGreaterThan(400);
      assertThat(parsed.problems()).isEmpty();
      assertThat(parsed.hasErrors()).isFalse();
    }

    @Test
    void readsTheChartSizedFileAsAnIndependentYaml11ReaderDoes() {
      assertThat(data(parsed.values())).isEqualTo(snakeYaml(text));
    }

    @Test
    void writesItBackEqualAsData() {
      String written = ValuesYaml.write(parsed.values(), SecretHandling.REVEAL);

      assertThat(snakeYaml(written)).isEqualTo(snakeYaml(text));
      assertThat(data(ValuesYaml.parse(written, "written.yaml").values())).isEqualTo(data(parsed.values()));
    }

    @Test
    void writesItBackEqualAsModel() {
      String written = ValuesYaml.write(parsed.values(), SecretHandling.REVEAL);

      ParsedValues reread = ValuesYaml.parse(written, "written.yaml");

      assertThat(reread.problems()).isEmpty();
      assertThat(reread.values()).isEqualTo(parsed.values());
    }

    @Test
    void writesTheSameTextEveryTime() {
      String once = ValuesYaml.write(parsed.values(), SecretHandling.REVEAL);
      String twice = ValuesYaml.write(ValuesYaml.parse(once, "once.yaml").values(), SecretHandling.REVEAL);

      assertThat(twice).isEqualTo(once);
    }

    @Test
    void readsTypedKeysIntoTheModel() {
      GitOpsRuntimeValues values = parsed.values();
      GlobalValues global = values.global();

      assertThat(global.codefresh().accountId()).contains("628a80b693a15c0f9c13ab75");
      assertThat(global.codefresh().userToken().token()).contains(SecretValue.of("fixture-token-7f3c9e21b4d8a6e0"));
      assertThat(global.runtime().name()).contains("fixture-runtime");
      assertThat(global.runtime().singleNamespace()).contains(false);
      assertThat(global.runtime().isConfigurationRuntime()).contains(false);
      assertThat(global.runtime().ingress().annotations())
          .containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "16m");
      assertThat(global.runtime().gitCredentials().password().secretKeyRef()).hasValueSatisfying(ref -> {
        assertThat(ref.name()).contains("git-runtime-token");
        assertThat(ref.key()).contains("token");
      });
      assertThat(global.integrations().argoCd().server().port()).contains(80);
      assertThat(global.integrations().argoCd().repoServer().port()).contains(8081);
      assertThat(global.noProxy()).contains("localhost,127.0.0.1,.svc,.cluster.local");
      assertThat(values.appProxy().replicaCount()).contains(2);
      assertThat(values.appProxy().config().skipGitPermissionValidation()).contains(false);
      assertThat(values.appProxy().imageEnrichment().enabled()).contains(true);
      assertThat(values.tunnelClient().enabled()).contains(true);
      assertThat(values.installer().image().pullPolicy()).contains("IfNotPresent");
    }

    @Test
    void resolvesAliasesOfListsIntoTypedNodes() {
      assertThat(parsed.values().global().tolerations()).containsExactly(
          TolerationValues.builder().key("dedicated").operator("Equal").value("gitops").effect("NoSchedule").build(),
          TolerationValues.builder().key("node.kubernetes.io/not-ready").operator("Exists").effect("NoExecute")
              .tolerationSeconds(300L).build());
    }

    @Test
    void resolvesAnchorsAliasesAndMergeKeys() {
      ValuesTree tree = ValuesTree.of(parsed.values(), SecretHandling.REVEAL);

      assertThat(tree.get("sealed-secrets.image.registry")).contains("quay.io");
      assertThat(tree.get("installer.resources.limits.memory")).contains("256Mi");
      assertThat(tree.get("global.event-reporters.env")).contains(Map.of(
          "OTEL_TRACES_EXPORTER", "otlp",
          "OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.observability:4317",
          "OTEL_SERVICE_NAMESPACE", "gitops",
          "CF_TELEMETRY_ENABLED", "true",
          "CF_TELEMETRY_SAMPLE_RATE", "0.25",
          "LOG_LEVEL", "info"));
      assertThat(tree.get("gitops-operator.env.OTEL_TRACES_EXPORTER")).contains("otlp");
      assertThat(tree.get("event-reporters.runtime-event-reporter.env.OTEL_SERVICE_NAMESPACE"))
          .contains("overridden-by-the-explicit-key");
    }

    @Test
    void keepsUntypedKeysAndNullsVerbatim() {
      RuntimeValues runtime = parsed.values().global().runtime();

      assertThat(runtime.additionalValues())
          .containsEntry("repoCredentialsTemplate", ExplicitNull.INSTANCE)
          .containsEntry("extraLabels", Map.of("team", "platform"))
          .doesNotContainKeys("name", "ingressUrl");
      assertThat(runtime.ingressUrl()).contains("");
      assertThat(runtime.gitCredentials().password().additionalValues()).containsEntry("value", ExplicitNull.INSTANCE);
      assertThat(parsed.values().appProxy().config().additionalValues()).containsEntry("myconf", "some value with spaces");
    }

    @Test
    void readsTheSameFromTheFile() {
      ParsedValues fromFile = ValuesYaml.read(resourcePath(CHART_SIZED));

      assertThat(fromFile.values()).isEqualTo(parsed.values());
      assertThat(fromFile.source()).isEqualTo(resourcePath(CHART_SIZED).toString());
      assertThat(fromFile).hasToString("ParsedValues{source=" + resourcePath(CHART_SIZED) + ", problems=0}");
    }
  }

  @Nested
  class Absent {
    @Test
    void writesNothingSetAsAnEmptyMap() {
      assertThat(ValuesYaml.write(GitOpsRuntimeValues.builder().build())).isEqualTo("{}\n");
      assertThat(GitOpsRuntimeValues.builder().build().isEmpty()).isTrue();
    }

    @Test
    void omitsAbsentValuesFromYaml() {
      GitOpsRuntimeValues values = RuntimeInstallation.builder().runtimeName("prod-eu").build().values();

      assertThat(ValuesYaml.write(values)).isEqualTo("global:\n  runtime:\n    name: prod-eu\n");
    }

    @Test
    void writesAnExplicitNullOnlyWhereTheValuesHoldOne() {
      RuntimeValues runtime = RuntimeValues.builder().name("prod-eu").putAdditionalValue("ingressUrl", ExplicitNull.INSTANCE).build();
      GitOpsRuntimeValues values = GitOpsRuntimeValues.builder().global(GlobalValues.builder().runtime(runtime).build()).build();

      assertThat(ValuesYaml.write(values)).isEqualTo("global:\n  runtime:\n    name: prod-eu\n    ingressUrl: null\n");
      assertThat(ValuesYaml.write(values.withGlobal(values.global().withRuntime(runtime.withAdditionalValues(Map.of())))))
          .doesNotContain("null");
    }

    @Test
    void keepsNullsEmptyMapsAndEmptyListsFromTheSource() {
      String yaml = "global:\n  runtime:\n    name: null\n  nodeSelector: {}\n  tolerations: []\ntunnel-client: {}\n";

      ParsedValues parsed = ValuesYaml.parse(yaml, "values.yaml");

      assertThat(parsed.problems()).isEmpty();
      assertThat(parsed.values().global().runtime().name()).isEmpty();
      assertThat(ValuesYaml.write(parsed.values())).isEqualTo(yaml);
    }

    @Test
    void aTypedValueSetLaterWinsOverTheKeptNull() {
      GitOpsRuntimeValues values = ValuesYaml.parse("global:\n  runtime:\n    name: null\n");

      GitOpsRuntimeValues named = values.withGlobal(values.global().withRuntime(values.global().runtime().withName("prod")));

      assertThat(ValuesYaml.write(named)).isEqualTo("global:\n  runtime:\n    name: prod\n");
    }
  }

  @Nested
  class Yaml11Scalars {
    static Stream<Arguments> plainScalars() {
      return Stream.of(
          Arguments.of("yes", true), Arguments.of("Yes", true), Arguments.of("YES", true),
          Arguments.of("y", true), Arguments.of("Y", true), Arguments.of("on", true), Arguments.of("On", true),
          Arguments.of("true", true), Arguments.of("True", true),
          Arguments.of("no", false), Arguments.of("n", false), Arguments.of("off", false), Arguments.of("OFF", false),
          Arguments.of("false", false),
          Arguments.of("~", ExplicitNull.INSTANCE), Arguments.of("null", ExplicitNull.INSTANCE),
          Arguments.of("NULL", ExplicitNull.INSTANCE), Arguments.of("", ExplicitNull.INSTANCE),
          Arguments.of("0x1F", 31L), Arguments.of("0X1F", 31L), Arguments.of("-0x1F", -31L),
          Arguments.of("017", 15L), Arguments.of("0o17", 15L), Arguments.of("0b101", 5L), Arguments.of("0B101", 5L),
          Arguments.of("-0b101", -5L), Arguments.of("1_000", 1000L), Arguments.of("+7", 7L), Arguments.of("-42", -42L),
          Arguments.of("0", 0L), Arguments.of("9223372036854775807", Long.MAX_VALUE),
          Arguments.of("9223372036854775808", new BigInteger("9223372036854775808")),
          Arguments.of("1.5", 1.5), Arguments.of(".5", 0.5), Arguments.of("1.", 1.0), Arguments.of("1e3", 1000.0),
          Arguments.of("6.02e+23", 6.02e23), Arguments.of("08", 8.0),
          Arguments.of(".inf", Double.POSITIVE_INFINITY), Arguments.of("-.Inf", Double.NEGATIVE_INFINITY),
          Arguments.of(".NaN", Double.NaN),
          Arguments.of("._5", "._5"), Arguments.of("0x", "0x"), Arguments.of("1:30", "1:30"),
          Arguments.of("2001-12-14", "2001-12-14"), Arguments.of("=", "="), Arguments.of("1.2.3", "1.2.3"),
          Arguments.of("yes please", "yes please"), Arguments.of("4212bc7", "4212bc7"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("plainScalars")
    void readsPlainScalarsAsHelmDoes(String text, Object expected) {
      assertThat(additional("key: " + text + "\n")).containsEntry("key", expected);
    }

    @Test
    void readsQuotedScalarsAsStrings() {
      assertThat(additional("a: \"yes\"\nb: '0x1F'\nc: \"1.10\"\nd: ''\ne: \"null\"\n"))
          .isEqualTo(Map.of("a", "yes", "b", "0x1F", "c", "1.10", "d", "", "e", "null"));
    }

    @Test
    void readsTaggedScalarsByTheirTag() {
      assertThat(additional("a: !!str 12\nb: !!int \"42\"\nc: !!bool yes\nd: !!null ''\ne: !!float 1\nf: !!binary aGk=\n"))
          .isEqualTo(Map.of("a", "12", "b", 42L, "c", true, "d", ExplicitNull.INSTANCE, "e", 1.0, "f", "hi"));
    }

    @Test
    void readsNonStringKeysAsTheirText() {
      assertThat(additional("1: a\ntrue: b\nyes: c\n~: d\n")).containsOnlyKeys("1", "true", "null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "No", "on", "OFF", "y", "n", "true", "False", "~", "null", "NULL", "", " ",
        "0x1F", "0X1F", "0o17", "017", "0b101", "1_000", "123", "-42", "+7", "1.5", ".5", "1e3", "1.10", "08",
        ".inf", "-.Inf", ".nan", "2001-12-14", "2001-12-14T21:59:43.10-05:00", "2001-12-14 21:59:43.10", "2001-1-2",
        "<<", "=", "*", "&a", "!tag", "%x", "@x", "`x", "|", ">", "?", "? x", "- x", "-", "[a]", "{a}", "#x", "a #x",
        "a: b", "a:b", "'q'", "\"q\"", "a,b", " lead", "trail ", "\ttab", "x\ny", "line \nnext", "x\n", "\n", "ü",
        "cf-*", "--flag=1"})
    void writesStringsThatLookLikeOtherThingsSoTheyReadBackAsTheSameString(String s) {
      GitOpsRuntimeValues values = GitOpsRuntimeValues.builder().putAdditionalValue("value", s).build();

      String yaml = ValuesYaml.write(values);

      assertThat(additional(yaml)).as(yaml).containsEntry("value", s);
      assertThat(normalize(new Yaml().load(yaml))).as(yaml).isEqualTo(Map.of("value", s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "y", "on", "true", "~", "null", "0x1F", "0o17", "123", "1.5", ".inf",
        "2001-12-14", "<<", "*", "&a", "? x", "- x", "a: b", "#x", "a.b", "kubernetes.io/os", "x y", "[a]"})
    void writesKeysThatLookLikeOtherThingsSoTheyReadBackAsTheSameKey(String key) {
      GitOpsRuntimeValues values = GitOpsRuntimeValues.builder().putAdditionalValue(key, "v").build();

      String yaml = ValuesYaml.write(values);

      assertThat(additional(yaml)).as(yaml).isEqualTo(Map.of(key, "v"));
    }

    @Test
    void writesNumbersBooleansAndNullsPlain() {
      GitOpsRuntimeValues values = GitOpsRuntimeValues.builder()
          .putAdditionalValue("long", 8081L)
          .putAdditionalValue("big", new BigInteger("123456789012345678901234567890"))
          .putAdditionalValue("double", 0.25)
          .putAdditionalValue("inf", Double.POSITIVE_INFINITY)
          .putAdditionalValue("minusInf", Double.NEGATIVE_INFINITY)
          .putAdditionalValue("nan", Double.NaN)
          .putAdditionalValue("bool", true)
          .putAdditionalValue("nothing", ExplicitNull.INSTANCE)
          .build();

      String yaml = ValuesYaml.write(values);

      assertThat(yaml).isEqualTo("long: 8081\nbig: 123456789012345678901234567890\ndouble: 0.25\ninf: .inf\n"
          + "minusInf: -.inf\nnan: .nan\nbool: true\nnothing: null\n");
      assertThat(ValuesYaml.parse(yaml)).isEqualTo(values);
    }

    @Test
    void writesMultiLineStringsAsLiteralBlocks() {
      String pem = "-----BEGIN CERTIFICATE-----\nMIIBfixture\n-----END CERTIFICATE-----\n";
      GitOpsRuntimeValues values = GitOpsRuntimeValues.builder().putAdditionalValue("pem", pem).build();

      String yaml = ValuesYaml.write(values);

      assertThat(yaml).isEqualTo("pem: |\n  -----BEGIN CERTIFICATE-----\n  MIIBfixture\n  -----END CERTIFICATE-----\n");
      assertThat(additional(yaml)).containsEntry("pem", pem);
    }
  }

  @Nested
  class Problems {
    @Test
    void reportsANullKeyAsHelmRefusesIt() {
      ParsedValues parsed = ValuesYaml.parse("global:\n  ~: x\n  a: y\n", "values.yaml");

      assertThat(parsed.problems()).extracting(Finding::ruleId, Finding::path, Finding::severity)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("yaml.null-key", "global.null", Severity.ERROR));
    }

    @Test
    void reportsADuplicateKeyAsAWarningAndKeepsTheLastOne() {
      ParsedValues parsed = ValuesYaml.parse("global:\n  runtime:\n    name: first\n    name: second\n", "values.yaml");

      assertThat(parsed.problems()).containsExactly(Finding.warning("yaml.duplicate-key", "global.runtime.name",
          "the key \"name\" appears more than once in the same map (values.yaml:4:5); Helm keeps only the last one.",
          "Remove the duplicate, or merge the two entries into one."));
      assertThat(parsed.hasErrors()).isFalse();
      assertThat(parsed.valuesOrThrow().global().runtime().name()).contains("second");
      assertThat(parsed.locationOf("global.runtime.name")).contains(new SourceLocation("values.yaml", 4, 5));
    }

    @Test
    void reportsADuplicateTopLevelKey() {
      ParsedValues parsed = ValuesYaml.parse("installer: {skipValidation: true}\ninstaller: {skipValidation: false}\n", "v.yaml");

      assertThat(parsed.problems()).extracting(Finding::ruleId, Finding::path, Finding::severity)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("yaml.duplicate-key", "installer", Severity.WARNING));
      assertThat(parsed.values().installer().skipValidation()).contains(false);
    }

    static Stream<Arguments> wrongTypes() {
      return Stream.of(
          Arguments.of("global: {runtime: {name: yes}}", "global.runtime.name",
              "expected a string but found the boolean true.", "Quote the value: key: \"...\"."),
          Arguments.of("global: {runtime: {ingress: {enabled: \"true\"}}}", "global.runtime.ingress.enabled",
              "expected a boolean (true or false) but found the string \"true\".", "Write true or false without quotes."),
          Arguments.of("app-proxy: {replicaCount: \"2\"}", "app-proxy.replicaCount",
              "expected a whole number but found the string \"2\".", "Write a number without quotes, for example 8081."),
          Arguments.of("global: {integrations: {argo-cd: {server: {port: 99999999999}}}}",
              "global.integrations.argo-cd.server.port",
              "expected a whole number but found the number 99999999999.", "Write a number without quotes, for example 8081."),
          Arguments.of("global: {tolerations: [{key: a, tolerationSeconds: \"300\"}]}", "global.tolerations[0].tolerationSeconds",
              "expected a whole number but found the string \"300\".", "Write a number without quotes."),
          Arguments.of("app-proxy: {config: {skipGitPermissionValidation: true}}", "app-proxy.config.skipGitPermissionValidation",
              "expected the string \"true\" or \"false\" but found the boolean true.",
              "Quote it, as the chart copies it into a ConfigMap: \"true\"."),
          Arguments.of("global: {runtime: {ingress: {hosts: runtime.example.com}}}", "global.runtime.ingress.hosts",
              "expected a list of strings but found the string \"runtime.example.com\".",
              "Write a YAML list: one \"- item\" per line."),
          Arguments.of("global: {runtime: {ingress: {hosts: [a.example.com, 1]}}}", "global.runtime.ingress.hosts[1]",
              "expected a string but found the number 1.", "Quote the value: key: \"...\"."),
          Arguments.of("global: {runtime: {ingress: {annotations: {a: 1}}}}", "global.runtime.ingress.annotations.a",
              "expected a string but found the number 1.", "Quote the value: labels, annotations and node selectors are strings."),
          Arguments.of("global: {nodeSelector: [linux]}", "global.nodeSelector",
              "expected a map of strings but found a list.", "Write one \"key: value\" per line under it."),
          Arguments.of("global: {runtime: text}", "global.runtime",
              "expected a map but found the string \"text\".", "Put its keys on the lines below it, indented."),
          Arguments.of("global: {codefresh: {userToken: {secretKeyRef: my-secret}}}", "global.codefresh.userToken.secretKeyRef",
              "expected a map with name and key but found the string \"my-secret\".",
              "Write it as a map: secretKeyRef: {name: my-secret, key: token}."),
          Arguments.of("global: {tolerations: {key: a}}", "global.tolerations",
              "expected a list but found a map.", "Write a YAML list: one \"- \" item per entry."),
          Arguments.of("global: {tolerations: [dedicated]}", "global.tolerations[0]",
              "expected a map but found the string \"dedicated\".", "Each list entry is a map of keys."),
          Arguments.of("global: {runtime: {ingress: {enabled: " + "x".repeat(50) + "}}}", "global.runtime.ingress.enabled",
              "expected a boolean (true or false) but found the string \"" + "x".repeat(37) + "...\".",
              "Write true or false without quotes."),
          Arguments.of("global: {codefresh: {url: 1.5}}", "global.codefresh.url",
              "expected a string but found the number 1.5.", "Quote the value: key: \"...\"."));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("wrongTypes")
    void reportsAWrongTypeAsAnErrorWithPathMessageAndFix(String yaml, String path, String message, String fix) {
      ParsedValues parsed = ValuesYaml.parse(yaml, "values.yaml");

      assertThat(parsed.problems()).containsExactly(Finding.error("values.type", path, message, fix));
      assertThat(parsed.hasErrors()).isTrue();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("wrongTypes")
    void keepsTheRawValueSoTheRoundTripHolds(String yaml, String path, String message, String fix) {
      ParsedValues parsed = ValuesYaml.parse(yaml, "values.yaml");

      String written = ValuesYaml.write(parsed.values(), SecretHandling.REVEAL);

      assertThat(snakeYaml(written)).isEqualTo(snakeYaml(yaml));
      assertThat(ValuesYaml.parse(written, "written.yaml").values()).isEqualTo(parsed.values());
    }

    @Test
    void neverQuotesTheValueOfASecretOfTheWrongType() {
      ParsedValues parsed = ValuesYaml.parse("global:\n  codefresh:\n    userToken:\n      token: 73519246801\n", "values.yaml");

      assertThat(parsed.problems()).containsExactly(Finding.error("values.type", "global.codefresh.userToken.token",
          "expected a string but found a number.", "Quote the value: key: \"...\"."));
    }

    @Test
    void valuesOrThrowListsEveryErrorWithItsLocation() {
      ParsedValues parsed = ValuesYaml.parse(
          "global:\n  runtime:\n    name: yes\n    ingress:\n      enabled: \"true\"\n    name2: ok\n", "values.yaml");

      assertThatThrownBy(parsed::valuesOrThrow)
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("values.yaml has 2 values of the wrong type:\n"
              + "  - values.yaml:3:5: global.runtime.name: expected a string but found the boolean true."
              + " Quote the value: key: \"...\".\n"
              + "  - values.yaml:5:7: global.runtime.ingress.enabled: expected a boolean (true or false) but found the"
              + " string \"true\". Write true or false without quotes.")
          .extracting(e -> ((InvalidValuesException) e).valuesPath())
          .isEqualTo("global.runtime.name");
    }

    @Test
    void strictParseThrowsOnTheFirstWrongType() {
      assertThatThrownBy(() -> ValuesYaml.parse("app-proxy: {replicaCount: two}\n"))
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("values has 1 value of the wrong type:\n"
              + "  - values:1:13: app-proxy.replicaCount: expected a whole number but found the string \"two\"."
              + " Write a number without quotes, for example 8081.");
    }
  }

  @Nested
  class Locations {
    private final ParsedValues parsed = ValuesYaml.parse(String.join("\n",
        "global:",
        "  runtime:",
        "    name: prod",
        "    ingress:",
        "      hosts:",
        "        - a.example.com",
        "        - b.example.com",
        "      tls:",
        "        - hosts: [x.example.com]",
        "          secretName: tls",
        "base: &base",
        "  k: v",
        "merged:",
        "  <<: *base",
        "  own: 1",
        ""), "values.yaml");

    @Test
    void findsKeys() {
      assertThat(parsed.locationOf("global")).contains(new SourceLocation("values.yaml", 1, 1));
      assertThat(parsed.locationOf("global.runtime.name")).contains(new SourceLocation("values.yaml", 3, 5));
      assertThat(parsed.locationOf("global.runtime.ingress.tls[0].secretName")).contains(new SourceLocation("values.yaml", 10, 11));
    }

    @Test
    void findsListItems() {
      assertThat(parsed.locationOf("global.runtime.ingress.hosts[1]")).contains(new SourceLocation("values.yaml", 7, 11));
      assertThat(parsed.locationOf("global.runtime.ingress.tls[0]")).contains(new SourceLocation("values.yaml", 9, 11));
      assertThat(parsed.locationOf("global.runtime.ingress.tls[0].hosts[0]")).contains(new SourceLocation("values.yaml", 9, 19));
    }

    @Test
    void fallsBackToTheNearestAncestorInTheFile() {
      assertThat(parsed.locationOf("global.runtime.name.deeper")).contains(new SourceLocation("values.yaml", 3, 5));
      assertThat(parsed.locationOf("global.runtime.ingress.className")).contains(new SourceLocation("values.yaml", 4, 5));
      assertThat(parsed.locationOf("global.runtime.ingress.hosts[5]")).contains(new SourceLocation("values.yaml", 5, 7));
      assertThat(parsed.locationOf("merged.k")).contains(new SourceLocation("values.yaml", 13, 1));
      assertThat(parsed.locationOf("merged.own")).contains(new SourceLocation("values.yaml", 15, 3));
    }

    @Test
    void isEmptyOutsideTheFileAndForMalformedPaths() {
      assertThat(parsed.locationOf("installer.skipValidation")).isEmpty();
      assertThat(parsed.locationOf("")).isEmpty();
      assertThat(parsed.locationOf("global..runtime")).isEmpty();
    }

    @Test
    void printsAsFileLineColumn() {
      assertThat(new SourceLocation("values.yaml", 3, 5)).hasToString("values.yaml:3:5");
    }
  }

  @Nested
  class Malformed {
    static Stream<Arguments> malformed() {
      return Stream.of(
          Arguments.of("bad indentation", "global:\n  runtime:\n    name: a\n   bad: b\n", 4, 4,
              "values.yaml:4:4: malformed YAML: expected <block end>, but found '<block mapping start>'."
                  + " The indentation is off: keys of one map must start in the same column."),
          Arguments.of("value and key on one line", "global:\n  runtime: x\n    name: a\n", 3, 9,
              "values.yaml:3:9: malformed YAML: mapping values are not allowed here. A value contains ': ' or the"
                  + " indentation is off; quote the value or fix the indentation."),
          Arguments.of("tab", "global:\n\truntime: x\n", 2, 1,
              "values.yaml:2:1: malformed YAML: found character '\\t(TAB)' that cannot start any token."
                  + " (Do not use \\t(TAB) for indentation). YAML does not allow tabs for indentation; indent with spaces."),
          Arguments.of("unclosed double quote", "global:\n  runtime:\n    name: \"abc\n", 3, 11,
              "values.yaml:3:11: malformed YAML: found unexpected end of stream while scanning a quoted scalar."
                  + " A quoted value is not closed; add the closing quote."),
          Arguments.of("unclosed single quote", "global:\n  runtime:\n    name: 'abc\n  other: x\n", 3, 11,
              "values.yaml:3:11: malformed YAML: found unexpected end of stream while scanning a quoted scalar."
                  + " A quoted value is not closed; add the closing quote."),
          Arguments.of("unknown alias", "global:\n  runtime: *missing\n", 2, 12,
              "values.yaml:2:12: the alias *missing refers to no anchor. Define &missing before using it."),
          Arguments.of("top level a list", "- a\n- b\n", 1, 1,
              "values.yaml:1:1: the top level of a values file must be a map of keys, but it is a list."
                  + " Start the file with a key such as \"global:\"."),
          Arguments.of("top level a string", "# comment\njust text\n", 2, 1,
              "values.yaml:2:1: the top level of a values file must be a map of keys, but it is a string."
                  + " Start the file with a key such as \"global:\"."),
          Arguments.of("several documents", "a: 1\n---\nb: 2\n", 2, 1,
              "values.yaml:2:1: the file holds more than one YAML document ('---'); Helm reads values from one."
                  + " Split it into separate values files."),
          Arguments.of("merge of a scalar", "base: &b x\nm:\n  <<: *b\n", 3, 7,
              "values.yaml:3:7: a '<<' merge key takes a map or a list of maps, but got the string \"x\"."
                  + " Merge only anchored maps."),
          Arguments.of("merge of a list of scalars", "base: &b x\nm:\n  <<: [*b]\n", 3, 7,
              "values.yaml:3:7: a '<<' merge key takes a map or a list of maps, but the list holds the string \"x\"."
                  + " Merge only anchored maps."),
          Arguments.of("wrong tag", "a: !!int abc\n", 1, 4,
              "values.yaml:1:4: the value \"abc\" cannot be read as !!int. Remove the tag or fix the value."),
          Arguments.of("unclosed flow list", "a: [1, 2\n", 2, 1,
              "values.yaml:2:1: malformed YAML: expected ',' or ']', but got <stream end>."
                  + " Fix the YAML at that position (indentation, quoting, or a missing ':')."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsMalformedYamlNamingFileLineAndColumn(String what, String yaml, int line, int column, String message) {
      assertThatThrownBy(() -> ValuesYaml.parse(yaml, "values.yaml"))
          .isInstanceOfSatisfying(ValuesSyntaxException.class,
              e -> assertThat(e.location()).isEqualTo(new SourceLocation("values.yaml", line, column)))
          .hasMessage(message);
    }

    @Test
    void namesTheEnclosingPathOfAnUnknownAlias() {
      assertThatThrownBy(() -> ValuesYaml.parse("global:\n  runtime: *missing\n", "values.yaml"))
          .isInstanceOfSatisfying(ValuesSyntaxException.class, e -> assertThat(e.valuesPath()).isEqualTo("global.runtime"));
    }
  }

  @Nested
  class EmptyFiles {
    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "# only a comment\n", "---\n", "~\n", "null\n", "{}\n", "--- {}\n"})
    void readsAsNoValues(String yaml) {
      ParsedValues parsed = ValuesYaml.parse(yaml, "values.yaml");

      assertThat(parsed.values().isEmpty()).isTrue();
      assertThat(parsed.problems()).isEmpty();
    }
  }

  @Nested
  class Files_ {
    @TempDir Path dir;

    @Test
    void readsAFileAndNamesItInLocations() throws IOException {
      Path file = dir.resolve("values.yaml");
      Files.writeString(file, "global:\n  runtime:\n    name: prod\n");

      ParsedValues parsed = ValuesYaml.read(file);

      assertThat(parsed.values().global().runtime().name()).contains("prod");
      assertThat(parsed.locationOf("global.runtime.name")).contains(new SourceLocation(file.toString(), 3, 5));
    }

    @Test
    void saysClearlyWhenTheFileIsMissing() {
      Path missing = dir.resolve("missing-values.yaml");

      assertThatThrownBy(() -> ValuesYaml.read(missing))
          .isInstanceOf(GitOpsRuntimeException.class)
          .hasMessage(missing + ": no such file. Check the path of the values file.");
    }

    @Test
    void saysClearlyWhenTheFileIsNotUtf8() throws IOException {
      Path file = dir.resolve("latin1.yaml");
      Files.write(file, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

      assertThatThrownBy(() -> ValuesYaml.read(file))
          .isInstanceOfSatisfying(ValuesSyntaxException.class,
              e -> assertThat(e.location()).isEqualTo(new SourceLocation(file.toString(), 1, 10)))
          .hasMessage(file + ":1:10: the file is not UTF-8 text (the byte 0xE9). Save the values file as UTF-8.");
    }

    @Test
    void namesTheFileInSyntaxErrors() throws IOException {
      Path file = dir.resolve("broken.yaml");
      Files.writeString(file, "- a\n");

      assertThatThrownBy(() -> ValuesYaml.read(file))
          .isInstanceOf(ValuesSyntaxException.class)
          .hasMessageStartingWith(file + ":1:1: the top level of a values file must be a map of keys");
    }
  }

  @Nested
  class Secrets {
    private static final String TOKEN = "cf-literal-api-key-0123456789";
    private static final String GIT = "ghp_literalGitToken0123456789";
    private static final String PEM = "-----BEGIN CERTIFICATE-----\nMIIBliteralCaBundleContent0123456789\n-----END CERTIFICATE-----\n";

    private final GitOpsRuntimeValues values = RuntimeInstallation.builder()
        .runtimeName("prod-eu")
        .tunnel("628a80b693a15c0f9c13ab75", SecretValue.of(TOKEN))
        .gitCredentials("git", SecretValue.of(GIT))
        .editValues(v -> v.withGlobal(v.global().withCodefresh(v.global().codefresh().withTls(CodefreshTlsValues.builder()
            .caCerts(CaCertsValues.builder().secret(CaCertSecretValues.builder().create(true).content(SecretValue.of(PEM)).build()).build())
            .build()))))
        .build()
        .values();

    @Test
    void masksLiteralSecretsByDefault() {
      String yaml = ValuesYaml.write(values);

      assertThat(yaml).isEqualTo(String.join("\n",
          "global:",
          "  codefresh:",
          "    accountId: 628a80b693a15c0f9c13ab75",
          "    userToken:",
          "      token: '****'",
          "    tls:",
          "      caCerts:",
          "        secret:",
          "          create: true",
          "          content: '****'",
          "  runtime:",
          "    name: prod-eu",
          "    gitCredentials:",
          "      username: git",
          "      password:",
          "        value: '****'",
          ""));
      assertThat(ValuesYaml.write(values, SecretHandling.MASK)).isEqualTo(yaml);
    }

    @Test
    void revealsLiteralSecretsOnlyWhenAsked() {
      String yaml = ValuesYaml.write(values, SecretHandling.REVEAL);

      assertThat(yaml).contains("      token: " + TOKEN + "\n", "        value: " + GIT + "\n");
      assertThat(ValuesYaml.parse(yaml)).isEqualTo(values);
    }

    @Test
    void writesBlankSecretsAsEmptyStrings() {
      GitOpsRuntimeValues blank = GitOpsRuntimeValues.builder().global(GlobalValues.builder()
          .codefresh(CodefreshValues.builder().userToken(UserTokenValues.of(SecretValue.of(""))).build()).build()).build();

      assertThat(ValuesYaml.write(blank)).isEqualTo("global:\n  codefresh:\n    userToken:\n      token: \"\"\n");
      assertThat(ValuesYaml.write(blank, SecretHandling.REVEAL)).isEqualTo(ValuesYaml.write(blank));
    }

    @Test
    void writesSecretReferencesAsTheyAre() {
      GitOpsRuntimeValues ref = RuntimeInstallation.builder()
          .userToken(SecretValue.fromSecret("codefresh-user-token", "token")).build().values();

      assertThat(ValuesYaml.write(ref)).isEqualTo("global:\n  codefresh:\n    userToken:\n      secretKeyRef:\n"
          + "        name: codefresh-user-token\n        key: token\n  runtime:\n    name: codefresh\n");
    }

    @Test
    void masksASecretOfTheWrongTypeToo() {
      ParsedValues parsed = ValuesYaml.parse(
          "global:\n  integrations:\n    argo-cd:\n      server:\n        auth:\n          password: 73519246\n", "values.yaml");

      assertThat(parsed.problems()).extracting(Finding::path).containsExactly("global.integrations.argo-cd.server.auth.password");
      assertThat(ValuesYaml.write(parsed.values())).doesNotContain("73519246").contains("password: '****'");
      assertThat(ValuesYaml.write(parsed.values(), SecretHandling.REVEAL)).contains("password: 73519246\n");
      assertThat(ValuesYaml.literalSecrets(parsed.values()))
          .containsEntry(ValuesPath.parse("global.integrations.argo-cd.server.auth.password"), SecretValue.of("73519246"));
    }

    @Test
    void listsEveryLiteralSecretByPath() {
      GitOpsRuntimeValues withArgo = values.withGlobal(values.global().withIntegrations(values.global().integrations()
          .withArgoCd(values.global().integrations().argoCd().withServer(values.global().integrations().argoCd().server()
              .withAuth(ArgoCdAuthValues.builder().password(SecretValue.of("argo-password")).token(SecretValue.of("argo-token")).build())))));

      assertThat(ValuesYaml.literalSecrets(withArgo)).containsExactly(
          Map.entry(ValuesPath.parse("global.codefresh.userToken.token"), SecretValue.of(TOKEN)),
          Map.entry(ValuesPath.parse("global.codefresh.tls.caCerts.secret.content"), SecretValue.of(PEM)),
          Map.entry(ValuesPath.parse("global.runtime.gitCredentials.password.value"), SecretValue.of(GIT)),
          Map.entry(ValuesPath.parse("global.integrations.argo-cd.server.auth.password"), SecretValue.of("argo-password")),
          Map.entry(ValuesPath.parse("global.integrations.argo-cd.server.auth.token"), SecretValue.of("argo-token")));
    }
  }

  @Nested
  class SecretsOfTheWrongType {
    private static final String CANARY = "CANARY-7f3a9c1e";

    /** Each slot as its YAML, with the slot's value (or its parent's) replaced by a placeholder. */
    static Stream<Arguments> slotsAndShapes() {
      List<Arguments> out = new ArrayList<>();
      String[] shapes = {
          "[" + CANARY + "]", "{a: " + CANARY + "}", "[[" + CANARY + "]]", "[{a: [" + CANARY + "]}]",
          "!!int " + CANARY, "!!bool " + CANARY, "!!float " + CANARY, "!!null " + CANARY, "!!binary " + CANARY,
          "*" + CANARY, "!!int \"" + CANARY + "\"", "!!binary \"" + CANARY + "=\""};
      for (io.gitopsruntime.core.internal.SecretSlots.Slot slot : io.gitopsruntime.core.internal.SecretSlots.ALL) {
        for (String shape : shapes) {
          out.add(Arguments.of(slot.literal().toString(), block(slot.literal(), shape)));
          if (!shape.startsWith("{")) {
            // a map there is the slot's own map, read as such
            out.add(Arguments.of(slot.literal().parent().toString(), block(slot.literal().parent(), shape)));
          }
        }
        out.add(Arguments.of(slot.literal().parent().toString(), block(slot.literal().parent(), CANARY)));
        out.add(Arguments.of(slot.literal().toString(), "base: &b " + CANARY + "\n" + block(slot.literal(), "{<<: *b}")));
      }
      return out.stream();
    }

    private static String block(ValuesPath path, String value) {
      StringBuilder out = new StringBuilder();
      List<ValuesPath.Segment> segments = path.segments();
      for (int i = 0; i < segments.size(); i++) {
        out.append("  ".repeat(i)).append(((ValuesPath.Key) segments.get(i)).name()).append(':');
        out.append(i == segments.size() - 1 ? " " + value + "\n" : "\n");
      }
      return out.toString();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("slotsAndShapes")
    void neverQuotesASecretWhateverItsTypeOrError(String path, String yaml) {
      List<String> said = new ArrayList<>();
      try {
        ParsedValues parsed = ValuesYaml.parse(yaml, "values.yaml");
        parsed.problems().forEach(f -> said.add(f.toString()));
        said.add(ValuesYaml.write(parsed.values()));
        said.add(ValuesTree.of(parsed.values()).toYaml());
        try {
          parsed.valuesOrThrow();
        } catch (InvalidValuesException e) {
          said.add(e.getMessage());
        }
        if (yaml.contains("[") || parsed.problems().stream().anyMatch(f -> f.path().equals(path))) {
          // a kept secret of the wrong type is a literal secret, so whatever redacts literals redacts it too
          assertThat(ValuesYaml.literalSecrets(parsed.values()).values()).extracting(SecretValue::reveal)
              .anySatisfy(s -> assertThat(s).contains("CANARY"));
        }
      } catch (ValuesSyntaxException e) {
        said.add(e.getMessage());
      }

      assertThat(said).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain("CANARY"));
    }

    @Test
    void findsAListInASlotWithoutQuotingIt() {
      ParsedValues parsed = ValuesYaml.parse(
          "global:\n  runtime:\n    gitCredentials:\n      password:\n        value: [" + CANARY + "]\n", "values.yaml");

      assertThat(parsed.problems()).extracting(Finding::toString).containsExactly("ERROR [values.type]"
          + " global.runtime.gitCredentials.password.value: expected a string but found a list. Quote the value: key: \"...\".");
    }

    @Test
    void findsASecretWrittenOneLevelTooHighWithoutQuotingIt() {
      ParsedValues parsed = ValuesYaml.parse("global:\n  codefresh:\n    userToken: " + CANARY + "\n", "values.yaml");

      assertThat(parsed.problems()).extracting(Finding::toString).containsExactly("ERROR [values.type]"
          + " global.codefresh.userToken: expected a map but found a string. Put its keys on the lines below it, indented.");
      assertThat(ValuesYaml.write(parsed.values())).isEqualTo("global:\n  codefresh:\n    userToken: '****'\n");
      assertThat(ValuesYaml.write(parsed.values(), SecretHandling.REVEAL)).contains("userToken: " + CANARY + "\n");
    }

    @Test
    void masksEachScalarOfAListInASlotAndRevealsItOnlyWhenAsked() {
      ParsedValues parsed = ValuesYaml.parse(
          "global:\n  runtime:\n    gitCredentials:\n      password:\n        value: [" + CANARY + ", 42]\n", "values.yaml");

      assertThat(ValuesYaml.write(parsed.values())).isEqualTo(
          "global:\n  runtime:\n    gitCredentials:\n      password:\n        value:\n          - '****'\n          - '****'\n");
      assertThat(ValuesYaml.write(parsed.values(), SecretHandling.REVEAL)).isEqualTo(
          "global:\n  runtime:\n    gitCredentials:\n      password:\n        value:\n          - " + CANARY + "\n          - 42\n");
    }

    @Test
    void saysATaggedSecretCannotBeReadWithoutQuotingIt() {
      assertThatThrownBy(() -> ValuesYaml.parse("global:\n  codefresh:\n    userToken:\n      token: !!int " + CANARY + "\n", "values.yaml"))
          .isInstanceOf(ValuesSyntaxException.class)
          .hasMessage("values.yaml:4:14: this value cannot be read as !!int. Remove the tag or fix the value.");
    }

    @Test
    void saysASecretThatReadsAsAnAliasIsOneWithoutNamingIt() {
      assertThatThrownBy(() -> ValuesYaml.parse("global:\n  codefresh:\n    userToken:\n      token: *" + CANARY + "\n", "values.yaml"))
          .isInstanceOf(ValuesSyntaxException.class)
          .hasMessage("values.yaml:4:14: the alias here (a value starting with '*') refers to no anchor."
              + " Quote the value if it is not an alias.");
    }

    @Test
    void neverQuotesAFileThatIsOneString() {
      assertThatThrownBy(() -> ValuesYaml.parse(CANARY + "\n", "token.txt"))
          .isInstanceOf(ValuesSyntaxException.class)
          .hasMessage("token.txt:1:1: the top level of a values file must be a map of keys, but it is a string."
              + " Start the file with a key such as \"global:\".");
    }
  }

  @Nested
  class HugeNumbers {
    @Test
    void readsNumbersBeyondFloat64AsTheirTextAsHelmDoes() {
      String digits500 = "1" + "0".repeat(499);
      String digits1m = "1" + "0".repeat(1_000_000);

      assertThat(additional("a: 1e400\nb: -1e400\nc: " + digits500 + "\nd: " + digits1m + "\ne: 1e308\n"))
          .isEqualTo(Map.of("a", "1e400", "b", "-1e400", "c", digits500, "d", digits1m, "e", 1e308));
    }

    @Test
    void writesThemBackAsStrings() {
      GitOpsRuntimeValues values = ValuesYaml.parse("a: 1e400\n");

      assertThat(ValuesYaml.parse(ValuesYaml.write(values))).isEqualTo(values);
    }
  }

  @Nested
  class Binary {
    @Test
    void decodesBinaryScalarsAsHelmDoes() {
      assertThat(additional("a: !!binary aGVsbG8=\nb: !!binary |\n  aGVs\n  bG8g\n  d29y\n  bGQ=\nc: !!binary ''\n"))
          .isEqualTo(Map.of("a", "hello", "b", "hello world", "c", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aGVsbG8", "aGVs bG8=", "not base64!", "aGVsbG8=="})
    void rejectsWhatGoDoesNotDecode(String text) {
      assertThatThrownBy(() -> ValuesYaml.parse("a:\n  b: !!binary \"" + text + "\"\n", "values.yaml"))
          .isInstanceOfSatisfying(ValuesSyntaxException.class, e -> assertThat(e.valuesPath()).isEqualTo("a.b"))
          .hasMessage("values.yaml:2:6: a value tagged !!binary must be base64 text, and this one is not."
              + " Fix the base64 text, or remove the tag to use the text itself.");
    }
  }

  @Nested
  class Limits {
    private static final String ALIASES = " keys and list items once its aliases (*name) are expanded, the limit of a values file."
        + " Each alias repeats its anchor's whole value, and aliases of anchors that hold aliases multiply:"
        + " use fewer aliases, or write the values out.";
    private static final String DEPTH = "maps and lists are nested more than 100 levels deep here (aliases expanded), the limit"
        + " of a values file. The chart's values are nested less than 15 levels: check the indentation and the brackets.";

    @Test
    void endsAnAliasBombNamingTheFileLineAndLimit() {
      String bomb = HostileValues.aliasBomb("");
      assertThat(bomb.length()).isLessThan(1024);

      assertThatThrownBy(() -> ValuesYaml.parse(bomb, "values.yaml"))
          .isInstanceOf(ValuesSyntaxException.class)
          .hasMessage("values.yaml:5:35: the file holds more than 50,000" + ALIASES);
    }

    @Test
    void endsAnAliasBombUnderAnUnknownTopLevelKey() {
      String yaml = "global:\n  runtime:\n    name: prod\nnot-a-chart-key:\n" + HostileValues.aliasBomb("  ");

      assertThatThrownBy(() -> ValuesYaml.parse(yaml, "values.yaml"))
          .isInstanceOf(ValuesSyntaxException.class)
          .hasMessage("values.yaml:9:37: the file holds more than 50,000" + ALIASES);
    }

    @Test
    void countsMergedMapsAsCopies() {
      String yaml = HostileValues.mergeKeyBomb(8);

      assertThatThrownBy(() -> ValuesYaml.parse(yaml, "values.yaml"))
          .isInstanceOf(ValuesSyntaxException.class)
          .hasMessageContaining("the file holds more than 50,000" + ALIASES);
    }

    @Test
    void refusesAFlowListNested10000Deep() {
      String yaml = "x: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";

      assertThatThrownBy(() -> ValuesYaml.parse(yaml, "values.yaml"))
          .isInstanceOfSatisfying(ValuesSyntaxException.class, e -> assertThat(e.location()).isEqualTo(new SourceLocation("values.yaml", 1, 103)))
          .hasMessage("values.yaml:1:103: " + DEPTH);
    }

    @Test
    void refusesAMapNested1000DeepUnderGlobal() {
      String yaml = HostileValues.deepMap("global", 1000);

      assertThatThrownBy(() -> ValuesYaml.parse(yaml, "values.yaml"))
          .isInstanceOf(ValuesSyntaxException.class)
          .hasMessage("values.yaml:101:201: " + DEPTH);
    }

    @Test
    void readsValuesNestedExactlyToTheLimit() {
      String yaml = "x: " + "[".repeat(99) + "]".repeat(99) + "\n";

      assertThat(ValuesYaml.parse(yaml, "values.yaml").problems()).isEmpty();
    }

    @Test
    void countsTheDepthOfAnAliasWhereItIsUsed() {
      String deep = "[".repeat(60) + "]".repeat(60);
      String yaml = "a: &a " + deep + "\nb: " + "[".repeat(40) + "*a" + "]".repeat(40) + "\n";

      assertThatThrownBy(() -> ValuesYaml.parse(yaml, "values.yaml"))
          .isInstanceOf(ValuesSyntaxException.class)
          .hasMessage("values.yaml:2:44: " + DEPTH);
    }

    @Test
    void refuses200000Keys() {
      String yaml = HostileValues.manyKeys("extra", 200_000);

      assertThatThrownBy(() -> ValuesYaml.parse(yaml, "values.yaml"))
          .isInstanceOf(ValuesSyntaxException.class)
          .hasMessage("values.yaml:50001:3: the file holds more than 50,000 keys and list items, the limit of a values file."
              + " Values files are small (the chart's own has about 500 keys): check that this is the values file you meant.");
    }

    @Test
    void refusesA10MegabyteFileBeforeParsingIt() {
      String yaml = "s: " + "x".repeat(10 * 1024 * 1024) + "\n";

      assertThatThrownBy(() -> ValuesYaml.parse(yaml, "values.yaml"))
          .isInstanceOf(ValuesSyntaxException.class)
          .hasMessage("values.yaml: the file has 10,485,764 characters, more than the 4,194,304 a values file may have."
              + " Values files are small (the chart's own is 23 KB): check that this is the values file you meant,"
              + " or split it into several (-f a.yaml -f b.yaml).");
    }

    @Test
    void refusesA10MegabyteFileBeforeReadingIt(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("big.yaml");
      Files.writeString(file, "s: " + "x".repeat(10 * 1024 * 1024) + "\n");

      assertThatThrownBy(() -> ValuesYaml.read(file))
          .isInstanceOf(ValuesSyntaxException.class)
          .hasMessage(file + ": the file has 10,485,764 bytes, more than the 4,194,304 a values file may have."
              + " Values files are small (the chart's own is 23 KB): check that this is the values file you meant,"
              + " or split it into several (-f a.yaml -f b.yaml).");
    }

    @Test
    void refusesALineLongerThanTheLimit() {
      String yaml = "a: 1\ns: \"" + "x".repeat(ValuesYaml.MAX_LINE_LENGTH) + "\"\n";

      assertThatThrownBy(() -> ValuesYaml.parse(yaml, "values.yaml"))
          .isInstanceOf(ValuesSyntaxException.class)
          .hasMessage("values.yaml:2:1: line 2 has 1,048,581 characters, more than the 1,048,576 a line of a values file may have."
              + " Write a long value as a block scalar over several lines (key: |), or check that this is the values file you meant.");
    }

    @Test
    void readsAStringOfTheLimitAndRefusesALongerOne() {
      String line = "  " + "x".repeat(1023) + "\n";
      String exact = "s: |\n" + line.repeat(1024);

      assertThat(((String) additional(exact).get("s"))).hasSize(ValuesYaml.MAX_STRING_LENGTH);
      assertThatThrownBy(() -> ValuesYaml.parse(exact + "  x\n", "values.yaml"))
          .isInstanceOfSatisfying(ValuesSyntaxException.class, e -> assertThat(e.valuesPath()).isEqualTo("s"))
          .hasMessage("values.yaml:1:4: a string of 1,048,578 characters, more than the 1,048,576 a string in a values file may have."
              + " Shorten it, or keep large content (certificates, files) in a Secret or ConfigMap and refer to it.");
    }

    @Test
    void saysWhereAControlCharacterIs() {
      assertThatThrownBy(() -> ValuesYaml.parse("a: 1\nb: x\u0007y\n", "values.yaml"))
          .isInstanceOf(ValuesSyntaxException.class)
          .hasMessage("values.yaml:2:5: the file holds the character U+0007, which YAML does not allow in a file."
              + " Remove it; inside a double-quoted string write it as an escape such as \"\\x07\". If the file is binary,"
              + " it is not a values file.");
    }

    @Test
    void writesValuesBuiltTooDeepInCodeWithAClearError() {
      Map<String, Object> root = new LinkedHashMap<>();
      Map<String, Object> current = root;
      for (int i = 0; i < 1000; i++) {
        Map<String, Object> next = new LinkedHashMap<>();
        current.put("k", next);
        current = next;
      }
      ValuesTree tree = ValuesTree.ofData(Map.of("global", root));

      assertThatThrownBy(tree::toYaml)
          .isInstanceOf(GitOpsRuntimeException.class)
          .hasMessage("the values are nested more than 1000 levels deep, more than YAML output allows (values files may nest 100)."
              + " Flatten the values.");
    }
  }
}
