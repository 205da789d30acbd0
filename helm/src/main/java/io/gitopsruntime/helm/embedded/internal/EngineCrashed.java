package io.gitopsruntime.helm.embedded.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The engine's child JVM died before it answered: a Go panic inside helm-java (exit code 2, or 134 when the runtime
 * aborts), a signal, or a JVM that could not start. Not shared between threads.
 */
public final class EngineCrashed extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String operation;
  private final int exitCode;
  private final @Nullable String reason;

  EngineCrashed(String operation, int exitCode, Optional<String> reason) {
    super("the embedded Helm engine process died during " + operation + (exitCode < 0 ? "" : " (exit code " + exitCode + ")")
        + reason.map(r -> ": " + r).orElse(""));
    this.operation = operation;
    this.exitCode = exitCode;
    this.reason = reason.orElse(null);
  }

  /**
   * The request that was running.
   *
   * @return the operation, e.g. {@code install}
   */
  public String operation() {
    return operation;
  }

  /**
   * The child's exit code.
   *
   * @return the code, or -1 when unknown
   */
  public int exitCode() {
    return exitCode;
  }

  /**
   * Whether the child JVM could not even start (no {@code java}, or a class path it cannot load this code from).
   *
   * @return true when it never ran a request
   */
  public boolean neverStarted() {
    return reason != null && (reason.startsWith("Error: Could not find or load main class")
        || reason.startsWith("Error occurred during") || reason.startsWith("could not start "));
  }

  /**
   * Why, as far as its stderr says: the first line of a Go panic or fatal error.
   *
   * @return the line, or empty
   */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }
}
