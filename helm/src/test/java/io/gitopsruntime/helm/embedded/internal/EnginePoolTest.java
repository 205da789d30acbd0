package io.gitopsruntime.helm.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real engine children (this JVM's class path), answering a request they refuse, which needs no native library. */
class EnginePoolTest {
  private final EnginePool pool = new EnginePool();

  @AfterEach
  void endEveryChild() {
    pool.close();
  }

  /** Starts the child if needed and returns its pid. */
  private static long ping(EngineProcess engine) {
    assertThatThrownBy(() -> engine.call(Map.of("op", "ping")))
        .isInstanceOf(IllegalStateException.class).hasMessage("unknown engine operation ping");
    return engine.pid().orElseThrow();
  }

  private static boolean ended(long pid) throws InterruptedException {
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty()) {
      return true;
    }
    try {
      process.get().onExit().get(10, TimeUnit.SECONDS);
      return true;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return false;
    }
  }

  @Test
  void operationsOneAfterAnotherShareOneChild() {
    EngineProcess first = pool.borrow();
    long pid = ping(first);
    pool.giveBack(first);

    EngineProcess second = pool.borrow();

    assertThat(second).isSameAs(first);
    assertThat(ping(second)).as("the same child answers").isEqualTo(pid);
    pool.giveBack(second);
  }

  @Test
  void operationsAtOnceGetTheirOwnChildAndOnlyOneIdleIsKept() throws InterruptedException {
    EngineProcess a = pool.borrow();
    EngineProcess b = pool.borrow();
    long pidA = ping(a);
    long pidB = ping(b);
    pool.giveBack(a);
    pool.giveBack(b);

    assertThat(pidA).isNotEqualTo(pidB);
    assertThat(pool.idle()).isEqualTo(EnginePool.MAX_IDLE);
    assertThat(ended(pidB)).as("the child beyond room is ended").isTrue();
    assertThat(ProcessHandle.of(pidA).map(ProcessHandle::isAlive)).hasValue(true);
  }

  @Test
  void anEngineWhoseChildDiedIsNotKept() throws InterruptedException {
    EngineProcess engine = pool.borrow();
    long pid = ping(engine);
    ProcessHandle.of(pid).orElseThrow().destroyForcibly();
    assertThat(ended(pid)).isTrue();

    pool.giveBack(engine);

    assertThat(pool.idle()).isZero();
  }

  @Test
  void closingEndsTheIdleChildAndEveryOneGivenBackLater() throws InterruptedException {
    EngineProcess idle = pool.borrow();
    EngineProcess busy = pool.borrow();
    long idlePid = ping(idle);
    long busyPid = ping(busy);
    pool.giveBack(idle);

    pool.close();
    pool.giveBack(busy);

    assertThat(ended(idlePid)).isTrue();
    assertThat(ended(busyPid)).isTrue();
    assertThat(pool.idle()).isZero();
  }
}
