package io.gitopsruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.core.HostileValues;
import io.gitopsruntime.testing.KubernetesTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken values files ({@link HostileValues#forTheTool()}) through every command of the tool that reads
 * values, in one child JVM with a 512 MB heap ({@link CliBadInputCorpus}): each run must end with exit code 0, 1 or 2 within
 * {@value CliBadInputCorpus#RUN_SECONDS} s, print no stack trace, and on exit code 1 or 2 name the file (with the
 * line) or the values path. The per-run bound only catches hangs; no timing is asserted.
 */
@KubernetesTest(namespace = "codefresh")
class CliBadInputCorpusTest {
  @Test
  void everyCommandEndsEveryCaseWithAClearMessageInBoundedTimeAndMemory(@TempDir Path dir, @KubernetesTest.Kubeconfig Path kubeconfig)
      throws IOException, InterruptedException {
    Path report = dir.resolve("report.tsv");
    Path console = dir.resolve("console.txt");
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"),
        CliBadInputCorpus.class.getName(), dir.toString(), report.toString(), kubeconfig.toString())
        .redirectErrorStream(true)
        .redirectOutput(console.toFile())
        .start();
    int runs = HostileValues.forTheTool().size() * CliBadInputCorpus.commands().size();
    long bound = (long) runs * CliBadInputCorpus.RUN_SECONDS + 120;
    try {
      assertThat(child.waitFor(bound, TimeUnit.SECONDS)).as("the corpus ended within " + bound + " s").isTrue();
    } finally {
      child.destroyForcibly();
    }
    String output = Files.readString(console);
    assertThat(child.exitValue()).as(output).isZero();

    List<String> seen = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
      String[] parts = line.split("\t", 7);
      seen.add(parts[1] + " / " + parts[2]);
      if (!parts[4].equals("ok")) {
        wrong.add(parts[1] + " / " + parts[2] + ": exit " + parts[3] + ", " + parts[4] + ": " + parts[6]);
      }
    }
    List<String> expected = new ArrayList<>();
    for (String name : HostileValues.forTheTool().keySet()) {
      for (String command : CliBadInputCorpus.commands().keySet()) {
        expected.add(name + " / " + command);
      }
    }
    assertThat(seen).as(output).containsExactlyElementsOf(expected);
    assertThat(wrong).as("runs that hung, crashed, printed a stack trace or named neither file nor values path").isEmpty();
  }
}
