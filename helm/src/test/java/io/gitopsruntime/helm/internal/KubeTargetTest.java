package io.gitopsruntime.helm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.helm.cli.HelmCliInstaller;
import io.gitopsruntime.helm.manifest.ManifestInstaller;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import io.gitopsruntime.testing.KubernetesTest;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeTargetTest {
  private static final String KUBECONFIG = String.join("\n",
      "apiVersion: v1",
      "kind: Config",
      "clusters:",
      "- name: a",
      "  cluster: {server: 'https://a.example'}",
      "- name: b",
      "  cluster: {server: 'https://b.example'}",
      "contexts:",
      "- name: a",
      "  context: {cluster: a, user: u}",
      "- name: b",
      "  context: {cluster: b, user: u}",
      "current-context: a",
      "users:",
      "- name: u",
      "  user: {}",
      "");

  @TempDir Path tmp;

  @Test
  void passesKubeconfigAndContextToHelmAndKubectl() {
    KubeTarget target = new KubeTarget(Optional.of(Path.of("kc.yaml")), Optional.of("prod"));

    assertThat(target.helmFlags()).containsExactly("--kubeconfig", "kc.yaml", "--kube-context", "prod");
    assertThat(target.helmFlagText()).isEqualTo(" --kubeconfig kc.yaml --kube-context prod");
    assertThat(target.kubectlFlagText()).isEqualTo(" --kubeconfig kc.yaml --context prod");
  }

  @Test
  void passesNothingForTheDefaults() {
    KubeTarget target = new KubeTarget(Optional.empty(), Optional.empty());

    assertThat(target.helmFlags()).isEmpty();
    assertThat(target.contentsWithContext()).isEmpty();
  }

  @Test
  void makesTheChosenContextCurrentForHelmJava() throws Exception {
    Path file = Files.writeString(tmp.resolve("kubeconfig"), KUBECONFIG);

    String contents = new KubeTarget(Optional.of(file), Optional.of("b")).contentsWithContext().orElseThrow();

    assertThat(contents).contains("current-context: \"b\"").contains("server: \"https://b.example\"");
  }

  @Nested
  class RightClusterOrNone {
    @Test
    void buildsAClientForTheChosenContext() throws Exception {
      Path file = Files.writeString(tmp.resolve("kubeconfig"), KUBECONFIG);

      try (KubernetesClient client = new KubeTarget(Optional.of(file), Optional.of("b")).newClient()) {
        assertThat(client.getConfiguration().getMasterUrl()).startsWith("https://b.example");
        assertThat(client.getConfiguration().getCurrentContext().getName()).isEqualTo("b");
      }
    }

    @Test
    void refusesAContextThatDoesNotExistInsteadOfUsingTheCurrentOne() throws Exception {
      Path file = Files.writeString(tmp.resolve("kubeconfig"), KUBECONFIG);
      KubeTarget target = new KubeTarget(Optional.of(file), Optional.of("typo-prod"));

      assertThatThrownBy(target::newClient).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("The kubeconfig " + file + " has no context \"typo-prod\" (its contexts: a, b). List them with:"
              + " kubectl config get-contexts --kubeconfig " + file);
    }

    @Test
    void refusesAKubeconfigThatDoesNotParseWithoutQuotingIt() throws Exception {
      Path file = Files.writeString(tmp.resolve("kubeconfig"), "apiVersion: v1\nusers:\n- name: u\n  user:\n"
          + "    token: tok-SECRET-1234\n  \tbad: [\n");
      KubeTarget target = new KubeTarget(Optional.of(file), Optional.empty());

      assertThatThrownBy(target::newClient).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("The kubeconfig " + file + " is not valid YAML at line ")
          .hasMessageEndingWith("). Fix the file or pass another with kubeconfig(Path).")
          .hasMessageNotContaining("SECRET");
    }

    @Test
    void refusesAKubeconfigWithoutACurrentContextWhenNoneIsChosen() throws Exception {
      Path file = Files.writeString(tmp.resolve("kubeconfig"), KUBECONFIG.replace("current-context: a\n", ""));

      assertThatThrownBy(() -> new KubeTarget(Optional.of(file), Optional.empty()).newClient())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("The kubeconfig " + file + " has no current context, and none was chosen (its contexts: a, b)."
              + " Choose one with kubeContext(..); list them with: kubectl config get-contexts --kubeconfig " + file);
    }

    @Test
    void refusesACurrentContextThatIsNotDefined() throws Exception {
      Path file = Files.writeString(tmp.resolve("kubeconfig"), KUBECONFIG.replace("current-context: a", "current-context: z"));

      assertThatThrownBy(() -> new KubeTarget(Optional.of(file), Optional.empty()).newClient())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("The kubeconfig " + file + " names \"z\" as its current context, but has no such context (its"
              + " contexts: a, b). Choose one with kubeContext(..); list them with: kubectl config get-contexts"
              + " --kubeconfig " + file);
    }

    @Test
    void refusesAContextWhoseClusterIsNotDefined() throws Exception {
      Path file = Files.writeString(tmp.resolve("kubeconfig"), KUBECONFIG.replace("{cluster: b, user: u}",
          "{cluster: gone, user: u}"));

      assertThatThrownBy(() -> new KubeTarget(Optional.of(file), Optional.of("b")).newClient())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("The context \"b\" of the kubeconfig " + file + " names the cluster \"gone\", which it does not"
              + " define with a server. Fix the file or choose another context.");
    }

    @Test
    void refusesAKubeconfigThatDoesNotExist() {
      Path file = tmp.resolve("missing");

      assertThatThrownBy(() -> new KubeTarget(Optional.of(file), Optional.of("a")).check())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("The kubeconfig " + file + " does not exist. Check the path.");
    }

    @Test
    void theInstallersBuildersRefuseAMistypedContextAtOnce() throws Exception {
      Path file = Files.writeString(tmp.resolve("kubeconfig"), KUBECONFIG);
      String message = "The kubeconfig " + file + " has no context \"typo-prod\" (its contexts: a, b). List them with:"
          + " kubectl config get-contexts --kubeconfig " + file;

      assertThatThrownBy(() -> HelmCliInstaller.builder().kubeconfig(file).kubeContext("typo-prod").build())
          .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
      assertThatThrownBy(() -> ManifestInstaller.builder().kubeconfig(file).kubeContext("typo-prod").build())
          .isInstanceOf(GitOpsRuntimeException.class).hasMessage(message);
    }
  }

  @Nested
  @KubernetesTest
  class NeverLogsBodies {
    @Test
    void aClientLogsNoRequestOrResponseBodyEvenAtTrace(@KubernetesTest.Kubeconfig Path kubeconfig) throws Exception {
      String canary = "CANARY-7f3c91d2";
      Path log = tmp.resolve("child.log");
      Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
      Process child = new ProcessBuilder(javaBin.toString(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
          "-Dorg.slf4j.simpleLogger.log.io.gitopsruntime=trace", "-cp", System.getProperty("java.class.path"),
          ClientAtTrace.class.getName(), kubeconfig.toString(), canary)
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
      } finally {
        child.destroyForcibly();
      }
      String output = Files.readString(log);

      assertThat(child.exitValue()).as(output).isZero();
      assertThat(output).contains("trace enabled: true", "requests done");
      assertThat(output).doesNotContain(canary).doesNotContain(
          Base64.getEncoder().encodeToString(canary.getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void namesTheMissingContext() throws Exception {
    Path file = Files.writeString(tmp.resolve("kubeconfig"), KUBECONFIG);

    assertThatThrownBy(() -> new KubeTarget(Optional.of(file), Optional.of("c")).contentsWithContext())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The kubeconfig " + file + " has no context \"c\". List its contexts with: kubectl config"
            + " get-contexts --kubeconfig " + file);
  }
}
