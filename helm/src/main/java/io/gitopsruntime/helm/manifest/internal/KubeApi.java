package io.gitopsruntime.helm.manifest.internal;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kubernetes API requests the installer makes, over fabric8's HTTP client (so the kubeconfig's
 * authentication, TLS and impersonation apply) with fabric8's own retries turned off and
 * {@link RetryPolicy} in their place, bounded by a {@link Deadline}. Bodies are JSON maps; nothing of a
 * body is logged. Thread-safe.
 */
public final class KubeApi {
  private static final Logger log = LoggerFactory.getLogger(KubeApi.class);
  private static final String JSON = "application/json";
  private static final String APPLY = "application/apply-patch+yaml";

  /** An answer: status, body and the {@code Retry-After} header. */
  record Response(int code, String body, @Nullable String retryAfter) {}

  private final HttpClient http;
  private final String base;
  private final RetryPolicy retry;
  private final Deadline deadline;

  private KubeApi(HttpClient http, String base, RetryPolicy retry, Deadline deadline) {
    this.http = http;
    this.base = base;
    this.retry = retry;
    this.deadline = deadline;
  }

  /**
   * Requests over a client's connection. The HTTP client is derived from the client's (sharing its
   * connections); it is never closed here, the client's owner closes it with the client.
   *
   * @param client the client
   * @param retry the retry policy
   * @param deadline the deadline of the whole operation
   * @return the API
   */
  public static KubeApi over(KubernetesClient client, RetryPolicy retry, Deadline deadline) {
    RequestConfig noRetries = new RequestConfigBuilder(client.getConfiguration().getRequestConfig())
        .withRequestRetryBackoffLimit(0).build();
    HttpClient http = client.getHttpClient().newBuilder().tag(noRetries).build();
    String url = client.getMasterUrl().toString();
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return new KubeApi(http, base, retry, deadline);
  }

  /**
   * The same API with another deadline, for clean-up after the main deadline passed.
   *
   * @param other the deadline
   * @return a view with that deadline
   */
  public KubeApi withDeadline(Deadline other) {
    return new KubeApi(http, base, retry, other);
  }

  /**
   * The deadline requests are bounded by.
   *
   * @return the deadline
   */
  public Deadline deadline() {
    return deadline;
  }

  /**
   * Reads an object.
   *
   * @param path the object's path
   * @return the object, or empty when it does not exist
   * @throws KubeApiException on any other error
   */
  public Optional<Map<String, Object>> get(String path) {
    Response r = send("GET", path, null, null, true);
    if (r.code() == 404) {
      return Optional.empty();
    }
    return Optional.of(parse("GET", path, r));
  }

  /**
   * Reads a document that must exist (discovery, version).
   *
   * @param path the path
   * @return the document
   */
  public Map<String, Object> getRequired(String path) {
    return parse("GET", path, send("GET", path, null, null, true));
  }

  /**
   * Reads a text document, such as a Pod's log.
   *
   * @param pathAndQuery the path with its query
   * @return the text, or empty when it does not exist
   */
  public Optional<String> text(String pathAndQuery) {
    Response r = send("GET", pathAndQuery, null, null, true);
    if (r.code() == 404) {
      return Optional.empty();
    }
    if (r.code() >= 300) {
      throw failure("GET", pathAndQuery, r, null);
    }
    return Optional.of(r.body());
  }

  /**
   * Server-side applies an object.
   *
   * @param path the object's path
   * @param object the object
   * @param fieldManager the field manager
   * @param force whether to take over fields other managers own
   * @param dryRun whether to only compute the result ({@code dryRun=All})
   * @return the object as the server stored it (or would store it)
   */
  public Map<String, Object> apply(String path, Map<String, Object> object, String fieldManager, boolean force,
      boolean dryRun) {
    String query = "?fieldManager=" + encode(fieldManager) + (force ? "&force=true" : "") + (dryRun ? "&dryRun=All" : "");
    return parse("PATCH", path, send("PATCH", path + query, APPLY, Json.write(object), true));
  }

  /**
   * Creates an object.
   *
   * @param collectionPath the collection's path
   * @param object the object
   * @param safeToRepeat whether a second attempt is harmless (the caller handles a 409)
   * @return the created object
   * @throws KubeApiException with code 409 when it exists
   */
  public Map<String, Object> create(String collectionPath, Map<String, Object> object, boolean safeToRepeat) {
    return parse("POST", collectionPath, send("POST", collectionPath, JSON, Json.write(object), safeToRepeat));
  }

  /**
   * Replaces an object; its {@code metadata.resourceVersion} makes the write conditional.
   *
   * @param path the object's path
   * @param object the object
   * @return the stored object
   * @throws KubeApiException with code 409 when the object changed meanwhile
   */
  public Map<String, Object> replace(String path, Map<String, Object> object) {
    return parse("PUT", path, send("PUT", path, JSON, Json.write(object), true));
  }

