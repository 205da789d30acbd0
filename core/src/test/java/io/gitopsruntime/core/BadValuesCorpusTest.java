package io.gitopsruntime.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * Hostile and broken values files, generated here, each read through the public API in a child JVM with a
 * 512 MB heap and then written and exported as {@code plan} and {@code export helm} would: every case must
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
    long bound = (long) Corpus.cases().size() * CASE_SECONDS + 60;
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
    assertThat(outcomes.keySet()).as(output).containsExactlyElementsOf(Corpus.cases().keySet());
    assertThat(outcomes).as(output).allSatisfy((name, outcome) ->
        assertThat(outcome).matches("(refused|read|read and refused to write): .*")
            .doesNotContain("This is a bug").doesNotContain("Exception:").doesNotContain("Error"));
    // the shapes the issue measured each end as a syntax error naming the file and line
    for (String name : List.of("alias bomb", "alias bomb under an unknown key", "flow list nested 10,000 deep",
        "map nested 1,000 deep under global", "200,000 keys", "10 MB one-line string", "invalid UTF-8", "binary junk")) {
      assertThat(outcomes.get(name)).as(name).startsWith("refused: " + dir.resolve(Corpus.fileName(name)) + ":");
    }
  }

  /** Runs in the child JVM: writes each case to a file, reads it, prints one line per case. */
  static final class Corpus {
    private Corpus() {}

    static String fileName(String name) {
      return name.replaceAll("[^A-Za-z0-9]+", "-") + ".yaml";
    }

    static Map<String, byte[]> cases() {
      Map<String, byte[]> cases = new LinkedHashMap<>();
      cases.put("alias bomb", utf8(aliasBomb("")));
      cases.put("alias bomb under an unknown key", utf8("global:\n  runtime:\n    name: prod\nnot-a-chart-key:\n" + aliasBomb("  ")));
      StringBuilder maps = new StringBuilder("m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8}\n");
      for (int level = 1; level < 9; level++) {
        maps.append("m").append(level).append(": &m").append(level).append(" {");
        for (int i = 0; i < 8; i++) {
          maps.append(i == 0 ? "" : ", ").append("k").append(i).append(": {<<: *m").append(level - 1).append("}");
        }
        maps.append("}\n");
      }
      cases.put("merge-key bomb", utf8(maps.toString()));
      cases.put("alias bomb in a secret slot", utf8("global:\n  codefresh:\n    userToken:\n      token:\n" + aliasBomb("        ")));
      cases.put("flow list nested 10,000 deep", utf8("x: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n"));
      cases.put("flow map nested 10,000 deep", utf8("x: " + "{a: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n"));
      StringBuilder deepMap = new StringBuilder("global:\n");
      for (int i = 1; i <= 1000; i++) {
        deepMap.append("  ".repeat(i)).append("k").append(i).append(":\n");
      }
      deepMap.append("  ".repeat(1001)).append("leaf: x\n");
      cases.put("map nested 1,000 deep under global", utf8(deepMap.toString()));
      cases.put("block list nested 1,000 deep", utf8("x:\n" + "- ".repeat(1000) + "x\n"));
      StringBuilder keys = new StringBuilder("extra:\n");
      for (int i = 0; i < 200_000; i++) {
        keys.append("  k").append(i).append(": v\n");
      }
      cases.put("200,000 keys", utf8(keys.toString()));
      cases.put("200,000 list items on one line", utf8("x: [" + "1,".repeat(200_000) + "1]\n"));
      cases.put("10 MB one-line string", utf8("s: " + "x".repeat(10 * 1024 * 1024) + "\n"));
      cases.put("3 MB block string", utf8("s: |\n" + ("  " + "x".repeat(1000) + "\n").repeat(3000)));
      cases.put("1 MB quoted string on one line", utf8("s: \"" + "x".repeat(1024 * 1024 - 8) + "\"\n"));
      cases.put("a number of 1,000,000 digits", utf8("n: 1" + "0".repeat(1_000_000) + "\n"));
      cases.put("a float of 1,000,000 digits", utf8("n: 1." + "3".repeat(1_000_000) + "\n"));
      cases.put("a hex number of 1,000,000 digits", utf8("n: 0x" + "F".repeat(1_000_000) + "\n"));
      cases.put("a float beyond double", utf8("n: 1e999999999\nm: -1e999999999\nk: .nan\n"));
      byte[] invalid = utf8("global:\n  runtime:\n    name: caf\u00e9\n");
      invalid[invalid.length - 3] = (byte) 0xC3;
      invalid[invalid.length - 2] = (byte) 0x28;
      cases.put("invalid UTF-8", invalid);
      byte[] junk = new byte[64 * 1024];
      new Random(42).nextBytes(junk);
      cases.put("binary junk", junk);
      cases.put("NUL bytes", utf8("a: b\u0000c\n"));
      cases.put("tabs for indentation", utf8("global:\n\truntime:\n\t\tname: x\n"));
      cases.put("duplicate keys", utf8("global:\n  runtime:\n    name: a\n    name: b\n"));
      cases.put("several documents", utf8("a: 1\n---\nb: 2\n"));
      cases.put("10,000 documents", utf8("a: 1\n" + "---\na: 1\n".repeat(10_000)));
      cases.put("only a byte order mark", utf8("\uFEFF"));
      cases.put("empty file", new byte[0]);
      cases.put("undefined alias", utf8("a: *nowhere\n"));
      cases.put("self-referencing anchor", utf8("a: &a [*a]\n"));
      cases.put("10,000 anchors used once", utf8(anchors(10_000)));
      cases.put("unclosed quote at the end of a long file", utf8(keys.substring(0, 400_000) + "z: \"open\n"));
      cases.put("map keys that are maps and lists", utf8("? {a: 1}\n: x\n? [1, 2]\n: y\n~: z\n"));
      cases.put("unknown tags", utf8("a: !foo bar\nb: !!python/object:os.system x\nc: !<tag:example.com,2000:x> y\n"));
      cases.put("bad binary", utf8("a: !!binary \"not base64!\"\n"));
      cases.put("secret slots of the wrong type", utf8("global:\n  codefresh:\n    userToken: [a, {b: c}]\n"
          + "  runtime:\n    gitCredentials:\n      password:\n        value: {x: [1, 2]}\n"));
      cases.put("control characters", utf8("a: \u0007\u001b[31m\n"));
      cases.put("windows line endings", utf8("global:\r\n  runtime:\r\n    name: prod\r\n"));
      cases.put("wrong types everywhere", utf8("global: 1\ninstaller: [1]\napp-proxy: yes\ntunnel-client: ~\nargo-cd: ''\n"));
      return cases;
    }

    private static byte[] utf8(String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }

    static String aliasBomb(String indent) {
      StringBuilder out = new StringBuilder(indent + "a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
      for (int level = 1; level < 9; level++) {
        out.append(indent).append("a").append(level).append(": &a").append(level).append(" [");
        for (int i = 0; i < 9; i++) {
          out.append(i == 0 ? "" : ", ").append("*a").append(level - 1);
        }
        out.append("]\n");
      }
      return out.toString();
    }

    private static String anchors(int count) {
      StringBuilder out = new StringBuilder("defs:\n");
      for (int i = 0; i < count; i++) {
        out.append("  d").append(i).append(": &d").append(i).append(" {v: ").append(i).append("}\n");
      }
      out.append("uses:\n");
      for (int i = 0; i < count; i++) {
        out.append("  - *d").append(i).append('\n');
      }
      return out.toString();
    }

    public static void main(String[] args) throws IOException, InterruptedException {
      Path dir = Path.of(args[0]);
      PrintStream out = System.out;
      ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "corpus-case");
        thread.setDaemon(true);
        return thread;
      });
      for (Map.Entry<String, byte[]> entry : cases().entrySet()) {
        Path file = dir.resolve(fileName(entry.getKey()));
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
