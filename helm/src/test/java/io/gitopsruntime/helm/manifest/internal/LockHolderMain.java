package io.gitopsruntime.helm.manifest.internal;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A child JVM for {@link ReleaseLockTest}: takes the lock of release {@code rel} through the kubeconfig named
 * by its first argument, says so on stdout and waits until it is signalled, like a CLI in the middle of an
 * install.
 */
public final class LockHolderMain {
  private LockHolderMain() {
  }

  /**
   * Runs it.
   *
   * @param args the kubeconfig file
   * @throws Exception never expected
   */
  public static void main(String[] args) throws Exception {
    Config config = Config.fromKubeconfig(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
    ReleaseLock lock = ReleaseLock.acquire(KubeApi.over(client, RetryPolicy.DEFAULT, Deadline.in(Duration.ofSeconds(30))),
        "rel", "codefresh", "child/pid-" + ProcessHandle.current().pid() + "/cccc", Duration.ofSeconds(60));
    System.out.println("held " + lock.hashCode());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
