package io.gitopsruntime.helm.embedded.internal;

import io.gitopsruntime.helm.manifest.internal.Json;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the installer and the engine's child JVM say to each other: one request per line on the child's stdin (a
 * JSON object: {@code op} and its arguments, kubeconfig contents included, which so never appear in a command
 * line), one answer per line on its stdout, marked with {@link #MARK} so that whatever the native library itself
 * prints there is skipped. An answer is {@code {"ok":true,"value":...}} or {@code {"ok":false,"kind":...,
 * "message":...}} with kind {@code helm} (Helm failed; the message is helm-java's) or {@code linkage} (the native
 * library could not be loaded). Stateless.
 */
final class EngineProtocol {
  /** Starts every answer line. */
  static final String MARK = "\u001egitops-runtime-engine:";

  private EngineProtocol() {}

  static String ok(@Nullable Object value) {
    return MARK + Json.write(Json.object("ok", Boolean.TRUE, "value", value));
  }

  static String failed(String kind, @Nullable String message) {
    return MARK + Json.write(Json.object("ok", Boolean.FALSE, "kind", kind, "message", message == null ? "" : message));
  }

  /**
   * Reads an answer line.
   *
   * @param line a line of the child's stdout
   * @return the answer, or empty for a line that is none
   */
  static Optional<Map<String, Object>> answer(String line) {
    int at = line.indexOf(MARK);
    return at < 0 ? Optional.empty() : Optional.of(Json.parse(line.substring(at + MARK.length())));
  }
}
