package io.gitopsruntime.helm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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

  @Test
  void namesTheMissingContext() throws Exception {
    Path file = Files.writeString(tmp.resolve("kubeconfig"), KUBECONFIG);

    assertThatThrownBy(() -> new KubeTarget(Optional.of(file), Optional.of("c")).contentsWithContext())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The kubeconfig " + file + " has no context \"c\". List its contexts with: kubectl config"
            + " get-contexts --kubeconfig " + file);
  }
}
