package io.gitopsruntime.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.testing.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Builds and runs examples/consumer, a user's project that knows the SDK only by its published
 * coordinates: the BOM imported, the modules it uses declared. Its build fails when a published POM
 * misses a dependency (the program cannot run), leaks a test library (the enforcer bans it) or makes the
 * program use a type of an undeclared artifact (dependency:analyze).
 */
class ConsumerBuildIT {
  private static final Path CONSUMER = BuildEnvironment.examplesDir().resolve("consumer");
  private static final String PIN = "gitops.pin.";

  /** The versions the consumer pins, as this build manages them. */
  private static Map<String, String> pins() {
    Map<String, String> pins = new TreeMap<>();
    System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(PIN))
        .forEach(name -> pins.put(name.substring(PIN.length()), System.getProperty(name)));
    return pins;
  }

  @Test
  void buildsAndRunsAProgramAgainstThePublishedArtifactsOnly() throws IOException {
    Path project = freshCopy(CONSUMER, BuildEnvironment.buildDir().resolve("consumer"));
    List<String> arguments = new ArrayList<>();
    pins().forEach((name, version) -> arguments.add("-D" + name + "=" + version));
    arguments.add("verify");

    ProcessRun build = Maven.run(project.resolve("pom.xml"), arguments.toArray(String[]::new));

    assertThat(build.exitCode()).as(build.transcript()).isZero();
    assertThat(build.out())
        .contains("BannedDependencies passed")
        .contains("Offline validation of payments-prod-eu: 0 errors, 0 warnings\n")
        .contains("--- helm\nhelm upgrade --install cf-gitops-runtime \\\n")
        .contains("  --set global.runtime.name=payments-prod-eu \\\n")
        .contains("--- terraform\nresource \"helm_release\" \"cf_gitops_runtime\" {\n")
        .contains("No dependency problems found")
        .contains("BUILD SUCCESS");
  }

  @Test
  void pinsTheVersionsThisBuildManages() throws IOException {
    String pom = Files.readString(CONSUMER.resolve("pom.xml"));
    assertThat(pins()).as("versions handed over by failsafe").isNotEmpty();
    pins().forEach((name, version) -> assertThat(pom)
        .as("examples/consumer/pom.xml must pin %s to %s, as the root pom does, so that it builds by hand as in CI",
            name, version)
        .contains("<" + name + ">" + version + "</" + name + ">"));
  }

  /** pom.xml and src/ of the project, copied afresh so that no earlier output is reused. */
  private static Path freshCopy(Path from, Path to) throws IOException {
    if (Files.exists(to)) {
      try (Stream<Path> old = Files.walk(to)) {
        old.sorted(Comparator.reverseOrder()).forEach(path -> {
          try {
            Files.delete(path);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
    Files.createDirectories(to);
    Files.copy(from.resolve("pom.xml"), to.resolve("pom.xml"));
    TestFiles.copyTree(from.resolve("src"), to.resolve("src"));
    return to;
  }
}
