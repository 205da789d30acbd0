package io.gitopsruntime.validators.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.jspecify.annotations.Nullable;

/**
 * Classifies a transport failure (DNS, connect, TLS, timeout) so that {@link Wording#netReason} can say
 * what happened and the remediation can fit. Thread-safe; no state.
 */
public final class NetErrors {
  private NetErrors() {}

  /** The kind of transport failure, which decides the remediation. */
  public enum Kind {
    /** The host name does not resolve. */
    DNS,
    /** Nothing accepted the connection. */
    CONNECT,
    /** The certificate is not trusted. */
    TLS_UNTRUSTED,
    /** The certificate is not for this host. */
    TLS_HOSTNAME,
    /** Another TLS handshake failure. */
    TLS_OTHER,
    /** No answer in time. */
    TIMEOUT,
    /** Anything else. */
    OTHER
  }

  /**
   * A classified failure.
   *
   * @param kind what went wrong
   * @param detail the first line of the underlying message, never containing request headers
   */
  public record Failure(Kind kind, String detail) {
    /**
     * Whether the failure is about TLS.
     *
     * @return true for the TLS kinds
     */
    public boolean isTls() {
      return kind == Kind.TLS_UNTRUSTED || kind == Kind.TLS_HOSTNAME || kind == Kind.TLS_OTHER;
    }
  }

  /**
   * Classifies a failure. When the call was interrupted (not timed out), the thread's interrupt flag is set
   * again so that the caller's executor sees it.
   *
   * @param e the exception from the HTTP client
   * @return the kind and the underlying detail
   */
  public static Failure classify(IOException e) {
    if (e instanceof InterruptedIOException && !(e instanceof java.net.SocketTimeoutException)
        && "interrupted".equals(e.getMessage())) {
      Thread.currentThread().interrupt();
    }
    if (e instanceof UnknownHostException) {
      return new Failure(Kind.DNS, firstLine(e.getMessage()));
    }
    if (e instanceof SSLPeerUnverifiedException) {
      return new Failure(Kind.TLS_HOSTNAME, firstLine(e.getMessage()));
    }
    if (e instanceof SSLException) {
      Throwable root = rootCause(e);
      Kind kind = hasCause(e, CertificateException.class) ? Kind.TLS_UNTRUSTED : Kind.TLS_OTHER;
      return new Failure(kind, firstLine(root.getMessage()));
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return new Failure(Kind.CONNECT, firstLine(e.getMessage()));
    }
    if (e instanceof InterruptedIOException) {
      return new Failure(Kind.TIMEOUT, firstLine(e.getMessage()));
    }
    return new Failure(Kind.OTHER, e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
  }

  private static Throwable rootCause(Throwable t) {
    Throwable current = t;
    while (current.getCause() != null && current.getCause() != current) {
      current = current.getCause();
    }
    return current;
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(@Nullable String message) {
    if (message == null || message.isBlank()) {
      return "no detail";
    }
    String line = message.strip().lines().findFirst().orElse("").strip();
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
