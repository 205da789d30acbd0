package io.gitopsruntime.helm.manifest;

import static io.gitopsruntime.helm.manifest.Fixtures.NAMESPACE;
import static io.gitopsruntime.helm.manifest.Fixtures.installation;
import static io.gitopsruntime.helm.manifest.Fixtures.installer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.helm.RecordingListener;
import io.gitopsruntime.install.ChangeKind;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.Fault;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.testing.RecordedCall;
import io.gitopsruntime.testing.TestChart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@KubernetesTest(namespace = "codefresh")
class WavesAndHooksTest {
  private static final Set<String> HOOK_NAMES = Set.of("helm-values-config", "redis-secret-init", "validate-values",
      "validate-values-cr", "validate-values-crb", "validate-values-sa", "validate-usage", "validate-usage-cr",
      "validate-usage-crb", "validate-usage-sa");

  @TempDir Path tmp;

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class Waves {

    @Test
    void appliesCrdsFirstAndEverythingElseOnlyOnceTheyAreEstablished(KubernetesTestServer server,
        KubernetesClient client) {
      server.readinessDelay(Duration.ofMillis(300));
      List<String> establishedWhenApplied = new CopyOnWriteArrayList<>();
      RecordingListener events = new RecordingListener();
      InstallListener checker = new InstallListener() {
        @Override
        public void objectApplied(ObjectRef object, ChangeKind change) {
          events.objectApplied(object, change);
          if (!object.kind().equals("CustomResourceDefinition")) {
            List<CustomResourceDefinition> crds = client.apiextensions().v1().customResourceDefinitions().list().getItems();
            boolean all = crds.size() == 17 && crds.stream().allMatch(crd -> crd.getStatus() != null
                && crd.getStatus().getConditions().stream()
                    .anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True")));
            establishedWhenApplied.add(object + " " + all);
          }
        }

        @Override
        public void waiting(List<io.gitopsruntime.install.NotReady> notReady, Duration elapsed) {
          events.waiting(notReady, elapsed);
        }
      };
      try (ManifestInstaller installer = installer(server, checker)) {
        installer.install(installation(TestChart.writeTo(tmp), "testScale:\n  customResources: 2\n"));
      }

      assertThat(establishedWhenApplied).hasSizeGreaterThan(30).allMatch(s -> s.endsWith(" true"));
      assertThat(events.events("waiting ")).first().asString()
          .contains("CustomResourceDefinition/", "(not established yet)");
      assertThat(client.genericKubernetesResources("codefresh.io/v1beta1", "Product").inNamespace(NAMESPACE).list()
          .getItems()).hasSize(2);
    }

    @Test
    void appliesDefinitionsThenConfigurationThenWorkloadsThenCustomResources(KubernetesTestServer server) {
      try (ManifestInstaller installer = installer(server, InstallListener.NONE)) {
        installer.install(installation(TestChart.writeTo(tmp), "testScale:\n  customResources: 2\n"));
      }

      List<Integer> waves = new ArrayList<>();
      for (RecordedCall call : server.journal().calls(c -> c.isServerSideApply() && Fixtures.isWrite(c))) {
        String[] parts = call.path().split("/");
        String plural = parts[parts.length - 2];
        if (HOOK_NAMES.contains(parts[parts.length - 1]) || plural.equals("namespaces")
            || parts[parts.length - 1].startsWith("gitops-runtime.")) {
          continue;
        }
        waves.add(wave(call.path(), plural));
      }
      assertThat(waves).isSorted().contains(0, 1, 2, 3);
    }

    private int wave(String path, String plural) {
      if (plural.equals("customresourcedefinitions")) {
        return 0;
      }
      if (path.contains("/codefresh.io/") || path.contains("/argoproj.io/")) {
        return 3;
      }
      return Set.of("serviceaccounts", "configmaps", "secrets", "roles", "rolebindings", "clusterroles",
          "clusterrolebindings").contains(plural) ? 1 : 2;
    }
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class Hooks {

    @Test
    void runsThePreInstallHooksByWeightThenNameKeepingHelmsKindOrder(KubernetesTestServer server) {
      RecordingListener events = new RecordingListener();
      try (ManifestInstaller installer = installer(server, events)) {
        installer.install(installation(TestChart.writeTo(tmp), ""));
      }

      assertThat(events.events("hook started pre-install ")).containsExactly(
          "hook started pre-install ConfigMap/codefresh/helm-values-config",
          "hook started pre-install ServiceAccount/codefresh/redis-secret-init",
          "hook started pre-install Role/codefresh/redis-secret-init",
          "hook started pre-install RoleBinding/codefresh/redis-secret-init",
          "hook started pre-install ClusterRole/validate-values-cr",
          "hook started pre-install ClusterRoleBinding/validate-values-crb",
          "hook started pre-install ServiceAccount/codefresh/validate-values-sa",
          "hook started pre-install Job/codefresh/validate-values",
          "hook started pre-install ClusterRole/validate-usage-cr",
          "hook started pre-install ClusterRoleBinding/validate-usage-crb",
          "hook started pre-install ServiceAccount/codefresh/validate-usage-sa",
          "hook started pre-install Job/codefresh/redis-secret-init",
          "hook started pre-install Job/codefresh/validate-usage");
      assertThat(events.events()).containsSubsequence("hook succeeded Job/codefresh/validate-values",
          "hook started pre-install Job/codefresh/redis-secret-init");
    }

    @Test
    void deletesThePreviousHookObjectBeforeCreatingItAndDeletesHooksThatSucceeded(KubernetesTestServer server,
        KubernetesClient client) {
      client.batch().v1().jobs().inNamespace(NAMESPACE).resource(new JobBuilder().withNewMetadata()
          .withName("validate-values").addToLabels("left", "over").endMetadata().withNewSpec().withNewTemplate()
          .withNewSpec().addNewContainer().withName("old").withImage("old").endContainer().withRestartPolicy("Never")
          .endSpec().endTemplate().endSpec().build()).create();
      try (ManifestInstaller installer = installer(server, InstallListener.NONE)) {
        installer.install(installation(TestChart.writeTo(tmp), ""));
      }

      List<String> calls = server.journal()
          .calls(c -> c.path().equals("/apis/batch/v1/namespaces/codefresh/jobs/validate-values") && Fixtures.isWrite(c))
          .stream().map(c -> c.method() + " " + c.status()).toList();
      assertThat(calls).containsExactly("DELETE 200", "PATCH 201", "DELETE 200");
      assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).list().getItems()).isEmpty();
      assertThat(client.rbac().clusterRoles().withName("validate-values-cr").get()).isNull();
    }

    @Test
    void aHookJobOfOnePodIsDoneOnceItsPodSucceededBeforeTheJobControllerSaysSo(KubernetesTestServer server) {
      // the Job's status never records the completion here: waiting for it would time out
      RecordingListener events = new RecordingListener();
      try (ManifestInstaller installer = installer(server, events, b -> b.timeout(Duration.ofSeconds(10)))) {
        installer.install(installation(TestChart.writeTo(tmp), "testHooks:\n  validateUsage:\n    statusLate: true\n"));
      }

      assertThat(events.events()).containsSubsequence("hook started pre-install Job/codefresh/validate-usage",
          "hook succeeded Job/codefresh/validate-usage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"completions: 2", "activeDeadlineSeconds: 600"})
    void aHookJobWhoseOnePodDoesNotDecideItWaitsForTheJobsOwnStatus(String field, KubernetesTestServer server) {
      RuntimeInstallation installation = installation(TestChart.writeTo(tmp),
          "testHooks:\n  validateUsage:\n    statusLate: true\n    " + field + "\n");
      InstallException failure;
      try (ManifestInstaller installer = installer(server, InstallListener.NONE, b -> b.timeout(Duration.ofSeconds(2)))) {
        failure = catchThrowableOfType(InstallException.class, () -> installer.install(installation));
      }

      assertThat(failure.failure()).isEqualTo(FailureKind.TIMEOUT);
      assertThat(failure).hasMessageStartingWith("Timed out after 2 s waiting for the pre-install hook"
          + " Job/codefresh/validate-usage to complete (");
    }

    @Test
    void failsWithTheLogLineOfAFailedValidateValuesJobAndKeepsTheJob(KubernetesTestServer server,
        KubernetesClient client) {
      RuntimeInstallation installation = installation(TestChart.writeTo(tmp),
          "testHooks:\n  validateValues:\n    failWith: 'missing \"global.runtime.name\" field'\n");
      InstallException failure;
      try (ManifestInstaller installer = installer(server, InstallListener.NONE)) {
        failure = catchThrowableOfType(InstallException.class, () -> installer.install(installation));
      }

      assertThat(failure.failure()).isEqualTo(FailureKind.HOOK_FAILED);
      assertThat(failure).hasMessage("The pre-install hook Job/codefresh/validate-values failed (BackoffLimitExceeded: "
          + "Job has reached the specified backoff limit). Its log:\n"
          + "    missing \"global.runtime.name\" field\n"
          + "Fix what the log says (for validate-values: the values it names), then install again; the same log is "
          + "in `kubectl logs job/validate-values -n codefresh` until the Job is deleted.");
      assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).withName("validate-values").get())
          .as("kept: its delete policy has no hook-failed").isNotNull();
      assertThat(client.configMaps().inNamespace(NAMESPACE).withName("helm-values-config").get())
          .as("hooks that succeeded before are deleted").isNull();
      assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems()).isEmpty();
      assertThat(client.secrets().inNamespace(NAMESPACE).withName("gitops-runtime.cf-gitops-runtime.v1").get()
          .getMetadata().getLabels()).containsEntry("gitops-runtime.io/status", "failed");
    }

