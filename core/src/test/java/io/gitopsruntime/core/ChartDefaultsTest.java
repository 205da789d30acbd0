package io.gitopsruntime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChartDefaultsTest {

  @Nested
  class Known {
    @Test
    void givesTheChartDefaultsOfStringBooleanAndWholeNumberKeys() {
      assertThat(ChartDefaults.string("global.runtime.ingress.className")).isEqualTo("nginx");
      assertThat(ChartDefaults.string("global.codefresh.url")).isEqualTo("https://g.codefresh.io");
      assertThat(ChartDefaults.string("global.runtime.ingressUrl")).isEmpty();
      assertThat(ChartDefaults.bool("tunnel-client.enabled")).isTrue();
      assertThat(ChartDefaults.bool("global.runtime.singleNamespace")).isFalse();
      assertThat(ChartDefaults.integer("app-proxy.replicaCount")).isEqualTo(1);
    }

    @Test
    void readsAQuotedBooleanAsItsTruth() {
      assertThat(ChartDefaults.bool("app-proxy.config.skipGitPermissionValidation")).isFalse();
    }

    @Test
    void givesAnyDefaultByPath() {
      assertThat(ChartDefaults.of("global.integrations.argo-cd.repoServer.port")).contains(8081);
      assertThat(ChartDefaults.of("global.runtime.name")).isEqualTo(Optional.empty());
    }
  }

  @Nested
  class Unknown {
    @Test
    void rejectsAKeyWithoutDefault() {
      assertThatThrownBy(() -> ChartDefaults.string("global.runtime.name"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("global.runtime.name: the chart gives no string default. Name a key the chart gives a string"
              + " default, such as global.runtime.ingress.className.");
    }

    @Test
    void rejectsAKeyWhoseDefaultHasAnotherType() {
      assertThatThrownBy(() -> ChartDefaults.bool("global.integrations.argo-cd.server.port"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("global.integrations.argo-cd.server.port: the chart gives no boolean default (its default is the"
              + " Integer 80). Name a key the chart gives a boolean default, such as tunnel-client.enabled.");
    }

    @Test
    void rejectsAnUnknownKey() {
      assertThatThrownBy(() -> ChartDefaults.integer("app-proxy.replicas"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("app-proxy.replicas: the chart gives no whole-number default. Name a key the chart gives a"
              + " whole-number default, such as app-proxy.replicaCount.");
    }
  }
}
