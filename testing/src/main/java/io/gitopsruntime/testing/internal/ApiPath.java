package io.gitopsruntime.testing.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Kubernetes resource path taken apart: {@code /apis/apps/v1/namespaces/ns/deployments/name/status}.
 * Immutable and thread-safe.
 *
 * @param group the API group, empty for the core group
 * @param version the API version
 * @param namespace the namespace, or null for cluster-scoped and all-namespace requests
 * @param plural the resource plural
 * @param name the object name, or null for collections
 * @param subresource the subresource ({@code status}, {@code log}...), or null
 */
public record ApiPath(
    String group,
    String version,
    @Nullable String namespace,
    String plural,
    @Nullable String name,
    @Nullable String subresource) {

  /**
   * Parses the path part of a request URI (no query).
   *
   * @param path the path
   * @return the parsed path, or empty for discovery, version and other non-resource paths
   */
  public static Optional<ApiPath> parse(String path) {
    String[] all = path.replaceAll("^/+|/+$", "").split("/");
    String group;
    String version;
    int rest;
    if (all.length >= 3 && all[0].equals("api")) {
      group = "";
      version = all[1];
      rest = 2;
    } else if (all.length >= 4 && all[0].equals("apis")) {
      group = all[1];
      version = all[2];
      rest = 3;
    } else {
      return Optional.empty();
    }
    int n = all.length - rest;
    String[] s = new String[n];
    System.arraycopy(all, rest, s, 0, n);
    if (s[0].equals("namespaces")) {
      if (n == 1) {
        return Optional.of(new ApiPath(group, version, null, "namespaces", null, null));
      }
      if (n == 2) {
        return Optional.of(new ApiPath(group, version, null, "namespaces", s[1], null));
      }
      if (n == 3 && (s[2].equals("status") || s[2].equals("finalize"))) {
        return Optional.of(new ApiPath(group, version, null, "namespaces", s[1], s[2]));
      }
      return Optional.of(new ApiPath(group, version, s[1], s[2], n > 3 ? s[3] : null, n > 4 ? s[4] : null));
    }
    return Optional.of(new ApiPath(group, version, null, s[0], n > 1 ? s[1] : null, n > 2 ? s[2] : null));
  }

  /**
   * The API version as written in objects: {@code v1} or {@code apps/v1}.
   *
   * @return the group/version
   */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /**
   * The path of the collection this path belongs to, in the same namespace.
   *
   * @return the collection path
   */
  public String collectionPath() {
    StringBuilder sb = new StringBuilder(group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version);
    if (namespace != null) {
      sb.append("/namespaces/").append(namespace);
    }
    return sb.append('/').append(plural).toString();
  }

  /**
   * The path of the object itself, without subresource.
   *
   * @return the object path
   */
  public String objectPath() {
    return collectionPath() + "/" + name;
  }

  /**
   * The same path pointing at another object of the collection.
   *
   * @param otherName the other name
   * @return the new path
   */
  public ApiPath withName(String otherName) {
    return new ApiPath(group, version, namespace, plural, otherName, null);
  }

  /**
   * Decodes a query string into a map (last value wins).
   *
   * @param query the raw query, may be null
   * @return decoded parameters
   */
  public static Map<String, String> query(@Nullable String query) {
    Map<String, String> params = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(decode(key), decode(value));
    }
    return params;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
