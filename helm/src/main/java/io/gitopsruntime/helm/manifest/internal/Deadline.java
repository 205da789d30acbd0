package io.gitopsruntime.helm.manifest.internal;

import java.time.Duration;

/**
 * The one time limit of an install, uninstall or plan, measured on the monotonic clock.
 * Immutable and thread-safe.
 */
public final class Deadline {
  private final long endNanos;
  private final Duration timeout;

  private Deadline(Duration timeout) {
    this.timeout = timeout;
    this.endNanos = System.nanoTime() + timeout.toNanos();
  }

  /**
   * A deadline that starts now.
   *
   * @param timeout how long from now
   * @return the deadline
   */
  public static Deadline in(Duration timeout) {
    return new Deadline(timeout);
  }

  /**
   * The time left.
   *
   * @return the time left, never negative
   */
  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
  }

  /**
   * Whether the time is up.
   *
   * @return true once the deadline has passed
   */
  public boolean expired() {
    return System.nanoTime() - endNanos >= 0;
  }

  /**
   * The whole timeout.
   *
   * @return the timeout the deadline was made with
   */
  public Duration timeout() {
    return timeout;
  }
}
