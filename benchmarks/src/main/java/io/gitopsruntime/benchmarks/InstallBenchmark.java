package io.gitopsruntime.benchmarks;

import com.marcnuri.helm.Helm;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.helm.manifest.ManifestInstaller;
import io.gitopsruntime.install.InstallOutcome;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.testing.TestChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Measures installing the test chart with its benchmark values (about 140 objects, 17 of them CRDs, plus
 * the chart's hooks) into a fresh in-process API server that answers every request after 20 ms, three
 * ways, interleaved in one run so that all see the same machine load:
 *
 * <ol>
 *   <li>{@link ManifestInstaller} as shipped (waves applied concurrently);
 *   <li>the same installer applying one object after the other ({@code concurrency(1)}): same renderer,
 *       same hooks, same readiness wait, what a sequential apply such as fabric8's list apply costs;
 *   <li>embedded Helm through helm-java ({@code Helm.install(..).waitReady()}), hooks included.
 * </ol>
 *
 * Validation is off in all three (Helm has none of its own). Prints medians and the ratios. The
 * embedded Helm library is loaded and every path warmed up once before measuring.
 *
 * <pre>
 * mvn -B -q -DskipTests install &amp;&amp; mvn -B -q -pl benchmarks exec:exec@install
 * </pre>
 */
public final class InstallBenchmark {
  private static final Duration LATENCY = Duration.ofMillis(20);
  private static final String RELEASE = RuntimeInstallation.DEFAULT_RELEASE;
  private static final String NAMESPACE = RuntimeInstallation.DEFAULT_NAMESPACE;

  private InstallBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args optional: the number of measured rounds (default 5)
   * @throws Exception if an install fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path dir = Files.createTempDirectory("install-benchmark");
    Path chart = TestChart.writeTo(dir);
    Path valuesFile = Files.writeString(dir.resolve("values.yaml"), TestChart.benchmarkValues());
    RuntimeInstallation installation = RuntimeInstallation.builder().chart(chart.toString())
        .values(ValuesYaml.parse(TestChart.benchmarkValues())).build();

    Run manifest = new Run("manifest installer (concurrency " + ManifestInstaller.DEFAULT_CONCURRENCY + ")");
    Run oneByOne = new Run("one object at a time (concurrency 1)");
    Run helm = new Run("embedded Helm (helm-java install --wait)");
    int objects = 0;
    for (int round = -1; round < rounds; round++) {
      boolean measured = round >= 0;
      objects = manifest.time(measured, server -> {
        try (ManifestInstaller installer = ManifestInstaller.builder().kubernetesClient(server.client()).validate(false).build()) {
          return check(installer.install(installation)).changes().size();
        }
      });
      oneByOne.time(measured, server -> {
        try (ManifestInstaller installer = ManifestInstaller.builder().kubernetesClient(server.client()).validate(false)
            .concurrency(1).build()) {
          return check(installer.install(installation)).changes().size();
        }
      });
      helm.time(measured, server -> {
        Helm.install(chart.toString()).withName(RELEASE).withNamespace(NAMESPACE).createNamespace()
            .withKubeConfig(server.kubeconfigFile()).withValuesFile(valuesFile).waitReady().withTimeout(300).call();
        return 0;
      });
    }

    System.out.printf("chart %s %s, %d objects and their hooks, %d ms latency per request, %d rounds, interleaved%n",
        TestChart.NAME, TestChart.VERSION, objects, LATENCY.toMillis(), rounds);
    for (Run run : List.of(manifest, oneByOne, helm)) {
      System.out.printf("%-44s: median %6.0f ms, %4d requests%n", run.name, run.median(), run.requests);
    }
    System.out.printf("one at a time / manifest installer           : %.1fx (target: at least 4x)%n",
        oneByOne.median() / manifest.median());
    System.out.printf("embedded Helm / manifest installer           : %.1fx (target: more than 1x)%n",
        helm.median() / manifest.median());
    Files.deleteIfExists(valuesFile);
  }

  private static InstallResult check(InstallResult result) {
    if (result.outcome() != InstallOutcome.INSTALLED) {
      throw new IllegalStateException("expected a fresh install, got " + result.outcome());
    }
    return result;
  }

  /** What an install does on a fresh server; returns how many objects it applied. */
  private interface Install {
    int on(KubernetesTestServer server) throws Exception;
  }

  /** The times of one way to install. Not thread-safe. */
  private static final class Run {
    private final String name;
    private final List<Long> nanos = new ArrayList<>();
    private int requests;

    Run(String name) {
      this.name = name;
    }

    int time(boolean measured, Install install) throws Exception {
      try (KubernetesTestServer server = KubernetesTestServer.builder().latency(LATENCY).start()) {
        Callable<Integer> call = () -> install.on(server);
        long start = System.nanoTime();
        int objects = call.call();
        long took = System.nanoTime() - start;
        if (measured) {
          nanos.add(took);
          requests = server.journal().size();
        }
        return objects;
      }
    }

    double median() {
      return PlanBenchmark.median(nanos) / 1e6;
    }
  }
}
