package io.gitopsruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.testing.TestChart;
import io.gitopsruntime.testing.cluster.TestAssets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A distinct canary in every secret-bearing key of the chart and its subcharts, at every type ({@link CanaryValues}),
 * through every command and output format of the tool, with SLF4J and java.util.logging at TRACE
 * ({@link RecordingLogs}), an install and uninstall against the in-process API server, and an install interrupted
 * midway ({@link SecretCanaryRun}, in a child JVM with its own temporary, working and home directories). The canary
 * must appear nowhere it was not asked for: standard output and error, log records, files left under the temporary,
 * working and home directories, the command lines of processes started. Where it was asked for (an export with
 * --reveal-secrets, the Secrets in the cluster) it must be there, so that the test cannot pass by printing nothing.
 * The helm CLI installer is not run here: it needs a helm binary, and its temporary values file and argv are
 * covered by the helm module's tests with its fake helm.
 */
class SecretCanaryEndToEndTest {
  private static final Map<String, String> BASE = new LinkedHashMap<>();
  /** Real Helm 4 from the control-plane provisioning, when present: the helm CLI installer is searched too. */
  private static final Optional<Path> HELM = TestAssets.fromEnvironment().helm4();

  static {
    BASE.put("global.codefresh.url", "http://127.0.0.1:1");
    BASE.put("global.codefresh.accountId", "628a80b693a15c0f9c13ab75");
    BASE.put("global.runtime.name", "canary");
  }

  @TempDir Path root;

