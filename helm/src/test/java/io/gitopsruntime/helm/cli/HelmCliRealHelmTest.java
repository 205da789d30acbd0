package io.gitopsruntime.helm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.helm.internal.KubeTarget;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallOutcome;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.install.ReleaseStatus;
import io.gitopsruntime.testing.FakeHelm;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.TestChart;
import io.gitopsruntime.testing.cluster.TestAssets;
import io.gitopsruntime.validators.Validators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Helm CLI installer against the real Helm 3 and Helm 4 binaries (skipped, with the provisioning command, where
 * they are absent): every argument list it emits is parsed by the real binary of each major, and a real install
 * into the in-process API server is reported unchanged when repeated.
 */
class HelmCliRealHelmTest {
  private static final TestAssets ASSETS = TestAssets.fromEnvironment();
  private static final KubeTarget TARGET = new KubeTarget(Optional.of(Path.of("kubeconfig")), Optional.of("prod-eu"));
  private static final Path VALUES = Path.of("values.yaml");

  @TempDir Path tmp;

  static Stream<Arguments> helms() {
    return Stream.of(Arguments.of(3, ASSETS.helm3()), Arguments.of(4, ASSETS.helm4()));
  }

  private static Path present(Optional<Path> helm) {
    Assumptions.assumeTrue(helm.isPresent(), ASSETS.skipMessage());
    return helm.get();
  }

  /** Every command the installer runs, as it would run it under that major (without running it). */
  private static List<HelmCommand> commands(int major) {
    return List.of(new HelmVersionCommand(),
        new HelmUpgradeCommand("r", "./chart", "ns", Optional.of("0.30.0"), VALUES, Duration.ofMinutes(10), true, true,
            TARGET, major, false),
        new HelmUpgradeCommand("r", "./chart", "ns", Optional.empty(), VALUES, Duration.ofMinutes(10), false, false,
            TARGET, major, true),
        new HelmTemplateCommand("r", "./chart", "ns", Optional.of("0.30.0"), VALUES, true, true, TARGET, major),
        new HelmTemplateCommand("r", "./chart", "ns", Optional.empty(), VALUES, false, false, TARGET, major),
        new HelmTemplateCommand("r", "./chart", "ns", Optional.empty(), VALUES, false, false, TARGET, major,
            Optional.of("v1.34.4")),
        new HelmUninstallCommand("r", "ns", Duration.ofMinutes(5), TARGET, major, true),
        new HelmUninstallCommand("r", "ns", Duration.ofMinutes(5), TARGET, major, false),
        new HelmStatusCommand("r", "ns", TARGET), new HelmHistoryCommand("r", "ns", TARGET),
        new HelmGetCommand(HelmGetCommand.What.VALUES, "r", "ns", TARGET),
        new HelmGetCommand(HelmGetCommand.What.MANIFEST, "r", "ns", TARGET),
        new HelmShowChartCommand("oci://h/c", Optional.of("0.30.0"), true));
  }

  @ParameterizedTest(name = "Helm {0}")
  @MethodSource("helms")
  void everyArgumentListParsesInTheRealHelmOfItsMajor(int major, Optional<Path> binary) throws Exception {
    Path helm = present(binary);
    for (HelmCommand command : commands(major)) {
      // cobra parses every flag before it looks at --help: an unknown flag or a bad value fails here, and nothing
      // talks to a cluster or a registry
      List<String> line = new ArrayList<>(command.commandLine(helm));
      line.add("--help");
      Run run = run(line);

      assertThat(run.exit).as("%s\n%s", line, run.output).isZero();
      assertThat(run.output).as("%s", line).doesNotContain("level=WARN", "deprecated");
    }
  }

  @ParameterizedTest(name = "Helm {0}")
  @MethodSource("helms")
  void readsTheVersionOfTheRealHelm(int major, Optional<Path> binary) throws Exception {
    Path helm = present(binary);
    Run run = run(new HelmVersionCommand().commandLine(helm));

    assertThat(run.exit).isZero();
    assertThat(HelmVersionCommand.parse(run.output)).hasValueSatisfying(v -> {
      assertThat(v.major()).isEqualTo(major);
      assertThat(v).isGreaterThanOrEqualTo(HelmVersionCommand.Version.MINIMUM);
    });
  }