    @Test
    void saysWhyTheLogOfAFailedHookIsMissingAndShowsTheRecentEventsInstead(KubernetesTestServer server) {
      // a node without a kubelet (kwok's) serves no logs: the API server answers 404 for them
      server.inject(Fault.status(404).on("GET", "/api/v1/namespaces/codefresh/pods/[^/]+/log").always());
      RuntimeInstallation installation = installation(TestChart.writeTo(tmp),
          "testHooks:\n  validateValues:\n    failWith: 'missing \"global.runtime.name\" field'\n");
      InstallException failure;
      try (ManifestInstaller installer = installer(server, InstallListener.NONE)) {
        failure = catchThrowableOfType(InstallException.class, () -> installer.install(installation));
      }

      assertThat(failure.failure()).isEqualTo(FailureKind.HOOK_FAILED);
      assertThat(failure.getMessage().replaceAll("validate-values-[a-z0-9]{5}", "validate-values-POD")).isEqualTo(
          "The pre-install hook Job/codefresh/validate-values failed (BackoffLimitExceeded: Job has reached the "
          + "specified backoff limit). Its log could not be read: the node serves no log for its Pod "
          + "validate-values-POD on node node-1 (a node without a kubelet, such as a kwok node, has none; or the Pod "
          + "is gone) (the API server answered 404: injected fault: HTTP 404 for GET on "
          + "/api/v1/namespaces/codefresh/pods/[^/]+/log, always).\n"
          + "Recent events:\n"
          + "    Normal SuccessfulCreate Job/validate-values: Created pod: validate-values-POD\n"
          + "    Warning BackoffLimitExceeded Job/validate-values: Job has reached the specified backoff limit\n"
          + "Fix the cause (for validate-values: the values its log names), then install again; its log is in "
          + "`kubectl logs job/validate-values -n codefresh` where its node serves logs, until the Job is deleted.");
    }

