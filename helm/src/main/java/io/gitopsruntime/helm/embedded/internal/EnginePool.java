package io.gitopsruntime.helm.embedded.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * The engine child JVMs of one installer, kept between its operations: starting a child (a JVM, then helm-java's
 * native library, about 100 MB) costs more than most calls it serves, and an install, a status and an uninstall in a
 * row would each pay it. An operation {@linkplain #borrow() borrows} an engine and {@linkplain #giveBack gives it
 * back}; an engine whose child died (a Go panic ends it, see {@link EngineProcess}) is closed, not kept, and the
 * next operation starts a new one. Operations running at once each get their own engine; at most {@link #MAX_IDLE}
 * idle ones are kept. {@link #close()} ends every idle child; one borrowed then is ended when given back. Idle
 * children hold no secret: each request carries its own kubeconfig and values file. Thread-safe.
 */
public final class EnginePool implements AutoCloseable {
  /** Idle engines kept at most: operations of one installer mostly run one after another. */
  static final int MAX_IDLE = 1;

  private final Supplier<EngineProcess> starter;
  private final Deque<EngineProcess> idle = new ArrayDeque<>();
  private boolean closed;

  /** A pool that starts engines with this JVM's class path. */
  public EnginePool() {
    this(EngineProcess::new);
  }

  EnginePool(Supplier<EngineProcess> starter) {
    this.starter = starter;
  }

  /**
   * An idle engine, or a new one (its child starts on its first call).
   *
   * @return the engine, the caller's until {@link #giveBack}
   */
  public EngineProcess borrow() {
    synchronized (idle) {
      EngineProcess kept = idle.pollFirst();
      if (kept != null) {
        return kept;
      }
    }
    return starter.get();
  }

  /**
   * Takes an engine back: kept for the next operation while its child runs, the pool is open and has room;
   * closed otherwise.
   *
   * @param engine an engine from {@link #borrow()}
   */
  public void giveBack(EngineProcess engine) {
    synchronized (idle) {
      if (!closed && idle.size() < MAX_IDLE && engine.pid().isPresent()) {
        idle.addFirst(engine);
        return;
      }
    }
    engine.close();
  }

  /**
   * The number of idle engines (for tests).
   *
   * @return how many are kept
   */
  int idle() {
    synchronized (idle) {
      return idle.size();
    }
  }

  /** Ends every idle engine's child; engines given back later are ended at once. */
  @Override
  public void close() {
    Deque<EngineProcess> ending;
    synchronized (idle) {
      closed = true;
      ending = new ArrayDeque<>(idle);
      idle.clear();
    }
    ending.forEach(EngineProcess::close);
  }
}
