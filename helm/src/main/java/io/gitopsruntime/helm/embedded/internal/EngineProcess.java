package io.gitopsruntime.helm.embedded.internal;

import io.gitopsruntime.helm.manifest.internal.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's child JVM, seen from the installer: started on the first request with the installer's own class
 * path and {@link EngineMain}, sent requests one at a time (JSON lines), stopped by
 * {@link #close()}. The native Helm engine runs there, so a Go panic (which aborts the process it runs in) ends the
 * child, and the request that was running fails with {@link EngineCrashed}; the next request starts a new child.
 * Secrets reach the child only through its stdin and the {@code 0600} values file, never its command line.
 * Thread-safe: requests are serialised; use one per operation for concurrency.
 */
public final class EngineProcess implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EngineProcess.class);
  private static final int STDERR_KEPT = 64 * 1024;
  /** The first argument of the child's command line, so that {@code ps} shows what it is. */
  public static final String MARKER = "-Dgitops-runtime.embedded-helm-engine=true";

  private @Nullable Process process;
  private @Nullable Writer requests;
  private @Nullable BufferedReader answers;
  private @Nullable StringBuilder stderr;
  private @Nullable Thread stderrReader;

  private final String classPath;

  /** A child not started yet, to run with this JVM's class path. */
  public EngineProcess() {
    this(classPath());
  }

  /** A child not started yet, to run with another class path (for tests). */
  EngineProcess(String classPath) {
    this.classPath = classPath;
  }

  /**
   * Sends a request and waits for its answer.
   *
   * @param request the request: {@code op} and its arguments
   * @return the answer's value: a string, a map, a list, or null
   * @throws EngineCrashed if the child died before answering (a Go panic, a signal, or it could not start)
   * @throws IllegalStateException as helm-java throws it when Helm fails (its message)
   * @throws LinkageError if the native library could not be loaded in the child
   */
  public synchronized @Nullable Object call(Map<String, Object> request) {
    if (process == null || !process.isAlive()) {
      start();
    }
    String op = String.valueOf(request.get("op"));
    try {
      Writer out = requests;
      BufferedReader in = answers;
      if (out == null || in == null) {
        throw new IllegalStateException("the engine process is not running");
      }
      out.write(Json.write(request));
      out.write('\n');
      out.flush();
      String line;
      while ((line = in.readLine()) != null) {
        Optional<Map<String, Object>> answer = EngineProtocol.answer(line);
        if (answer.isEmpty()) {
          // not logged as it is: the native library's own output is not masked
          log.debug("the embedded Helm engine wrote {} characters to its stdout", line.length());
          continue;
        }
        Map<String, Object> a = answer.get();
        if (Boolean.TRUE.equals(a.get("ok"))) {
          return a.get("value");
        }
        String message = String.valueOf(a.get("message"));
        if ("linkage".equals(a.get("kind"))) {
          throw new LinkageError(message);
        }
        throw new IllegalStateException(message);
      }
    } catch (IOException e) {
      log.debug("the engine process stopped talking during {}: {}", op, e.toString());
    }
    throw crashed(op);
  }

  private EngineCrashed crashed(String op) {
    Process p = process;
    int exit = -1;
    if (p != null) {
      try {
        if (p.waitFor(10, TimeUnit.SECONDS)) {
          exit = p.exitValue();
        } else {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
    Thread reader = stderrReader;
    if (reader != null) {
      try {
        reader.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    String errors = stderrText();
    stop();
    return new EngineCrashed(op, exit, panic(errors));
  }

  /** The first line of a Go panic or fatal error, or of a JVM that could not start. */
  static Optional<String> panic(String stderr) {
    for (String line : stderr.split("\n")) {
      String l = line.strip();
      if (l.startsWith("panic:") || l.startsWith("fatal error:") || l.startsWith("SIGABRT")
          || l.startsWith("Error: Could not find or load main class") || l.startsWith("Error occurred during")) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  private String stderrText() {
    StringBuilder s = stderr;
    if (s == null) {
      return "";
    }
    synchronized (s) {
      return s.toString();
    }
  }

  private void start() {
    stop();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(MARKER);
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    command.add("-cp");
    command.add(classPath);
    command.add(EngineMain.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command);
    try {
      Process p = builder.start();
      process = p;
      requests = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
      answers = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder kept = new StringBuilder();
      stderr = kept;
      Thread reader = new Thread(() -> drain(p.getErrorStream(), kept), "gitops-runtime-engine-stderr-" + p.pid());
      reader.setDaemon(true);
      reader.start();
      stderrReader = reader;
      log.debug("started the embedded Helm engine, process {}", p.pid());
    } catch (IOException e) {
      throw new EngineCrashed("start", -1, Optional.of("could not start " + command.get(0) + ": " + e.getMessage()));
    }
  }

  /** The class path to start the child with: this JVM's, so the child runs exactly this code and helm-java. */
  private static String classPath() {
    String classPath = System.getProperty("java.class.path", "");
    if (classPath.isBlank()) {
      Path here = codeSource();
      return here == null ? "" : here.toString();
    }
    return classPath;
  }

  private static @Nullable Path codeSource() {
    try {
      var source = EngineMain.class.getProtectionDomain().getCodeSource();
      return source == null ? null : Path.of(source.getLocation().toURI());
    } catch (Exception e) {
      return null;
    }
  }

  private static void drain(InputStream in, StringBuilder kept) {
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        synchronized (kept) {
          kept.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          if (kept.length() > STDERR_KEPT) {
            kept.delete(0, kept.length() - STDERR_KEPT);
          }
        }
      }
    } catch (IOException e) {
      // the child ended
    }
  }

  private void stop() {
    Process p = process;
    process = null;
    Writer out = requests;
    requests = null;
    answers = null;
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        // the child is gone already
      }
    }
    if (p != null) {
      try {
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroy();
          if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }

  /**
   * The child's process id, while it runs.
   *
   * @return the id, or empty
   */
  public synchronized Optional<Long> pid() {
    Process p = process;
    return p == null || !p.isAlive() ? Optional.empty() : Optional.of(p.pid());
  }

  /** Ends the child (it exits when its stdin closes) and waits for it briefly. */
  @Override
  public synchronized void close() {
    stop();
  }
}
