package io.gitopsruntime.helm.realcluster;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Brings a real cluster back to no release of the chart, and lists what a release left behind. */
final class ClusterReset {
  /** What a namespace holds on its own, or what controllers remove after the objects they belong to. */
  private static final Set<String> NOT_THE_RELEASES = Set.of("Event", "Endpoints", "EndpointSlice",
      "ControllerRevision", "PodMetrics");
  private static final Set<String> CHART_GROUPS = Set.of("codefresh.io", "argoproj.io", "bitnami.com");

  private ClusterReset() {}

  /** Deletes the namespace (waiting until it is gone) and every cluster-scoped object of the chart, then recreates it. */
  static void withoutTheRelease(KubernetesClient client, String namespace) throws InterruptedException {
    client.namespaces().withName(namespace).delete();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (client.namespaces().withName(namespace).get() != null) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("namespace " + namespace + " was not deleted within 3 minutes: "
            + client.namespaces().withName(namespace).get().getStatus());
      }
      Thread.sleep(250);
    }
    client.rbac().clusterRoles().list().getItems().stream().filter(ClusterReset::ofTheChart)
        .forEach(o -> client.resource(o).delete());
    client.rbac().clusterRoleBindings().list().getItems().stream().filter(ClusterReset::ofTheChart)
        .forEach(o -> client.resource(o).delete());
    client.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
        .filter(crd -> CHART_GROUPS.contains(crd.getSpec().getGroup())).forEach(o -> client.resource(o).delete());
    for (String cr : List.of("validate-values-cr", "validate-usage-cr", "secrets-unsealer")) {
      client.rbac().clusterRoles().withName(cr).delete();
    }
    for (String crb : List.of("validate-values-crb", "validate-usage-crb", "sealed-secrets-controller")) {
      client.rbac().clusterRoleBindings().withName(crb).delete();
    }
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (client.serviceAccounts().inNamespace(namespace).withName("default").get() == null) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("no default service account in " + namespace + " after 1 minute");
      }
      Thread.sleep(100);
    }
  }

  /** Whether a Deployment is Available with every replica ready. */
  static boolean available(Deployment deployment) {
    if (deployment.getStatus() == null || deployment.getStatus().getConditions() == null) {
      return false;
    }
    Integer wanted = deployment.getSpec().getReplicas();
    Integer ready = deployment.getStatus().getReadyReplicas();
    return deployment.getStatus().getConditions().stream()
        .anyMatch(c -> "Available".equals(c.getType()) && "True".equals(c.getStatus()))
        && ready != null && ready.equals(wanted == null ? 1 : wanted);
  }

  /**
   * Every object left in the namespace (all kinds the API server serves, what the namespace holds by itself
   * aside) and every cluster-scoped object of the chart, as {@code Kind/name}, once the garbage collector has
   * removed the pods and replica sets of deleted workloads (waiting up to a minute for that).
   */
  static List<String> leftovers(KubernetesClient client, String namespace) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    // A kept hook Job keeps its pod: wait only for the replica sets and the pods whose owner is going.
    while (awaitingCollection(client, namespace)
        || !client.apps().replicaSets().inNamespace(namespace).list().getItems().isEmpty()) {
      if (Instant.now().isAfter(deadline)) {
        break;
      }
      Thread.sleep(250);
    }
    List<String> left = new ArrayList<>();
    for (Map.Entry<String, APIResource> resource : listable(client)) {
      String apiVersion = resource.getKey();
      APIResource type = resource.getValue();
      if (NOT_THE_RELEASES.contains(type.getKind())) {
        continue;
      }
      List<GenericKubernetesResource> items;
      try {
        items = Boolean.TRUE.equals(type.getNamespaced())
            ? client.genericKubernetesResources(apiVersion, type.getKind()).inNamespace(namespace).list().getItems()
            : client.genericKubernetesResources(apiVersion, type.getKind()).list().getItems();
      } catch (KubernetesClientException e) {
        continue;
      }
      for (GenericKubernetesResource item : items) {
        boolean namespaced = Boolean.TRUE.equals(type.getNamespaced());
        String name = item.getMetadata().getName();
        if (namespaced && (isNamespaceDefault(type.getKind(), name))) {
          continue;
        }
        if (!namespaced && !ofTheChart(item) && !isChartCrd(item)) {
          continue;
        }
        left.add(type.getKind() + "/" + name);
      }
    }
    return left;
  }

  /** Whether a pod is left that the garbage collector is to remove: any but those of Jobs that still exist. */
  private static boolean awaitingCollection(KubernetesClient client, String namespace) {
    Set<String> jobs = client.batch().v1().jobs().inNamespace(namespace).list().getItems().stream()
        .map(j -> j.getMetadata().getUid()).collect(java.util.stream.Collectors.toSet());
    return client.pods().inNamespace(namespace).list().getItems().stream()
        .anyMatch(pod -> pod.getMetadata().getOwnerReferences() == null
            || pod.getMetadata().getOwnerReferences().stream().noneMatch(o -> jobs.contains(o.getUid())));
  }

  private static boolean isNamespaceDefault(String kind, String name) {
    return ("ServiceAccount".equals(kind) && "default".equals(name))
        || ("ConfigMap".equals(kind) && "kube-root-ca.crt".equals(name));
  }

  private static boolean isChartCrd(GenericKubernetesResource item) {
    return "CustomResourceDefinition".equals(item.getKind())
        && CHART_GROUPS.stream().anyMatch(group -> item.getMetadata().getName().endsWith("." + group));
  }

  static boolean ofTheChart(HasMetadata o) {
    Map<String, String> labels = o.getMetadata().getLabels();
    Map<String, String> annotations = o.getMetadata().getAnnotations();
    return (annotations != null && annotations.containsKey("meta.helm.sh/release-name"))
        || (labels != null && ("codefresh-gitops-runtime".equals(labels.get("app.kubernetes.io/part-of"))
            || labels.containsKey("helm.sh/chart")));
  }

  /** Every (apiVersion, resource) pair the server lists, preferred versions only, subresources aside. */
  private static List<Map.Entry<String, APIResource>> listable(KubernetesClient client) {
    List<String> versions = new ArrayList<>();
    versions.add("v1");
    for (APIGroup group : client.getApiGroups().getGroups()) {
      versions.add(group.getPreferredVersion().getGroupVersion());
    }
    List<Map.Entry<String, APIResource>> all = new ArrayList<>();
    for (String version : versions) {
      APIResourceList resources = client.getApiResources(version);
      if (resources == null) {
        continue; // the group of a CRD deleted a moment ago: discovery still names it, its version is gone
      }
      for (APIResource resource : resources.getResources()) {
        if (!resource.getName().contains("/") && resource.getVerbs().contains("list")) {
          all.add(Map.entry(version, resource));
        }
      }
    }
    return all;
  }
}
