package io.gitopsruntime.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChartKeysTest {

  @Nested
  class Defaults {
    @Test
    void givesTheChartDefaultOfAKeyByPath() {
      assertThat(ChartKeys.chartDefault("global.runtime.ingress.className")).contains("nginx");
      assertThat(ChartKeys.chartDefault("global.integrations.argo-cd.repoServer.port")).contains(8081);
      assertThat(ChartKeys.chartDefault("tunnel-client.enabled")).contains(true);
      assertThat(ChartKeys.chartDefault("app-proxy.config.skipGitPermissionValidation")).contains(false);
    }

    @Test
    void givesTheSameDefaultAsTheConstantNamedAfterThePath() {
      assertThat(ChartKeys.chartDefault("global.codefresh.url")).contains(ChartKeys.GLOBAL_CODEFRESH_URL);
      assertThat(ChartKeys.chartDefault("codefreshWorkflowLogStoreCM.enabled")).contains(ChartKeys.CODEFRESH_WORKFLOW_LOG_STORE_CM_ENABLED);
    }

    @Test
    void givesNoDefaultForAKeyWithoutOneOrUnknown() {
      assertThat(ChartKeys.chartDefault("global.runtime.name")).isEqualTo(Optional.empty());
      assertThat(ChartKeys.chartDefault("global.runtime.nope")).isEqualTo(Optional.empty());
    }
  }

  @Nested
  class Secrets {
    @Test
    void listsEverySlotsLiteralAmongTheSecretKeys() {
      for (SecretSlots.Slot slot : ChartKeys.slots()) {
        assertThat(ChartKeys.secretKeys()).contains(slot.literal().toString());
      }
    }

    @Test
    void listsTheSlotsInValuesOrder() {
      assertThat(ChartKeys.slots()).extracting(SecretSlots.Slot::name)
          .containsExactly("codefresh-api-key", "codefresh-ca-bundle", "git-runtime-token", "argo-cd-password", "argo-cd-token");
    }
  }
}