  @Test
  void noCanaryLeavesTheSecretSlotsExceptWhereAskedFor() throws Exception {
    Path in = Files.createDirectories(root.resolve("in"));
    Path out = Files.createDirectories(root.resolve("out"));
    Path tmp = Files.createDirectories(root.resolve("tmp"));
    Path work = Files.createDirectories(root.resolve("work"));
    Path home = Files.createDirectories(root.resolve("home"));
    CanaryValues canaries = new CanaryValues(BASE);
    Files.createDirectories(in.resolve("values"));
    Map<String, String> files = new LinkedHashMap<>(canaries.variants());
    files.putAll(canaries.yamlErrors());
    files.forEach((name, text) -> write(in.resolve("values").resolve(name + ".yaml"), text));
    String installable = canaries.installable();
    write(in.resolve("install.yaml"), installable);
    TestChart.writeTo(in.resolve("chart"));

    try (KubernetesTestServer cluster = KubernetesTestServer.builder().namespace("codefresh").start();
        KubernetesTestServer slow = KubernetesTestServer.builder().namespace("codefresh").latency(Duration.ofMillis(40)).start()) {
      cluster.writeKubeconfig(in.resolve("cluster.kubeconfig"));
      slow.writeKubeconfig(in.resolve("slow.kubeconfig"));
      Map<Path, String> before = snapshot(tmp, work, home);

      child("commands", in, out, tmp, work, home);

      // asked for: the install put the secrets into the cluster
      String userToken = canaryIn(canaries, installable, "global.codefresh.userToken.token");
      Secret secret = cluster.client().secrets().inNamespace("codefresh").withName("codefresh-user-token").get();
      assertThat(secret).as("the Secret of the API key was installed").isNotNull();
      assertThat(new String(Base64.getDecoder().decode(secret.getData().get("token")), StandardCharsets.UTF_8)).isEqualTo(userToken);

      child("cluster", in, out, tmp, work, home);

      Map<Path, String> after = snapshot(tmp, work, home);
      List<String> leaks = new ArrayList<>();
      Map<String, String> steps = steps(out);
      assertThat(steps.keySet()).as("every step ran").anyMatch(s -> s.endsWith("-interrupted-install"));
      for (Map.Entry<String, String> step : steps.entrySet()) {
        String name = step.getKey();
        String stdout = Files.readString(out.resolve(name + ".out"));
        String stderr = Files.readString(out.resolve(name + ".err"));
        boolean revealed = name.endsWith("-reveal") && !name.contains("terraform");
        if (!revealed) {
          find(canaries, stdout, name + " stdout", leaks);
        }
        find(canaries, stderr, name + " stderr", leaks);
      }
      for (String log : List.of("log-commands.txt", "log-cluster.txt", "console-commands.txt", "console-cluster.txt")) {
        find(canaries, Files.readString(out.resolve(log)), log, leaks);
      }
      String processes = Files.readString(out.resolve("processes-commands.txt")) + Files.readString(out.resolve("processes-cluster.txt"));
      find(canaries, processes, "the command line of a process started", leaks);
      for (Map.Entry<Path, String> file : after.entrySet()) {
        boolean asked = file.getKey().getFileName().toString().startsWith("revealed-") && file.getKey().getParent().equals(work);
        if (!file.getValue().equals(before.get(file.getKey())) && !asked) {
          find(canaries, Files.readString(file.getKey(), StandardCharsets.ISO_8859_1), "file " + file.getKey(), leaks);
        }
      }
      assertThat(leaks).as("canaries found where they were not asked for").isEmpty();

      // not vacuous: each step ran as meant, and what was asked for holds the canaries
      String interrupted = steps.entrySet().stream().filter(s -> s.getKey().endsWith("-interrupted-install")).findFirst().orElseThrow().getKey();
      assertThat(Files.readString(out.resolve(interrupted + ".out"))).doesNotContain("NOT INTERRUPTED MIDWAY");
      assertThat(steps.get(interrupted)).as("the interrupted install failed: " + stepOutput(out, steps, "interrupted-install"))
          .isEqualTo("1");
      assertThat(Files.readString(out.resolve("log-commands.txt"))).as("logging was at TRACE")
          .contains("SLF4J TRACE ").contains("SLF4J DEBUG io.gitopsruntime.");
      assertThat(processes).as("the embedded installer's engine was seen").contains("EngineMain");
      assertThat(Files.readString(work.resolve("revealed-strings.yaml"))).contains(canaries.strings().keySet().stream()
          .filter(c -> files.get("strings").contains(c)).toList());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("revealed-strings.yaml")))).isEqualTo("rw-------");
      String revealedHelm = stepOutput(out, steps, "strings-export-helm-reveal");
      assertThat(revealedHelm).contains(canaryIn(canaries, files.get("strings"), "global.codefresh.userToken.token"));
      List<String> installs = new java.util.ArrayList<>(List.of("install-install", "install-status", "install-uninstall"));
      if (HELM.isPresent()) {
        installs.addAll(List.of("install-install-dry-run-helm", "install-install-helm", "install-status-helm",
            "install-uninstall-helm"));
      }
      for (String step : installs) {
        assertThat(stepExit(steps, step)).as(step + ": " + stepOutput(out, steps, step)).isEqualTo("0");
      }
    }
  }

  private static void child(String phase, Path in, Path out, Path tmp, Path work, Path home) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Djava.io.tmpdir=" + tmp, "-Duser.home=" + home,
        "-Dslf4j.provider=" + RecordingLogs.class.getName(),
        "-D" + RecordingLogs.FILE_PROPERTY + "=" + out.resolve("log-" + phase + ".txt"),
        "-D" + SecretCanaryRun.HELM_PROPERTY + "=" + HELM.map(Path::toString).orElse(""),
        "-cp", System.getProperty("java.class.path"),
        SecretCanaryRun.class.getName(), phase, in.toString(), out.toString())
        .directory(work.toFile())
        .redirectErrorStream(true)
        .redirectOutput(out.resolve("console-" + phase + ".txt").toFile());
    builder.environment().put("TMPDIR", tmp.toString());
    builder.environment().put("HOME", home.toString());
    Process child = builder.start();
    try {
      assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("phase " + phase + " ended").isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.exitValue()).as(Files.readString(out.resolve("console-" + phase + ".txt"))).isZero();
  }

  /** Each step's output file base name and its exit code, in order. */
  private static Map<String, String> steps(Path out) throws IOException {
    Map<String, String> steps = new LinkedHashMap<>();
    for (String line : Files.readAllLines(out.resolve("steps.tsv"))) {
      String[] parts = line.split("\t");
      steps.put(parts[0], parts[3]);
    }
    return steps;
  }

  private static String stepExit(Map<String, String> steps, String suffix) {
    return steps.entrySet().stream().filter(s -> s.getKey().endsWith("-" + suffix)).findFirst().orElseThrow().getValue();
  }

  private static String stepOutput(Path out, Map<String, String> steps, String suffix) throws IOException {
    String name = steps.keySet().stream().filter(s -> s.endsWith("-" + suffix)).findFirst().orElseThrow();
    return Files.readString(out.resolve(name + ".out")) + Files.readString(out.resolve(name + ".err"));
  }

  /** The canary planted in a slot of a values file. */
  private static String canaryIn(CanaryValues canaries, String file, String slot) {
    return canaries.strings().entrySet().stream().filter(e -> e.getValue().equals(slot) && file.contains(e.getKey()))
        .map(Map.Entry::getKey).findFirst().orElseThrow();
  }

  /** Adds to {@code leaks} every canary in the text, as it is or in base64 at any alignment. */
  private static void find(CanaryValues canaries, String text, String where, List<String> leaks) {
    for (Map.Entry<String, String> canary : canaries.all().entrySet()) {
      for (String form : forms(canary.getKey())) {
        if (text.contains(form)) {
          leaks.add(where + ": the canary of " + canary.getValue() + (form.equals(canary.getKey()) ? "" : " (in base64)"));
          break;
        }
      }
    }
  }

  /** A canary, and what of it shows in base64 when it starts at each of the three alignments. */
  private static List<String> forms(String canary) {
    List<String> forms = new ArrayList<>(List.of(canary));
    for (int offset = 0; offset < 3; offset++) {
      String encoded = Base64.getEncoder().encodeToString(("xx".substring(0, offset) + canary).getBytes(StandardCharsets.UTF_8));
      forms.add(encoded.substring(offset == 0 ? 0 : 4, encoded.length() - 4));
    }
    return forms;
  }

  /** Every file under the directories, with a digest of its content. */
  private static Map<Path, String> snapshot(Path... dirs) throws IOException {
    Map<Path, String> files = new TreeMap<>();
    for (Path dir : dirs) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          files.put(file, digest(Files.readAllBytes(file)));
        }
      }
    }
    return files;
  }

  private static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
