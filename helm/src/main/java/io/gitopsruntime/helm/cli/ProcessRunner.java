package io.gitopsruntime.helm.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs one external process to completion: reads its standard output and error concurrently on two
 * threads (so that a full pipe never blocks it), hands every line to a consumer as it arrives, enforces a
 * time limit (asks the process and its children to stop, then kills them after a grace period), and on
 * interruption stops the process, restores the thread's interrupt flag and says so. Standard input is
 * closed at once. When the JVM shuts down (SIGTERM, Ctrl-C, {@code System.exit}) while processes run, a shutdown
 * hook asks them and their children to stop, so that Helm marks the release failed instead of carrying on alone.
 * Thread-safe: each call has its own process and threads; the set of running processes is shared.
 */
final class ProcessRunner {
  /** How long a process may take to stop after being asked, before it is killed. */
  static final Duration GRACE = Duration.ofSeconds(10);

  /** The processes running now, for the shutdown hook. */
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
  private static final Object HOOK_LOCK = new Object();
  private static boolean hookAdded;

  private final Duration grace;

  ProcessRunner() {
    this(GRACE);
  }

  ProcessRunner(Duration grace) {
    this.grace = grace;
  }

  /** Which stream a line came from. */
  enum Stream {
    STDOUT,
    STDERR
  }

  /**
   * What a process did.
   *
   * @param exitCode its exit code
   * @param stdout everything it printed on standard output
   * @param stderr everything it printed on standard error
   * @param took how long it ran
   */
  record Result(int exitCode, String stdout, String stderr, Duration took) {}

  /** Why a process did not finish by itself. */
  static final class ProcessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    enum Reason {
      /** It could not be started. */
      START_FAILED,
      /** It ran out of time and was stopped. */
      TIMED_OUT,
      /** The calling thread was interrupted; the process was stopped and the interrupt flag restored. */
      INTERRUPTED
    }

    private final Reason reason;
    private final transient Result partial;

    ProcessException(Reason reason, String message, Result partial, @Nullable Throwable cause) {
      super(message, cause);
      this.reason = reason;
      this.partial = partial;
    }

    Reason reason() {
      return reason;
    }

    /** What the process printed before it was stopped. */
    Result partial() {
      return partial;
    }
  }

  /**
   * Runs a command.
   *
   * @param commandLine the executable and its arguments
   * @param timeout how long it may run
   * @param lines gets every line (without terminator) of both streams as it arrives; called from the reader
   *     threads, so it must be thread-safe
   * @return what it did
   * @throws ProcessException if it could not start, ran out of time, or the thread was interrupted
   */
  Result run(List<String> commandLine, Duration timeout, LineConsumer lines) {
    long start = System.nanoTime();
    Process process;
    try {
      process = new ProcessBuilder(commandLine).start();
    } catch (IOException e) {
      throw new ProcessException(ProcessException.Reason.START_FAILED, e.getMessage(),
          new Result(-1, "", "", Duration.ZERO), e);
    }
    track(process);
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // nothing to write anyway
    }
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    Thread stdout = reader(process.getInputStream(), out, line -> lines.accept(Stream.STDOUT, line), "helm-stdout");
    Thread stderr = reader(process.getErrorStream(), err, line -> lines.accept(Stream.STDERR, line), "helm-stderr");
    try {
      boolean finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (!finished) {
        stop(process);
        join(stdout, stderr);
        throw new ProcessException(ProcessException.Reason.TIMED_OUT, "did not finish within " + timeout,
            result(-1, out, err, start), null);
      }
      join(stdout, stderr);
      return result(process.exitValue(), out, err, start);
    } catch (InterruptedException e) {
      stop(process);
      Thread.currentThread().interrupt();
      throw new ProcessException(ProcessException.Reason.INTERRUPTED, "interrupted", result(-1, out, err, start), e);
    } finally {
      RUNNING.remove(process);
    }
  }

  private static void track(Process process) {
    synchronized (HOOK_LOCK) {
      if (!hookAdded) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(p -> {
          List<ProcessHandle> children = p.descendants().toList();
          p.destroy();
          children.forEach(ProcessHandle::destroy);
        }), "gitops-runtime-helm-stop"));
        hookAdded = true;
      }
    }
    RUNNING.add(process);
  }

  /**
   * Asks the process, then its children, to stop (SIGTERM: Helm then marks the release failed rather than leaving
   * it pending), and kills what is left after the grace period. The parent goes first so that it cannot carry on
   * with its next step when a child it waits for dies.
   */
  private void stop(Process process) {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    boolean interrupted = Thread.interrupted();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      interrupted = true;
      process.destroyForcibly();
    } finally {
      children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Result result(int exit, StringBuilder out, StringBuilder err, long start) {
    synchronized (out) {
      synchronized (err) {
        return new Result(exit, out.toString(), err.toString(), Duration.ofNanos(System.nanoTime() - start));
      }
    }
  }

  /** Waits for the readers, which end when the process and every child holding its pipes are gone. */
  private void join(Thread... readers) throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    for (Thread reader : readers) {
      reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }
  }

  private static Thread reader(InputStream stream, StringBuilder sink, Consumer<String> lines, String name) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          synchronized (sink) {
            sink.append(line).append('\n');
          }
          try {
            lines.accept(line);
          } catch (RuntimeException e) {
            // a broken consumer must not stop the draining of the pipe
          }
        }
      } catch (IOException ignored) {
        // the process was stopped and its pipe closed
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Receives the lines of a running process. */
  @FunctionalInterface
  interface LineConsumer {
    /**
     * One line.
     *
     * @param stream where it came from
     * @param line the line, without terminator
     */
    void accept(Stream stream, String line);
  }
}
