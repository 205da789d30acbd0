package io.gitopsruntime.helm.images.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an operation again when it failed in a way that may pass (a 5xx, a 429 after its {@code Retry-After}, a
 * dropped connection), with exponential back-off; any other failure is thrown at once. Immutable and thread-safe.
 *
 * @param attempts how many times at most
 * @param firstDelay the first back-off
 * @param maxDelay the longest back-off, and the longest {@code Retry-After} honoured
 */
public record Retry(int attempts, Duration firstDelay, Duration maxDelay) {
  private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

  /** Five attempts, from 200 ms up to 30 s. */
  public static final Retry STANDARD = new Retry(5, Duration.ofMillis(200), Duration.ofSeconds(30));

  /**
   * Runs the operation.
   *
   * @param what what it does, for the log
   * @param operation the operation; it must be safe to run again after a retryable failure
   * @param onRetry told the attempt number before each retry
   * @param <T> its result
   * @return its result
   * @throws RegistryException the last failure
   * @throws InterruptedException if interrupted while waiting
   */
  public <T> T run(String what, Callable<T> operation, IntConsumer onRetry) throws InterruptedException {
    Duration delay = firstDelay;
    for (int attempt = 1; ; attempt++) {
      try {
        return operation.call();
      } catch (RegistryException e) {
        if (!e.retryable() || attempt >= attempts) {
          throw e;
        }
        Duration wait = e.retryAfter().map(after -> min(after, maxDelay)).orElse(delay);
        LOG.debug("{} failed ({}); attempt {} of {} in {} ms", what, e.getMessage(), attempt + 1, attempts, wait.toMillis());
        onRetry.accept(attempt);
        Thread.sleep(wait.toMillis());
        delay = min(delay.multipliedBy(2), maxDelay);
      } catch (InterruptedException e) {
        throw e;
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
