package io.gitopsruntime.examples;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the integration tests know about the build running them, handed over by failsafe as system
 * properties (see examples/pom.xml): the local Maven repository the SDK was installed into, the Maven
 * that runs the build, and the versions the root pom manages.
 */
final class BuildEnvironment {
  private BuildEnvironment() {}

  static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("System property " + name + " is not set: run the integration tests with"
          + " Maven (mvn verify), which passes it from examples/pom.xml.");
    }
    return value;
  }

  /** The local repository the SDK modules and the BOM were installed into. */
  static Path localRepository() {
    return Path.of(property("gitops.localRepository"));
  }

  /** examples/ */
  static Path examplesDir() {
    return Path.of(property("gitops.examplesDir"));
  }

  /** examples/target/ */
  static Path buildDir() {
    return Path.of(property("gitops.buildDir"));
  }

  static String projectVersion() {
    return property("gitops.version");
  }

  /** The mvn launcher of the Maven running this build. */
  static Path mvn() {
    Path bin = Path.of(property("gitops.mavenHome"), "bin");
    Path launcher = bin.resolve(isWindows() ? "mvn.cmd" : "mvn");
    if (!Files.isRegularFile(launcher)) {
      throw new IllegalStateException("No Maven launcher at " + launcher);
    }
    return launcher;
  }

  /** The java launcher of the JDK running this test. */
  static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
  }

  static boolean isWindows() {
    return System.getProperty("os.name").startsWith("Windows");
  }
}
