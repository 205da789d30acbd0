package io.gitopsruntime.testing.internal;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.fabric8.mockwebserver.vertx.ServerWebSocketHandler;
import io.gitopsruntime.testing.Fault;
import io.gitopsruntime.testing.RecordedCall;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of a test server, on Vert.x: journal, faults and latency first, then the routes a real
 * API server has and the CRUD dispatcher lacks (version, discovery, server-side apply, strategic merge
 * patch, Pod logs, access reviews, HTTP-streamed watches, Job and Namespace cascades), then the CRUD
 * dispatcher for the rest. fabric8's own mock web server cannot drop a connection, delay without
 * blocking its event loop, or stream a watch over plain HTTP as client-go expects, hence this front.
 * Thread-safe.
 */
public final class ApiFront implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ApiFront.class);
  private static final Pattern GROUP = Pattern.compile("/apis/([^/]+)");
  private static final Pattern GROUP_VERSION = Pattern.compile("/apis/([^/]+)/([^/]+)|/api/(v1)");
  private static final String JSON = "application/json";

  private final ObjectStore store;
  private final Discovery discovery;
  private final ServerSideApply apply;
  private final SimulatedControllers controllers;
  private final FaultPlan faults;
  private final Consumer<RecordedCall> journal;
  private final Map<String, Object> version;
  private final Supplier<Duration> latency;
  private final BooleanSupplier accessAllowed;
  private final boolean recordBodies;
  private final Vertx vertx;
  private @Nullable HttpServer server;
  private String serverAddress = "";
  private final AtomicInteger nextClusterIp = new AtomicInteger(9);

  /**
   * A front over the server's parts.
   *
   * @param store the objects
   * @param discovery discovery
   * @param controllers the simulated controllers
   * @param faults the injected faults
   * @param journal where calls are recorded
   * @param version the {@code /version} document
   * @param latency the current per-request latency
   * @param accessAllowed what access reviews answer
   * @param recordBodies whether the journal keeps request bodies
   */
  public ApiFront(ObjectStore store, Discovery discovery, SimulatedControllers controllers, FaultPlan faults,
      Consumer<RecordedCall> journal, Map<String, Object> version, Supplier<Duration> latency,
      BooleanSupplier accessAllowed, boolean recordBodies) {
    this.store = store;
    this.discovery = discovery;
    this.apply = new ServerSideApply(store);
    this.controllers = controllers;
    this.faults = faults;
    this.journal = journal;
    this.version = version;
    this.latency = latency;
    this.accessAllowed = accessAllowed;
    this.recordBodies = recordBodies;
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(8)
        .setBlockedThreadCheckInterval(60_000));
  }

  /**
   * Starts listening.
   *
   * @param host the address to bind
   * @param port the port, 0 for any free port
   * @return the port bound
   */
  public int start(String host, int port) {
    HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port)
        .setHttp2ClearTextEnabled(false)
        .setWebSocketSubProtocols(List.of("v4.channel.k8s.io", "v5.channel.k8s.io"));
    HttpServer created = vertx.createHttpServer(options).requestHandler(this::handle);
    this.server = await(created.listen());
    int bound = server.actualPort();
    this.serverAddress = host + ":" + bound;
    return bound;
  }

  @Override
  public void close() {
    HttpServer s = server;
    try {
      if (s != null) {
        await(s.close());
      }
    } finally {
      await(vertx.close());
    }
  }

  // ---------------------------------------------------------------- request handling

  private record Incoming(String method, String path, String query, Map<String, String> params, String contentType,
      String userAgent, byte[] body) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String uri() {
      return query.isEmpty() ? path : path + "?" + query;
    }
  }

  private record Reply(int code, String contentType, byte[] body, Map<String, String> headers) {
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

  private void handle(HttpServerRequest req) {
    String uri = req.uri();
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    String query = q < 0 ? "" : uri.substring(q + 1);
    String method = req.method().name();
    Optional<Fault> fault = faults.take(method, path);
    String upgrade = req.getHeader("Upgrade");
    if (upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket")) {
      if (fault.isPresent()) {
        playFault(req, method, path, query, "", 0, fault.get());
      } else {
        webSocket(req, method, path, query);
      }
      return;
    }
    req.body().onComplete(ar -> {
      try {
        received(req, method, path, query, fault, ar.succeeded() && ar.result() != null ? ar.result().getBytes()
            : new byte[0]);
      } catch (RuntimeException e) {
        LOG.warn("{} {} failed", method, uri, e);
        record(method, path, query, "", 0, 500, null);
        req.response().setStatusCode(500).putHeader("Content-Type", JSON)
            .end(Json.write(ApiStatus.failure(500, "InternalError", "test server error: " + e, null)));
      }
    });
  }

  private void received(HttpServerRequest req, String method, String path, String query, Optional<Fault> fault,
      byte[] requestBody) {
    byte[] body = requestBody;
    String contentType = Objects.toString(req.getHeader("Content-Type"), "");
    if (contentType.startsWith("application/vnd.kubernetes.protobuf") && body.length > 0
        && (method.equals("POST") || method.equals("PUT"))) {
      Optional<Map<String, Object>> decoded = Protobuf.decode(body);
      if (decoded.isEmpty()) {
        record(method, path, query, contentType, body.length, 415, null);
        req.response().setStatusCode(415).putHeader("Content-Type", JSON).end(Json.write(ApiStatus.failure(415,
            "UnsupportedMediaType", "the test server decodes protobuf only for v1 Secret and ConfigMap", null)));
        return;
      }
      body = Json.write(decoded.get()).getBytes(StandardCharsets.UTF_8);
    }
    Incoming in = new Incoming(method, path, query, ApiPath.query(query), contentType,
        Objects.toString(req.getHeader("User-Agent"), ""), body);
    long delay = latency.get().toMillis();
    if (delay > 0) {
      vertx.setTimer(delay, id -> proceed(req, in, fault));
    } else {
      proceed(req, in, fault);
    }
  }

  private void proceed(HttpServerRequest req, Incoming in, Optional<Fault> fault) {
    if (fault.isPresent()) {
      playFault(req, in.method(), in.path(), in.query(), in.contentType(), in.body().length, fault.get());
      return;
    }
    if (in.method().equals("GET") && isWatch(in.params()) && ApiPath.parse(in.path()).isPresent()) {
      streamWatch(req, in);
      return;
    }
    vertx.executeBlocking(() -> route(in), false).onComplete(ar -> {
      Reply reply;
      if (ar.succeeded()) {
        reply = ar.result();
      } else {
        LOG.warn("{} {} failed", in.method(), in.uri(), ar.cause());
        reply = Reply.status(500, String.valueOf(ar.cause()));
      }
      write(req, in, reply);
    });
  }

  private void write(HttpServerRequest req, Incoming in, Reply reply) {
    record(in.method(), in.path(), in.query(), in.contentType(), in.body().length, reply.code(),
        recordBodies ? in.bodyText() : null);
    HttpServerResponse response = req.response().setStatusCode(reply.code());
    response.putHeader("Content-Type", reply.contentType());
    reply.headers().forEach(response::putHeader);
    response.end(io.vertx.core.buffer.Buffer.buffer(reply.body()));
  }

  private void playFault(HttpServerRequest req, String method, String path, String query, String contentType,
      long bodySize, Fault fault) {
    if (fault.dropsConnection()) {
      record(method, path, query, contentType, bodySize, RecordedCall.DROPPED, null);
      req.connection().close();
      return;
    }
    record(method, path, query, contentType, bodySize, fault.status(), null);
    HttpServerResponse response = req.response().setStatusCode(fault.status()).putHeader("Content-Type", JSON);
    String message = "injected fault: " + fault;
    if (fault.retryAfter() != null) {
      long seconds = Math.max(1, (fault.retryAfter().toMillis() + 999) / 1000);
      response.putHeader("Retry-After", String.valueOf(seconds));
      message = "Too many requests, please try again later.";
    }
    Map<String, Object> details = fault.retryAfter() == null ? null
        : Json.object("retryAfterSeconds", Math.max(1, (fault.retryAfter().toMillis() + 999) / 1000));
    response.end(Json.write(ApiStatus.failure(fault.status(), ApiStatus.reasonFor(fault.status()), message,
        details)));
  }

  private void record(String method, String path, String query, String contentType, long bodySize, int status,
      @Nullable String body) {
    journal.accept(new RecordedCall(method, path, query, contentType, bodySize, status, body));
  }

  private static boolean isWatch(Map<String, String> params) {
    String watch = params.get("watch");
    return "true".equals(watch) || "1".equals(watch);
  }

  // ---------------------------------------------------------------- watches

  private void webSocket(HttpServerRequest req, String method, String path, String query) {
    Map<String, String> params = ApiPath.query(query);
    if (!method.equals("GET") || !isWatch(params)) {
      record(method, path, query, "", 0, 400, null);
      req.response().setStatusCode(400).end("only watches are served over WebSocket");
      return;
    }
    String normalized = normalizeWatch(path, query);
    RecordedRequest recorded = new RecordedRequest("HTTP/1.1", HttpMethod.GET, normalized, Headers.builder().build(),
        new Buffer());
    MockResponse response = store.watch(normalized);
    record(method, path, query, "", 0, RecordedCall.STREAMING, null);
    req.toWebSocket()
        .onSuccess(new ServerWebSocketHandler(recorded, response))
        .onFailure(e -> LOG.debug("WebSocket upgrade failed for {}", path, e));
  }

  private void streamWatch(HttpServerRequest req, Incoming in) {
    String normalized = normalizeWatch(in.path(), in.query());
    MockResponse registered = store.watch(normalized);
    WebSocketListener listener = Objects.requireNonNull(registered.getWebSocketListener());
    HttpServerResponse response = req.response().setStatusCode(200).putHeader("Content-Type", JSON)
        .setChunked(true);
    response.writeHead();
    record(in.method(), in.path(), in.query(), in.contentType(), in.body().length, RecordedCall.STREAMING, null);
    Context context = vertx.getOrCreateContext();
    RecordedRequest recorded = new RecordedRequest("HTTP/1.1", HttpMethod.GET, normalized, Headers.builder().build(),
        new Buffer());
    HttpWatchStream stream = new HttpWatchStream(vertx, context, response, recorded, listener);
    response.closeHandler(v -> stream.close(1000, "client closed the watch"));
    String timeout = in.params().get("timeoutSeconds");
    if (timeout != null && timeout.matches("\\d+") && Long.parseLong(timeout) > 0) {
      vertx.setTimer(TimeUnit.SECONDS.toMillis(Long.parseLong(timeout)), id -> stream.close(1000, "timeout"));
    }
    boolean initialEvents = "true".equals(in.params().get("sendInitialEvents"));
    Optional<ResourceType> type = ApiPath.parse(in.path())
        .flatMap(p -> discovery.find(p.group(), p.version(), p.plural()));
    vertx.executeBlocking(() -> store.atomically(() -> {
      if (initialEvents && type.isPresent()) {
        Map.Entry<Integer, String> initial = store.count(normalized.replaceAll("([?&])watch=(true|1)", "$1"));
        stream.endInitialEventsAfter(initial.getKey(), Json.write(Json.object("type", "BOOKMARK", "object",
            Json.object("kind", type.get().kind(), "apiVersion", type.get().apiVersion(), "metadata",
                Json.object("resourceVersion", initial.getValue(),
                    "annotations", Json.object("k8s.io/initial-events-end", "true"))))));
      }
      listener.onOpen(stream, registered);
      return null;
    }), false);
  }

  /** The CRUD dispatcher reads a watch's field selector from the raw query: give it the decoded one. */
  private static String normalizeWatch(String path, String query) {
    List<String> parts = new ArrayList<>();
    for (String part : query.split("&")) {
      if (part.startsWith("fieldSelector=")) {
        parts.add("fieldSelector=" + ApiPath.query(part).get("fieldSelector"));
      } else if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? path : path + "?" + String.join("&", parts);
  }

  // ---------------------------------------------------------------- routes

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

  private Reply route(Incoming in) {
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
        return discovery.group(group.group(1)).map(g -> Reply.json(200, g)).orElseGet(ApiFront::notServed);
      }
      Matcher groupVersion = GROUP_VERSION.matcher(path);
      if (groupVersion.matches()) {
        String g = groupVersion.group(3) != null ? "" : groupVersion.group(1);
        String v = groupVersion.group(3) != null ? groupVersion.group(3) : groupVersion.group(2);
        return discovery.resourceList(g, v).map(l -> Reply.json(200, l)).orElseGet(ApiFront::notServed);
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
      return discovery.openApi(group, version).map(d -> Reply.json(200, d)).orElseGet(ApiFront::notServed);
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

  private static <T> T await(Future<T> future) {
    CompletableFuture<T> result = new CompletableFuture<>();
    future.onComplete(ar -> {
      if (ar.succeeded()) {
        result.complete(ar.result());
      } else {
        result.completeExceptionally(ar.cause());
      }
    });
    try {
      return result.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting or stopping the test server.", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("The test server could not start or stop: " + e.getMessage(), e);
    }
  }
}
