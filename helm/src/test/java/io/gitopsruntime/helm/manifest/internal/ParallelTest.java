package io.gitopsruntime.helm.manifest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

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
}
