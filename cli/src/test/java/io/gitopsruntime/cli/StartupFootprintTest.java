package io.gitopsruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan} is run by scripts many times: it must not load the Kubernetes client, OkHttp or the
 * embedded Helm engine, which are most of its possible start-up cost. Checked in a fresh JVM.
 */
class StartupFootprintTest {

  @Test
  void planLoadsNoClusterHttpOrHelmClasses(@TempDir Path dir) throws IOException, InterruptedException {
    Path log = dir.resolve("classes.log");
    Path values = dir.resolve("values.yaml");
    Files.writeString(values, "global:\n  codefresh:\n    accountId: 628a80b693a15c0f9c13ab75\n    userToken:\n      token: t0k-123456\n"
        + "  runtime:\n    name: prod-eu\n");
    Process process = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load:file=" + log,
        "-cp", System.getProperty("java.class.path"),
        GitOpsRuntimeCli.class.getName(), "plan", "-f", values.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.txt").toFile())
        .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isZero();

    List<String> heavy = Files.readAllLines(log).stream()
        .filter(line -> line.contains("io.fabric8.") || line.contains("okhttp3.") || line.contains("com.marcnuri.")
            || line.contains("io.vertx.") || line.contains("kotlin."))
        .collect(Collectors.toList());
    assertThat(Files.readAllLines(log)).anyMatch(line -> line.contains("io.gitopsruntime.cli.PlanCommand"));
    assertThat(heavy).isEmpty();
  }
}
