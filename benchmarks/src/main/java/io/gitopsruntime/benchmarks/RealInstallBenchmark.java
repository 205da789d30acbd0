package io.gitopsruntime.benchmarks;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.helm.cli.HelmCliInstaller;
import io.gitopsruntime.helm.embedded.EmbeddedHelmInstaller;
import io.gitopsruntime.helm.manifest.ManifestInstaller;
import io.gitopsruntime.install.InstallOutcome;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.testing.TestChart;
import io.gitopsruntime.testing.cluster.RealControlPlane;
import io.gitopsruntime.testing.cluster.TestAssets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * Measures, on a real control plane (etcd, kube-apiserver, controller-manager, scheduler, kwok), the wall time
 * from the start of an install to every Deployment and StatefulSet ready, for the manifest installer, the Helm
 * CLI installer with Helm 4 and with Helm 3 ({@code upgrade --install --wait}), and the embedded installer; then
 * the time of a repeat install with nothing changed (the manifest installer finds nothing to do; Helm always
 * makes a new revision and runs the hooks again). Each installer starts from a cluster without the release and
 * uninstalls after its runs. Validation is off for all (Helm has none of its own).
 *
 * <p>The chart is the project's test chart in the real chart's shape, or any chart given with
 * {@code -Dchart=PATH} (for example the real gitops-runtime chart, unpacked), installed with the mandatory
 * tunnel-mode values. Needs the provisioned binaries ({@value TestAssets#PROVISION_COMMAND}).
 *
 * <pre>
 * mvn -B -q -DskipTests install &amp;&amp; mvn -B -q -pl benchmarks exec:exec@real-install [-Dchart=PATH]
 * </pre>
 *
 * <p>The last line reads {@code real-cluster install: manifest Xs, helm4 Ys, helm3 Zs, embedded Ws; repeat:
 * manifest Xs, helm4 Ys}.
 */
public final class RealInstallBenchmark {
  private static final String NAMESPACE = RuntimeInstallation.DEFAULT_NAMESPACE;
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private RealInstallBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args unused; {@code -Dchart=PATH} picks another chart
   * @throws Exception if an install fails
   */
  public static void main(String[] args) throws Exception {
    TestAssets assets = TestAssets.fromEnvironment();
    if (!assets.hasControlPlane() || assets.helm3().isEmpty() || assets.helm4().isEmpty()) {
      System.err.println(assets.skipMessage());
      System.exit(2);
    }
    String chartProperty = System.getProperty("chart", "");
    Path chart = chartProperty.isBlank()
        ? TestChart.writeTo(Files.createTempDirectory("real-install-benchmark"))
        : Path.of(chartProperty).toAbsolutePath();
    // the test chart in the real chart's full shape (subcharts, crds/, an HPA); another chart with the mandatory values
    RuntimeInstallation installation = RuntimeInstallation.builder().chart(chart.toString())
        .values(ValuesYaml.parse(chartProperty.isBlank() ? TestChart.realShapeValues("") : TestChart.tunnelValues()))
        .build();
    System.out.println("chart: " + chart);

    try (RealControlPlane cluster = RealControlPlane.start(assets)) {
      System.out.println("control plane: Kubernetes " + cluster.kubernetesVersion());
      Function<RealControlPlane, Installer> manifest = c -> ManifestInstaller.builder().kubeconfig(c.kubeconfig())
          .validate(false).timeout(TIMEOUT).build();
      Function<RealControlPlane, Installer> helm4 = c -> HelmCliInstaller.builder()
          .helmExecutable(assets.helm4().orElseThrow()).kubeconfig(c.kubeconfig()).validate(false).timeout(TIMEOUT)
          .build();
      Function<RealControlPlane, Installer> helm3 = c -> HelmCliInstaller.builder()
          .helmExecutable(assets.helm3().orElseThrow()).kubeconfig(c.kubeconfig()).validate(false).timeout(TIMEOUT)
          .build();
      Function<RealControlPlane, Installer> embedded = c -> EmbeddedHelmInstaller.builder().kubeconfig(c.kubeconfig())
          .validate(false).timeout(TIMEOUT).build();

      double[] manifestTimes = measure("manifest", cluster, manifest, installation, true);
      double[] helm4Times = measure("helm4", cluster, helm4, installation, true);
      double rawHelm4Repeat = rawHelmRepeat(cluster, assets.helm4().orElseThrow(), installation);
      double[] helm3Times = measure("helm3", cluster, helm3, installation, false);
      double[] embeddedTimes = measure("embedded", cluster, embedded, installation, false);
      double fastestHelm = Math.min(helm4Times[0], Math.min(helm3Times[0], embeddedTimes[0]));
      System.out.printf(Locale.ROOT, "first install: manifest %.2fx the time of the fastest Helm; repeat: manifest %.2fx"
          + " the time of a plain helm4 upgrade --install --wait (%.1fs: a new revision, hooks run again), %.2fx that of"
          + " the Helm CLI installer with Helm 4 (%.1fs: it finds nothing changed and does not run helm upgrade)%n",
          manifestTimes[0] / fastestHelm, manifestTimes[1] / rawHelm4Repeat, rawHelm4Repeat,
          manifestTimes[1] / helm4Times[1], helm4Times[1]);
      System.out.printf(Locale.ROOT, "real-cluster install: manifest %.1fs, helm4 %.1fs, helm3 %.1fs, embedded %.1fs;"
          + " repeat: manifest %.1fs, helm4 %.1fs%n", manifestTimes[0], helm4Times[0], helm3Times[0],
          embeddedTimes[0], manifestTimes[1], rawHelm4Repeat);
    }
  }

  /**
   * A plain {@code helm upgrade --install --wait} run twice with the same values (what a user's script does); the
   * second run's seconds.
   */
  private static double rawHelmRepeat(RealControlPlane cluster, Path helm, RuntimeInstallation installation)
      throws Exception {
    if (cluster.client().namespaces().withName(NAMESPACE).get() != null) {
      cluster.deleteNamespace(NAMESPACE, TIMEOUT);
    }
    Path values = Files.createTempFile("real-install-values", ".yaml");
    Files.writeString(values, io.gitopsruntime.core.Exports.valuesYaml(installation,
        io.gitopsruntime.core.SecretHandling.REVEAL));
    try {
      java.util.List<String> upgrade = java.util.List.of(helm.toString(), "upgrade", "--install",
          RuntimeInstallation.DEFAULT_RELEASE, installation.chart(), "--namespace", NAMESPACE, "--create-namespace",
          "--kubeconfig", cluster.kubeconfig().toString(), "-f", values.toString(), "--wait", "--timeout", "10m");
      run(upgrade);
      long start = System.nanoTime();
      run(upgrade);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "%-9s repeat  %6.1f s (plain helm upgrade --install --wait: revision 2)%n",
          "helm4-cli", seconds);
      run(java.util.List.of(helm.toString(), "uninstall", RuntimeInstallation.DEFAULT_RELEASE, "--namespace",
          NAMESPACE, "--kubeconfig", cluster.kubeconfig().toString(), "--wait"));
      cluster.deleteNamespace(NAMESPACE, TIMEOUT);
      return seconds;
    } finally {
      Files.deleteIfExists(values);
    }
  }

  private static void run(java.util.List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(command.get(1) + " failed: " + output);
    }
  }

  /** First install until every workload is ready, and optionally a repeat install; seconds. */
  private static double[] measure(String name, RealControlPlane cluster, Function<RealControlPlane, Installer> factory,
      RuntimeInstallation installation, boolean repeat) {
    if (cluster.client().namespaces().withName(NAMESPACE).get() != null) {
      cluster.deleteNamespace(NAMESPACE, TIMEOUT);
    }
    double[] times = new double[2];
    try (Installer installer = factory.apply(cluster)) {
      long start = System.nanoTime();
      InstallResult first = installer.install(installation);
      cluster.awaitWorkloadsReady(NAMESPACE, TIMEOUT);
      times[0] = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "%-9s install %6.1f s (%s, revision %d)%n", name, times[0], first.outcome(),
          first.revision());
      if (repeat) {
        start = System.nanoTime();
        InstallResult again = installer.install(installation);
        cluster.awaitWorkloadsReady(NAMESPACE, TIMEOUT);
        times[1] = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-9s repeat  %6.1f s (%s, revision %d%s)%n", name, times[1], again.outcome(),
            again.revision(), again.outcome() == InstallOutcome.UNCHANGED ? ", nothing to do" : "");
      }
      installer.uninstall(installation);
    }
    cluster.deleteNamespace(NAMESPACE, TIMEOUT);
    return times;
  }
}
