package io.gitopsruntime.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Measures {@code gitops-runtime plan} on a chart-sized values file against a bare Jackson YAML read and
 * write of the same file, whole process each (JVM start included), interleaved in one run so that both
 * see the same machine load. Prints medians, the ratio and peak memory.
 *
 * <pre>
 * mvn -B -q -DskipTests install &amp;&amp; mvn -B -q -pl benchmarks exec:exec@plan
 * </pre>
 */
public final class PlanBenchmark {
  private PlanBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args optional: the CLI jar (default {@code cli/target/gitops-runtime.jar} next to the
   *     benchmarks module) and the number of rounds (default 21)
   * @throws Exception if a process cannot be run
   */
  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "../cli/target/gitops-runtime.jar").toAbsolutePath().normalize();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 21;
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " does not exist; build it first with: mvn -B -q -DskipTests install");
    }
    Path dir = Files.createTempDirectory("plan-benchmark");
    Path values = dir.resolve("values.yaml");
    Files.writeString(values, ChartSizedValues.yaml());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String baselineClasspath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> e.contains("jackson") || e.contains("snakeyaml") || e.contains("benchmarks"))
        .collect(Collectors.joining(File.pathSeparator));
    List<String> plan = List.of(java, "-jar", jar.toString(), "plan", "-f", values.toString());
    // both on the same class path form, so that only the validators differ
    String ownClasses = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> e.contains("benchmarks")).collect(Collectors.joining(File.pathSeparator));
    String toolAndHarness = jar + File.pathSeparator + ownClasses;
    List<String> validated = List.of(java, "-cp", toolAndHarness, PlanSteps.class.getName(), "validated",
        values.toString());
    List<String> baseline = List.of(java, "-cp", baselineClasspath, JacksonBaseline.class.getName(), values.toString());
    List<String> unvalidated = List.of(java, "-cp", toolAndHarness, PlanSteps.class.getName(), "unvalidated",
        values.toString());

    System.out.printf("values file: %d bytes, %d lines%n", Files.size(values), Files.readAllLines(values).size());
    ProcessRun warmPlan = ProcessRun.of(plan);
    ProcessRun warmBase = ProcessRun.of(baseline);
    if (warmBase.exitCode != 0 || (warmPlan.exitCode != 0 && warmPlan.exitCode != 1)) {
      throw new IllegalStateException("a warm-up run failed: plan exit " + warmPlan.exitCode + ", baseline exit " + warmBase.exitCode);
    }
    List<Long> planTimes = new ArrayList<>();
    List<Long> baseTimes = new ArrayList<>();
    List<Long> unvalidatedTimes = new ArrayList<>();
    List<Long> validatedTimes = new ArrayList<>();
    List<Long> differences = new ArrayList<>();
    long planPeak = 0;
    long basePeak = 0;
    for (int i = 0; i < rounds; i++) {
      ProcessRun p = ProcessRun.of(plan);
      ProcessRun b = ProcessRun.of(baseline);
      ProcessRun u = ProcessRun.of(unvalidated);
      ProcessRun v = ProcessRun.of(validated);
      unvalidatedTimes.add(u.nanos);
      validatedTimes.add(v.nanos);
      differences.add(v.nanos - u.nanos);
      planTimes.add(p.nanos);
      baseTimes.add(b.nanos);
      planPeak = Math.max(planPeak, p.peakKb);
      basePeak = Math.max(basePeak, b.peakKb);
    }
    double planMs = median(planTimes) / 1e6;
    double baseMs = median(baseTimes) / 1e6;
    System.out.printf("rounds: %d, interleaved%n", rounds);
    System.out.printf("bare Jackson read+write : median %6.0f ms, peak RSS %4d MB%n", baseMs, basePeak / 1024);
    System.out.printf("gitops-runtime plan     : median %6.0f ms, peak RSS %4d MB%n", planMs, planPeak / 1024);
    double unvalidatedMs = median(unvalidatedTimes) / 1e6;
    double validatedMs = median(validatedTimes) / 1e6;
    System.out.printf("ratio plan / baseline   : %.2fx%n", planMs / baseMs);
    System.out.printf("plan's steps, same class path, with / without the offline validators: median %.0f / %.0f ms;"
        + " validation adds %.0f ms (median of the %d rounds' differences)%n", validatedMs, unvalidatedMs,
        median(differences) / 1e6, rounds);
    Files.deleteIfExists(values);
    Files.deleteIfExists(dir);
  }

  static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }
}
