package io.gitopsruntime.testing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The discovery documents of a test server: built-in resources plus one entry per served version of
 * every CustomResourceDefinition in the store. Thread-safe; the CRD part is cached until
 * {@link #invalidate()}.
 */
public final class Discovery {

  static final String CRD_COLLECTION = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

  private final ObjectStore store;
  private volatile @Nullable List<ResourceType> customResources;

  /**
   * Discovery over a store.
   *
   * @param store the store whose CRDs are served
   */
  public Discovery(ObjectStore store) {
    this.store = store;
  }

  /** Forgets the cached CRD resources; call after any CRD changed. */
  public void invalidate() {
    customResources = null;
  }

  /**
   * Every resource served now.
   *
   * @return built-ins first, then custom resources
   */
  public List<ResourceType> all() {
    List<ResourceType> all = new ArrayList<>(BuiltInResources.ALL);
    all.addAll(customResources());
    return all;
  }

  /**
   * Finds a served resource.
   *
   * @param group the group
   * @param version the version
   * @param plural the plural
   * @return the resource, or empty when the server does not serve it
   */
  public Optional<ResourceType> find(String group, String version, String plural) {
    for (ResourceType type : BuiltInResources.ALL) {
      if (type.group().equals(group) && type.version().equals(version) && type.plural().equals(plural)) {
        return Optional.of(type);
      }
    }
    for (ResourceType type : customResources()) {
      if (type.group().equals(group) && type.version().equals(version) && type.plural().equals(plural)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  private List<ResourceType> customResources() {
    List<ResourceType> cached = customResources;
    if (cached != null) {
      return cached;
    }
    List<ResourceType> found = new ArrayList<>();
    for (Map<String, Object> crd : store.list(CRD_COLLECTION)) {
      Map<String, Object> spec = Json.map(crd, "spec");
      Map<String, Object> names = Json.map(spec, "names");
      String group = Json.string(spec, "group");
      String plural = Json.string(names, "plural");
      String kind = Json.string(names, "kind");
      if (group == null || plural == null || kind == null) {
        continue;
      }
      String singular = Optional.ofNullable(Json.string(names, "singular")).orElse(kind.toLowerCase(Locale.ROOT));
      boolean namespaced = !"Cluster".equals(Json.string(spec, "scope"));
      List<String> shortNames = new ArrayList<>();
      Json.list(names, "shortNames").forEach(s -> shortNames.add(s.toString()));
      for (Object v : Json.list(spec, "versions")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> version = (Map<String, Object>) v;
        if (Boolean.FALSE.equals(version.get("served")) || Json.string(version, "name") == null) {
          continue;
        }
        List<String> subresources = new ArrayList<>();
        Map<String, Object> sub = Json.map(version, "subresources");
        if (sub != null) {
          subresources.addAll(sub.keySet());
        }
        found.add(new ResourceType(group, Json.string(version, "name"), plural, singular, kind, namespaced,
            ResourceType.ALL_VERBS, List.copyOf(shortNames), List.copyOf(subresources)));
      }
    }
    List<ResourceType> result = List.copyOf(found);
    customResources = result;
    return result;
  }

  /**
   * The {@code /api} document.
   *
   * @param serverAddress host:port clients reach the server on
   * @return the APIVersions object
   */
  public Map<String, Object> coreVersions(String serverAddress) {
    return Json.object("kind", "APIVersions", "versions", List.of("v1"), "serverAddressByClientCIDRs",
        List.of(Json.object("clientCIDR", "0.0.0.0/0", "serverAddress", serverAddress)));
  }

  /**
   * The {@code /apis} document.
   *
   * @return the APIGroupList object
   */
  public Map<String, Object> groupList() {
    List<Object> groups = new ArrayList<>();
    groupsByName().forEach((name, versions) -> groups.add(group(name, versions)));
    return Json.object("kind", "APIGroupList", "apiVersion", "v1", "groups", groups);
  }

  /**
   * The {@code /apis/<group>} document.
   *
   * @param name the group
   * @return the APIGroup object, or empty for an unknown group
   */
  public Optional<Map<String, Object>> group(String name) {
    List<String> versions = groupsByName().get(name);
    if (versions == null) {
      return Optional.empty();
    }
    Map<String, Object> group = group(name, versions);
    group.put("kind", "APIGroup");
    group.put("apiVersion", "v1");
    return Optional.of(group);
  }

  /**
   * The {@code /api/v1} or {@code /apis/<group>/<version>} document.
   *
   * @param group the group, empty for core
   * @param version the version
   * @return the APIResourceList object, or empty for an unknown group version
   */
  public Optional<Map<String, Object>> resourceList(String group, String version) {
    List<Object> resources = new ArrayList<>();
    for (ResourceType type : all()) {
      if (!type.group().equals(group) || !type.version().equals(version)) {
        continue;
      }
      Map<String, Object> resource = Json.object("name", type.plural(), "singularName", type.singular(),
          "namespaced", type.namespaced(), "kind", type.kind(), "verbs", type.verbs());
      if (!type.shortNames().isEmpty()) {
        resource.put("shortNames", type.shortNames());
      }
      resource.put("storageVersionHash", Integer.toHexString(type.apiVersion().hashCode() ^ type.plural().hashCode()));
      resources.add(resource);
      for (String sub : type.subresources()) {
        List<String> verbs = sub.equals("log") ? List.of("get") : List.of("get", "patch", "update");
        resources.add(Json.object("name", type.plural() + "/" + sub, "singularName", "",
            "namespaced", type.namespaced(), "kind", sub.equals("log") ? "Pod" : type.kind(), "verbs", verbs));
      }
    }
    if (resources.isEmpty()) {
      return Optional.empty();
    }
    String groupVersion = group.isEmpty() ? version : group + "/" + version;
    return Optional.of(Json.object("kind", "APIResourceList", "apiVersion", "v1", "groupVersion", groupVersion,
        "resources", resources));
  }

  /**
   * The {@code /openapi/v3} index: one entry per served group version.
   *
   * @return the index document
   */
  public Map<String, Object> openApiIndex() {
    Map<String, Object> paths = new LinkedHashMap<>();
    for (ResourceType type : all()) {
      String key = type.group().isEmpty() ? "api/" + type.version() : "apis/" + type.apiVersion();
      paths.putIfAbsent(key, Json.object("serverRelativeURL", "/openapi/v3/" + key + "?hash="
          + Integer.toHexString(key.hashCode())));
    }
    return Json.object("paths", paths);
  }

  /**
   * A minimal OpenAPI v3 document of a group version: no schemas, but every resource's PATCH operation
   * with its group-version-kind and the {@code fieldValidation} parameter, which tells kubectl-based
   * clients (Helm among them) that the server validates fields itself.
   *
   * @param group the group, empty for core
   * @param version the version
   * @return the document, or empty for an unknown group version
   */
  public Optional<Map<String, Object>> openApi(String group, String version) {
    Map<String, Object> paths = new LinkedHashMap<>();
    List<Object> parameters = new ArrayList<>();
    for (String name : List.of("dryRun", "fieldManager", "fieldValidation", "force")) {
      parameters.add(Json.object("name", name, "in", "query", "schema", Json.object("type", "string")));
    }
    for (ResourceType type : all()) {
      if (!type.group().equals(group) || !type.version().equals(version) || !type.verbs().contains("patch")) {
        continue;
      }
      String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
      String path = prefix + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + type.plural() + "/{name}";
      Map<String, Object> patch = Json.object("operationId", "patch" + type.kind(), "parameters", parameters,
          "responses", Json.object("200", Json.object("description", "OK")),
          "x-kubernetes-action", "patch",
          "x-kubernetes-group-version-kind", Json.object("group", group, "kind", type.kind(), "version", version));
      paths.put(path, Json.object("patch", patch));
    }
    if (paths.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Json.object("openapi", "3.0.0", "info", Json.object("title", "Kubernetes", "version", "v1"),
        "paths", paths, "components", Json.object("schemas", Json.object())));
  }

  private Map<String, List<String>> groupsByName() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (ResourceType type : all()) {
      if (type.group().isEmpty()) {
        continue;
      }
      List<String> versions = groups.computeIfAbsent(type.group(), g -> new ArrayList<>());
      if (!versions.contains(type.version())) {
        versions.add(type.version());
      }
    }
    return groups;
  }

  private static Map<String, Object> group(String name, List<String> versions) {
    List<Object> list = new ArrayList<>();
    for (String v : versions) {
      list.add(Json.object("groupVersion", name + "/" + v, "version", v));
    }
    return Json.object("name", name, "versions", list, "preferredVersion", list.get(0));
  }
}