  @ParameterizedTest(name = "Helm {0}")
  @MethodSource("helms")
  void theFakeHelmPrintsTheVersionAsTheRealOneDoes(int major, Optional<Path> binary) throws Exception {
    Path helm = present(binary);
    Run real = run(new HelmVersionCommand().commandLine(helm));
    FakeHelm fake = FakeHelm.create(tmp.resolve("fake")).version(real.output);

    assertThat(run(new HelmVersionCommand().commandLine(fake.executable())).output).isEqualTo(real.output);
    assertThat(real.output).matches("v" + major + "\\.\\d+\\.\\d+");
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class OnTheInProcessServer {
    @ParameterizedTest(name = "Helm {0}")
    @MethodSource("io.gitopsruntime.helm.cli.HelmCliRealHelmTest#helms")
    void reportsARepeatInstallUnchangedAndTheDeployedChartVersion(int major, Optional<Path> binary,
        KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) {
      Path helm = present(binary);
      Path chart = TestChart.writeTo(tmp);
      RuntimeInstallation installation = RuntimeInstallation.builder().chart(chart.toString())
          .values(ValuesYaml.parse(TestChart.tunnelValues())).build();
      try (HelmCliInstaller installer = HelmCliInstaller.builder().helmExecutable(helm).kubeconfig(kubeconfig)
          .kubernetesClient(client).validators(ValidatorChain.builder().addAll(Validators.offline()).build())
          .tempDirectory(tmp).timeout(Duration.ofMinutes(2)).build()) {
        InstallResult first = installer.install(installation);
        InstallResult again = installer.install(installation);
        ReleaseStatus status = installer.status(installation);

        assertThat(first.outcome()).isEqualTo(InstallOutcome.INSTALLED);
        assertThat(again.outcome()).isEqualTo(InstallOutcome.UNCHANGED);
        assertThat(again.revision()).isEqualTo(1);
        assertThat(status.chartVersion()).contains(TestChart.VERSION);
      }
    }

    @Test
    void namesTheFieldAndManagerOfAHelm4ServerSideApplyConflictAndForcesOnlyWhenAsked(KubernetesClient client,
        @KubernetesTest.Kubeconfig Path kubeconfig) {
      Path helm = present(ASSETS.helm4());
      Path chart = TestChart.writeTo(tmp);
      HelmCliInstaller.Builder builder = HelmCliInstaller.builder().helmExecutable(helm).kubeconfig(kubeconfig)
          .kubernetesClient(client).validators(ValidatorChain.builder().addAll(Validators.offline()).build())
          .tempDirectory(tmp).timeout(Duration.ofMinutes(2));
      try (HelmCliInstaller installer = builder.build()) {
        installer.install(withLogLevel(chart, "info"));
      }
      // another tool takes the field over with server-side apply, as kubectl apply --server-side --force-conflicts does
      client.configMaps().inNamespace("codefresh").resource(new ConfigMapBuilder().withNewMetadata()
          .withName("cap-app-proxy-cm").endMetadata().addToData("logLevel", "debug").build())
          .fieldManager("kubectl").forceConflicts().serverSideApply();

      try (HelmCliInstaller installer = builder.build()) {
        assertThatThrownBy(() -> installer.install(withLogLevel(chart, "warn")))
            .isInstanceOfSatisfying(InstallException.class, e -> {
              assertThat(e.failure()).as(e.getMessage()).isEqualTo(FailureKind.OWNERSHIP_CONFLICT);
              assertThat(e.getMessage()).as(e.getMessage())
                  .startsWith("Upgrading release \"cf-gitops-runtime\" in namespace \"codefresh\" failed: server-side"
                      + " apply met fields that another field manager owns:\n  ConfigMap/codefresh/cap-app-proxy-cm: ")
                  .contains("\"kubectl\"", ".data.logLevel", "forceConflicts(true)");
            });
      }
      try (HelmCliInstaller installer = builder.forceConflicts(true).build()) {
        assertThat(installer.install(withLogLevel(chart, "warn")).outcome()).isEqualTo(InstallOutcome.UPGRADED);
      }
      assertThat(client.configMaps().inNamespace("codefresh").withName("cap-app-proxy-cm").get().getData())
          .containsEntry("logLevel", "warn");
    }

    @Test
    void upgradesAReleaseHelm3InstalledWithHelm4KeepingClientSideApplyAndThenChangesNothing(KubernetesClient client,
        @KubernetesTest.Kubeconfig Path kubeconfig) throws Exception {
      Path helm3 = present(ASSETS.helm3());
      Path helm4 = present(ASSETS.helm4());
      Path chart = TestChart.writeTo(tmp);
      try (HelmCliInstaller installer = builder(helm3, client, kubeconfig).build()) {
        assertThat(installer.install(withLogLevel(chart, "info")).outcome()).isEqualTo(InstallOutcome.INSTALLED);
      }
      try (HelmCliInstaller installer = builder(helm4, client, kubeconfig).build()) {
        InstallResult same = installer.install(withLogLevel(chart, "info"));
        InstallResult upgraded = installer.install(withLogLevel(chart, "warn"));
        InstallResult again = installer.install(withLogLevel(chart, "warn"));

        assertThat(same.outcome()).isEqualTo(InstallOutcome.UNCHANGED);
        assertThat(upgraded.outcome()).isEqualTo(InstallOutcome.UPGRADED);
        assertThat(upgraded.revision()).isEqualTo(2);
        assertThat(again.outcome()).isEqualTo(InstallOutcome.UNCHANGED);
        assertThat(again.revision()).isEqualTo(2);
      }
      Run status = run(List.of(helm4.toString(), "status", "cf-gitops-runtime", "--namespace", "codefresh", "-o", "json",
          "--kubeconfig", kubeconfig.toString()));
      assertThat(status.output).contains("\"apply_method\":\"csa\"").doesNotContain("\"chart\"");
    }

    private HelmCliInstaller.Builder builder(Path helm, KubernetesClient client, Path kubeconfig) {
      return HelmCliInstaller.builder().helmExecutable(helm).kubeconfig(kubeconfig).kubernetesClient(client)
          .validators(ValidatorChain.builder().addAll(Validators.offline()).build()).tempDirectory(tmp)
          .timeout(Duration.ofMinutes(2));
    }

    private RuntimeInstallation withLogLevel(Path chart, String level) {
      return RuntimeInstallation.builder().chart(chart.toString())
          .values(ValuesYaml.parse(TestChart.tunnelValues() + "app-proxy:\n  config:\n    logLevel: " + level + "\n"))
          .build();
    }

    @ParameterizedTest(name = "Helm {0}")
    @MethodSource("io.gitopsruntime.helm.cli.HelmCliRealHelmTest#helms")
    void explainsAFailedHookInTheWordingOfEitherMajor(int major, Optional<Path> binary, KubernetesClient client,
        @KubernetesTest.Kubeconfig Path kubeconfig) {
      Path helm = present(binary);
      Path chart = TestChart.writeTo(tmp);
      RuntimeInstallation installation = RuntimeInstallation.builder().chart(chart.toString())
          .values(ValuesYaml.parse(TestChart.tunnelValues() + "testHooks:\n  validateValues:\n"
              + "    failWith: user jane does not have Admin role\n")).build();
      try (HelmCliInstaller installer = HelmCliInstaller.builder().helmExecutable(helm).kubeconfig(kubeconfig)
          .kubernetesClient(client).validators(ValidatorChain.builder().addAll(Validators.offline()).build())
          .tempDirectory(tmp).timeout(Duration.ofMinutes(2)).build()) {
        assertThatThrownBy(() -> installer.install(installation)).isInstanceOfSatisfying(InstallException.class, e -> {
          assertThat(e.failure()).as(e.getMessage()).isEqualTo(FailureKind.HOOK_FAILED);
          assertThat(e.getMessage()).as(e.getMessage())
              .startsWith("Installing release \"cf-gitops-runtime\" in namespace \"codefresh\" failed: the pre-install"
                  + " hook Job \"validate-values\" failed")
              .contains("user jane does not have Admin role");
        });
      }
    }
  }

  private record Run(int exit, String output) {}

  private Run run(List<String> line) throws IOException, InterruptedException {
    Path out = Files.createTempFile(tmp, "helm-", ".out");
    Process p = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError(line + " did not finish within 60 s");
      }
      return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
    }
  }
}
