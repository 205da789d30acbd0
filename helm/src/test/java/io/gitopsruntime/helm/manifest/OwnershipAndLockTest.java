package io.gitopsruntime.helm.manifest;

import static io.gitopsruntime.helm.manifest.Fixtures.NAMESPACE;
import static io.gitopsruntime.helm.manifest.Fixtures.installation;
import static io.gitopsruntime.helm.manifest.Fixtures.installer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.InstallOutcome;
import io.gitopsruntime.install.InstallPhase;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.testing.TestChart;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@KubernetesTest(namespace = "codefresh")
class OwnershipAndLockTest {
  private static final String LEASE = "gitops-runtime.cf-gitops-runtime.lock";

  @TempDir Path tmp;

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class Ownership {

    private void createForeignObjects(KubernetesClient client) {
      client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
          .withNewMetadata().withName("applications.argoproj.io").addToLabels("app.kubernetes.io/managed-by", "Helm")
          .addToAnnotations("meta.helm.sh/release-name", "argo-cd")
          .addToAnnotations("meta.helm.sh/release-namespace", "argocd").endMetadata()
          .withNewSpec().withGroup("argoproj.io").withScope("Namespaced").withNewNames().withKind("Application")
          .withPlural("applications").withSingular("application").withListKind("ApplicationList").endNames()
          .addNewVersion().withName("v1alpha1").withServed(true).withStorage(true).withNewSchema()
          .withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true).endOpenAPIV3Schema()
          .endSchema().endVersion().endSpec().build()).create();
      client.configMaps().inNamespace(NAMESPACE).resource(new ConfigMapBuilder().withNewMetadata()
          .withName("codefresh-cm").endMetadata().addToData("base-url", "https://other.example.com").build()).create();
    }

    @Test
    void refusesObjectsOfAnotherHelmReleaseOrCreatedOutsideTheReleaseNamingThem(KubernetesTestServer server,
        KubernetesClient client) {
      createForeignObjects(client);
      server.journal().clear();
      InstallException failure;
      try (ManifestInstaller installer = installer(server, InstallListener.NONE)) {
        failure = catchThrowableOfType(InstallException.class,
            () -> installer.install(installation(TestChart.writeTo(tmp), "")));
      }

      assertThat(failure.failure()).isEqualTo(FailureKind.OWNERSHIP_CONFLICT);
      assertThat(failure).hasMessageStartingWith("Cannot install release cf-gitops-runtime in namespace codefresh: "
              + "2 objects exist and belong to someone else:\n")
          .hasMessageContaining("  - ConfigMap/codefresh/codefresh-cm: exists already, not part of this release "
              + "(written by field manager \"fabric8-kubernetes-client\")\n")
          .hasMessageContaining("  - CustomResourceDefinition/applications.argoproj.io: owned by Helm release "
              + "\"argo-cd\" in namespace \"argocd\"\n")
          .hasMessageEndingWith("To take them over, build the installer with adoptExisting(true): it applies them "
              + "with this release's Helm ownership (label app.kubernetes.io/managed-by=Helm, annotations "
              + "meta.helm.sh/release-name and meta.helm.sh/release-namespace), as the chart's adopt-crds.sh script "
              + "does. Or remove them first.");
      assertThat(server.journal().calls(c -> Fixtures.isWrite(c) && !Fixtures.isLease(c))).isEmpty();
      assertThat(client.configMaps().inNamespace(NAMESPACE).withName("codefresh-cm").get().getData())
          .containsEntry("base-url", "https://other.example.com");
    }

    @Test
    void adoptsThemWithThisReleasesHelmOwnershipWhenAsked(KubernetesTestServer server, KubernetesClient client) {
      createForeignObjects(client);
      try (ManifestInstaller installer = installer(server, InstallListener.NONE, b -> b.adoptExisting(true))) {
        InstallResult result = installer.install(installation(TestChart.writeTo(tmp), ""));

        assertThat(result.outcome()).isEqualTo(InstallOutcome.INSTALLED);
      }
      assertThat(client.apiextensions().v1().customResourceDefinitions().withName("applications.argoproj.io").get()
          .getMetadata()).satisfies(m -> {
            assertThat(m.getLabels()).containsEntry("app.kubernetes.io/managed-by", "Helm");
            assertThat(m.getAnnotations()).containsEntry("meta.helm.sh/release-name", "cf-gitops-runtime")
                .containsEntry("meta.helm.sh/release-namespace", "codefresh");
          });
      assertThat(client.configMaps().inNamespace(NAMESPACE).withName("codefresh-cm").get().getData())
          .containsEntry("base-url", "https://g.codefresh.io");
    }
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class Lock {

    @Test
    void aSecondInstallOfTheSameReleaseFailsFastWhileTheFirstRuns(KubernetesTestServer server) throws Exception {
      Path chart = TestChart.writeTo(tmp);
      CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
      CountDownLatch letTheFirstGoOn = new CountDownLatch(1);
      InstallListener pausing = new InstallListener() {
        @Override
        public void phaseStarted(InstallPhase phase) {
          if (phase == InstallPhase.PRE_HOOKS) {
            firstHoldsTheLock.countDown();
            try {
              letTheFirstGoOn.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        }
      };
      try (ManifestInstaller first = installer(server, pausing);
          ManifestInstaller second = installer(server, InstallListener.NONE)) {
        CompletableFuture<InstallResult> running = CompletableFuture.supplyAsync(() -> first.install(installation(chart, "")));
        assertThat(firstHoldsTheLock.await(30, TimeUnit.SECONDS)).isTrue();

        InstallException failure = catchThrowableOfType(InstallException.class,
            () -> second.install(installation(chart, "")));
        letTheFirstGoOn.countDown();

        assertThat(failure.failure()).isEqualTo(FailureKind.LOCKED);
        assertThat(failure).hasMessageStartingWith("Cannot change release cf-gitops-runtime in namespace codefresh: "
            + "another install or uninstall of it is running; the lock (Lease codefresh/" + LEASE + ") is held by ")
            .hasMessageMatching("(?s).* is held by [^ ]+/pid-" + ProcessHandle.current().pid()
                + "/[0-9a-f]{8} since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ \\(last renewed \\d+ s ago\\)\\.\n"
                + "Wait for it to finish\\. If that process died, its lock expires at \\S+ \\(in \\d+ s\\) and the next "
                + "install takes it over; if you are sure it is gone, delete the Lease \\(kubectl delete lease -n "
                + "codefresh " + LEASE.replace(".", "\\.") + "\\) to go on at once\\.");
        assertThat(running.get(60, TimeUnit.SECONDS).outcome()).isEqualTo(InstallOutcome.INSTALLED);
      }
    }

    @Test
    void refusesALockAnotherProcessRenewsAndTakesOverOneItStoppedRenewing(KubernetesTestServer server,
        KubernetesClient client) {
      RuntimeInstallation installation = installation(TestChart.writeTo(tmp), "");
      ZonedDateTime renewed = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
      client.leases().inNamespace(NAMESPACE).resource(new LeaseBuilder().withNewMetadata().withName(LEASE).endMetadata()
          .withNewSpec().withHolderIdentity("ci-runner-7/pid-42/1a2b3c4d").withLeaseDurationSeconds(60)
          .withAcquireTime(ZonedDateTime.parse("2026-01-02T03:04:05.123456Z")).withRenewTime(renewed).endSpec().build())
          .create();
      try (ManifestInstaller installer = installer(server, InstallListener.NONE)) {
        InstallException locked = catchThrowableOfType(InstallException.class, () -> installer.install(installation));
        assertThat(locked.failure()).isEqualTo(FailureKind.LOCKED);
        assertThat(locked).as("who holds it, since when, and when it expires").hasMessageContaining(
            "is held by ci-runner-7/pid-42/1a2b3c4d since 2026-01-02T03:04:05Z (last renewed ")
            .hasMessageContaining("its lock expires at " + renewed.plusSeconds(60).toInstant() + " (in ");

        client.leases().inNamespace(NAMESPACE).withName(LEASE).edit(l -> new LeaseBuilder(l).editSpec()
            .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(5)).endSpec().build());
        InstallResult result = installer.install(installation);

        assertThat(result.outcome()).isEqualTo(InstallOutcome.INSTALLED);
      }
      assertThat(server.journal().calls("PUT", "/apis/coordination.k8s.io/v1/namespaces/codefresh/leases/" + LEASE))
          .as("taken over with a conditional update").isNotEmpty();
      assertThat(client.leases().inNamespace(NAMESPACE).withName(LEASE).get()).as("released").isNull();
    }
  }
}
