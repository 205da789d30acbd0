package io.gitopsruntime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesTestServerMainTest {

  @TempDir Path tmp;

  @Test
  void servesTheApiFromAnotherProcessUntilStopped() throws Exception {
    Path kubeconfig = tmp.resolve("kube/config.yaml");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        KubernetesTestServerMain.class.getName(), kubeconfig.toString(), "--namespace", "codefresh")
        .redirectErrorStream(true).start();
    try {
      String url;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        url = out.readLine();
        while (url != null && !url.startsWith("http://")) {
          url = out.readLine();
        }
      }

      assertThat(url).startsWith("http://127.0.0.1:");
      try (KubernetesClient client = new KubernetesClientBuilder()
          .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
        assertThat(client.getMasterUrl().toString()).startsWith(url);
        assertThat(client.namespaces().withName("codefresh").get()).isNotNull();
      }
    } finally {
      process.destroy();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }
  }
}
