package io.gitopsruntime.benchmarks;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.Exports;
import io.gitopsruntime.core.ParsedValues;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValuesYaml;
import java.nio.file.Path;

/**
 * What {@code plan} does without its offline validation (read the file, build the installation, print
 * the helm command); run by {@link PlanBenchmark} in its own JVM to measure what validation adds.
 */
public final class PlanWithoutValidation {
  private PlanWithoutValidation() {}

  /**
   * Runs it on the values file given as the only argument.
   *
   * @param args the values file
   */
  public static void main(String[] args) {
    ParsedValues parsed = ValuesYaml.read(Path.of(args[0]));
    RuntimeInstallation installation = RuntimeInstallation.builder().values(parsed.values()).build();
    System.out.print(Exports.helmCommand(installation, SecretHandling.MASK));
  }
}
