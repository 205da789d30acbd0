package io.gitopsruntime.helm.manifest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

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
}
