package io.gitopsruntime.validators;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitopsruntime.testing.KubernetesTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A gateway in front of a {@link KubernetesTestServer} for what the harness does not do: it forwards every
 * request to the harness unless a test answers it itself (the API server's service proxy to a Pod, a
 * SelfSubjectAccessReview answered per verb), and it can hold requests until several are in flight at once,
 * which proves that they were sent concurrently without measuring time.
 */
final class ApiGateway implements AutoCloseable {
  private final KubernetesTestServer upstream;
  private final OkHttpClient http = new OkHttpClient();
  private final MockWebServer server = new MockWebServer();
  private final Map<String, Function<RecordedRequest, MockResponse>> answers = new ConcurrentHashMap<>();
  final List<RecordedRequest> answered = new CopyOnWriteArrayList<>();
  private volatile Predicate<RecordedRequest> held = r -> false;
  private volatile CountDownLatch together = new CountDownLatch(0);
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicInteger met = new AtomicInteger();
  private volatile int parties;
  private KubernetesClient client;

  ApiGateway(KubernetesTestServer upstream) {
    this.upstream = upstream;
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        hold(request);
        String key = request.getMethod() + " " + request.getUrl().encodedPath();
        for (Map.Entry<String, Function<RecordedRequest, MockResponse>> answer : answers.entrySet()) {
          if (key.matches(answer.getKey())) {
            answered.add(request);
            return answer.getValue().apply(request);
          }
        }
        return forward(request);
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Answers requests whose {@code METHOD /path} matches a regular expression instead of the harness.
   */
  ApiGateway answer(String methodAndPathRegex, Function<RecordedRequest, MockResponse> answer) {
    answers.put(methodAndPathRegex, answer);
    return this;
  }

  /** Answers with a status and a JSON body. */
  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  /**
   * Holds the first {@code parties} requests a predicate accepts until all of them have arrived (at most 5 s
   * each, less than a client's request timeout); {@link #metTogether()} then says whether every one of them saw
   * all the others arrive while it was still waiting, that is, whether they were all in flight at once.
   */
  ApiGateway holdTogether(int parties, Predicate<RecordedRequest> which) {
    this.parties = parties;
    together = new CountDownLatch(parties);
    waiting.set(parties);
    met.set(0);
    held = which;
    return this;
  }

  boolean metTogether() {
    return parties > 0 && met.get() == parties;
  }

  private void hold(RecordedRequest request) throws InterruptedException {
    if (!held.test(request) || waiting.getAndDecrement() <= 0) {
      return;
    }
    together.countDown();
    if (together.await(5, TimeUnit.SECONDS)) {
      met.incrementAndGet();
    }
  }

  private MockResponse forward(RecordedRequest request) {
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
    String contentType = request.getHeaders().get("Content-Type");
    RequestBody requestBody = request.getMethod().equals("GET") || request.getMethod().equals("HEAD") ? null
        : RequestBody.create(body, contentType == null ? null : MediaType.parse(contentType));
    Request.Builder forwarded = new Request.Builder().url(upstream.url() + request.getTarget())
        .method(request.getMethod(), requestBody);
    String accept = request.getHeaders().get("Accept");
    if (accept != null) {
      forwarded.header("Accept", accept);
    }
    try (Response response = http.newCall(forwarded.build()).execute()) {
      ResponseBody responseBody = response.body();
      MockResponse.Builder answer = new MockResponse.Builder().code(response.code())
          .body(responseBody == null ? "" : responseBody.string());
      String type = response.header("Content-Type");
      if (type != null) {
        answer.addHeader("Content-Type", type);
      }
      return answer.build();
    } catch (IOException e) {
      return json(502, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":502,"
          + "\"message\":\"gateway: " + e.getClass().getSimpleName() + "\"}");
    }
  }

  /** A client of the gateway (no retries, so that a fault shows at once); closed with the gateway. */
  synchronized KubernetesClient client() {
    if (client == null) {
      client = new KubernetesClientBuilder().withConfig(new ConfigBuilder(upstream.config())
          .withMasterUrl(server.url("/").toString()).withRequestRetryBackoffLimit(0).build()).build();
    }
    return client;
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
    }
    server.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
