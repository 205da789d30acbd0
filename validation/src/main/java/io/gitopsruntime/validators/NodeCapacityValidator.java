package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidatorKind;
import io.gitopsruntime.validators.internal.Findings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks that at least one schedulable node offers the GitOps Runtime's minimum, 2 CPUs and 5000 MB
 * (5 × 10⁹ bytes) of memory, as allocatable resources (capacity when a node reports no allocatable); when
 * none does, the finding names the biggest node and what it has. Nodes marked unschedulable are left out; a
 * cluster that shows no schedulable node at all (one that adds nodes on demand) is a warning.
 *
 * <p>Reads the cluster through the {@link KubernetesClient} attached to the context; without one, reports an
 * INFO finding saying how to run the check. Rules: {@value RuleIds#CLUSTER_NODE_CAPACITY},
 * {@value RuleIds#CLUSTER_SKIPPED}, {@value RuleIds#CLUSTER_API_ERROR}. Kind {@link ValidatorKind#CLUSTER}.
 * Stateless and thread-safe.
 */
final class NodeCapacityValidator extends ClusterValidator {
  /** This validator's id. */
  static final String ID = "cluster.node-capacity";

  private static final BigDecimal MIN_CPUS = BigDecimal.valueOf(2);
  private static final BigDecimal MIN_BYTES = BigDecimal.valueOf(5_000_000_000L);
  private static final BigDecimal MEGABYTE = BigDecimal.valueOf(1_000_000L);

  /** Creates the validator. */
  NodeCapacityValidator() {
    super(ID, ClusterCheck.NODE_CAPACITY);
  }

  /** What one node offers. */
  private record Size(String name, BigDecimal cpus, BigDecimal bytes) {
    boolean enough() {
      return cpus.compareTo(MIN_CPUS) >= 0 && bytes.compareTo(MIN_BYTES) >= 0;
    }
  }

  @Override
  void check(ValidationContext context, KubernetesClient client, Findings out) {
    List<Node> nodes = call(ClusterCall.NODES, () -> client.nodes().list().getItems());
    List<Size> sizes = nodes.stream()
        .filter(n -> n.getSpec() == null || !Boolean.TRUE.equals(n.getSpec().getUnschedulable()))
        .map(NodeCapacityValidator::size)
        .toList();
    if (sizes.isEmpty()) {
      out.add(noSchedulableNodes());
      return;
    }
    if (sizes.stream().anyMatch(Size::enough)) {
      return;
    }
    Size biggest = sizes.stream()
        .max(Comparator.comparing(Size::bytes).thenComparing(Size::cpus).thenComparing(Size::name,
            Comparator.reverseOrder()))
        .orElseThrow();
    String cpus = biggest.cpus().stripTrailingZeros().toPlainString();
    long megabytes = biggest.bytes().divide(MEGABYTE, 0, RoundingMode.DOWN).longValueExact();
    out.add(nodesTooSmall(biggest.name(), cpus, megabytes, sizes.size()));
  }

  private static Size size(Node node) {
    Map<String, Quantity> allocatable = node.getStatus() == null ? null : node.getStatus().getAllocatable();
    Map<String, Quantity> capacity = node.getStatus() == null ? null : node.getStatus().getCapacity();
    return new Size(node.getMetadata().getName(), amount(allocatable, capacity, "cpu"),
        amount(allocatable, capacity, "memory"));
  }

  private static BigDecimal amount(@Nullable Map<String, Quantity> allocatable,
      @Nullable Map<String, Quantity> capacity, String resource) {
    Quantity q = allocatable == null ? null : allocatable.get(resource);
    if (q == null) {
      q = capacity == null ? null : capacity.get(resource);
    }
    if (q == null) {
      return BigDecimal.ZERO;
    }
    try {
      return Quantity.getAmountInBytes(q);
    } catch (ArithmeticException | IllegalArgumentException e) {
      return BigDecimal.ZERO;
    }
  }

  /**
   * No node is big enough.
   *
   * @param biggest the biggest node's name
   * @param cpus its allocatable CPUs, such as {@code 1.5}
   * @param megabytes its allocatable memory in MB (10^6 bytes)
   * @param nodes how many nodes were checked
   * @return the finding
   */
  static Finding nodesTooSmall(String biggest, String cpus, long megabytes, int nodes) {
    return Finding.error(CLUSTER_NODE_CAPACITY, "",
        "No node of the cluster offers 2 CPUs and 5000 MB of memory: the biggest, " + q(biggest) + ", has " + cpus
            + (cpus.equals("1") ? " CPU" : " CPUs") + " and " + megabytes + " MB allocatable (" + nodes
            + (nodes == 1 ? " node" : " nodes") + " checked), and the GitOps Runtime needs at least one node of"
            + " that size.",
        "Add a node, or a node pool, with at least 2 CPUs and 5000 MB of allocatable memory.");
  }

  /**
   * The cluster shows no schedulable node.
   *
   * @return the finding
   */
  static Finding noSchedulableNodes() {
    return Finding.warning(CLUSTER_NODE_CAPACITY, "",
        "The cluster shows no schedulable node, so its capacity could not be checked: the GitOps Runtime needs at"
            + " least one node with 2 CPUs and 5000 MB of memory.",
        "Make sure such a node exists or can be added (kubectl get nodes).");
  }
}
