package io.gitopsruntime.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Runs one task per item of a fleet, at most eight at a time on daemon threads of their own; stateless. */
final class ParallelTasks {
  private static final int MAX_PARALLEL = 8;

  private ParallelTasks() {}

  /**
   * Runs the work for every item at once (at most eight at a time) and waits for all of them; the threads are
   * stopped before this returns or throws.
   *
   * @param <T> the items' type
   * @param <R> the results' type
   * @param items the items, such as the clusters of a fleet
   * @param threadName what the threads' names start with, followed by a number
   * @param work what to do for one item
   * @return one result per item, in the items' order
   * @throws InterruptedException if the calling thread is interrupted while waiting
   * @throws ExecutionException if the work threw for an item
   */
  static <T, R> List<R> eachOf(List<T> items, String threadName, Function<T, R> work)
      throws InterruptedException, ExecutionException {
    if (items.isEmpty()) {
      return List.of();
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(items.size(), MAX_PARALLEL), task -> {
      Thread thread = new Thread(task, threadName + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<R>> pending = new ArrayList<>();
      for (T item : items) {
        pending.add(pool.submit(() -> work.apply(item)));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> result : pending) {
        results.add(result.get());
      }
      return List.copyOf(results);
    } finally {
      pool.shutdownNow();
    }
  }
}
