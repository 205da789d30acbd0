package io.gitopsruntime.helm.images;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.testing.TestChart;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code images} test chart (test resources, {@code charts/images}): the real chart's image shapes. Registry
 * hosts with dots and a port, a digest, an untagged image, single- and two-segment Docker Hub names, an image passed
 * as a container argument (argo-workflows' {@code --executor-image}) and three in a ConfigMap (app-proxy's image
 * enrichment), a CronJob, a hook Job with the chart version as its tag, a custom resource with a pod template, and
 * four subcharts, each with its own image key structure (argo-cd, argo-workflows, sealed-secrets, the aliased tunnel
 * client).
 */
final class ImagesChart {
  private ImagesChart() {}

  static Path path() {
    try {
      return Path.of(Objects.requireNonNull(ImagesChart.class.getResource("/charts/images/Chart.yaml")).toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A tunnel-mode installation of the chart with more values. */
  static RuntimeInstallation installation(String moreValues) {
    return RuntimeInstallation.builder().chart(path().toString())
        .values(ValuesYaml.parse(TestChart.tunnelValues() + moreValues)).build();
  }
}
