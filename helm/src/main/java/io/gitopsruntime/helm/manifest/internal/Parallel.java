package io.gitopsruntime.helm.manifest.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs independent calls (one per object of a wave) on a bounded pool of daemon threads and waits for
 * all of them; the first failure is rethrown after the others finished, later ones are attached as
 * suppressed. When the caller is interrupted, calls not yet started are dropped (each returns at once when
 * a thread picks it up) and the ones running are interrupted and waited for before {@link Interrupted} is
 * thrown. With one thread the calls run one after
 * the other, in order. Thread-safe; close it to stop its threads.
 */
public final class Parallel implements AutoCloseable {
  private static final AtomicInteger POOLS = new AtomicInteger();
  private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final int threads;
  private final ExecutorService executor;

  /**
   * A pool.
   *
   * @param threads how many calls may run at once, at least 1
   */
  public Parallel(int threads) {
    this.threads = Math.max(1, threads);
    int pool = POOLS.incrementAndGet();
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "gitops-runtime-apply-" + pool + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    ThreadPoolExecutor pooled = new ThreadPoolExecutor(this.threads, this.threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), factory);
    pooled.allowCoreThreadTimeOut(true);
    this.executor = pooled;
  }

  /**
   * Calls a function on every item and returns the results in the items' order.
   *
   * @param items the items
   * @param call the call
   * @param <T> the item type
   * @param <R> the result type
   * @return the results
   */
  public <T, R> List<R> map(List<T> items, Function<T, R> call) {
    if (items.isEmpty()) {
      return List.of();
    }
    if (threads == 1 || items.size() == 1) {
      List<R> results = new ArrayList<>();
      for (T item : items) {
        results.add(call.apply(item));
      }
      return results;
    }
    List<Future<R>> futures = new ArrayList<>();
    Calls calls = new Calls(items.size());
    for (T item : items) {
      futures.add(executor.submit(() -> {
        try {
          if (!calls.start()) {
            throw new CancellationException();
          }
          try {
            return call.apply(item);
          } finally {
            calls.end();
          }
        } finally {
          calls.settled.countDown();
        }
      }));
    }
    List<R> results = new ArrayList<>();
    RuntimeException failure = null;
    for (Future<R> future : futures) {
      try {
        results.add(future.get());
      } catch (InterruptedException e) {
        calls.abandon();
        awaitRunning(calls.settled);
        Thread.currentThread().interrupt();
        throw new Interrupted(e);
      } catch (ExecutionException e) {
        RuntimeException cause = e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
            : new IllegalStateException(e.getCause());
        if (e.getCause() instanceof Error) {
          throw (Error) e.getCause();
        }
        if (failure == null) {
          failure = cause;
        } else if (failure != cause) {
          failure.addSuppressed(cause);
        }
        results.add(null);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return results;
  }

  /**
   * The calls of one {@link #map} and the threads running them. Queued calls are never cancelled through
   * their futures (a cancelled task never runs, so its {@code finally} would never count {@link #settled}
   * down): once abandoned, each one sees it when a thread picks it up and returns at once; only the threads
   * running a call at that moment are interrupted. Guarded by its own monitor, so that a thread is never
   * interrupted after its call ended (it may be running someone else's by then).
   */
  private static final class Calls {
    final CountDownLatch settled;
    private final Set<Thread> running = new HashSet<>();
    private boolean abandoned;

    Calls(int count) {
      this.settled = new CountDownLatch(count);
    }

    /** Registers the current thread as running a call; false when the calls were abandoned meanwhile. */
    synchronized boolean start() {
      if (abandoned) {
        return false;
      }
      running.add(Thread.currentThread());
      return true;
    }

    /** Unregisters the current thread and clears an interrupt meant for its call, not for the pool. */
    synchronized void end() {
      running.remove(Thread.currentThread());
      if (abandoned) {
        Thread.interrupted();
      }
    }

    /** Marks the calls abandoned and interrupts the threads running one. */
    synchronized void abandon() {
      abandoned = true;
      running.forEach(Thread::interrupt);
    }
  }

  /**
   * Waits, without giving in to further interrupts, until the calls already running have returned, so that
   * none of them still changes the cluster or reports progress once the caller has moved on (to releasing
   * the lock, for instance). Bounded: a call stuck in I/O is left behind after a while.
   */
  private static void awaitRunning(CountDownLatch settled) {
    long deadline = System.nanoTime() + SETTLE_NANOS;
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        if (settled.await(left, TimeUnit.NANOSECONDS)) {
          return;
        }
      } catch (InterruptedException again) {
        // interrupted again while waiting: the caller's flag is set anyway when map() throws
      }
    }
  }

  /**
   * Runs a call on every item.
   *
   * @param items the items
   * @param call the call
   * @param <T> the item type
   */
  public <T> void forEach(List<T> items, Consumer<T> call) {
    map(items, item -> {
      call.accept(item);
      return Boolean.TRUE;
    });
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
