package io.gitopsruntime.testing.internal;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes of a test server behind {@link ApiFront}: those a real API server has and the CRUD dispatcher lacks
 * (version, discovery, OpenAPI, server-side apply, merge and strategic merge patches, Pod logs, access reviews,
 * Job, Deployment and Namespace cascades, cluster IPs), then the CRUD dispatcher for the rest. Runs on the
 * front's worker threads; thread-safe as the store is.
 */
final class ApiRoutes {
  private static final Pattern GROUP = Pattern.compile("/apis/([^/]+)");
  private static final Pattern GROUP_VERSION = Pattern.compile("/apis/([^/]+)/([^/]+)|/api/(v1)");
  static final String JSON = "application/json";

  private final ObjectStore store;
  private final Discovery discovery;
  private final ServerSideApply apply;
  private final SimulatedControllers controllers;
  private final Map<String, Object> version;
  private final BooleanSupplier accessAllowed;
  private volatile String serverAddress = "";
  private final AtomicInteger nextClusterIp = new AtomicInteger(9);

  ApiRoutes(ObjectStore store, Discovery discovery, SimulatedControllers controllers, Map<String, Object> version,
      BooleanSupplier accessAllowed) {
    this.store = store;
    this.discovery = discovery;
    this.apply = new ServerSideApply(store);
    this.controllers = controllers;
    this.version = version;
    this.accessAllowed = accessAllowed;
  }

  /** Sets the {@code host:port} the server listens on, which core discovery names. */
  void listeningOn(String address) {
    this.serverAddress = address;
  }