    @Test
    void deletesAFailedHookWithTheHookFailedPolicyAndKeepsTheReleaseWhenAPreDeleteHookFails(
        KubernetesTestServer server, KubernetesClient client) {
      Path chart = TestChart.writeTo(tmp);
      try (ManifestInstaller installer = installer(server, InstallListener.NONE)) {
        installer.install(installation(chart, ""));
        server.failJob("delete-runtime-from-platform", "User token unavailable, please remove it from UI");

        InstallException failure = catchThrowableOfType(InstallException.class,
            () -> installer.uninstall(installation(chart, "")));

        assertThat(failure.failure()).isEqualTo(FailureKind.HOOK_FAILED);
        assertThat(failure.getMessage()).contains("pre-delete hook Job/codefresh/delete-runtime-from-platform failed",
            "    User token unavailable, please remove it from UI");
        assertThat(client.batch().v1().jobs().inNamespace(NAMESPACE).withName("delete-runtime-from-platform").get())
            .as("deleted by its hook-failed policy").isNull();
        assertThat(client.serviceAccounts().inNamespace(NAMESPACE).withName("runtime-cleanup").get())
            .as("the hooks that succeeded are deleted").isNull();
        assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("cap-app-proxy").get())
            .as("the release stays").isNotNull();

        server.clearJobFailures();
        assertThat(installer.uninstall(installation(chart, "")).found()).isTrue();
      }
      assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    }
  }
}
