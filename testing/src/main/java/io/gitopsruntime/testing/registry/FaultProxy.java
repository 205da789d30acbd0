package io.gitopsruntime.testing.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gitopsruntime.testing.Fault;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A plain-HTTP proxy on loopback in front of a plain-HTTP {@link TestRegistry} that plays {@link Fault}s: an error
 * status, a {@code 429} with {@code Retry-After}, or, for {@link Fault#dropConnection()}, the registry's answer cut off
 * after half its body (a connection dropped mid-blob). Every request it saw is kept ({@link #requests()}).
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.in(front, registry)) {
 *   proxy.inject(Fault.dropConnection().on("GET", "/v2/.+/blobs/sha256:.+"));
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {
  private static final Set<String> HOP = Set.of("connection", "content-length", "host", "transfer-encoding", "upgrade",
      "keep-alive", "expect", "date");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final String upstream;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Armed> faults = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> played = new CopyOnWriteArrayList<>();
  private volatile boolean diskFull;

  private FaultProxy(String upstreamHost) throws IOException {
    this.upstream = "http://" + upstreamHost;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /**
   * Starts a proxy in front of a registry.
   *
   * @param registry a plain-HTTP registry
   * @return the running proxy
   */
  public static FaultProxy inFrontOf(TestRegistry registry) {
    if (registry.caFile().isPresent()) {
      throw new IllegalArgumentException("the fault proxy speaks plain HTTP: put it in front of a registry without TLS");
    }
    try {
      return new FaultProxy(registry.host());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The proxy's host and port, to use instead of the registry's.
   *
   * @return such as {@code 127.0.0.1:40124}
   */
  public String host() {
    return InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getAddress().getPort();
  }

  /**
   * Plays a fault on the requests it matches, as many times as it says.
   *
   * @param fault the fault
   * @return this proxy
   */
  public FaultProxy inject(Fault fault) {
    faults.add(new Armed(fault, new AtomicInteger(fault.times())));
    return this;
  }

  /**
   * Makes the registry behind answer every write (POST, PATCH, PUT) as the distribution registry does when its
   * storage is full: {@code 500} with {@code {"errors":[{"code":"UNKNOWN","message":"unknown error","detail":"write
   * .../data: no space left on device"}]}} (the answer of distribution v3.1.2 on a full file system); reads go on.
   *
   * @param full true to fill the disk, false to free it
   * @return this proxy
   */
  public FaultProxy diskFull(boolean full) {
    this.diskFull = full;
    return this;
  }

  /**
   * Every request seen, as {@code METHOD PATH}.
   *
   * @return the requests, in order
   */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /**
   * The faults played, as {@code STATUS METHOD PATH} or {@code drop METHOD PATH}.
   *
   * @return the faults played, in order
   */
  public List<String> played() {
    return List.copyOf(played);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    requests.add(method + " " + path);
    @Nullable Fault fault = take(method, path);
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (diskFull && (method.equals("POST") || method.equals("PATCH") || method.equals("PUT"))) {
        played.add("500 " + method + " " + path + " (no space left on device)");
        byte[] error = ("{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"unknown error\",\"detail\":\"write"
            + " /var/lib/registry/docker/registry/v2/repositories" + path.replaceFirst("^/v2", "")
            + "/data: no space left on device\"}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(500, error.length);
        exchange.getResponseBody().write(error);
        return;
      }
      if (fault != null && !fault.dropsConnection()) {
        played.add(fault.status() + " " + method + " " + path);
        Duration after = fault.retryAfter();
        if (after != null) {
          exchange.getResponseHeaders().add("Retry-After", Long.toString(after.toSeconds()));
        }
        byte[] error = ("{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"injected fault\"}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(fault.status(), error.length);
        exchange.getResponseBody().write(error);
        return;
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + path + (query == null ? "" : "?" + query)))
          .timeout(Duration.ofSeconds(60))
          .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!HOP.contains(name.toLowerCase(Locale.ROOT))) {
          values.forEach(v -> request.header(name, v));
        }
      });
      HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      response.headers().map().forEach((name, values) -> {
        if (!HOP.contains(name.toLowerCase(Locale.ROOT))) {
          values.forEach(v -> exchange.getResponseHeaders().add(name, name.equalsIgnoreCase("Location")
              ? v.replace(upstream, "http://" + host()) : v));
        }
      });
      byte[] answer;
      try (InputStream in = response.body()) {
        answer = in.readAllBytes();
      }
      if (method.equals("HEAD")) {
        response.headers().firstValue("Content-Length").ifPresent(l -> exchange.getResponseHeaders().set("Content-Length", l));
        exchange.sendResponseHeaders(response.statusCode(), -1);
        return;
      }
      if (fault != null && answer.length > 1) {
        played.add("drop " + method + " " + path);
        exchange.sendResponseHeaders(response.statusCode(), answer.length);
        OutputStream out = exchange.getResponseBody();
        out.write(answer, 0, answer.length / 2);
        out.flush();
        // closing with bytes missing closes the connection: the client sees a body cut short
        return;
      }
      exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      exchange.getResponseBody().write(answer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private @Nullable Fault take(String method, String path) {
    for (Armed armed : faults) {
      if (armed.fault.matches(method, path) && armed.left.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0) {
        return armed.fault;
      }
    }
    return null;
  }

  /** Stops the proxy. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private record Armed(Fault fault, AtomicInteger left) {}
}
