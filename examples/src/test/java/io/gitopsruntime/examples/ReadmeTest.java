package io.gitopsruntime.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's code examples are the compiled ones, word for word, so the README cannot drift from the API. */
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
}