  /** A request as read from the connection (a protobuf body already turned into JSON). */
  record Incoming(String method, String path, String query, Map<String, String> params, String contentType,
      String userAgent, byte[] body) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String uri() {
      return query.isEmpty() ? path : path + "?" + query;
    }
  }

  /** What the server answers. */
  record Reply(int code, String contentType, byte[] body, Map<String, String> headers) {
    static Reply json(int code, Object body) {
      return new Reply(code, JSON, Json.write(body).getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Reply status(int code, String message) {
      return json(code, ApiStatus.failure(code, ApiStatus.reasonFor(code), message, null));
    }

    static Reply text(int code, String text) {
      return new Reply(code, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }
  }


  /** A request body that is not a JSON or YAML object. */
  private static final class BadBody extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadBody(String message) {
      super(message);
    }
  }

  private static Map<String, Object> parseBody(Incoming in) {
    try {
      return Json.parse(in.bodyText());
    } catch (RuntimeException e) {
      throw new BadBody("the body of the request was in an unknown format: " + e.getMessage());
    }
  }

  /**
   * Answers a request that is neither a watch nor faulted.
   *
   * @param in the request
   * @return the reply
   */
  Reply route(Incoming in) {
    try {
      return routeParsed(in);
    } catch (BadBody e) {
      return Reply.status(400, e.getMessage());
    }
  }

  private Reply routeParsed(Incoming in) {
    String path = in.path().length() > 1 && in.path().endsWith("/")
        ? in.path().substring(0, in.path().length() - 1) : in.path();
    switch (path) {
      case "/version":
        return Reply.json(200, version);
      case "/healthz":
      case "/livez":
      case "/readyz":
        return Reply.text(200, "ok");
      case "/api":
        return Reply.json(200, discovery.coreVersions(serverAddress));
      case "/apis":
        return Reply.json(200, discovery.groupList());
      default:
        break;
    }
    if (in.method().equals("GET") && path.startsWith("/openapi/")) {
      return openApi(path);
    }
    if (in.method().equals("GET")) {
      Matcher group = GROUP.matcher(path);
      if (group.matches()) {
        return discovery.group(group.group(1)).map(g -> Reply.json(200, g)).orElseGet(ApiRoutes::notServed);
      }
      Matcher groupVersion = GROUP_VERSION.matcher(path);
      if (groupVersion.matches()) {
        String g = groupVersion.group(3) != null ? "" : groupVersion.group(1);
        String v = groupVersion.group(3) != null ? groupVersion.group(3) : groupVersion.group(2);
        return discovery.resourceList(g, v).map(l -> Reply.json(200, l)).orElseGet(ApiRoutes::notServed);
      }
    }
    Optional<ApiPath> parsed = ApiPath.parse(path);
    if (parsed.isEmpty()) {
      return notServed();
    }
    ApiPath p = parsed.get();
    Optional<ResourceType> found = discovery.find(p.group(), p.version(), p.plural());
    if (found.isEmpty()
        || (!found.get().namespaced() && p.namespace() != null)
        || (found.get().namespaced() && p.namespace() == null && p.name() != null)
        || (p.subresource() != null && !found.get().subresources().contains(p.subresource()))) {
      return notServed();
    }
    ResourceType type = found.get();
    if ("log".equals(p.subresource())) {
      return in.method().equals("GET") ? log(p, in.params()) : Reply.status(405, "method not allowed");
    }
    if (type.group().equals("authorization.k8s.io")) {
      return in.method().equals("POST") ? review(in) : Reply.status(405, "method not allowed");
    }
    switch (in.method()) {
      case "GET":
        return get(in, p, type);
      case "POST":
        return p.name() == null ? create(in, p) : Reply.status(405, "method not allowed");
      case "PUT":
        return p.name() == null ? Reply.status(405, "method not allowed") : update(in, p);
      case "PATCH":
        return p.name() == null ? Reply.status(405, "method not allowed") : patch(in, p, type);
      case "DELETE":
        return delete(in, p, type);
      default:
        return Reply.status(405, "method not allowed");
    }
  }

  private static Reply notServed() {
    return Reply.json(404, ApiStatus.failure(404, "NotFound", "the server could not find the requested resource",
        null));
  }

  private Reply openApi(String path) {
    if (path.equals("/openapi/v3")) {
      return Reply.json(200, discovery.openApiIndex());
    }
    Matcher m = Pattern.compile("/openapi/v3/(?:api/(v1)|apis/([^/]+)/([^/]+))").matcher(path);
    if (m.matches()) {
      String group = m.group(1) != null ? "" : m.group(2);
      String version = m.group(1) != null ? m.group(1) : m.group(3);
      return discovery.openApi(group, version).map(d -> Reply.json(200, d)).orElseGet(ApiRoutes::notServed);
    }
    return notServed();
  }

  private Reply get(Incoming in, ApiPath p, ResourceType type) {
    MockResponse response = crud("GET", in.uri(), in.contentType(), new byte[0]);
    if (response.code() == 404) {
      return Reply.json(404, ApiStatus.notFound(p));
    }
    if (response.code() == 200 && p.name() == null) {
      Map<String, Object> list = Json.parse(ObjectStore.body(response));
      list.put("kind", type.kind() + "List");
      list.put("apiVersion", type.apiVersion());
      return Reply.json(200, list);
    }
    return fromCrud(response, p);
  }

  private Reply create(Incoming in, ApiPath p) {
    Map<String, Object> object = parseBody(in);
    ServerSideApply.recordCreate(object, manager(in));
    if (p.group().isEmpty() && p.plural().equals("services")) {
      allocateClusterIp(object);
    }
    if (in.params().containsKey("dryRun")) {
      Map<String, Object> metadata = Json.child(object, "metadata");
      metadata.put("uid", UUID.randomUUID().toString());
      if (p.namespace() != null) {
        metadata.put("namespace", p.namespace());
      }
      return Reply.json(201, object);
    }
    if (store.apiDefaults()) {
      ApiDefaults.apply(object);
    }
    MockResponse response = crud("POST", in.uri(), JSON, Json.write(object).getBytes(StandardCharsets.UTF_8));
    if (response.code() == 201) {
      Map<String, Object> created = Json.parse(ObjectStore.body(response));
      controllers.observe(p.withName(Objects.requireNonNull(Json.string(created, "metadata", "name"))));
    }
    String name = Json.string(object, "metadata", "name");
    if (response.code() == 409 && name != null) {
      return Reply.json(409, ApiStatus.alreadyExists(p, name));
    }
    return fromCrud(response, p);
  }

  /** Gives a Service a cluster IP, as the API server's allocator does (Helm's --wait checks for one). */
  private void allocateClusterIp(Map<String, Object> service) {
    Map<String, Object> spec = Json.child(service, "spec");
    if ("ExternalName".equals(spec.get("type")) || "None".equals(spec.get("clusterIP"))) {
      return;
    }
    Object existing = spec.get("clusterIP");
    if (existing == null || existing.toString().isEmpty()) {
      int n = nextClusterIp.incrementAndGet();
      String ip = "10.96." + (n / 250) + "." + (n % 250 + 2);
      spec.put("clusterIP", ip);
      spec.put("clusterIPs", List.of(ip));
    }
    spec.putIfAbsent("type", "ClusterIP");
  }

  private Reply update(Incoming in, ApiPath p) {
    Map<String, Object> object = parseBody(in);
    if (store.apiDefaults()) {
      ApiDefaults.apply(object);
    }
    MockResponse response = store.atomically(() -> {
      Optional<Map<String, Object>> current = store.get(p.objectPath());
      Map<String, Object> metadata = Json.child(object, "metadata");
      if (current.isPresent() && !metadata.containsKey("managedFields")) {
        Object managed = Json.child(current.get(), "metadata").get("managedFields");
        if (managed != null) {
          metadata.put("managedFields", managed);
        }
      }
      if (in.params().containsKey("dryRun")) {
        return new MockResponse().setResponseCode(current.isPresent() ? 200 : 404).setBody(Json.write(object));
      }
      return crud("PUT", in.uri(), JSON, Json.write(object).getBytes(StandardCharsets.UTF_8));
    });
    if (response.code() == 200) {
      controllers.observe(p);
    }
    return fromCrud(response, p);
  }

  private Reply patch(Incoming in, ApiPath p, ResourceType type) {
    String contentType = in.contentType().toLowerCase(Locale.ROOT);
    Reply reply;
    if (contentType.startsWith("application/apply-patch")) {
      ServerSideApply.Outcome outcome = apply.apply(p, type, in.bodyText(), in.params());
      reply = Reply.json(outcome.code(), outcome.body());
    } else if (contentType.startsWith("application/merge-patch+json")
        || contentType.startsWith("application/strategic-merge-patch+json")) {
      reply = mergePatch(in, p, type, contentType.startsWith("application/strategic"));
    } else if (contentType.startsWith("application/json-patch+json")) {
      reply = fromCrud(crud("PATCH", in.uri(), in.contentType(), in.body()), p);
    } else {
      return Reply.status(415, "the body of the request was in an unknown format - accepted media types include: "
          + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");
    }
    if (reply.code() < 300 && !in.params().containsKey("dryRun")) {
      controllers.observe(p);
    }
    return reply;
  }

  private Reply mergePatch(Incoming in, ApiPath p, ResourceType type, boolean strategic) {
    Map<String, Object> patch = parseBody(in);
    return store.atomically(() -> {
      Optional<Map<String, Object>> current = store.get(p.objectPath());
      if (current.isEmpty()) {
        return Reply.json(404, ApiStatus.notFound(p));
      }
      Map<String, Object> merged = Json.copy(current.get());
      Patches.apply(merged, patch, strategic);
      boolean statusPath = "status".equals(p.subresource());
      if (!statusPath && type.subresources().contains("status")) {
        Object status = current.get().get("status");
        if (status == null) {
          merged.remove("status");
        } else {
          merged.put("status", status);
        }
      }
      String expected = Json.string(patch, "metadata", "resourceVersion");
      String actual = Json.string(current.get(), "metadata", "resourceVersion");
      if (expected != null && !expected.equals(actual)) {
        return Reply.status(409, "Operation cannot be fulfilled on " + p.plural() + " \"" + p.name()
            + "\": the object has been modified; please apply your changes to the latest version and try again");
      }
      Json.child(merged, "metadata").put("resourceVersion", actual);
      if (in.params().containsKey("dryRun")) {
        return Reply.json(200, merged);
      }
      try {
        return Reply.json(200, store.replace(statusPath ? p.objectPath() + "/status" : p.objectPath(), merged));
      } catch (ObjectStore.StoreException e) {
        return Reply.status(e.code(), e.getMessage());
      }
    });
  }

  private Reply delete(Incoming in, ApiPath p, ResourceType type) {
    MockResponse response = crud("DELETE", in.uri(), in.contentType(), in.body());
    if (response.code() == 200 && p.name() != null) {
      boolean orphan = "Orphan".equals(in.params().get("propagationPolicy"))
          || "true".equals(in.params().get("orphanDependents")) || in.bodyText().contains("\"Orphan\"");
      if (p.plural().equals("jobs") && !orphan) {
        controllers.jobDeleted(Objects.requireNonNull(p.namespace()), p.name());
      } else if (p.plural().equals("deployments") && !orphan) {
        controllers.deploymentDeleted(Objects.requireNonNull(p.namespace()), p.name());
      } else if (p.plural().equals("namespaces")) {
        deleteNamespaceContents(p.name());
      } else if (p.plural().equals("customresourcedefinitions")) {
        controllers.observe(p);
      }
    }
    if (response.code() == 200 && p.name() != null && ObjectStore.body(response).isEmpty()) {
      return Reply.json(200, Json.object("kind", "Status", "apiVersion", "v1", "metadata", Json.object(),
          "status", "Success", "details", Json.object("name", p.name(), "group", type.group(), "kind", p.plural())));
    }
    return fromCrud(response, p);
  }

  private void deleteNamespaceContents(String namespace) {
    for (ResourceType t : discovery.all()) {
      if (t.namespaced() && t.verbs().contains("delete")) {
        ApiPath collection = new ApiPath(t.group(), t.version(), namespace, t.plural(), null, null);
        crud("DELETE", collection.collectionPath(), "", new byte[0]);
      }
    }
  }

  private Reply log(ApiPath p, Map<String, String> params) {
    String namespace = Objects.requireNonNull(p.namespace());
    if (store.get(p.objectPath()).isEmpty()) {
      return Reply.json(404, ApiStatus.notFound(p));
    }
    String log = controllers.podLog(namespace, Objects.requireNonNull(p.name())).orElse("");
    String tail = params.get("tailLines");
    if (tail != null && tail.matches("\\d+")) {
      String[] lines = log.split("\n", -1);
      int keep = Integer.parseInt(tail);
      int end = log.endsWith("\n") ? lines.length - 1 : lines.length;
      int start = Math.max(0, end - keep);
      StringBuilder sb = new StringBuilder();
      for (int i = start; i < end; i++) {
        sb.append(lines[i]).append('\n');
      }
      log = sb.toString();
    }
    return Reply.text(200, log);
  }

  private Reply review(Incoming in) {
    Map<String, Object> review = parseBody(in);
    boolean allowed = accessAllowed.getAsBoolean();
    review.put("status", allowed
        ? Json.object("allowed", true, "reason", "allowed by the test server")
        : Json.object("allowed", false, "denied", true, "reason", "denied by the test server"));
    return Reply.json(201, review);
  }

  private static String manager(Incoming in) {
    String manager = in.params().get("fieldManager");
    if (manager != null && !manager.isEmpty()) {
      return manager;
    }
    String agent = in.userAgent();
    int slash = agent.indexOf('/');
    String product = slash < 0 ? agent : agent.substring(0, slash);
    return product.isBlank() ? "unknown" : product.trim();
  }

  private MockResponse crud(String method, String uri, String contentType, byte[] body) {
    Headers.Builder headers = Headers.builder();
    if (!contentType.isEmpty()) {
      headers.add("Content-Type", contentType);
    }
    return store.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.valueOf(method), uri, headers.build(),
        new Buffer(body)));
  }

  private static Reply fromCrud(MockResponse response, ApiPath p) {
    int code = response.code() == 202 ? 200 : response.code();
    String body = ObjectStore.body(response);
    if (body.isEmpty()) {
      if (code == 404) {
        return Reply.json(404, ApiStatus.notFound(p));
      }
      if (code >= 400) {
        return Reply.status(code, ApiStatus.reasonFor(code));
      }
    }
    return new Reply(code, JSON, body.getBytes(StandardCharsets.UTF_8), Map.of());
  }
}
