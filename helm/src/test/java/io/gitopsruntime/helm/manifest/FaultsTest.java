package io.gitopsruntime.helm.manifest;

import static io.gitopsruntime.helm.manifest.Fixtures.NAMESPACE;
import static io.gitopsruntime.helm.manifest.Fixtures.installation;
import static io.gitopsruntime.helm.manifest.Fixtures.installer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.helm.RecordingListener;
import io.gitopsruntime.helm.manifest.internal.RetryPolicy;
import io.gitopsruntime.install.ChangeKind;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.InstallOutcome;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.install.PlannedChange;
import io.gitopsruntime.testing.Fault;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.testing.RecordedCall;
import io.gitopsruntime.testing.TestChart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KubernetesTest(namespace = "codefresh")
class FaultsTest {
  private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/codefresh/deployments/";
  private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50));

  @TempDir Path tmp;

  private static List<Integer> statuses(KubernetesTestServer server, String method, String path) {
    return server.journal().calls(method, path).stream().filter(Fixtures::isWrite).map(RecordedCall::status).toList();
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class Retries {

    @Test
    void retriesAServerErrorATooManyRequestsAndADroppedConnection(KubernetesTestServer server) {
      server.inject(Fault.status(500).on("PATCH", DEPLOYMENTS + "cap-app-proxy").times(2));
      server.inject(Fault.tooManyRequests(Duration.ofSeconds(1)).on("PATCH",
          "/api/v1/namespaces/codefresh/configmaps/codefresh-cm"));
      server.inject(Fault.dropConnection().on("GET", DEPLOYMENTS + "internal-router"));
      try (ManifestInstaller installer = installer(server, InstallListener.NONE)) {
        InstallResult result = installer.install(installation(TestChart.writeTo(tmp), ""));

        assertThat(result.outcome()).isEqualTo(InstallOutcome.INSTALLED);
      }
      assertThat(statuses(server, "PATCH", DEPLOYMENTS + "cap-app-proxy")).containsExactly(500, 500, 201);
      assertThat(statuses(server, "PATCH", "/api/v1/namespaces/codefresh/configmaps/codefresh-cm"))
          .containsExactly(429, 201);
      assertThat(server.journal().calls("GET", DEPLOYMENTS + "internal-router")).extracting(RecordedCall::status)
          .startsWith(RecordedCall.DROPPED, 404);
    }

    @Test
    void givesUpAfterItsAttemptsNamingTheObject(KubernetesTestServer server) {
      server.inject(Fault.status(503).on("PATCH", DEPLOYMENTS + "cap-app-proxy").always());
      InstallException failure;
      try (ManifestInstaller installer = installer(server, InstallListener.NONE, b -> b.retries(FAST))) {
        failure = catchThrowableOfType(InstallException.class,
            () -> installer.install(installation(TestChart.writeTo(tmp), "")));
      }

      assertThat(failure.failure()).isEqualTo(FailureKind.KUBERNETES_API);
      assertThat(failure).hasMessage("Installing release cf-gitops-runtime in namespace codefresh failed while applying "
          + "Deployment/codefresh/cap-app-proxy: HTTP 503 InternalError: injected fault: HTTP 503 for PATCH on "
          + DEPLOYMENTS + "cap-app-proxy, always. The API server did not answer after every retry; check the cluster "
          + "and install again, which resumes where this one stopped.");
      assertThat(statuses(server, "PATCH", DEPLOYMENTS + "cap-app-proxy")).containsExactly(503, 503, 503, 503);
    }

    @Test
    void doesNotRepeatARequestTheServerRejected(KubernetesTestServer server) {
      server.inject(Fault.status(422).on("PATCH", DEPLOYMENTS + "cap-app-proxy"));
      try (ManifestInstaller installer = installer(server, InstallListener.NONE)) {
        InstallException failure = catchThrowableOfType(InstallException.class,
            () -> installer.install(installation(TestChart.writeTo(tmp), "")));

        assertThat(failure.failure()).isEqualTo(FailureKind.KUBERNETES_API);
      }
      assertThat(statuses(server, "PATCH", DEPLOYMENTS + "cap-app-proxy")).containsExactly(422);
    }
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class Timeouts {

    @Test
    void failsWithWhatIsNotReadyWhenTheOneTimeoutOfTheInstallRunsOut(KubernetesTestServer server) {
      RecordingListener events = new RecordingListener();
      InstallListener stopControllersOnApply = new InstallListener() {
        @Override
        public void phaseStarted(io.gitopsruntime.install.InstallPhase phase) {
          if (phase == io.gitopsruntime.install.InstallPhase.APPLY) {
            server.controllers(false);
          }
        }

        @Override
        public void waiting(List<io.gitopsruntime.install.NotReady> notReady, Duration elapsed) {
          events.waiting(notReady, elapsed);
        }
      };
      InstallException failure;
      try (ManifestInstaller installer = installer(server, stopControllersOnApply,
          b -> b.timeout(Duration.ofSeconds(10)))) {
        failure = catchThrowableOfType(InstallException.class,
            () -> installer.install(installation(TestChart.writeTo(tmp), "")));
      }

      assertThat(failure.failure()).isEqualTo(FailureKind.TIMEOUT);
      assertThat(failure).hasMessageStartingWith("Timed out after 10 s installing release cf-gitops-runtime in "
              + "namespace codefresh; 8 objects are not ready:\n")
          .hasMessageContaining("  - Deployment/codefresh/cap-app-proxy (the controller has not seen generation 1 yet)\n")
          .hasMessageContaining("  - StatefulSet/codefresh/argo-cd-application-controller (the controller has not seen "
              + "generation 1 yet)\n")
          .hasMessageEndingWith("Check their Pods and events (`kubectl describe`), or raise the timeout with "
              + "timeout(..); installing again resumes the wait.");
      assertThat(events.events("waiting ")).last().asString()
          .contains("Deployment/codefresh/internal-router (the controller has not seen generation 1 yet)");
    }
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class Interrupted {

    @Test
    void anInstallThatFailedMidwayConvergesWhenRunAgain(KubernetesTestServer server, KubernetesClient client) {
      server.inject(Fault.status(422).on("PATCH", DEPLOYMENTS + "internal-router"));
      Path chart = TestChart.writeTo(tmp);
      try (ManifestInstaller installer = installer(server, InstallListener.NONE)) {
        catchThrowableOfType(InstallException.class, () -> installer.install(installation(chart, "")));
        assertThat(client.configMaps().inNamespace(NAMESPACE).withName("codefresh-cm").get()).isNotNull();

        InstallResult result = installer.install(installation(chart, ""));

        assertThat(result.outcome()).isEqualTo(InstallOutcome.INSTALLED);
        assertThat(result.revision()).isEqualTo(2);
        assertThat(installer.install(installation(chart, "")).outcome()).isEqualTo(InstallOutcome.UNCHANGED);
      }
      assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems()).hasSize(7);
      assertThat(client.secrets().inNamespace(NAMESPACE).withLabel("gitops-runtime.io/release").list().getItems())
          .extracting(s -> s.getMetadata().getName()).containsExactly("gitops-runtime.cf-gitops-runtime.v2");
    }

    @Test
    void aRunAfterAnInterruptedOnePrunesWhatTheInterruptedOneAppliedAndIsNoLongerWanted(KubernetesTestServer server,
        KubernetesClient client) {
      Path chart = TestChart.writeTo(tmp);
      Thread installing = Thread.currentThread();
      InstallListener interrupter = new InstallListener() {
        @Override
        public void objectApplied(ObjectRef object, ChangeKind change) {
          if (object.kind().equals("Deployment")) {
            installing.interrupt();
          }
        }
      };
      try (ManifestInstaller interrupted = installer(server, interrupter);
          ManifestInstaller installer = installer(server, InstallListener.NONE)) {
        InstallException failure = catchThrowableOfType(InstallException.class,
            () -> interrupted.install(installation(chart, "testScale:\n  configMaps: 3\n")));
        assertThat(Thread.interrupted()).as("the interrupt flag is kept").isTrue();
        assertThat(failure.failure()).isEqualTo(FailureKind.OTHER);
        assertThat(failure).hasMessage("The operation on release cf-gitops-runtime in namespace codefresh was "
            + "interrupted; some objects may have been changed. Run it again: it picks up where this one stopped "
            + "and prunes what is no longer wanted.");
        assertThat(client.configMaps().inNamespace(NAMESPACE).withName("scale-config-2").get()).isNotNull();

        InstallResult result = installer.install(installation(chart, "testScale:\n  configMaps: 1\n"));

        assertThat(result.outcome()).isEqualTo(InstallOutcome.INSTALLED);
        assertThat(result.changes()).contains(
            PlannedChange.of(ObjectRef.of("v1", "ConfigMap", NAMESPACE, "scale-config-1"), ChangeKind.DELETE),
            PlannedChange.of(ObjectRef.of("v1", "ConfigMap", NAMESPACE, "scale-config-2"), ChangeKind.DELETE));
      }
      assertThat(client.configMaps().inNamespace(NAMESPACE).withName("scale-config-0").get()).isNotNull();
      assertThat(client.configMaps().inNamespace(NAMESPACE).withName("scale-config-1").get()).isNull();
      assertThat(client.leases().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    }
  }
}
