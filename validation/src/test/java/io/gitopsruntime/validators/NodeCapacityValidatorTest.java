package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.testing.Fault;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.validation.Finding;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NodeCapacityValidatorTest {
  private static final String ID = NodeCapacityValidator.ID;

  private final NodeCapacityValidator validator = new NodeCapacityValidator();

  private List<Finding> check(KubernetesClient client) throws Exception {
    return validator.validate(Fixtures.context(Fixtures.tunnel(), client));
  }

  private List<Finding> check(KubernetesTestServer.Builder cluster) throws Exception {
    try (KubernetesTestServer server = cluster.start()) {
      return check(server.client());
    }
  }

  @Nested
  class Valid {
    @Test
    void passesWhenOneNodeIsBigEnough() throws Exception {
      assertThat(check(KubernetesTestServer.builder().node("small", "1", "2Gi").node("big", "4", "16Gi"))).isEmpty();
    }

    @Test
    void passesOnExactly2CpusAnd5000Megabytes() throws Exception {
      assertThat(check(KubernetesTestServer.builder().node("exact", "2000m", "5000M"))).isEmpty();
    }
  }

  @Nested
  class Invalid {
    @Test
    void namesTheBiggestNodeAndWhatItHas() throws Exception {
      assertThat(check(KubernetesTestServer.builder().node("small", "1", "2Gi").node("medium", "1500m", "4Gi")))
          .containsExactly(error(ID, "cluster.node-capacity", "",
              "No node of the cluster offers 2 CPUs and 5000 MB of memory: the biggest, \"medium\", has 1.5 CPUs and"
                  + " 4294 MB allocatable (2 nodes checked), and the GitOps Runtime needs at least one node of that"
                  + " size.",
              "Add a node, or a node pool, with at least 2 CPUs and 5000 MB of allocatable memory."));
    }

    @Test
    void countsMegabytesNotMebibytes() throws Exception {
      // 4768Mi is 4,999,610,368 bytes: just short of 5000 MB
      assertThat(check(KubernetesTestServer.builder().node("almost", "8", "4768Mi"))).singleElement()
          .extracting(Finding::message).asString()
          .contains("the biggest, \"almost\", has 8 CPUs and 4999 MB allocatable (1 node checked)");
    }

    @Test
    void leavesOutUnschedulableNodes() throws Exception {
      try (KubernetesTestServer server = KubernetesTestServer.builder().node("cordoned", "8", "32Gi")
          .node("small", "1", "2Gi").start()) {
        server.client().nodes().withName("cordoned")
            .edit(n -> new NodeBuilder(n).editOrNewSpec().withUnschedulable(true).endSpec().build());

        assertThat(check(server.client())).singleElement().extracting(Finding::message).asString()
            .contains("the biggest, \"small\", has 1 CPU and 2147 MB allocatable (1 node checked)");
      }
    }

    @Test
    void warnsWhenNoNodeShows() throws Exception {
      try (KubernetesTestServer server = KubernetesTestServer.start()) {
        server.client().nodes().withName("node-1").delete();

        assertThat(check(server.client())).containsExactly(warning(ID, "cluster.node-capacity", "",
            "The cluster shows no schedulable node, so its capacity could not be checked: the GitOps Runtime needs at"
                + " least one node with 2 CPUs and 5000 MB of memory.",
            "Make sure such a node exists or can be added (kubectl get nodes)."));
      }
    }

    @Test
    void turnsAServerErrorIntoAFinding() throws Exception {
      try (KubernetesTestServer server = KubernetesTestServer.start();
          KubernetesClient client = Fixtures.noRetry(server)) {
        server.inject(Fault.status(500).on("GET", "/api/v1/nodes"));

        assertThat(check(client)).containsExactly(error(ID, "cluster.api-error", "",
            "Listing the cluster's Nodes failed (HTTP 500: injected fault: HTTP 500 for GET on /api/v1/nodes,"
                + " 1 time(s)): the node capacity check could not run.",
            "The Kubernetes API server failed: check its health (kubectl get --raw /readyz) and retry."));
      }
    }
  }
}
