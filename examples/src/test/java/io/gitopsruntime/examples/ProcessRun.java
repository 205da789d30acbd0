package io.gitopsruntime.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One finished run of an external process, with everything it printed; output goes through files so
 * that a chatty process never blocks on a full pipe.
 */
record ProcessRun(List<String> command, int exitCode, String out, String err) {

  static ProcessRun run(List<String> command, Path workDir, Map<String, String> environment, Duration timeout) {
    try {
      Path out = Files.createTempFile("run", ".out");
      Path err = Files.createTempFile("run", ".err");
      try {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(devNull()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
          throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
              + "; it printed:\n" + Files.readString(out) + Files.readString(err));
        }
        return new ProcessRun(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
  }

  private static java.io.File devNull() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /** The command and everything it printed, for assertion messages. */
  String transcript() {
    return "$ " + String.join(" ", command) + "\nexit code " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
