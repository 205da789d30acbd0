package io.gitopsruntime.helm.manifest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ParallelTest {

  @Test
  void runsCallsConcurrentlyWithinItsBoundAndKeepsTheOrderOfResults() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    try (Parallel parallel = new Parallel(3)) {
      List<Integer> results = parallel.map(List.of(1, 2, 3, 4, 5, 6, 7, 8), i -> {
        most.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
          Thread.sleep(30);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        running.decrementAndGet();
        return i * 10;
      });

      assertThat(results).containsExactly(10, 20, 30, 40, 50, 60, 70, 80);
    }
    assertThat(most.get()).isEqualTo(3);
  }

  @Test
  void rethrowsTheFirstFailureAfterTheOthersFinished() {
    Set<Integer> done = ConcurrentHashMap.newKeySet();
    try (Parallel parallel = new Parallel(4)) {
      assertThatThrownBy(() -> parallel.forEach(List.of(1, 2, 3, 4), i -> {
        if (i % 2 == 0) {
          throw new IllegalStateException("failed " + i);
        }
        done.add(i);
      })).isInstanceOf(IllegalStateException.class).hasMessage("failed 2")
          .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("failed 4"));
    }
    assertThat(done).containsExactlyInAnyOrder(1, 3);
  }

  /**
   * Returns as soon as the running calls finished: the calls still queued must count themselves settled
   * (before, they were cancelled through their futures, never ran their {@code finally}, and the caller
   * waited out the whole 30 s settle bound, past this test's timeout).
   */
  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void anInterruptedCallerDropsWaitingCallsAndReturnsOnlyAfterTheRunningOnesFinished() throws Exception {
    Set<Integer> finished = ConcurrentHashMap.newKeySet();
    Set<Integer> started = ConcurrentHashMap.newKeySet();
    CountDownLatch bothRunning = new CountDownLatch(2);
    Thread caller = Thread.currentThread();
    AtomicBoolean interruptSent = new AtomicBoolean();
    Thread interrupter = new Thread(() -> {
      try {
        bothRunning.await();
      } catch (InterruptedException e) {
        return;
      }
      caller.interrupt();
      interruptSent.set(true);
    });
    interrupter.start();
    try (Parallel parallel = new Parallel(2)) {
      assertThatThrownBy(() -> parallel.forEach(List.of(1, 2, 3, 4), i -> {
        started.add(i);
        bothRunning.countDown();
        // like an HTTP call that does not give in to interrupts: still busy well after the caller was interrupted
        while (!interruptSent.get()) {
          Thread.onSpinWait();
        }
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        while (System.nanoTime() < until) {
          Thread.onSpinWait();
        }
        finished.add(i);
      })).isInstanceOf(Interrupted.class);

      assertThat(Thread.interrupted()).as("the interrupt flag is kept").isTrue();
      assertThat(finished).as("running calls finished before map() returned").containsExactlyInAnyOrder(1, 2);
      Thread.sleep(400);
      assertThat(started).as("calls not yet started are dropped").containsExactlyInAnyOrder(1, 2);
      assertThat(parallel.map(List.of(5, 6, 7), i -> i * 10)).as("the pool serves the next wave")
          .containsExactly(50, 60, 70);
    } finally {
      interrupter.join();
    }
  }
}
