package io.gitopsruntime.helm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.testing.FakeHelm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed JVM leaves behind while the Helm CLI installer runs helm: nothing anyone could read a secret from. */
class HelmCliInstallerKillTest {
  private static final String KUBECONFIG = String.join("\n",
      "apiVersion: v1",
      "kind: Config",
      "clusters:",
      "- name: nowhere",
      "  cluster:",
      "    server: https://127.0.0.1:1",
      "contexts:",
      "- name: nowhere",
      "  context:",
      "    cluster: nowhere",
      "    user: me",
      "current-context: nowhere",
      "users:",
      "- name: me",
      "  user:",
      "    token: t",
      "");

  @TempDir Path tmp;

  @Test
  void aSigtermWhileHelmRunsDeletesTheValuesAndStopsHelm() throws Exception {
    FakeHelm helm = FakeHelm.create(tmp.resolve("fake")).respondAfter("upgrade", Duration.ofSeconds(300), 0, "", "");
    Path values = Files.createDirectories(tmp.resolve("values"));
    Path kubeconfig = Files.writeString(tmp.resolve("kubeconfig"), KUBECONFIG);
    Path log = tmp.resolve("child.log");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        InstallUntilKilled.class.getName(), helm.executable().toString(), values.toString(), kubeconfig.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    List<ProcessHandle> helmProcesses = List.of();
    try {
      // the fake records the call (and checks the file's mode) before it blocks
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (helm.calls("upgrade").isEmpty()) {
        assertThat(child.isAlive()).as("the child exited early:\n%s", Files.readString(log)).isTrue();
        assertThat(System.nanoTime()).as("helm upgrade never ran:\n%s", Files.readString(log)).isLessThan(deadline);
        Thread.sleep(50);
      }
      List<Path> privateDirs = list(values);
      assertThat(privateDirs).hasSize(1);
      Path dir = privateDirs.get(0);
      assertThat(dir.getFileName().toString()).startsWith("gitops-runtime-values-" + child.pid() + "-");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
      assertThat(list(dir)).singleElement().satisfies(file ->
          assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------"));
      helmProcesses = child.descendants().toList();
      assertThat(helmProcesses).isNotEmpty();

      child.destroy(); // SIGTERM

      assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(values).isEmptyDirectory();
      for (ProcessHandle h : helmProcesses) {
        // the installer's shutdown hook asked helm to stop; a shell waiting for sleep ends once sleep does
        h.onExit().get(2, TimeUnit.MINUTES);
      }
    } finally {
      child.destroyForcibly();
      helmProcesses.forEach(ProcessHandle::destroyForcibly);
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.toList();
    }
  }
}
