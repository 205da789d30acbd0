package io.gitopsruntime.testing.internal;

import io.gitopsruntime.testing.Fault;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The faults injected into a server, each with how many times it still fires. Thread-safe. */
public final class FaultPlan {

  private record Armed(Fault fault, AtomicInteger remaining) {}

  private final List<Armed> armed = new CopyOnWriteArrayList<>();

  /**
   * Adds a fault after the existing ones.
   *
   * @param fault the fault
   */
  public void add(Fault fault) {
    armed.add(new Armed(fault, new AtomicInteger(fault.times())));
  }

  /** Removes every fault. */
  public void clear() {
    armed.clear();
  }

  /**
   * The first armed fault matching a request, used up by one.
   *
   * @param method the method
   * @param path the path without query
   * @return the fault to play, or empty
   */
  public Optional<Fault> take(String method, String path) {
    for (Armed a : armed) {
      if (a.fault().matches(method, path)) {
        int left = a.remaining().getAndUpdate(n -> n == Integer.MAX_VALUE || n <= 0 ? n : n - 1);
        if (left > 0) {
          return Optional.of(a.fault());
        }
      }
    }
    return Optional.empty();
  }
}
