package io.gitopsruntime.validators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.validators.internal.ChartKeys.Key;
import io.gitopsruntime.validators.internal.ChartKeys.Type;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChartKeysTest {
  private final ChartKeys chart = ChartKeys.chart();

  private Key key(String path) {
    return chart.find(ValuesPath.parse(path)).orElseThrow();
  }

  @Test
  void tableMatchesTheChartsValuesFileItWasDerivedFrom() throws Exception {
    Optional<Path> values = ChartKeysGenerator.referenceValues();
    assumeTrue(values.isPresent(), "The chart's values.yaml of the reference material is not beside this checkout"
        + " (set -Dgitops-runtime.chart-values=<values.yaml> to check the table against one).");
    String table;
    try (InputStream in = ChartKeys.class.getResourceAsStream(ChartKeys.RESOURCE)) {
      table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(table)
        .as("chart-keys.tsv is out of date: regenerate it with ChartKeysGenerator from %s", values.get())
        .isEqualTo(ChartKeysGenerator.generate(Files.readString(values.get())));
  }

  @Test
  void describesEveryLeafWithTheTypeAndValueOfItsDefault() {
    assertThat(key("app-proxy.image.tag")).isEqualTo(
        new Key(ValuesPath.parse("app-proxy.image.tag"), Type.STRING, "\"1.4124.0\"", false, false));
    assertThat(key("app-proxy.service.port").type()).isEqualTo(Type.NUMBER);
    assertThat(key("global.runtime.ingress.enabled").defaultText()).isEqualTo("false");
    assertThat(key("argo-workflows.server.authModes").defaultText()).isEqualTo("[\"client\"]");
    assertThat(key("global.runtime.name").type()).isEqualTo(Type.NULL);
    assertThat(key("argo-cd.controller.statefulsetAnnotations.argocd\\.argoproj\\.io/sync-options").type())
        .isEqualTo(Type.STRING);
  }

  @Test
  void describesTheKeysOfMapsButNotOfEmptyMapsEnvBlocksOrConfigMapData() {
    assertThat(key("app-proxy.resources").described()).isTrue();
    assertThat(key("installer.nodeSelector")).isEqualTo(
        new Key(ValuesPath.parse("installer.nodeSelector"), Type.MAP, "{}", false, false));
    assertThat(key("app-proxy.env").described()).isFalse();
    assertThat(chart.find(ValuesPath.parse("app-proxy.env.OTEL_LOGS_EXPORTER"))).isEmpty();
    assertThat(key("argo-cd.configs.cm").described()).isFalse();
    assertThat(key("app-proxy.config.env").type()).isEqualTo(Type.STRING);
  }

  @Test
  void marksTheSecretSlots() {
    assertThat(chart.keys().stream().filter(Key::secret).map(k -> k.path().toString())).containsExactly(
        "global.codefresh.userToken.token",
        "global.runtime.gitCredentials.password.value",
        "global.integrations.argo-cd.server.auth.password",
        "global.integrations.argo-cd.server.auth.token");
  }

  @Test
  void topLevelKeysNameTheChartsSectionsAndItsSubcharts() {
    assertThat(chart.topLevelKeys()).contains("global", "installer", "app-proxy", "argo-cd", "argo-workflows",
        "sealed-secrets", "tunnel-client", "redis-ha", "redis", "internal-router").doesNotContain("configs");
  }

  @Test
  void rejectsAMalformedRow() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChartKeys.parse(List.of("a.b\tstring")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a row of chart-keys.tsv has 2 cells, not 4: a.b\tstring");
  }
}
