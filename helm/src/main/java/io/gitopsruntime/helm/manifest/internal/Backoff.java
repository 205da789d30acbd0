package io.gitopsruntime.helm.manifest.internal;

import java.time.Duration;

/**
 * The pauses between the polls of one wait: doubling from a first pause up to a short cap for the first ten
 * seconds, then doubling on up to a longest pause. Most waits of an install (a hook Job, a CRD, a Deployment)
 * end within seconds, and a poll that looks late adds its whole pause to the install, so the first seconds are
 * polled closely; a wait that goes on for minutes then costs the API server little. Not thread-safe: one per wait.
 */
final class Backoff {
  private static final long CLOSE_FOR_NANOS = Duration.ofSeconds(10).toNanos();

  private final long started = System.nanoTime();
  private final Duration closeCap;
  private final Duration longest;
  private Duration next;

  /**
   * A backoff starting now.
   *
   * @param first the first pause
   * @param closeCap the longest pause within the first ten seconds
   * @param longest the longest pause after them
   */
  Backoff(Duration first, Duration closeCap, Duration longest) {
    this.next = first;
    this.closeCap = closeCap;
    this.longest = longest;
  }

  /**
   * The next pause.
   *
   * @return how long to wait before the next poll
   */
  Duration next() {
    Duration pause = next;
    Duration cap = System.nanoTime() - started < CLOSE_FOR_NANOS ? closeCap : longest;
    Duration doubled = pause.multipliedBy(2);
    next = doubled.compareTo(cap) > 0 ? cap : doubled;
    return pause;
  }
}
