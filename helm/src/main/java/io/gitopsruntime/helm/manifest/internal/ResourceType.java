package io.gitopsruntime.helm.manifest.internal;

/**
 * How the API server serves one kind at one version: its plural and whether it is namespaced.
 * Immutable and thread-safe.
 *
 * @param group the API group, empty for the core group
 * @param version the version
 * @param kind the kind
 * @param plural the resource name in paths
 * @param namespaced whether objects live in a namespace
 */
public record ResourceType(String group, String version, String kind, String plural, boolean namespaced) {

  /**
   * The API version as objects write it.
   *
   * @return {@code v1} or {@code apps/v1}
   */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /**
   * The path of an object or a collection.
   *
   * @param namespace the namespace (ignored for cluster-scoped kinds), or null for all namespaces
   * @param name the object's name, or null for the collection
   * @return the path
   */
  public String path(@org.jspecify.annotations.Nullable String namespace, @org.jspecify.annotations.Nullable String name) {
    StringBuilder sb = new StringBuilder(group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version);
    if (namespaced && namespace != null) {
      sb.append("/namespaces/").append(namespace);
    }
    sb.append('/').append(plural);
    if (name != null) {
      sb.append('/').append(name);
    }
    return sb.toString();
  }
}
