package io.gitopsruntime.helm.manifest.internal;

import java.time.Duration;

/** Sleeps that end at a deadline and turn an interrupt into {@link Interrupted}. Stateless and thread-safe. */
final class Sleep {
  private Sleep() {}

  static void of(Duration wait, Deadline deadline) {
    long ms = Math.min(wait.toMillis(), deadline.remaining().toMillis());
    if (ms <= 0) {
      return;
    }
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Interrupted(e);
    }
  }
}
