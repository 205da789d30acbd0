package io.gitopsruntime.helm.internal;

import java.util.Locale;

/**
 * Why the API server could not give a Pod's log: it fetches logs from the kubelet of the Pod's node, so an error
 * there says the node did not serve it. Stateless and thread-safe.
 */
public final class LogHint {
  private LogHint() {}

  /**
   * The explanation to append to the API server's answer to a log request.
   *
   * @param code the HTTP status it answered with
   * @param answer its message
   * @return {@code " (...)"}, or empty when the answer says nothing about the node
   */
  public static String of(int code, String answer) {
    String lower = answer.toLowerCase(Locale.ROOT);
    if (lower.contains("dial tcp") || lower.contains("kubelet") || lower.contains("containerlogs")
        || lower.contains("no route") || lower.contains("connection refused")) {
      return " (the API server fetches logs from the kubelet of the Pod's node, and could not reach it)";
    }
    if (code == 404) {
      return " (the Pod exists, so the kubelet of its node has no log for it: a virtual node that runs no"
          + " containers, or a kubelet that no longer has the container)";
    }
    return "";
  }
}
