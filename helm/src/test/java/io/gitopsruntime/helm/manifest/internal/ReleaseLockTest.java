package io.gitopsruntime.helm.manifest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@KubernetesTest(namespace = "codefresh")
class ReleaseLockTest {
  private static final String LEASE = "gitops-runtime.rel.lock";

  private static KubeApi api(KubernetesTestServer server) {
    return KubeApi.over(server.client(), RetryPolicy.DEFAULT, Deadline.in(Duration.ofSeconds(30)));
  }

  private static Lease lease(KubernetesClient client) {
    return client.leases().inNamespace("codefresh").withName(LEASE).get();
  }

  @Test
  void renewsTheLeaseWhileHeldAndDeletesItWhenReleased(KubernetesTestServer server, KubernetesClient client)
      throws Exception {
    try (ReleaseLock lock = ReleaseLock.acquire(api(server), "rel", "codefresh", "me/pid-1/aaaa", Duration.ofSeconds(4))) {
      Lease acquired = lease(client);
      Thread.sleep(1500);

      assertThat(lease(client).getSpec().getRenewTime()).isAfter(acquired.getSpec().getRenewTime());
      assertThat(acquired.getSpec().getHolderIdentity()).isEqualTo("me/pid-1/aaaa");
      assertThat(acquired.getSpec().getLeaseDurationSeconds()).isEqualTo(4);
      lock.check();
    }
    assertThat(lease(client)).isNull();
  }

  @Test
  void noticesWhenAnotherProcessTookTheLockOverAndLeavesItsLeaseAlone(KubernetesTestServer server,
      KubernetesClient client) throws Exception {
    try (ReleaseLock lock = ReleaseLock.acquire(api(server), "rel", "codefresh", "me/pid-1/aaaa", Duration.ofSeconds(4))) {
      client.leases().inNamespace("codefresh").withName(LEASE).edit(l -> new LeaseBuilder(l).editSpec()
          .withHolderIdentity("other/pid-2/bbbb").endSpec().build());
      Thread.sleep(1500);

      assertThatThrownBy(lock::check).isInstanceOf(ReleaseLock.Locked.class)
          .hasMessage("Stopped changing release rel in namespace codefresh: its lock (Lease codefresh/" + LEASE
              + ") was taken over by another process while this one ran. Let the other one finish, then install again.");
    }
    assertThat(lease(client).getSpec().getHolderIdentity()).isEqualTo("other/pid-2/bbbb");
  }

  /**
   * A CLI stopped with Ctrl-C or SIGTERM in the middle of an install runs no {@code finally}: the JVM only
   * runs its shutdown hooks. The lock must go with them, or the next install is refused until it expires.
   */
  @ParameterizedTest
  @ValueSource(strings = {"TERM", "INT"})
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void isReleasedWhenTheJvmHoldingItIsStoppedBySignal(String signal, KubernetesTestServer server,
      KubernetesClient client, @TempDir Path tmp) throws Exception {
    Path kubeconfig = server.writeKubeconfig(tmp.resolve("kubeconfig"));
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), LockHolderMain.class.getName(), kubeconfig.toString())
        .redirectError(tmp.resolve("stderr.txt").toFile()).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).as("the child took the lock").startsWith("held ");
      assertThat(lease(client).getSpec().getHolderIdentity()).isEqualTo("child/pid-" + child.pid() + "/cccc");

      Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(child.pid())).inheritIO().start();
      assertThat(kill.waitFor()).isZero();
      child.waitFor();
    } finally {
      child.destroyForcibly();
    }

    assertThat(lease(client)).as("released by the child's shutdown hook").isNull();
  }
}
