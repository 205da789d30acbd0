package io.gitopsruntime.testing;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request a {@link KubernetesTestServer} received, as its {@link RequestJournal} keeps it: method,
 * path, query, content type, body size and the status answered. Bodies are kept only when the server
 * was built with {@link KubernetesTestServer.Builder#recordBodies(boolean)}.
 * Immutable and thread-safe.
 *
 * @param method the HTTP method
 * @param path the path without query
 * @param query the raw query string, empty when there is none
 * @param contentType the request's content type, empty when there is none
 * @param bodySize the request body's size in bytes
 * @param status the HTTP status answered, {@link #DROPPED} for a dropped connection, {@link #STREAMING}
 *     for a watch or WebSocket answered as a stream
 * @param body the request body, or null when bodies are not recorded
 */
public record RecordedCall(
    String method,
    String path,
    String query,
    String contentType,
    long bodySize,
    int status,
    @Nullable String body) {

  /** Status recorded for a connection the server dropped on purpose. */
  public static final int DROPPED = 0;
  /** Status recorded for a watch answered as a stream. */
  public static final int STREAMING = 101;

  /**
   * The decoded query parameters.
   *
   * @return parameter name to value (last wins)
   */
  public Map<String, String> queryParameters() {
    return io.gitopsruntime.testing.internal.ApiPath.query(query);
  }

  /**
   * Whether the request was a server-side apply.
   *
   * @return true for a PATCH with {@code application/apply-patch+yaml}
   */
  public boolean isServerSideApply() {
    return method.equals("PATCH") && contentType.startsWith("application/apply-patch");
  }

  /**
   * Whether the request opened a watch.
   *
   * @return true when the query asks for a watch
   */
  public boolean isWatch() {
    String watch = queryParameters().get("watch");
    return "true".equals(watch) || "1".equals(watch);
  }

  /**
   * The path and, when present, the query.
   *
   * @return {@code path?query}
   */
  public String uri() {
    return query.isEmpty() ? path : path + "?" + query;
  }

  @Override
  public String toString() {
    return method + " " + uri() + " -> " + status;
  }
}
