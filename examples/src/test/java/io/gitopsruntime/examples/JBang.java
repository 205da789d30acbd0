package io.gitopsruntime.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs JBang scripts as {@code jbang script.java ARGS} does, with JBang itself taken from Maven Central.
 *
 * <p>JBang is {@code dev.jbang:jbang-cli}, started with its main class {@code dev.jbang.Main} on the class
 * path its own POM resolves to. Without its launcher script, {@code run} builds the script, prints the
 * java command line that runs it, and exits with 255; the launcher then executes that line with
 * {@code eval "exec $output"}, and so does {@link #run} (through bash, the shell JBang was told it
 * quotes for).
 *
 * <p>Everything JBang keeps goes under {@code target/jbang/}: its configuration and cache
 * ({@code JBANG_DIR}), so a clean clone starts cold. Dependencies resolve as a user's {@code jbang} resolves
 * them: online, from Maven Central, into the local repository the SDK was just installed into
 * ({@code JBANG_REPO}), which is where JBang finds the SDK's own SNAPSHOT artifacts. Not offline: JBang mediates
 * a script's {@code //DEPS} with its own resolver, so the artifacts it picks (a transitive version, a BOM's
 * import) need not be the ones the Maven reactor fetched, and on an empty repository an offline JBang fails
 * on the first one the build did not happen to download.
 */
final class JBang {
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
  /** What {@code dev.jbang.Main run} exits with when it printed the command to execute. */
  private static final int EXIT_EXECUTE = 255;

  private static JBang instance;

  private final String classpath;
  private final Path home;
  private final Map<String, String> environment;

  private JBang(String classpath, Path home, Map<String, String> environment) {
    this.classpath = classpath;
    this.home = home;
    this.environment = Map.copyOf(environment);
  }

  /** JBang, resolved once per test run. */
  static synchronized JBang fromMavenCentral() {
    if (instance == null) {
      Path dir = BuildEnvironment.buildDir().resolve("jbang");
      instance = new JBang(resolveClasspath(dir.resolve("launcher")), dir.resolve("home"), Map.of());
    }
    return instance;
  }

  /**
   * JBang's class path: {@code dev.jbang:jbang-cli} as its published POM resolves, apart from this
   * project's dependencies (which would otherwise mediate JBang's versions).
   */
  private static String resolveClasspath(Path dir) {
    try {
      Files.createDirectories(dir);
      Path pom = dir.resolve("pom.xml");
      Files.writeString(pom, ""
          + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
          + "  <modelVersion>4.0.0</modelVersion>\n"
          + "  <groupId>io.gitopsruntime.it</groupId>\n"
          + "  <artifactId>jbang-launcher</artifactId>\n"
          + "  <version>1</version>\n"
          + "  <packaging>pom</packaging>\n"
          + "  <dependencies>\n"
          + "    <dependency>\n"
          + "      <groupId>dev.jbang</groupId>\n"
          + "      <artifactId>jbang-cli</artifactId>\n"
          + "      <version>" + BuildEnvironment.property("gitops.jbangVersion") + "</version>\n"
          + "    </dependency>\n"
          + "  </dependencies>\n"
          + "</project>\n");
      Path classpathFile = dir.resolve("classpath.txt");
      ProcessRun resolved = Maven.run(pom,
          "org.apache.maven.plugins:maven-dependency-plugin:" + BuildEnvironment.property("gitops.dependencyPluginVersion")
              + ":build-classpath",
          "-Dmdep.outputFile=" + classpathFile, "-Dmdep.includeScope=runtime");
      assertThat(resolved.exitCode()).as("resolving JBang from Maven Central:\n%s", resolved.transcript()).isZero();
      return Files.readString(classpathFile).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The same JBang, with one more environment variable for JBang and the scripts it runs, such as a {@code PATH}
   * that finds a fake {@code helm} first.
   */
  JBang withEnvironment(String name, String value) {
    Map<String, String> more = new HashMap<>(environment);
    more.put(name, value);
    return new JBang(classpath, home, more);
  }

  /**
   * Builds a script and runs it, as {@code jbang script.java ARGS}.
   *
   * @param workDir the directory the command is typed in
   * @return the script's own run: its exit code and output
   * @throws AssertionError if JBang cannot build the script (a broken //DEPS line, a missing class)
   */
  ProcessRun run(Path workDir, String script, String... args) {
    ProcessRun build = build(workDir, script, args);
    if (build.exitCode() != EXIT_EXECUTE) {
      throw new AssertionError("JBang could not build and launch " + script + ":\n" + build.transcript());
    }
    String commandLine = build.out().strip();
    return ProcessRun.run(List.of("bash", "-c", "exec " + commandLine), workDir, environment(), RUN_TIMEOUT);
  }

  /**
   * Builds a script and starts it in the background, as {@code jbang script.java ARGS &}, for a script that runs
   * until stopped (such as a test server); stop it with {@link Process#destroy()}.
   *
   * @param log where everything the script prints goes
   * @return the script's process
   * @throws AssertionError if JBang cannot build and launch the script
   */
  Process start(Path workDir, Path log, String script, String... args) {
    ProcessRun build = build(workDir, script, args);
    if (build.exitCode() != EXIT_EXECUTE) {
      throw new AssertionError("JBang could not build and launch " + script + ":\n" + build.transcript());
    }
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", "exec " + build.out().strip()).directory(workDir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(environment());
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Only JBang's part: resolve, compile and print the command that would run the script.
   *
   * @return JBang's run; exit code 255 and the command on stdout when the script can be launched
   */
  ProcessRun build(Path workDir, String script, String... args) {
    List<String> command = new ArrayList<>(List.of(BuildEnvironment.java().toString(), "-cp", classpath,
        "dev.jbang.Main", "run", script));
    command.addAll(List.of(args));
    return ProcessRun.run(command, workDir, environment(), BUILD_TIMEOUT);
  }

  private Map<String, String> environment() {
    Map<String, String> all = new HashMap<>(environment);
    all.putAll(Map.of(
        "JBANG_DIR", home.toString(),
        "JBANG_REPO", BuildEnvironment.localRepository().toString(),
        // the JDK running the tests is the one //JAVA 17+ gets, so JBang never downloads one
        "JAVA_HOME", System.getProperty("java.home"),
        "JBANG_NO_VERSION_CHECK", "true",
        "JBANG_RUNTIME_SHELL", "bash"));
    return all;
  }
}
