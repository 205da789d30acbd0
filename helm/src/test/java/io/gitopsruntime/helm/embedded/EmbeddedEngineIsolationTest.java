package io.gitopsruntime.helm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.helm.embedded.internal.EngineCrashed;
import io.gitopsruntime.helm.embedded.internal.EngineProcess;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.ReleaseState;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.testing.TestChart;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded Helm engine runs in a child JVM: a Go panic inside helm-java (which aborts the process it runs in)
 * or a killed engine becomes an {@link InstallException} with the release's state, and the caller's JVM (this test's)
 * goes on.
 */
@KubernetesTest(namespace = "codefresh")
class EmbeddedEngineIsolationTest {
  @TempDir Path tmp;

  private static Path chart(String name) throws URISyntaxException {
    return Path.of(Objects.requireNonNull(
        EmbeddedEngineIsolationTest.class.getResource("/charts/" + name + "/Chart.yaml"))
        .toURI()).getParent();
  }

  private EmbeddedHelmInstaller.Builder installer(KubernetesClient client, Path kubeconfig, InstallListener listener)
      throws Exception {
    return EmbeddedHelmInstaller.builder().kubeconfig(kubeconfig).kubernetesClient(client).validate(false)
        .tempDirectory(Files.createDirectories(tmp.resolve("values"))).listener(listener).timeout(Duration.ofSeconds(60));
  }

  /**
   * Helm 3's ready checker dereferences {@code spec.replicas} of a Deployment; a server that does not default it (the
   * test API server with its defaults off; a real one always sets it) makes {@code --wait} panic in Go. In-process,
   * that aborted the whole JVM (exit 134).
   */
  @Test
  @KubernetesTest(namespace = "codefresh", apiDefaults = false)
  void aGoPanicInsideHelmBecomesAnInstallExceptionWithTheReleaseState(KubernetesClient client,
      @KubernetesTest.Kubeconfig Path kubeconfig) throws Exception {
    RuntimeInstallation installation = RuntimeInstallation.builder().chart(chart("no-replicas").toString())
        .values(ValuesYaml.parse("{}")).build();
    try (EmbeddedHelmInstaller installer = installer(client, kubeconfig, InstallListener.NONE).build()) {
      InstallException failure = catchThrowableOfType(InstallException.class, () -> installer.install(installation));

      assertThat(failure.failure()).isEqualTo(FailureKind.OTHER);
      assertThat(failure.getCause()).isInstanceOf(EngineCrashed.class);
      assertThat(failure).hasMessageStartingWith("Installing release \"cf-gitops-runtime\" in namespace \"codefresh\" "
              + "failed: the embedded Helm engine crashed during install (panic: runtime error: invalid memory address "
              + "or nil pointer dereference")
          .hasMessageEndingWith("; it runs in a separate process, so this one is unaffected. The release does not "
              + "exist. If it happens again, use HelmCliInstaller with a helm binary.\n"
              + "The install stopped before Helm finished, so the release it left pending-install was uninstalled: run "
              + "the install again.");
      assertThat(installer.status(installation).state()).as("the next call starts a new engine")
          .isEqualTo(ReleaseState.NOT_INSTALLED);
    }
    assertThat(tmp.resolve("values")).as("the values file is deleted").isEmptyDirectory();
  }

  /** Killed while Helm waits for the pre-install hook Job it created (held back by the test server). */
  @Test
  void aKilledEngineBecomesAnInstallExceptionAndTheNextCallStartsAnother(KubernetesTestServer server,
      KubernetesClient client, @KubernetesTest.Kubeconfig Path kubeconfig) throws Exception {
    server.readinessDelay(Duration.ofMinutes(5));
    Thread killer = new Thread(() -> {
      while (client.batch().v1().jobs().inNamespace("codefresh").list().getItems().isEmpty()) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
      ProcessHandle.current().children()
          .filter(p -> p.info().commandLine().map(c -> c.contains(EngineProcess.MARKER)).orElse(false))
          .forEach(ProcessHandle::destroyForcibly);
      server.readinessDelay(Duration.ZERO);
    });
    killer.setDaemon(true);
    killer.start();
    RuntimeInstallation installation = RuntimeInstallation.builder().chart(TestChart.writeTo(tmp).toString())
        .values(ValuesYaml.parse(TestChart.tunnelValues())).build();
    try (EmbeddedHelmInstaller installer = installer(client, kubeconfig, InstallListener.NONE).build()) {
      InstallException failure = catchThrowableOfType(InstallException.class, () -> installer.install(installation));

      assertThat(failure.failure()).isEqualTo(FailureKind.OTHER);
      assertThat(failure).hasMessage("Installing release \"cf-gitops-runtime\" in namespace \"codefresh\" failed: the "
          + "embedded Helm engine crashed during install, exit code 137; it runs in a separate process, so this one is "
          + "unaffected. The release does not exist. If it happens again, use HelmCliInstaller with a helm binary.\n"
          + "The install stopped before Helm finished, so the release it left pending-install was uninstalled: run the "
          + "install again.");
      assertThat(installer.status(installation).state()).isEqualTo(ReleaseState.NOT_INSTALLED);
    } finally {
      killer.interrupt();
      killer.join();
    }
  }
}
