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
import io.gitopsruntime.testing.internal.ApiRoutes.Incoming;
import io.gitopsruntime.testing.internal.ApiRoutes.Reply;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of a test server, on Vert.x: journal, faults and latency first, then watches (over
 * WebSocket, or streamed over HTTP), then {@link ApiRoutes}: the routes a real API server has and the CRUD
 * dispatcher lacks (version, discovery, server-side apply, strategic merge patch, Pod logs, access reviews,
 * Job and Namespace cascades), then the CRUD dispatcher for the rest. fabric8's own mock web server cannot
 * drop a connection, delay without blocking its event loop, or stream a watch over plain HTTP as client-go
 * expects, hence this front. Thread-safe.
 */
public final class ApiFront implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ApiFront.class);
  private static final String JSON = ApiRoutes.JSON;

  private final ObjectStore store;
  private final Discovery discovery;
  private final ApiRoutes routes;
  private final FaultPlan faults;
  private final Consumer<RecordedCall> journal;
  private final Supplier<Duration> latency;
  private final boolean recordBodies;
  private final Vertx vertx;
  private @Nullable HttpServer server;

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
    this.routes = new ApiRoutes(store, discovery, controllers, version, accessAllowed);
    this.faults = faults;
    this.journal = journal;
    this.latency = latency;
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
    routes.listeningOn(host + ":" + bound);
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
    vertx.executeBlocking(() -> routes.route(in), false).onComplete(ar -> {
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
