package io.gitopsruntime.helm.manifest.internal;

import org.jspecify.annotations.Nullable;

/**
 * A Kubernetes API request that failed for good: an error status, or no answer after every retry.
 * Internal; the installer turns it into an {@link io.gitopsruntime.install.InstallException} that names
 * the object. Not shared between threads.
 */
public final class KubeApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String path;
  private final int code;
  private final String reason;
  private final String serverMessage;

  KubeApiException(String method, String path, int code, String reason, String serverMessage,
      @Nullable Throwable cause) {
    super(method + " " + path + " failed: " + (code == 0 ? "" : "HTTP " + code + " " + reason + ": ") + serverMessage,
        cause);
    this.method = method;
    this.path = path;
    this.code = code;
    this.reason = reason;
    this.serverMessage = serverMessage;
  }

  /**
   * The HTTP method.
   *
   * @return the method
   */
  public String method() {
    return method;
  }

  /**
   * The request path, without query.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * The HTTP status.
   *
   * @return the status, or 0 when no answer came (connection dropped or refused)
   */
  public int code() {
    return code;
  }

  /**
   * The Kubernetes {@code Status} reason, such as {@code Conflict}.
   *
   * @return the reason, possibly empty
   */
  public String reason() {
    return reason;
  }

  /**
   * The server's explanation, or the transport error.
   *
   * @return the message
   */
  public String serverMessage() {
    return serverMessage;
  }
}
