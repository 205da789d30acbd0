package io.gitopsruntime.helm.manifest.internal;

import io.gitopsruntime.install.ObjectRef;
import java.util.Map;

/**
 * One object to apply: its reference, how the cluster serves its kind, and its body with namespace and
 * ownership metadata filled in. Treat the body as read-only. Immutable in practice and thread-safe.
 *
 * @param ref the reference
 * @param type how the kind is served
 * @param body the object
 * @param source the template (or {@code crds/} file) it came from
 * @param createOnly whether it is only created when absent and never changed (CRDs of {@code crds/}
 *     directories, as Helm treats them)
 */
public record KubeObject(ObjectRef ref, ResourceType type, Map<String, Object> body, String source,
    boolean createOnly) {

  /** The annotation that keeps an object when the release no longer has it, or is uninstalled. */
  public static final String RESOURCE_POLICY = "helm.sh/resource-policy";

  /**
   * The object's path.
   *
   * @return the path
   */
  public String path() {
    return type.path(ref.namespace().orElse(null), ref.name());
  }

  /**
   * The kind.
   *
   * @return the kind
   */
  public String kind() {
    return ref.kind();
  }

  /**
   * Whether the chart asks Helm to keep the object ({@code helm.sh/resource-policy: keep}).
   *
   * @return true to keep it on prune and uninstall
   */
  public boolean keep() {
    return "keep".equals(Json.string(body, "metadata", "annotations", RESOURCE_POLICY));
  }
}
