package io.gitopsruntime.install;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Names one Kubernetes object: API version, kind, namespace (absent for cluster-scoped objects) and name.
 * Immutable and thread-safe.
 */
@Value.Immutable
public abstract class ObjectRef {

  /**
   * The API version, such as {@code apps/v1}.
   *
   * @return the API version
   */
  @Value.Parameter(order = 0)
  public abstract String apiVersion();

  /**
   * The kind, such as {@code Deployment}.
   *
   * @return the kind
   */
  @Value.Parameter(order = 1)
  public abstract String kind();

  /**
   * The namespace.
   *
   * @return the namespace, or empty for a cluster-scoped object
   */
  @Value.Parameter(order = 2)
  public abstract Optional<String> namespace();

  /**
   * The name.
   *
   * @return the name
   */
  @Value.Parameter(order = 3)
  public abstract String name();

  /** {@code Kind/namespace/name}, or {@code Kind/name} when cluster-scoped. */
  @Override
  public String toString() {
    return kind() + "/" + namespace().map(ns -> ns + "/").orElse("") + name();
  }

  /**
   * A reference to a namespaced object.
   *
   * @param apiVersion the API version
   * @param kind the kind
   * @param namespace the namespace
   * @param name the name
   * @return the reference
   */
  public static ObjectRef of(String apiVersion, String kind, String namespace, String name) {
    return ImmutableObjectRef.of(apiVersion, kind, Optional.of(namespace), name);
  }

  /**
   * A reference to a cluster-scoped object.
   *
   * @param apiVersion the API version
   * @param kind the kind
   * @param name the name
   * @return the reference
   */
  public static ObjectRef clusterScoped(String apiVersion, String kind, String name) {
    return ImmutableObjectRef.of(apiVersion, kind, Optional.empty(), name);
  }
}
