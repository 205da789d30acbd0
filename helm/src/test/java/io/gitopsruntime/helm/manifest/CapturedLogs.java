package io.gitopsruntime.helm.manifest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures what the SDK logs through the test binding (slf4j-simple, which writes to whatever
 * {@code System.err} is at the time), with DEBUG turned on for the installer's loggers: slf4j-simple
 * fixes a logger's level when it is created, and other tests may have created them at INFO, so the
 * level is set on the logger instances themselves. Not thread-safe: one capture at a time.
 */
final class CapturedLogs implements AutoCloseable {
  private static final List<String> LOGGERS = List.of("KubeApi", "Renderer", "ChartRewriter", "Desired", "HookRunner",
      "InstallRun", "JobLogs", "ReleaseLock", "WorkDir", "Downloads");
  private static final int DEBUG = 10;

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  private CapturedLogs() {
    System.err.flush();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  static CapturedLogs start() {
    for (String name : LOGGERS) {
      debug(LoggerFactory.getLogger("io.gitopsruntime.helm.manifest.internal." + name));
    }
    debug(LoggerFactory.getLogger("io.gitopsruntime.core.ValidatorChain"));
    debug(LoggerFactory.getLogger("io.gitopsruntime.helm.internal.SafeListener"));
    return new CapturedLogs();
  }

  private static void debug(Logger logger) {
    try {
      Field level = logger.getClass().getDeclaredField("currentLogLevel");
      level.setAccessible(true);
      level.setInt(logger, DEBUG);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("The test binding is not slf4j-simple; cannot turn DEBUG on.", e);
    }
  }

  String text() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
