package io.gitopsruntime.helm.manifest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.helm.manifest.ShopChart;
import io.gitopsruntime.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RendererTest {
  @TempDir Path tmp;

  private Path copyOfShop() throws IOException {
    return TestFiles.copyTree(ShopChart.path(), tmp.resolve("shop"));
  }

  @Test
  void marksOnlySubchartsWithACrdsDirectory() throws IOException {
    Path chart = copyOfShop();

    Renderer.addProbes(chart);

    assertThat(chart.resolve("charts/sealer/templates/gitops-runtime-sdk-enabled-chart.yaml")).content()
        .isEqualTo("# Added by the gitops-runtime SDK: rendered only when Helm enables this subchart.\n"
            + "apiVersion: probe.gitopsruntime.io/v1\nkind: EnabledChart\nmetadata:\n  name: \"charts/sealer\"\n");
    assertThat(chart.resolve("charts/workflows/templates/gitops-runtime-sdk-enabled-chart.yaml")).exists();
    assertThat(chart.resolve("charts/extras/templates/gitops-runtime-sdk-enabled-chart.yaml")).doesNotExist();
    assertThat(chart.resolve("templates/gitops-runtime-sdk-enabled-chart.yaml")).doesNotExist();
  }

  @Test
  void takesTheCrdsOfTheChartAndOfTheEnabledSubchartsOnly() throws IOException {
    Path chart = copyOfShop();

    assertThat(Renderer.crds(chart, Set.of("charts/workflows")))
        .extracting(d -> Json.string(d.body(), "metadata", "name") + " " + d.source() + " " + d.crdsDirectory())
        .containsExactly("parents.shop.test shop/crds/parents.yaml true",
            "flows.wf.test workflows/crds/flows.yaml true");
  }
}
