package io.gitopsruntime.helm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.helm.Fixtures;
import io.gitopsruntime.install.NotReady;
import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.testing.Fault;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClusterDiagnosticsTest {
  private static final ObjectRef VALIDATE_VALUES = ObjectRef.of("batch/v1", "Job", "codefresh", "validate-values");

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class FailedHooks {
    @Test
    void readsTheLogOfTheNamedFailedJob(KubernetesTestServer server, KubernetesClient client) {
      server.failedHookJob("codefresh", "validate-values", "pre-install,pre-upgrade",
          "user \"jane\" does not have Admin role in account \"acme\"");

      assertThat(new ClusterDiagnostics(client).failedHook("codefresh", "validate-values")).contains(
          new ClusterDiagnostics.FailedHook(VALIDATE_VALUES, "BackoffLimitExceeded: Job has reached the specified backoff"
              + " limit", Optional.of("user \"jane\" does not have Admin role in account \"acme\""), ""));
    }

    @Test
    void findsTheFailedHookJobWhenHelmDidNotNameIt(KubernetesTestServer server, KubernetesClient client) {
      server.failedHookJob("codefresh", "validate-usage", "pre-install",
          "the account reached its limit of 2 clusters");

      assertThat(new ClusterDiagnostics(client).failedHook("codefresh", null)).hasValueSatisfying(hook -> {
        assertThat(hook.job().name()).isEqualTo("validate-usage");
        assertThat(hook.log()).contains("the account reached its limit of 2 clusters");
      });
    }

    @Test
    void saysWhyTheLogIsMissingAndReadsTheRecentEventsInstead(KubernetesTestServer server, KubernetesClient client) {
      server.inject(Fault.status(404).on("GET", "/api/v1/namespaces/codefresh/pods/[^/]+/log").always());
      server.failedHookJob("codefresh", "validate-values", "pre-install,pre-upgrade",
          "user \"jane\" does not have Admin role in account \"acme\"");

      ClusterDiagnostics.FailedHook hook = new ClusterDiagnostics(client).failedHook("codefresh", "validate-values")
          .orElseThrow();

      assertThat(hook.log()).isEmpty();
      assertThat(hook.logProblem()).matches("the node serves no log for its Pod validate-values-[a-z0-9]{5} on node "
          + "node-1 \\(a node without a kubelet, such as a kwok node, has none; or the Pod is gone\\) \\(the API "
          + "server answered 404: injected fault: .*\\)");
      assertThat(hook.events()).hasSize(2).last().isEqualTo(
          "Warning BackoffLimitExceeded Job/validate-values: Job has reached the specified backoff limit");
    }

    @Test
    void saysTheJobIsGoneAfterItsTimeToLive(KubernetesClient client) {
      assertThat(new ClusterDiagnostics(client).failedHook("codefresh", "validate-values")).contains(
          new ClusterDiagnostics.FailedHook(VALIDATE_VALUES, "", Optional.empty(), "the Job no longer exists (Kubernetes"
              + " deletes it ttlSecondsAfterFinished after it fails, or a delete policy did)"));
    }
  }

  @Nested
  @KubernetesTest(namespace = "codefresh", controllers = false)
  class Readiness {
    @Test
    void listsTheReleasesWorkloadsThatAreNotReady(KubernetesClient client) {
      client.apps().deployments().resource(Fixtures.releaseDeployment("cap-app-proxy", "cf-gitops-runtime", "codefresh", 2))
          .create();
      client.apps().deployments().resource(Fixtures.releaseDeployment("someone-else", "other", "codefresh", 1)).create();
      client.batch().v1().jobs().resource(Fixtures.hookJob("redis-secret-init", "pre-install")).create();

      List<NotReady> notReady = new ClusterDiagnostics(client).notReady("cf-gitops-runtime", "codefresh");

      assertThat(notReady).containsExactly(
          NotReady.of(ObjectRef.of("apps/v1", "Deployment", "codefresh", "cap-app-proxy"), "0 of 2 replicas available"),
          NotReady.of(ObjectRef.of("batch/v1", "Job", "codefresh", "redis-secret-init"), "still running"));
    }
  }

  @Nested
  @KubernetesTest(namespace = "codefresh")
  class Ownership {
    @Test
    void namesWhatIsMissingOrWrongOnObjectsHelmWillNotAdopt(KubernetesClient client) {
      client.apiextensions().v1().customResourceDefinitions()
          .resource(Fixtures.crd("applications", "argoproj.io", "Application", Map.of())).create();
      client.apiextensions().v1().customResourceDefinitions().resource(Fixtures.crd("appprojects", "argoproj.io",
          "AppProject", Map.of("meta.helm.sh/release-name", "other", "meta.helm.sh/release-namespace", "codefresh"))).create();
      ObjectRef applications = ObjectRef.clusterScoped("apiextensions.k8s.io/v1", "CustomResourceDefinition",
          "applications.argoproj.io");
      ObjectRef projects = ObjectRef.clusterScoped("apiextensions.k8s.io/v1", "CustomResourceDefinition",
          "appprojects.argoproj.io");
      ObjectRef absent = ObjectRef.clusterScoped("apiextensions.k8s.io/v1", "CustomResourceDefinition",
          "workflows.argoproj.io");

      assertThat(new ClusterDiagnostics(client).ownershipConflicts(List.of(applications, projects, absent),
          "cf-gitops-runtime", "codefresh")).containsExactly(
          new ClusterDiagnostics.OwnershipConflict(applications, List.of("label app.kubernetes.io/managed-by is missing",
              "annotation meta.helm.sh/release-name is missing", "annotation meta.helm.sh/release-namespace is missing")),
          new ClusterDiagnostics.OwnershipConflict(projects, List.of("label app.kubernetes.io/managed-by is missing",
              "annotation meta.helm.sh/release-name is \"other\" (must be \"cf-gitops-runtime\")")));
    }

    @Test
    void knowsWhetherANamespaceExists(KubernetesClient client) {
      assertThat(new ClusterDiagnostics(client).namespaceExists("codefresh")).contains(true);
      assertThat(new ClusterDiagnostics(client).namespaceExists("nope")).contains(false);
    }
  }
}
