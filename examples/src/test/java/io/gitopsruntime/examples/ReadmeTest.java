package io.gitopsruntime.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.cli.GitOpsRuntimeCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's code examples are the compiled ones, word for word, and its sample report is what {@code plan}
 * prints, so the README cannot drift from the code.
 */
class ReadmeTest {
  private static final Path README = Path.of("..", "README.md");

  @Test
  void javaExampleIsQuickStart() throws IOException {
    List<String> source = Files.readAllLines(Path.of("src/main/java/io/gitopsruntime/examples/QuickStart.java"));
    int begin = source.indexOf("    // README:begin");
    int end = source.indexOf("    // README:end");
    assertThat(begin).isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String example = source.subList(begin + 1, end).stream()
        .map(line -> line.startsWith("    ") ? line.substring(4) : line)
        .collect(Collectors.joining("\n"));

    assertThat(Files.readString(README)).contains("```java\n" + example + "\n```\n");
  }

  @Test
  void jbangExampleIsQuickPlan() throws IOException {
    List<String> script = Files.readAllLines(Path.of("jbang/QuickPlan.java"));
    String deps = script.stream().filter(line -> line.startsWith("//DEPS ")).findFirst().orElseThrow();
    int begin = script.indexOf("    // README:begin");
    int end = script.indexOf("    // README:end");
    assertThat(begin).isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String body = String.join("\n", script.subList(begin + 1, end));

    assertThat(Files.readString(README)).contains("```java\n" + deps + "\n" + body + "\n```\n");
  }

  @Test
  void howItFailsShowsWhatPlanPrintsForTheBrokenExample() throws IOException {
    StringWriter out = new StringWriter();
    int code = GitOpsRuntimeCli.run(new String[] {"plan", "-f", "values/broken.yaml"}, new PrintWriter(out),
        new PrintWriter(new StringWriter()));
    String printed = out.toString().replace("(values/broken.yaml:", "(examples/values/broken.yaml:");
    int begin = printed.indexOf("Findings (");
    int end = printed.indexOf("\n\n", begin);
    assertThat(code).isEqualTo(1);
    assertThat(begin).isNotNegative();
    assertThat(end).isGreaterThan(begin);

    assertThat(Files.readString(README)).contains("```\n" + printed.substring(begin, end + 1) + "```\n");
  }
}
