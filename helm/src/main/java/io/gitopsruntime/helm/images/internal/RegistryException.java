package io.gitopsruntime.helm.images.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * A registry answered a request with an error, or could not be reached. Says which request (method and URL, which
 * never carry credentials), the status and the registry's own error codes; never an {@code Authorization} header.
 */
public final class RegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final boolean retryable;
  private final Optional<Duration> retryAfter;

  /**
   * An error.
   *
   * @param message what failed and why
   * @param status the HTTP status, or 0 when no answer came
   * @param retryable whether the same request may succeed later (5xx, 429, 408, a dropped connection)
   * @param cause the cause, if any
   */
  public RegistryException(String message, int status, boolean retryable, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.retryable = retryable;
    this.retryAfter = Optional.empty();
  }

  /**
   * An error the registry asked to retry after a wait ({@code 429} or {@code 503} with {@code Retry-After}).
   *
   * @param message what failed and why
   * @param status the HTTP status
   * @param retryAfter the wait it asked for
   */
  public RegistryException(String message, int status, Duration retryAfter) {
    super(message);
    this.status = status;
    this.retryable = true;
    this.retryAfter = Optional.of(retryAfter);
  }

  /**
   * An error without a cause.
   *
   * @param message what failed and why
   * @param status the HTTP status
   * @param retryable whether the same request may succeed later
   */
  public RegistryException(String message, int status, boolean retryable) {
    super(message);
    this.status = status;
    this.retryable = retryable;
    this.retryAfter = Optional.empty();
  }

  /**
   * The wait the registry asked for.
   *
   * @return the {@code Retry-After}, if it sent one
   */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }

  /**
   * The HTTP status.
   *
   * @return the status, or 0 when no answer came
   */
  public int status() {
    return status;
  }

  /**
   * Whether trying again may succeed.
   *
   * @return true for 5xx, 429, 408 and dropped connections
   */
  public boolean retryable() {
    return retryable;
  }
}
