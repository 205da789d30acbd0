package io.gitopsruntime.helm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsruntime.core.Redactor;
import io.gitopsruntime.helm.internal.HelmRelease;
import io.gitopsruntime.helm.internal.HelmRevision;
import io.gitopsruntime.helm.internal.KubeTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HelmCommandTest {
  private static final KubeTarget DEFAULT = new KubeTarget(Optional.empty(), Optional.empty());
  private static final KubeTarget PROD = new KubeTarget(Optional.of(Path.of("/home/me/.kube/prod")), Optional.of("prod-eu"));
  private static final Path VALUES = Path.of("/tmp/gitops-runtime-values-1.yaml");

  @Nested
  class Version {
    @Test
    void asksForTheVersionInTheFormBothMajorsPrintAlike() {
      assertThat(new HelmVersionCommand().arguments()).containsExactly("version", "--template", "{{.Version}}");
    }

    @Test
    void readsTheVersion() {
      assertThat(HelmVersionCommand.parse("v3.21.4+g0e2b5d2\n")).contains(new HelmVersionCommand.Version(3, 21, 4));
      assertThat(HelmVersionCommand.parse("v4.0.0")).contains(new HelmVersionCommand.Version(4, 0, 0));
      assertThat(HelmVersionCommand.parse("v4.3.1")).contains(new HelmVersionCommand.Version(4, 3, 1));
      assertThat(HelmVersionCommand.parse("not helm")).isEmpty();
    }

    @Test
    void ordersVersions() {
      assertThat(new HelmVersionCommand.Version(3, 9, 4)).isLessThan(HelmVersionCommand.Version.MINIMUM);
      assertThat(new HelmVersionCommand.Version(3, 10, 0)).isEqualByComparingTo(HelmVersionCommand.Version.MINIMUM);
      assertThat(new HelmVersionCommand.Version(4, 0, 0)).isGreaterThan(HelmVersionCommand.Version.MINIMUM);
    }
  }

  @Nested
  class Upgrade {
    @Test
    void installsOrUpgradesWithTheValuesFileWaitingWithinTheTimeout() {
      HelmUpgradeCommand upgrade = new HelmUpgradeCommand("cf-gitops-runtime", "oci://quay.io/codefresh/gitops-runtime",
          "codefresh", Optional.of("0.30.0"), VALUES, Duration.ofMinutes(10), true, false, DEFAULT, 3, false);

      assertThat(upgrade.arguments()).containsExactly("upgrade", "--install", "cf-gitops-runtime",
          "oci://quay.io/codefresh/gitops-runtime", "--namespace", "codefresh", "--create-namespace", "--version", "0.30.0",
          "-f", "/tmp/gitops-runtime-values-1.yaml", "--wait", "--timeout", "600s");
      assertThat(upgrade.showsOutput()).isTrue();
    }

    @Test
    void leavesAnExistingNamespaceAloneAndPointsAtTheChosenCluster() {
      HelmUpgradeCommand upgrade = new HelmUpgradeCommand("r", "oci://127.0.0.1:5000/charts/gitops-runtime", "ns",
          Optional.empty(), VALUES, Duration.ofSeconds(90), false, true, PROD, 3, false);

      assertThat(upgrade.arguments()).containsExactly("upgrade", "--install", "r",
          "oci://127.0.0.1:5000/charts/gitops-runtime", "--namespace", "ns", "-f", "/tmp/gitops-runtime-values-1.yaml",
          "--wait", "--timeout", "90s", "--plain-http", "--kubeconfig", "/home/me/.kube/prod", "--kube-context", "prod-eu");
    }

    @Test
    void showsAQuotedMaskedCommandLine() {
      HelmUpgradeCommand upgrade = new HelmUpgradeCommand("r", "/charts/my chart", "ns", Optional.empty(), VALUES,
          Duration.ofMinutes(5), false, false, DEFAULT, 3, false);

      assertThat(upgrade.display(Redactor.ofLiterals(List.of("my chart")))).isEqualTo(
          "helm upgrade --install r '/charts/****' --namespace ns -f /tmp/gitops-runtime-values-1.yaml --wait --timeout 300s");
    }

    @Test
    void namesTheWatcherStrategyForHelm4AndForcesConflictsOnlyWhenAsked() {
      HelmUpgradeCommand upgrade = new HelmUpgradeCommand("r", "./c", "ns", Optional.empty(), VALUES, Duration.ofMinutes(5),
          false, false, DEFAULT, 4, false);

      assertThat(upgrade.arguments()).containsExactly("upgrade", "--install", "r", "./c", "--namespace", "ns", "-f",
          "/tmp/gitops-runtime-values-1.yaml", "--wait=watcher", "--timeout", "300s");
      assertThat(new HelmUpgradeCommand("r", "./c", "ns", Optional.empty(), VALUES, Duration.ofMinutes(5), false, false,
          DEFAULT, 4, true).arguments()).containsSubsequence("--wait=watcher", "--timeout", "300s", "--force-conflicts");
      assertThat(new HelmUpgradeCommand("r", "./c", "ns", Optional.empty(), VALUES, Duration.ofMinutes(5), false, false,
          DEFAULT, 3, true).arguments()).doesNotContain("--force-conflicts");
    }
  }

  @Nested
  class Template {
    @Test
    void rendersWithoutHooksAgainstTheCluster() {
      assertThat(new HelmTemplateCommand("r", "./gitops-runtime", "ns", Optional.of("0.30.0"), VALUES, false, false,
          DEFAULT, 3).arguments()).containsExactly("template", "r", "./gitops-runtime", "--namespace", "ns", "--version",
          "0.30.0", "-f", "/tmp/gitops-runtime-values-1.yaml", "--no-hooks", "--validate");
    }

    @Test
    void validatesWithAServerDryRunUnderHelm4() {
      assertThat(new HelmTemplateCommand("r", "./c", "ns", Optional.empty(), VALUES, false, false, DEFAULT, 4).arguments())
          .containsExactly("template", "r", "./c", "--namespace", "ns", "-f", "/tmp/gitops-runtime-values-1.yaml",
              "--no-hooks", "--dry-run=server");
    }

    @Test
    void rendersWithoutAskingTheClusterForObjectsAboutToBeAdopted() {
      assertThat(new HelmTemplateCommand("r", "./c", "ns", Optional.empty(), VALUES, false, false, DEFAULT, 4,
          Optional.of("v1.34.4")).arguments()).containsExactly("template", "r", "./c", "--namespace", "ns", "-f",
              "/tmp/gitops-runtime-values-1.yaml", "--no-hooks", "--kube-version", "v1.34.4");
    }

    @Test
    void rendersAnUpgradeOfAnExistingRelease() {
      assertThat(new HelmTemplateCommand("r", "oci://h/c", "ns", Optional.empty(), VALUES, true, true, PROD, 3).arguments())
          .containsExactly("template", "r", "oci://h/c", "--namespace", "ns", "-f", "/tmp/gitops-runtime-values-1.yaml",
              "--no-hooks", "--validate", "--is-upgrade", "--plain-http", "--kubeconfig", "/home/me/.kube/prod",
              "--kube-context", "prod-eu");
    }
  }

  @Nested
  class Uninstall {
    @Test
    void uninstallsAndWaits() {
      HelmUninstallCommand uninstall = new HelmUninstallCommand("r", "ns", Duration.ofMinutes(5), PROD, 3, true);

      assertThat(uninstall.arguments()).containsExactly("uninstall", "r", "--namespace", "ns", "--wait", "--timeout",
          "300s", "--kubeconfig", "/home/me/.kube/prod", "--kube-context", "prod-eu");
      assertThat(uninstall.showsOutput()).isTrue();
      assertThat(new HelmUninstallCommand("r", "ns", Duration.ofMinutes(5), DEFAULT, 4, true).arguments())
          .containsExactly("uninstall", "r", "--namespace", "ns", "--wait=watcher", "--timeout", "300s");
    }

    @Test
    void skipsTheHooksOfAReleaseWhoseInstallNeverFinished() {
      assertThat(new HelmUninstallCommand("r", "ns", Duration.ofMinutes(5), DEFAULT, 3, false).arguments())
          .containsExactly("uninstall", "r", "--namespace", "ns", "--wait", "--timeout", "300s", "--no-hooks");
    }
  }

  @Nested
  class Status {
    @Test
    void asksForJsonAndNeverShowsIt() {
      HelmStatusCommand status = new HelmStatusCommand("r", "ns", DEFAULT);

      assertThat(status.arguments()).containsExactly("status", "r", "--namespace", "ns", "-o", "json");
      assertThat(status.showsOutput()).isFalse();
    }

    @Test
    void readsStateRevisionAndChart() {
      String json = "{\"name\":\"r\",\"info\":{\"status\":\"pending-upgrade\",\"description\":\"x\"},\"chart\":{\"metadata\":"
          + "{\"name\":\"gitops-runtime\",\"version\":\"0.30.0\"}},\"config\":{\"global\":{}},\"version\":4,\"namespace\":\"ns\"}";

      assertThat(HelmStatusCommand.parse(json, "ns")).isEqualTo(
          new HelmRelease("r", "ns", 4, "pending-upgrade", "gitops-runtime", "0.30.0"));
    }

    @Test
    void readsTheReleaseRealHelmPrintsWhichHasNoChart() {
      String json = "{\"name\":\"r\",\"info\":{\"first_deployed\":\"2026-01-05T10:15:13Z\",\"last_deployed\":"
          + "\"2026-01-05T10:15:13Z\",\"description\":\"Install complete\",\"status\":\"deployed\"},\"config\":{},"
          + "\"manifest\":\"---\\n\",\"version\":1,\"namespace\":\"ns\",\"apply_method\":\"ssa\"}";

      assertThat(HelmStatusCommand.parse(json, "ns")).isEqualTo(new HelmRelease("r", "ns", 1, "deployed", "", ""));
    }

    @Test
    void refusesWhatIsNotARelease() {
      assertThatThrownBy(() -> HelmStatusCommand.parse("[]", "ns")).hasMessage("helm status printed no release");
      assertThatThrownBy(() -> HelmStatusCommand.parse("NAME: r", "ns"))
          .hasMessage("helm status printed something that is not JSON");
    }

    @Test
    void recognisesAMissingRelease() {
      assertThat(HelmStatusCommand.notFound("Error: release: not found\n")).isTrue();
      assertThat(HelmStatusCommand.notFound("Error: Kubernetes cluster unreachable")).isFalse();
    }
  }

  @Nested
  class Get {
    @Test
    void getsTheUserSuppliedValuesAsYaml() {
      HelmGetCommand get = new HelmGetCommand(HelmGetCommand.What.VALUES, "r", "ns", DEFAULT);

      assertThat(get.arguments()).containsExactly("get", "values", "r", "--namespace", "ns", "-o", "yaml");
      assertThat(get.showsOutput()).isFalse();
    }

    @Test
    void getsTheManifest() {
      assertThat(new HelmGetCommand(HelmGetCommand.What.MANIFEST, "r", "ns", PROD).arguments()).containsExactly("get",
          "manifest", "r", "--namespace", "ns", "--kubeconfig", "/home/me/.kube/prod", "--kube-context", "prod-eu");
    }
  }

  @Nested
  class History {
    @Test
    void asksForJson() {
      assertThat(new HelmHistoryCommand("r", "ns", DEFAULT).arguments()).containsExactly("history", "r", "--namespace",
          "ns", "-o", "json");
    }

    @Test
    void readsTheRevisions() {
      assertThat(HelmHistoryCommand.parse("[{\"revision\":1,\"updated\":\"2026-01-01T00:00:00Z\",\"status\":\"superseded\","
          + "\"chart\":\"gitops-runtime-0.30.0\"},{\"revision\":2,\"status\":\"pending-upgrade\"}]"))
          .containsExactly(new HelmRevision(1, "superseded", "gitops-runtime-0.30.0"), new HelmRevision(2, "pending-upgrade"));
    }
  }

  @Nested
  class ShowChart {
    @Test
    void showsTheChartOfAVersion() {
      assertThat(new HelmShowChartCommand("oci://h/c", Optional.of("0.30.0"), true).arguments()).containsExactly("show",
          "chart", "oci://h/c", "--version", "0.30.0", "--plain-http");
    }

    @Test
    void readsNameAndVersion() {
      assertThat(HelmShowChartCommand.nameAndVersion("apiVersion: v2\nname: gitops-runtime\nversion: 0.30.0\n"))
          .isEqualTo("gitops-runtime-0.30.0");
    }
  }
}
