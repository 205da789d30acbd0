package io.gitopsruntime.testing.internal;

import java.util.List;

/**
 * One resource the test server serves, as discovery describes it. Immutable and thread-safe.
 *
 * @param group API group, empty for core
 * @param version API version
 * @param plural resource plural (the URL segment)
 * @param singular singular name
 * @param kind the kind
 * @param namespaced whether objects live in namespaces
 * @param verbs the verbs discovery advertises
 * @param shortNames short names
 * @param subresources subresources such as {@code status} or {@code log}
 */
public record ResourceType(
    String group,
    String version,
    String plural,
    String singular,
    String kind,
    boolean namespaced,
    List<String> verbs,
    List<String> shortNames,
    List<String> subresources) {

  static final List<String> ALL_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  /**
   * The group/version string.
   *
   * @return {@code v1} or {@code group/version}
   */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
