package io.gitopsruntime.helm.manifest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The order objects are applied in, as waves whose objects are applied concurrently:
 *
 * <ol start="0">
 *   <li>CustomResourceDefinitions and Namespaces (then the CRDs must be established);
 *   <li>what workloads need to start: service accounts, RBAC, ConfigMaps, Secrets, storage, quotas,
 *       policies and priority classes;
 *   <li>every other built-in kind: Services, workloads, autoscalers, ingresses, webhooks;
 *   <li>custom resources (kinds of API groups that CustomResourceDefinitions provide), after their CRDs.
 * </ol>
 *
 * Deletions run in the reverse order. Stateless and thread-safe.
 */
public final class Waves {
  /** The wave of CRDs and namespaces. */
  public static final int DEFINITIONS = 0;
  /** The wave of RBAC, configuration and secrets. */
  public static final int FOUNDATION = 1;
  /** The wave of services and workloads. */
  public static final int WORKLOADS = 2;
  /** The wave of custom resources. */
  public static final int CUSTOM = 3;
  /** How many waves there are. */
  public static final int COUNT = 4;

  private static final Set<String> FOUNDATION_KINDS = Set.of("PriorityClass", "NetworkPolicy", "ResourceQuota",
      "LimitRange", "PodSecurityPolicy", "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap",
      "StorageClass", "PersistentVolume", "PersistentVolumeClaim", "ClusterRole", "ClusterRoleList",
      "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList");

  /** The API groups Kubernetes itself serves; every other group comes from a CRD or an aggregated API. */
  private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "batch", "autoscaling", "policy",
      "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io", "scheduling.k8s.io", "apiextensions.k8s.io",
      "admissionregistration.k8s.io", "apiregistration.k8s.io", "coordination.k8s.io", "discovery.k8s.io",
      "certificates.k8s.io", "node.k8s.io", "events.k8s.io", "flowcontrol.apiserver.k8s.io", "resource.k8s.io",
      "storagemigration.k8s.io", "authentication.k8s.io", "authorization.k8s.io", "internal.apiserver.k8s.io",
      "extensions");

  private Waves() {}

  /**
   * The wave of an object.
   *
   * @param object the object
   * @return the wave, from {@link #DEFINITIONS} to {@link #CUSTOM}
   */
  public static int of(KubeObject object) {
    return of(object.type().group(), object.kind());
  }

  /**
   * The wave of a recorded object.
   *
   * @param ref the object
   * @return the wave, from {@link #DEFINITIONS} to {@link #CUSTOM}
   */
  public static int of(io.gitopsruntime.install.ObjectRef ref) {
    String apiVersion = ref.apiVersion();
    return of(apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "", ref.kind());
  }

  private static int of(String group, String kind) {
    if (kind.equals("CustomResourceDefinition") || kind.equals("Namespace")) {
      return DEFINITIONS;
    }
    if (!BUILT_IN_GROUPS.contains(group)) {
      return CUSTOM;
    }
    return FOUNDATION_KINDS.contains(kind) ? FOUNDATION : WORKLOADS;
  }

  /**
   * Splits objects into waves, keeping their order within each.
   *
   * @param objects the objects
   * @return {@link #COUNT} lists
   */
  public static List<List<KubeObject>> split(List<KubeObject> objects) {
    List<List<KubeObject>> waves = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      waves.add(new ArrayList<>());
    }
    for (KubeObject o : objects) {
      waves.get(of(o)).add(o);
    }
    return waves;
  }
}
