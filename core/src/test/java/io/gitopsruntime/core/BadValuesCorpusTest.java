package io.gitopsruntime.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken values files ({@link HostileValues#forTheReader()}), each read through the public API in a
 * child JVM with a 512 MB heap and then written and exported as {@code plan} and {@code export helm} would: every case must
 * end with a {@link ValuesSyntaxException} or with values and findings (and writing them must then either
 * work or refuse with a {@link GitOpsRuntimeException}), each within 10 s. No timing is asserted besides
 * that generous per-case bound, which catches hangs.
 */
class BadValuesCorpusTest {
  private static final int CASE_SECONDS = 10;

  @Test
  void everyCaseEndsWithAClearErrorOrFindingsInBoundedTimeAndMemory(@TempDir Path dir) throws IOException, InterruptedException {
    Path out = dir.resolve("out.txt");
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"),
        Corpus.class.getName(), dir.toString())
        .redirectErrorStream(true)
        .redirectOutput(out.toFile())
        .start();
    long bound = (long) HostileValues.forTheReader().size() * CASE_SECONDS + 60;
    try {
      assertThat(child.waitFor(bound, TimeUnit.SECONDS)).as("the corpus ended within " + bound + " s").isTrue();
    } finally {
      child.destroyForcibly();
    }
    String output = Files.readString(out);
    assertThat(child.exitValue()).as(output).isZero();

    Map<String, String> outcomes = new LinkedHashMap<>();
    for (String line : output.split("\n")) {
      String[] parts = line.split("\t", 3);
      if (parts.length == 3 && parts[0].equals("case")) {
        outcomes.put(parts[1], parts[2]);
      }
    }
    assertThat(outcomes.keySet()).as(output).containsExactlyElementsOf(HostileValues.forTheReader().keySet());
    assertThat(outcomes).as(output).allSatisfy((name, outcome) ->
        assertThat(outcome).matches("(refused|read|read and refused to write): .*")
            .doesNotContain("This is a bug").doesNotContain("Exception:").doesNotContain("Error"));
    // the shapes the issue measured each end as a syntax error naming the file and line
    for (String name : List.of("alias bomb", "alias bomb under an unknown key", "flow list nested 10,000 deep",
        "map nested 1,000 deep under global", "200,000 keys", "10 MB one-line string", "invalid UTF-8", "binary junk")) {
      assertThat(outcomes.get(name)).as(name).startsWith("refused: " + dir.resolve(HostileValues.fileName(name)) + ":");
    }
  }

  /** Runs in the child JVM: writes each case to a file, reads it, prints one line per case. */
  static final class Corpus {
    private Corpus() {}

    public static void main(String[] args) throws IOException, InterruptedException {
      Path dir = Path.of(args[0]);
      PrintStream out = System.out;
      ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "corpus-case");
        thread.setDaemon(true);
        return thread;
      });
      for (Map.Entry<String, byte[]> entry : HostileValues.forTheReader().entrySet()) {
        Path file = dir.resolve(HostileValues.fileName(entry.getKey()));
        Files.write(file, entry.getValue());
        Future<String> outcome = executor.submit(() -> outcome(file));
        String said;
        try {
          said = outcome.get(CASE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          outcome.cancel(true);
          said = "hung: did not end within " + CASE_SECONDS + " s";
        } catch (ExecutionException e) {
          said = "failed: " + e.getCause();
        }
        Files.delete(file);
        out.println("case\t" + entry.getKey() + "\t" + said.replace("\n", "\\n").replace("\t", "\\t"));
        out.flush();
      }
      executor.shutdownNow();
    }

    /** What the public API did with the file, as plan and export helm use it. */
    private static String outcome(Path file) {
      ParsedValues parsed;
      try {
        parsed = ValuesYaml.read(file);
      } catch (ValuesSyntaxException e) {
        return "refused: " + e.getMessage();
      } catch (Throwable t) {
        return "threw " + t.getClass().getName() + ": " + t.getMessage();
      }
      String findings = parsed.problems().stream().map(Object::toString).collect(Collectors.joining("; "));
      try {
        GitOpsRuntimeValues values = parsed.values();
        ValuesYaml.write(values);
        ValuesTree.of(values, SecretHandling.MASK).toYaml();
        Exports.helmCommand(RuntimeInstallation.builder().values(values).build(), SecretHandling.MASK);
        return "read: " + parsed.problems().size() + " findings: " + findings;
      } catch (GitOpsRuntimeException e) {
        return "read and refused to write: " + e.getMessage();
      } catch (Throwable t) {
        return "threw " + t.getClass().getName() + " while writing: " + t.getMessage();
      }
    }
  }
}