  /**
   * Deletes an object in the background (its dependents are collected by the garbage collector).
   *
   * @param path the object's path
   * @param preconditions the uid and resource version the object must still have, or null
   * @return true when it was deleted, false when it did not exist
   */
  public boolean delete(String path, @Nullable Map<String, Object> preconditions) {
    Map<String, Object> options = Json.object("apiVersion", "v1", "kind", "DeleteOptions",
        "propagationPolicy", "Background", "preconditions", preconditions);
    Response r = send("DELETE", path, JSON, Json.write(options), true);
    if (r.code() == 404) {
      return false;
    }
    if (r.code() >= 300) {
      throw failure("DELETE", path, r, null);
    }
    return true;
  }

  /**
   * Lists objects.
   *
   * @param collectionPathAndQuery the collection path with an optional selector query
   * @return the list object
   */
  public Map<String, Object> list(String collectionPathAndQuery) {
    return getRequired(collectionPathAndQuery);
  }

  /**
   * Encodes a query parameter value.
   *
   * @param value the value
   * @return the encoded value
   */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private Map<String, Object> parse(String method, String path, Response r) {
    if (r.code() >= 300) {
      throw failure(method, path, r, null);
    }
    try {
      return Json.parse(r.body());
    } catch (IllegalArgumentException e) {
      throw new KubeApiException(method, strip(path), r.code(), "", "the answer is not a JSON object", e);
    }
  }

  private static KubeApiException failure(String method, String path, Response r, @Nullable Throwable cause) {
    String reason = "";
    try {
      reason = String.valueOf(Json.parse(r.body()).getOrDefault("reason", ""));
    } catch (IllegalArgumentException notStatus) {
      // no reason
    }
    return new KubeApiException(method, strip(path), r.code(), reason, message(r), cause);
  }

  /** The message of an error answer: its Kubernetes {@code Status} message, else the start of its body. */
  static String message(Response r) {
    String message = r.body().length() > 300 ? r.body().substring(0, 300) + "..." : r.body();
    try {
      return String.valueOf(Json.parse(r.body()).getOrDefault("message", message));
    } catch (IllegalArgumentException notStatus) {
      return message;
    }
  }

  private static String strip(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
  }

  /**
   * Sends a request, retrying as the policy allows.
   *
   * @param method the HTTP method
   * @param pathAndQuery the path and query
   * @param contentType the body's type, or null without body
   * @param body the body, or null
   * @param safeToRepeat whether the request may be repeated after a 5xx or a dropped connection
   * @return the final answer (any status the policy does not retry, or the last one)
   * @throws KubeApiException when no answer came after every attempt
   */
  Response send(String method, String pathAndQuery, @Nullable String contentType, @Nullable String body,
      boolean safeToRepeat) {
    String path = strip(pathAndQuery);
    int attempt = 0;
    while (true) {
      attempt++;
      long start = System.nanoTime();
      Response response = null;
      Throwable transport = null;
      try {
        response = sendOnce(method, pathAndQuery, contentType, body);
      } catch (IOException e) {
        transport = e;
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      boolean again;
      Duration retryAfter = null;
      String what;
      if (response != null) {
        log.debug("{} {} -> {} in {} ms", method, path, response.code(), ms);
        again = retry.retries(response.code(), safeToRepeat);
        retryAfter = RetryPolicy.retryAfter(response.retryAfter());
        what = "HTTP " + response.code();
      } else {
        again = safeToRepeat;
        what = String.valueOf(transport.getMessage());
      }
      if (again && attempt < retry.maxAttempts()) {
        Duration wait = retry.delay(attempt, retryAfter);
        if (wait.compareTo(deadline.remaining()) < 0) {
          log.debug("{} {} failed ({}), attempt {} of {}; retrying in {} ms", method, path, what, attempt,
              retry.maxAttempts(), wait.toMillis());
          sleep(wait);
          continue;
        }
      }
      if (response != null) {
        return response;
      }
      throw new KubeApiException(method, path, 0, "", "no answer from the API server after " + attempt
          + (attempt == 1 ? " attempt" : " attempts") + ": " + what, transport);
    }
  }

  private Response sendOnce(String method, String pathAndQuery, @Nullable String contentType, @Nullable String body)
      throws IOException {
    HttpRequest.Builder request = http.newHttpRequestBuilder().uri(base + pathAndQuery)
        .header("Accept", "application/json, */*");
    if (body != null) {
      request.method(method, contentType == null ? JSON : contentType, body);
    } else if (!method.equals("GET")) {
      request.method(method, JSON, "");
    }
    try {
      HttpResponse<String> response = http.sendAsync(request.build(), String.class).get();
      String text = response.body();
      return new Response(response.code(), text == null ? "" : text, response.header("Retry-After"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Interrupted(e);
    } catch (ExecutionException | CancellationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      throw new IOException(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }
  }

  private void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Interrupted(e);
    }
  }
}
