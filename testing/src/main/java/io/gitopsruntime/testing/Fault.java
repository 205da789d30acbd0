package io.gitopsruntime.testing;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A scripted failure a {@link KubernetesTestServer} plays instead of answering: an HTTP error status,
 * a 429 with {@code Retry-After}, or a dropped connection, for requests that match a method and a path,
 * a given number of times.
 *
 * <pre>{@code
 * server.inject(Fault.status(500).on("PATCH", "/apis/apps/v1/namespaces/codefresh/deployments/.*").times(2));
 * server.inject(Fault.tooManyRequests(Duration.ofSeconds(1)).onAnyMethod("/api/v1/.*"));
 * server.inject(Fault.dropConnection().on("GET", "/version"));
 * }</pre>
 *
 * <p>Immutable and thread-safe: every {@code on}/{@code times} call returns a new fault.
 */
public final class Fault {

  private final int status;
  private final @Nullable Duration retryAfter;
  private final boolean drop;
  private final @Nullable String method;
  private final Predicate<String> path;
  private final String pathDescription;
  private final int times;

  private Fault(int status, @Nullable Duration retryAfter, boolean drop, @Nullable String method,
      Predicate<String> path, String pathDescription, int times) {
    this.status = status;
    this.retryAfter = retryAfter;
    this.drop = drop;
    this.method = method;
    this.path = path;
    this.pathDescription = pathDescription;
    this.times = times;
  }

  /**
   * Answers with an HTTP status and a Kubernetes {@code Status} body.
   *
   * @param status the HTTP status, such as 500 or 503
   * @return a fault matching every request once
   */
  public static Fault status(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("A fault status must be 4xx or 5xx, not " + status + ".");
    }
    return new Fault(status, null, false, null, p -> true, "any path", 1);
  }

  /**
   * Answers {@code 429 Too Many Requests} with a {@code Retry-After} header (whole seconds, at least 1).
   *
   * @param retryAfter the advertised wait
   * @return a fault matching every request once
   */
  public static Fault tooManyRequests(Duration retryAfter) {
    return new Fault(429, Objects.requireNonNull(retryAfter), false, null, p -> true, "any path", 1);
  }

  /**
   * Closes the connection without any response.
   *
   * @return a fault matching every request once
   */
  public static Fault dropConnection() {
    return new Fault(0, null, true, null, p -> true, "any path", 1);
  }

  /**
   * Restricts the fault to a method and to paths (without query) matching a regular expression.
   *
   * @param httpMethod GET, POST, PUT, PATCH or DELETE
   * @param pathRegex a regular expression the whole path must match
   * @return the restricted fault
   */
  public Fault on(String httpMethod, String pathRegex) {
    Pattern pattern = Pattern.compile(pathRegex);
    return new Fault(status, retryAfter, drop, httpMethod.toUpperCase(Locale.ROOT),
        p -> pattern.matcher(p).matches(), pathRegex, times);
  }

  /**
   * Restricts the fault to a method and to paths (without query) accepted by a predicate.
   *
   * @param httpMethod GET, POST, PUT, PATCH or DELETE
   * @param pathPredicate accepts the paths to fail
   * @return the restricted fault
   */
  public Fault on(String httpMethod, Predicate<String> pathPredicate) {
    return new Fault(status, retryAfter, drop, httpMethod.toUpperCase(Locale.ROOT), pathPredicate, "a predicate",
        times);
  }

  /**
   * Restricts the fault to paths (without query) matching a regular expression, whatever the method.
   *
   * @param pathRegex a regular expression the whole path must match
   * @return the restricted fault
   */
  public Fault onAnyMethod(String pathRegex) {
    Pattern pattern = Pattern.compile(pathRegex);
    return new Fault(status, retryAfter, drop, null, p -> pattern.matcher(p).matches(), pathRegex, times);
  }

  /**
   * How many matching requests fail (default 1).
   *
   * @param count at least 1; {@link Integer#MAX_VALUE} for always
   * @return the changed fault
   */
  public Fault times(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("A fault must fire at least once, not " + count + " times.");
    }
    return new Fault(status, retryAfter, drop, method, path, pathDescription, count);
  }

  /**
   * Makes the fault fire for every matching request until it is cleared.
   *
   * @return the changed fault
   */
  public Fault always() {
    return times(Integer.MAX_VALUE);
  }

  /**
   * Whether a request matches.
   *
   * @param httpMethod the request method
   * @param requestPath the request path without query
   * @return true when this fault applies
   */
  public boolean matches(String httpMethod, String requestPath) {
    return (method == null || method.equals(httpMethod)) && path.test(requestPath);
  }

  /**
   * The HTTP status answered.
   *
   * @return the status, or 0 for a dropped connection
   */
  public int status() {
    return status;
  }

  /**
   * Whether the connection is closed without a response.
   *
   * @return true for {@link #dropConnection()}
   */
  public boolean dropsConnection() {
    return drop;
  }

  /**
   * The {@code Retry-After} wait.
   *
   * @return the wait, or null when the fault has none
   */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }

  /**
   * How many requests this fault fails.
   *
   * @return the count
   */
  public int times() {
    return times;
  }

  @Override
  public String toString() {
    String what = drop ? "drop connection" : "HTTP " + status;
    return what + " for " + (method == null ? "any method" : method) + " on " + pathDescription
        + (times == Integer.MAX_VALUE ? ", always" : ", " + times + " time(s)");
  }
}
