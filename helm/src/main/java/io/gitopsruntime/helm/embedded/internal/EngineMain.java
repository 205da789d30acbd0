package io.gitopsruntime.helm.embedded.internal;

import io.gitopsruntime.helm.manifest.internal.Json;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The main of the engine's child JVM: answers the requests that arrive on stdin, one JSON line each,
 * with helm-java, until stdin closes. Whatever Java code prints goes to stderr, so that
 * stdout carries answers only (and what the native library writes there itself, which the installer skips). A Go
 * panic inside helm-java ends this JVM, never the installer's.
 */
public final class EngineMain {
  private EngineMain() {}

  /**
   * Serves requests.
   *
   * @param args none
   * @throws IOException if stdin or stdout fail
   */
  public static void main(String[] args) throws IOException {
    Writer answers = new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8);
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = requests.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      String answer;
      try {
        Map<String, Object> request = Json.parse(line);
        answer = EngineProtocol.ok(NativeHelm.call(request));
      } catch (LinkageError e) {
        answer = EngineProtocol.failed("linkage", String.valueOf(e));
      } catch (RuntimeException e) {
        answer = EngineProtocol.failed("helm", e.getMessage());
      }
      answers.write(answer);
      answers.write('\n');
      answers.flush();
    }
  }
}
