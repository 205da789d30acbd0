package io.gitopsruntime.helm.manifest.internal;

/** Clusters for unit tests, serving a few built-in kinds without an API server. */
final class Clusters {
  private Clusters() {}

  static Cluster served() {
    Cluster cluster = Cluster.offline("v1.33.4");
    cluster.expect(new ResourceType("", "v1", "ConfigMap", "configmaps", true));
    cluster.expect(new ResourceType("", "v1", "ServiceAccount", "serviceaccounts", true));
    cluster.expect(new ResourceType("batch", "v1", "Job", "jobs", true));
    cluster.expect(new ResourceType("rbac.authorization.k8s.io", "v1", "Role", "roles", true));
    cluster.expect(new ResourceType("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false));
    cluster.expect(new ResourceType("apiextensions.k8s.io", "v1", "CustomResourceDefinition",
        "customresourcedefinitions", false));
    return cluster;
  }
}
