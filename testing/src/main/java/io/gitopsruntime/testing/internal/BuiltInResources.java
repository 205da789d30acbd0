package io.gitopsruntime.testing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The built-in API resources the test server advertises in discovery. Immutable and thread-safe. */
final class BuiltInResources {

  private static final List<String> CREATE_ONLY = List.of("create");
  private static final List<String> STATUS = List.of("status");

  static final List<ResourceType> ALL = build();

  private BuiltInResources() {}

  private static List<ResourceType> build() {
    List<ResourceType> r = new ArrayList<>();
    // core
    add(r, "", "v1", "Namespace", "namespaces", false, List.of("ns"), List.of("status", "finalize"));
    add(r, "", "v1", "Pod", "pods", true, List.of("po"), List.of("status", "log"));
    add(r, "", "v1", "Service", "services", true, List.of("svc"), STATUS);
    add(r, "", "v1", "ServiceAccount", "serviceaccounts", true, List.of("sa"), List.of("token"));
    add(r, "", "v1", "ConfigMap", "configmaps", true, List.of("cm"), List.of());
    add(r, "", "v1", "Secret", "secrets", true, List.of(), List.of());
    add(r, "", "v1", "Endpoints", "endpoints", true, List.of("ep"), List.of());
    add(r, "", "v1", "Event", "events", true, List.of("ev"), List.of());
    add(r, "", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, List.of("pvc"), STATUS);
    add(r, "", "v1", "PersistentVolume", "persistentvolumes", false, List.of("pv"), STATUS);
    add(r, "", "v1", "Node", "nodes", false, List.of("no"), STATUS);
    add(r, "", "v1", "ResourceQuota", "resourcequotas", true, List.of("quota"), STATUS);
    add(r, "", "v1", "LimitRange", "limitranges", true, List.of("limits"), List.of());
    add(r, "", "v1", "ReplicationController", "replicationcontrollers", true, List.of("rc"), STATUS);
    // apps
    add(r, "apps", "v1", "Deployment", "deployments", true, List.of("deploy"), List.of("status", "scale"));
    add(r, "apps", "v1", "StatefulSet", "statefulsets", true, List.of("sts"), List.of("status", "scale"));
    add(r, "apps", "v1", "DaemonSet", "daemonsets", true, List.of("ds"), STATUS);
    add(r, "apps", "v1", "ReplicaSet", "replicasets", true, List.of("rs"), List.of("status", "scale"));
    add(r, "apps", "v1", "ControllerRevision", "controllerrevisions", true, List.of(), List.of());
    // batch
    add(r, "batch", "v1", "Job", "jobs", true, List.of(), STATUS);
    add(r, "batch", "v1", "CronJob", "cronjobs", true, List.of("cj"), STATUS);
    // rbac
    String rbac = "rbac.authorization.k8s.io";
    add(r, rbac, "v1", "Role", "roles", true, List.of(), List.of());
    add(r, rbac, "v1", "RoleBinding", "rolebindings", true, List.of(), List.of());
    add(r, rbac, "v1", "ClusterRole", "clusterroles", false, List.of(), List.of());
    add(r, rbac, "v1", "ClusterRoleBinding", "clusterrolebindings", false, List.of(), List.of());
    // networking
    add(r, "networking.k8s.io", "v1", "Ingress", "ingresses", true, List.of("ing"), STATUS);
    add(r, "networking.k8s.io", "v1", "IngressClass", "ingressclasses", false, List.of(), List.of());
    add(r, "networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, List.of("netpol"), List.of());
    // apiextensions
    add(r, "apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false,
        List.of("crd", "crds"), STATUS);
    // coordination
    add(r, "coordination.k8s.io", "v1", "Lease", "leases", true, List.of(), List.of());
    // policy
    add(r, "policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, List.of("pdb"), STATUS);
    // autoscaling (v2 first: it is the preferred version)
    add(r, "autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, List.of("hpa"), STATUS);
    add(r, "autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, List.of("hpa"), STATUS);
    // storage and scheduling, which clients meet in discovery
    add(r, "storage.k8s.io", "v1", "StorageClass", "storageclasses", false, List.of("sc"), List.of());
    add(r, "scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", false, List.of("pc"), List.of());
    // gateway API
    String gw = "gateway.networking.k8s.io";
    add(r, gw, "v1", "Gateway", "gateways", true, List.of("gtw"), STATUS);
    add(r, gw, "v1", "GatewayClass", "gatewayclasses", false, List.of("gc"), STATUS);
    add(r, gw, "v1", "HTTPRoute", "httproutes", true, List.of(), STATUS);
    add(r, gw, "v1", "GRPCRoute", "grpcroutes", true, List.of(), STATUS);
    add(r, gw, "v1beta1", "ReferenceGrant", "referencegrants", true, List.of("refgrant"), List.of());
    // authorization: create-only reviews
    String authz = "authorization.k8s.io";
    review(r, authz, "SelfSubjectAccessReview", "selfsubjectaccessreviews", false);
    review(r, authz, "SelfSubjectRulesReview", "selfsubjectrulesreviews", false);
    review(r, authz, "SubjectAccessReview", "subjectaccessreviews", false);
    review(r, authz, "LocalSubjectAccessReview", "localsubjectaccessreviews", true);
    return List.copyOf(r);
  }

  private static void add(List<ResourceType> r, String group, String version, String kind, String plural,
      boolean namespaced, List<String> shortNames, List<String> subresources) {
    r.add(new ResourceType(group, version, plural, kind.toLowerCase(Locale.ROOT), kind, namespaced,
        ResourceType.ALL_VERBS, shortNames, subresources));
  }

  private static void review(List<ResourceType> r, String group, String kind, String plural, boolean namespaced) {
    r.add(new ResourceType(group, "v1", plural, kind.toLowerCase(Locale.ROOT), kind, namespaced, CREATE_ONLY,
        List.of(), List.of()));
  }
}
