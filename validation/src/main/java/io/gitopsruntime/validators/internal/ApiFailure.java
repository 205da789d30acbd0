package io.gitopsruntime.validators.internal;

import io.fabric8.kubernetes.client.KubernetesClientException;
import org.jspecify.annotations.Nullable;

/**
 * A failed Kubernetes API call, reduced to what a finding may show: the HTTP status and the API server's own
 * one-line reason (or, without an answer, the connection problem). Never the request, its headers or a body
 * the check sent. Immutable and thread-safe.
 *
 * @param code the HTTP status, 0 when no answer came
 * @param detail the API server's reason or the connection problem, one line
 */
public record ApiFailure(int code, String detail) {
  private static final int LONGEST = 200;

  /**
   * The failure of a fabric8 call.
   *
   * @param e what fabric8 threw
   * @return the failure
   */
  public static ApiFailure of(KubernetesClientException e) {
    int code = Math.max(0, e.getCode());
    String reason = e.getStatus() == null ? null : e.getStatus().getMessage();
    if (reason == null || reason.isBlank()) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      reason = code > 0 ? null : root == e ? e.getMessage() : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
    return new ApiFailure(code, firstLine(reason));
  }

  /**
   * The failure in a few words.
   *
   * @return for example {@code HTTP 500: etcdserver: request timed out}, or the connection problem
   */
  public String describe() {
    if (code == 0) {
      return detail.isEmpty() ? "no answer" : detail;
    }
    return "HTTP " + code + (detail.isEmpty() ? "" : ": " + detail);
  }

  private static String firstLine(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > LONGEST ? line.substring(0, LONGEST) + "…" : line;
  }
}
