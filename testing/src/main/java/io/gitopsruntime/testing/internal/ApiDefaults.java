package io.gitopsruntime.testing.internal;

import java.util.Map;

/**
 * The API server's defaults that installers and Helm rely on, applied to objects as they are stored (a real
 * API server applies many more; these are the ones whose absence changes an installer's behaviour):
 * {@code spec.replicas: 1} on Deployments, StatefulSets and ReplicaSets (Helm's ready checker dereferences it).
 */
final class ApiDefaults {
  private ApiDefaults() {}

  /**
   * Applies the defaults in place.
   *
   * @param object the object as it is about to be stored
   */
  static void apply(Map<String, Object> object) {
    Object kind = object.get("kind");
    if ("Deployment".equals(kind) || "StatefulSet".equals(kind) || "ReplicaSet".equals(kind)) {
      Object spec = object.get("spec");
      if (spec instanceof Map<?, ?>) {
        Json.child(object, "spec").putIfAbsent("replicas", 1);
      }
    }
  }
}
