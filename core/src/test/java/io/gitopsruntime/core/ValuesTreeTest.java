package io.gitopsruntime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.values.ExplicitNull;
import io.gitopsruntime.values.SecretValue;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class ValuesTreeTest {
  /** Test data written as YAML for readability; plain SnakeYAML is enough for these small maps. */
  private static ValuesTree tree(String yaml) {
    Map<String, Object> data = new Yaml().load(yaml);
    return ValuesTree.ofData(data == null ? Map.of() : data);
  }

  @Nested
  class Coalesce {
    private final ValuesTree defaults = tree(String.join("\n",
        "global:",
        "  codefresh:",
        "    url: https://g.codefresh.io",
        "    accountId: ''",
        "  runtime:",
        "    ingress:",
        "      enabled: false",
        "      className: nginx",
        "      hosts: [a.example.com, b.example.com]",
        "      annotations: {}",
        "tunnel-client:",
        "  enabled: true",
        "  tunnelServer:",
        "    host: register-tunnels.cf-cd.com",
        "replicaCount: 1",
        ""));

    @Test
    void mergesMapsKeyByKey() {
      ValuesTree user = tree("global: {codefresh: {accountId: abc}, runtime: {ingress: {enabled: true}}}");

      ValuesTree merged = user.coalesce(defaults);

      assertThat(merged.get("global.codefresh")).contains(Map.of("url", "https://g.codefresh.io", "accountId", "abc"));
      assertThat(merged.get("global.runtime.ingress.enabled")).contains(true);
      assertThat(merged.get("global.runtime.ingress.className")).contains("nginx");
      assertThat(merged.get("tunnel-client.tunnelServer.host")).contains("register-tunnels.cf-cd.com");
    }

    @Test
    void replacesListsWhole() {
      ValuesTree merged = tree("global: {runtime: {ingress: {hosts: [mine.example.com]}}}").coalesce(defaults);

      assertThat(merged.get("global.runtime.ingress.hosts")).contains(List.of("mine.example.com"));
    }

    @Test
    void replacesListsWithAnEmptyList() {
      ValuesTree merged = tree("global: {runtime: {ingress: {hosts: []}}}").coalesce(defaults);

      assertThat(merged.get("global.runtime.ingress.hosts")).contains(List.of());
    }

    @Test
    void replacesScalars() {
      ValuesTree merged = tree("replicaCount: 3\ntunnel-client: {enabled: false}").coalesce(defaults);

      assertThat(merged.get("replicaCount")).contains(3L);
      assertThat(merged.get("tunnel-client.enabled")).contains(false);
    }

    @Test
    void anExplicitNullDeletesTheDefaultAndIsDropped() {
      ValuesTree merged = tree("global: {runtime: {ingress: {className: null}}}\ntunnel-client: {tunnelServer: ~}")
          .coalesce(defaults);

      assertThat(merged.get("global.runtime.ingress")).contains(Map.of(
          "enabled", false, "hosts", List.of("a.example.com", "b.example.com"), "annotations", Map.of()));
      assertThat(merged.get("tunnel-client")).contains(Map.of("enabled", true));
    }

    @Test
    void anExplicitNullWithoutADefaultStaysNullAsInHelm() {
      ValuesTree merged = tree("extra: {a: null, b: 1}\nalone: null\nglobal: {runtime: {ingress: {tls: null}}}").coalesce(defaults);

      assertThat(merged.get("extra")).contains(mapOf("a", ExplicitNull.INSTANCE, "b", 1L));
      assertThat(merged.get("alone")).contains(ExplicitNull.INSTANCE);
      assertThat(merged.get("global.runtime.ingress.tls")).contains(ExplicitNull.INSTANCE);
    }

    @Test
    void keepsTheNullsOfTheDefaultsThemselvesAsHelm3Does() {
      ValuesTree chart = tree("app-proxy: {config: {argoCdUrl: null, cors: x}}\nnothing: null");

      ValuesTree merged = tree("other: 1").coalesce(chart);

      assertThat(merged.get("app-proxy.config")).contains(mapOf("argoCdUrl", ExplicitNull.INSTANCE, "cors", "x"));
      assertThat(merged.get("nothing")).contains(ExplicitNull.INSTANCE);
      assertThat(merged.get("other")).contains(1L);
    }

    @Test
    void aNullDeletesADefaultMapWholeAndAMapOfNullsDeletesItsKeysOnly() {
      ValuesTree merged = tree("tunnel-client: {tunnelServer: null}\nglobal: {codefresh: {url: null}}").coalesce(defaults);

      assertThat(merged.get("tunnel-client")).contains(Map.of("enabled", true));
      assertThat(merged.get("global.codefresh")).contains(Map.of("accountId", ""));
    }

    @Test
    void keepsKeysOnlyTheUserHas() {
      ValuesTree merged = tree("global: {runtime: {name: prod-eu}}\napp-proxy: {config: {myconf: x}}").coalesce(defaults);

      assertThat(merged.get("global.runtime.name")).contains("prod-eu");
      assertThat(merged.get("app-proxy.config.myconf")).contains("x");
    }

    @Test
    void aScalarOverAMapTakesTheUsersValue() {
      ValuesTree merged = tree("tunnel-client: off").coalesce(defaults);

      assertThat(merged.get("tunnel-client")).contains(false);
    }

    @Test
    void aMapOverAScalarTakesTheUsersValue() {
      ValuesTree merged = tree("replicaCount: {min: 1, max: 3}").coalesce(defaults);

      assertThat(merged.get("replicaCount")).contains(Map.of("min", 1L, "max", 3L));
    }

    @Test
    void anEmptyUserMapChangesNothing() {
      assertThat(tree("global: {}").coalesce(defaults)).isEqualTo(defaults);
      assertThat(ValuesTree.ofData(Map.of()).coalesce(defaults)).isEqualTo(defaults);
    }

    @Test
    void keepsTheDefaultsOrderThenTheUsersNewKeys() {
      ValuesTree merged = tree("zeta: 1\nreplicaCount: 2\nalpha: 3").coalesce(defaults);

      assertThat(merged.data().keySet()).containsExactly("global", "tunnel-client", "replicaCount", "zeta", "alpha");
    }

    @Test
    void leavesBothTreesUnchanged() {
      ValuesTree user = tree("global: {runtime: {ingress: {className: null, enabled: true}}}");
      ValuesTree userBefore = tree("global: {runtime: {ingress: {className: null, enabled: true}}}");
      ValuesTree defaultsBefore = ValuesTree.ofData(defaults.data());

      user.coalesce(defaults);

      assertThat(user).isEqualTo(userBefore);
      assertThat(defaults).isEqualTo(defaultsBefore);
    }
  }

  @Nested
  class Get {
    private final ValuesTree tree = tree(String.join("\n",
        "global:",
        "  runtime:",
        "    ingress:",
        "      hosts: [a.example.com, b.example.com]",
        "    ingressUrl: null",
        "argo-cd:",
        "  configs:",
        "    tls:",
        "      certificates:",
        "        git.example.com: PEM",
        "list: [{name: x}]",
        ""));

    @Test
    void findsMapsListsAndScalars() {
      assertThat(tree.get("global.runtime.ingress.hosts[1]")).contains("b.example.com");
      assertThat(tree.get("global.runtime.ingress.hosts")).contains(List.of("a.example.com", "b.example.com"));
      assertThat(tree.get("list[0].name")).contains("x");
      assertThat(tree.get(ValuesPath.ofKeys("argo-cd", "configs", "tls", "certificates", "git.example.com"))).contains("PEM");
      assertThat(tree.get("argo-cd.configs.tls.certificates.git\\.example\\.com")).contains("PEM");
    }

    @Test
    void findsAnExplicitNull() {
      assertThat(tree.get("global.runtime.ingressUrl")).contains(ExplicitNull.INSTANCE);
    }

    @Test
    void isEmptyForMissingPathsAndForPathsThroughTheWrongType() {
      assertThat(tree.get("global.codefresh")).isEmpty();
      assertThat(tree.get("global.runtime.ingress.hosts[2]")).isEmpty();
      assertThat(tree.get("global.runtime.ingress.hosts.first")).isEmpty();
      assertThat(tree.get("global[0]")).isEmpty();
      assertThat(tree.get("list[0].name.deeper")).isEmpty();
    }

    @Test
    void theRootIsTheWholeData() {
      assertThat(tree.get(ValuesPath.root())).contains(tree.data());
    }

    @Test
    void rejectsMalformedPaths() {
      assertThatThrownBy(() -> tree.get("global..runtime")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class Leaves {
    @Test
    void listsScalarsEmptyMapsEmptyListsAndNullsInDocumentOrder() {
      ValuesTree tree = tree(String.join("\n",
          "b: 1",
          "a:",
          "  z: [x, {k: v}]",
          "  y: {}",
          "  x: []",
          "  w: null",
          "c: text",
          ""));

      assertThat(tree.leaves()).containsExactly(
          Map.entry(ValuesPath.parse("b"), 1L),
          Map.entry(ValuesPath.parse("a.z[0]"), "x"),
          Map.entry(ValuesPath.parse("a.z[1].k"), "v"),
          Map.entry(ValuesPath.parse("a.y"), Map.of()),
          Map.entry(ValuesPath.parse("a.x"), List.of()),
          Map.entry(ValuesPath.parse("a.w"), ExplicitNull.INSTANCE),
          Map.entry(ValuesPath.parse("c"), "text"));
    }

    @Test
    void anEmptyTreeHasOneLeafAtTheRoot() {
      assertThat(ValuesTree.ofData(Map.of()).leaves()).containsExactly(Map.entry(ValuesPath.root(), Map.of()));
    }
  }

  @Nested
  class Data {
    @Test
    void normalisesNullsIntegersAndKeys() {
      Map<Object, Object> nested = new HashMap<>();
      nested.put(1, 2);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("a", null);
      data.put("b", 7);
      data.put("c", nested);

      ValuesTree tree = ValuesTree.ofData(data);

      assertThat(tree.data()).containsEntry("a", ExplicitNull.INSTANCE).containsEntry("b", 7L);
      assertThat(tree.get("c.1")).contains(2L);
    }

    @Test
    void rejectsOtherTypes() {
      assertThatThrownBy(() -> ValuesTree.ofData(Map.of("when", new java.util.Date(0))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("values data must be maps, lists, strings, numbers, booleans or ExplicitNull, not java.util.Date");
    }

    @Test
    void copiesTheDataInAndCannotBeChanged() {
      Map<String, Object> inner = new LinkedHashMap<>(Map.of("x", 1));
      Map<String, Object> data = new LinkedHashMap<>(Map.of("a", inner));
      ValuesTree tree = ValuesTree.ofData(data);

      inner.put("y", 2);
      data.put("b", 3);

      assertThat(tree.data()).isEqualTo(Map.of("a", Map.of("x", 1L)));
      assertThatThrownBy(() -> tree.data().put("c", 1)).isInstanceOf(UnsupportedOperationException.class);
      @SuppressWarnings("unchecked")
      Map<String, Object> a = (Map<String, Object>) tree.data().get("a");
      assertThatThrownBy(() -> a.put("c", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringShowsOnlyTheTopLevelKeys() {
      assertThat(tree("global: {codefresh: {userToken: {token: secret-value}}}\ninstaller: {}"))
          .hasToString("ValuesTree[global, installer]");
    }
  }

  @Nested
  class FromValues {
    private final RuntimeInstallation installation = RuntimeInstallation.builder()
        .runtimeName("prod-eu")
        .tunnel("628a80b693a15c0f9c13ab75", SecretValue.of("literal-api-key"))
        .build();

    @Test
    void masksLiteralSecretsByDefault() {
      ValuesTree tree = ValuesTree.of(installation.values());

      assertThat(tree.get("global.codefresh.userToken.token")).contains("****");
      assertThat(tree.get("global.codefresh.accountId")).contains("628a80b693a15c0f9c13ab75");
      assertThat(tree.get("global.runtime.name")).contains("prod-eu");
    }

    @Test
    void revealsLiteralSecretsWhenAsked() {
      assertThat(ValuesTree.of(installation.values(), SecretHandling.REVEAL).get("global.codefresh.userToken.token"))
          .contains("literal-api-key");
    }

    @Test
    void readsBackAsTheSameValues() {
      ValuesTree tree = ValuesTree.of(installation.values(), SecretHandling.REVEAL);

      ParsedValues parsed = tree.toValues();

      assertThat(parsed.problems()).isEmpty();
      assertThat(parsed.values()).isEqualTo(installation.values());
      assertThat(ValuesYaml.parse(tree.toYaml())).isEqualTo(installation.values());
    }

    @Test
    void readsBackAMergeOfFilesThatTogetherHoldMoreKeysThanOneFileMay() {
      Map<String, Object> data = new LinkedHashMap<>();
      for (String file : List.of("a", "b")) {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (int i = 0; i < ValuesYaml.MAX_VALUES / 2 + 1000; i++) {
          keys.put("k" + i, "v");
        }
        data.put(file, keys);
      }

      ParsedValues parsed = ValuesTree.ofData(data).toValues();

      assertThat(parsed.problems()).isEmpty();
      assertThat(parsed.values().additionalValues()).containsOnlyKeys("a", "b");
    }
  }

  /** {@code -f a -f b}: Helm's mergeMaps. Checked against real Helm in the helm module's ExportedCommandRealHelmTest. */
  @Nested
  class OverriddenBy {
    @Test
    void mergesMapsKeyByKeyAndReplacesListsAndScalars() {
      ValuesTree merged = tree("a: {x: 1, y: [1, 2]}\nb: s").overriddenBy(tree("a: {y: [3], z: 2}\nb: t"));

      assertThat(merged.data()).isEqualTo(Map.of("a", Map.of("x", 1L, "y", List.of(3L), "z", 2L), "b", "t"));
    }

    @Test
    void keepsANullOfTheLaterFileSoThatItDeletesTheChartDefault() {
      ValuesTree merged = tree("app-proxy: {replicaCount: 1, resources: {limits: {cpu: 1}}}")
          .overriddenBy(tree("app-proxy: {resources: null}"));

      assertThat(merged.get("app-proxy.resources")).contains(ExplicitNull.INSTANCE);
      ValuesTree chart = tree("app-proxy: {resources: {limits: {cpu: 1500m}, requests: {cpu: 100m}}, replicaCount: 1}");
      assertThat(merged.coalesce(chart).get("app-proxy")).contains(Map.of("replicaCount", 1L));
    }

    @Test
    void keepsAMapOfNullsAsItIs() {
      ValuesTree merged = tree("x: {a: 1}").overriddenBy(tree("x: {a: null}"));

      assertThat(merged.get("x")).contains(mapOf("a", ExplicitNull.INSTANCE));
    }

    @Test
    void aMapInTheLaterFileReplacesANullOfTheFirst() {
      ValuesTree merged = tree("first: null\nkept: null").overriddenBy(tree("first: {z: 1}"));

      assertThat(merged.get("first")).contains(Map.of("z", 1L));
      assertThat(merged.get("kept")).contains(ExplicitNull.INSTANCE);
    }

    @Test
    void aScalarReplacesAMapAndAMapReplacesAScalar() {
      ValuesTree merged = tree("a: {x: 1}\nb: 2").overriddenBy(tree("a: off\nb: {y: 1}"));

      assertThat(merged.data()).isEqualTo(Map.of("a", false, "b", Map.of("y", 1L)));
    }
  }

  private static Map<String, Object> mapOf(String k1, Object v1) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(k1, v1);
    return out;
  }

  private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> out = mapOf(k1, v1);
    out.put(k2, v2);
    return out;
  }
}
