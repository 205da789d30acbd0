package io.gitopsruntime.helm.manifest.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * When a failed Kubernetes API request is tried again: on {@code 429 Too Many Requests} (after the
 * server's {@code Retry-After} when it is longer than the backoff), on {@code 500}, {@code 502},
 * {@code 503} and {@code 504}, and when the connection dropped; at most {@link #maxAttempts()} attempts,
 * with exponential backoff and jitter, and never past the operation's deadline. Only requests that are
 * safe to repeat are retried on a 5xx or a dropped connection (reads, server-side apply, deletes, and
 * writes guarded by a resource version); any request is retried on a 429, which the server sends
 * before doing anything. Immutable and thread-safe.
 *
 * @param maxAttempts how many times a request is sent at most
 * @param initialBackoff the wait before the second attempt
 * @param maxBackoff the longest wait between two attempts (a longer {@code Retry-After} wins)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  /** Six attempts, 200 ms doubling up to 5 s: about 10 s of patience per request. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(5));

  /** The longest {@code Retry-After} honoured; a longer one is treated as this. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  /**
   * Whether an HTTP status is worth another attempt.
   *
   * @param code the status
   * @param safeToRepeat whether the request may be sent twice without harm
   * @return true to retry
   */
  public boolean retries(int code, boolean safeToRepeat) {
    if (code == 429) {
      return true;
    }
    return safeToRepeat && (code == 500 || code == 502 || code == 503 || code == 504);
  }

  /**
   * The wait before an attempt.
   *
   * @param failedAttempts how many attempts failed so far (1 after the first)
   * @param retryAfter the server's {@code Retry-After}, or null
   * @return the wait
   */
  public Duration delay(int failedAttempts, @Nullable Duration retryAfter) {
    long base = initialBackoff.toMillis() << Math.min(20, Math.max(0, failedAttempts - 1));
    long capped = Math.min(base, maxBackoff.toMillis());
    long jittered = (long) (capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
    long server = retryAfter == null ? 0 : Math.min(retryAfter.toMillis(), MAX_RETRY_AFTER.toMillis());
    return Duration.ofMillis(Math.max(jittered, server));
  }

  /**
   * Parses a {@code Retry-After} header in seconds (the HTTP-date form is not used by Kubernetes).
   *
   * @param header the header value, or null
   * @return the wait, or null
   */
  public static @Nullable Duration retryAfter(@Nullable String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
