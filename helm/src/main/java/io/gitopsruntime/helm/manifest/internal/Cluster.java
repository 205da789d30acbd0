package io.gitopsruntime.helm.manifest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the target cluster serves, read from discovery: its Kubernetes version, every kind at every
 * served version (to build request paths) and the API version set Helm computes for
 * {@code .Capabilities.APIVersions} ({@code group/version} and {@code group/version/Kind}, as
 * {@code action.GetVersionSet} does). The kinds of CustomResourceDefinitions a chart brings are added
 * with {@link #expect}, so that their objects can be addressed before the CRDs exist. Thread-safe.
 */
public final class Cluster {
  private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+).*");

  private final String gitVersion;
  private final Map<String, Map<String, ResourceType>> byGroupVersion = new ConcurrentHashMap<>();
  private final Set<String> groupVersions = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<String>> versionKinds = new ConcurrentHashMap<>();

  private Cluster(String gitVersion) {
    this.gitVersion = gitVersion;
  }

  /**
   * Reads the version and the discovery documents of every served group version, concurrently.
   *
   * @param api the API
   * @param parallel the pool
   * @return what the cluster serves
   */
  public static Cluster discover(KubeApi api, Parallel parallel) {
    Map<String, Object> version = api.getRequired("/version");
    String git = Json.string(version, "gitVersion");
    if (git == null || !VERSION.matcher(git).matches()) {
      git = "v" + Json.string(version, "major") + "." + String.valueOf(Json.string(version, "minor")).replaceAll("\\D", "")
          + ".0";
    }
    Cluster cluster = new Cluster(git);
    List<String> gvs = new ArrayList<>();
    for (Object v : Json.list(api.getRequired("/api"), "versions")) {
      gvs.add(String.valueOf(v));
    }
    for (Object g : Json.list(api.getRequired("/apis"), "groups")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> group = (Map<String, Object>) g;
      for (Object v : Json.list(group, "versions")) {
        @SuppressWarnings("unchecked")
        String gv = Json.string((Map<String, Object>) v, "groupVersion");
        if (gv != null) {
          gvs.add(gv);
        }
      }
    }
    cluster.read(api, parallel, gvs);
    return cluster;
  }

  /**
   * A cluster known only by its version, serving what {@link #expect} adds; for rendering without a
   * cluster and for tests.
   *
   * @param gitVersion such as {@code v1.33.4}
   * @return the cluster
   */
  public static Cluster offline(String gitVersion) {
    return new Cluster(gitVersion);
  }

  private void read(KubeApi api, Parallel parallel, List<String> gvs) {
    parallel.forEach(gvs, gv -> {
      String path = gv.contains("/") ? "/apis/" + gv : "/api/" + gv;
      Optional<Map<String, Object>> list = api.get(path);
      if (list.isEmpty()) {
        return;
      }
      String group = gv.contains("/") ? gv.substring(0, gv.indexOf('/')) : "";
      String version = gv.contains("/") ? gv.substring(gv.indexOf('/') + 1) : gv;
      Map<String, ResourceType> kinds = new ConcurrentHashMap<>();
      Set<String> helmKinds = ConcurrentHashMap.newKeySet();
      for (Object r : Json.list(list.get(), "resources")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> resource = (Map<String, Object>) r;
        String name = Json.string(resource, "name");
        String kind = Json.string(resource, "kind");
        if (name == null || kind == null) {
          continue;
        }
        helmKinds.add(gv + "/" + kind);
        if (!name.contains("/")) {
          kinds.put(kind, new ResourceType(group, version, kind, name, Boolean.TRUE.equals(resource.get("namespaced"))));
        }
      }
      byGroupVersion.put(gv, kinds);
      versionKinds.put(gv, helmKinds);
      groupVersions.add(gv);
    });
  }

  /**
   * The cluster's version as {@code /version} reports it.
   *
   * @return such as {@code v1.33.4}
   */
  public String gitVersion() {
    return gitVersion;
  }

  /**
   * The kube version to render with, as Helm parses it ({@code vMAJOR.MINOR.PATCH}, without build
   * suffixes Helm may reject).
   *
   * @return such as {@code v1.33.4}
   */
  public String renderVersion() {
    Matcher m = VERSION.matcher(gitVersion);
    return m.matches() ? "v" + m.group(1) + "." + m.group(2) + "." + m.group(3) : gitVersion;
  }

  /**
   * How a kind is served.
   *
   * @param apiVersion the API version
   * @param kind the kind
   * @return the resource type, or empty when the cluster does not serve it
   */
  public Optional<ResourceType> type(String apiVersion, String kind) {
    Map<String, ResourceType> kinds = byGroupVersion.get(apiVersion);
    return kinds == null ? Optional.empty() : Optional.ofNullable(kinds.get(kind));
  }

  /**
   * Adds what a CustomResourceDefinition that is not established yet will serve, so that its objects can
   * be addressed (and found absent) before it is.
   *
   * @param type the resource type
   */
  public void expect(ResourceType type) {
    byGroupVersion.computeIfAbsent(type.apiVersion(), gv -> new ConcurrentHashMap<>()).putIfAbsent(type.kind(), type);
  }

  /**
   * The API versions Helm would see: every {@code group/version} and {@code group/version/Kind}, sorted.
   *
   * @return the version set
   */
  public List<String> helmApiVersions() {
    Set<String> all = new java.util.TreeSet<>(groupVersions);
    versionKinds.values().forEach(all::addAll);
    return List.copyOf(all);
  }
}
