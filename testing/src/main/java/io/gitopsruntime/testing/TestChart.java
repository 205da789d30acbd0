package io.gitopsruntime.testing;

import io.gitopsruntime.testing.internal.TarGz;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A chart written for this project's tests with the shape of the real {@code gitops-runtime} chart
 * (version {@value #VERSION}): the real values structure, CRDs as templates ({@code codefresh.io} and
 * {@code argoproj.io}), RBAC, ConfigMaps, the {@code codefresh-user-token} Secret, Services, Deployments, a
 * StatefulSet, Ingress / HTTPRoute / tunnel-client by access mode, the real chart's render-time guards,
 * and its hooks ({@code helm-values-config}, {@code validate-values}, {@code validate-usage},
 * {@code redis-secret-init}, the pre-delete Jobs) with the real weights and delete policies. It runs no
 * real image: in a {@link KubernetesTestServer} its Jobs succeed, or fail when
 * {@code testHooks.<job>.failWith} is set (e.g. {@code testHooks.validateValues.failWith}).
 * With {@link #realShapeValues(String)} it also renders subcharts (conditions, an alias, a {@code crds/} directory)
 * and an HPA-scaled Deployment without {@code spec.replicas}, as the real chart does.
 * {@code testScale.{crds,configMaps,deployments,customResources}} add objects for benchmarks;
 * {@link #benchmarkValues()} renders about 140 objects, 17 of them CRDs.
 *
 * <pre>{@code
 * Path chartDir = TestChart.writeTo(tempDir);          // tempDir/gitops-runtime
 * Path archive = TestChart.packageTo(tempDir);         // tempDir/gitops-runtime-0.30.0.tgz
 * String ref = registry.pushChart(archive, "charts");  // oci://127.0.0.1:<port>/charts/gitops-runtime
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class TestChart {

  /** The chart name. */
  public static final String NAME = "gitops-runtime";
  /** The chart version. */
  public static final String VERSION = "0.30.0";

  private static final String ROOT = "/io/gitopsruntime/testing/chart/gitops-runtime/";
  private static final List<String> FILES = List.of(
      "Chart.yaml",
      ".helmignore",
      "values.yaml",
      "values-benchmark.yaml",
      "templates/_helpers.tpl",
      "templates/access.yaml",
      "templates/configmaps.yaml",
      "templates/crds.yaml",
      "templates/custom-resources.yaml",
      "templates/rbac.yaml",
      "templates/scale.yaml",
      "templates/secrets.yaml",
      "templates/workloads.yaml",
      "templates/hooks/pre-install/helm-values-config.yaml",
      "templates/hooks/pre-install/redis-secret-init.yaml",
      "templates/hooks/pre-install/validate-usage.yaml",
      "templates/hooks/pre-install/validate-values.yaml",
      "templates/hooks/pre-delete/cleanup.yaml",
      "charts/argo-cd/Chart.yaml",
      "charts/argo-cd/values.yaml",
      "charts/argo-cd/templates/dex.yaml",
      "charts/argo-cd/templates/redis-secret-init.yaml",
      "charts/sealed-secrets/Chart.yaml",
      "charts/sealed-secrets/values.yaml",
      "charts/sealed-secrets/crds/sealedsecret-crd.yaml",
      "charts/sealed-secrets/templates/controller.yaml",
      "charts/codefresh-tunnel-client/Chart.yaml",
      "charts/codefresh-tunnel-client/values.yaml",
      "charts/codefresh-tunnel-client/templates/config.yaml");

  private TestChart() {}

  /**
   * Writes the chart into {@code directory/gitops-runtime}, replacing files already there.
   *
   * @param directory the parent directory
   * @return the chart directory
   */
  public static Path writeTo(Path directory) {
    Path chart = directory.resolve(NAME);
    try {
      for (String file : FILES) {
        Path target = chart.resolve(file);
        Files.createDirectories(target.getParent());
        try (InputStream in = TestChart.class.getResourceAsStream(ROOT + file)) {
          if (in == null) {
            throw new IllegalStateException("The test chart resource " + file + " is missing from the classpath.");
          }
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return chart;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the test chart to " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Packages the chart as {@code helm package} would, without Helm, into
   * {@code directory/gitops-runtime-0.30.0.tgz}.
   *
   * @param directory where to write the archive (a scratch copy of the chart goes there too)
   * @return the archive
   */
  public static Path packageTo(Path directory) {
    try {
      Path scratch = Files.createTempDirectory(directory, "chart-");
      Path chart = writeTo(scratch);
      Path archive = directory.resolve(NAME + "-" + VERSION + ".tgz");
      TarGz.pack(chart, archive);
      return archive;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not package the test chart in " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Values for a valid tunnel-mode install: account id, literal token and runtime name.
   *
   * @return values YAML
   */
  public static String tunnelValues() {
    return tunnelValues("test-runtime", "test-token");
  }

  /**
   * Values for a valid tunnel-mode install with a runtime name and a literal API key of the test's choosing: a test
   * that looks for the key in what a tool prints picks one no other text contains.
   *
   * @param runtimeName {@code global.runtime.name}
   * @param apiKey {@code global.codefresh.userToken.token}
   * @return values YAML
   */
  public static String tunnelValues(String runtimeName, String apiKey) {
    return "global:\n"
        + "  codefresh:\n"
        + "    accountId: 628a80b693a15c0f9c13ab75\n"
        + "    userToken:\n"
        + "      token: " + apiKey + "\n"
        + "  runtime:\n"
        + "    name: " + runtimeName + "\n";
  }

  /**
   * Values for a valid tunnel-mode install of the chart in the real chart's full shape: {@link #tunnelValues()}, plus
   * {@code global.testShape} (the subcharts: argo-cd with a hook kept by {@code before-hook-creation}, sealed-secrets
   * with a CRD in its {@code crds/} directory behind a condition, the aliased tunnel-client reading {@code global}) and
   * argo-gateway under an HPA with no {@code spec.replicas}, as the real chart renders it. Extra global keys go
   * before the returned text's last line; extra top-level keys after it.
   *
   * @param extraGlobal more lines under {@code global:}, indented by two spaces (may be empty)
   * @return values YAML
   */
  public static String realShapeValues(String extraGlobal) {
    return tunnelValues() + extraGlobal + "  testShape: true\n" + "argo-gateway:\n  autoscaling:\n    enabled: true\n";
  }

  /**
   * Values that render about 140 objects, 17 of them CRDs (tunnel mode).
   *
   * @return values YAML
   */
  public static String benchmarkValues() {
    try (InputStream in = TestChart.class.getResourceAsStream(ROOT + "values-benchmark.yaml")) {
      if (in == null) {
        throw new IllegalStateException("The test chart's values-benchmark.yaml is missing from the classpath.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
