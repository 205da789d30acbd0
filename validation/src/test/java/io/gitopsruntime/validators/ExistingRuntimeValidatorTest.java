package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.info;
import static io.gitopsruntime.validators.Fixtures.runtime;
import static io.gitopsruntime.validators.Fixtures.secret;
import static io.gitopsruntime.validators.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.testing.Fault;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@KubernetesTest(namespace = "codefresh")
class ExistingRuntimeValidatorTest {
  private static final String ID = ExistingRuntimeValidator.ID;
  private static final String VALUES = "{\"global\":{\"runtime\":{\"name\":\"prod-us\"}}}";

  private final ExistingRuntimeValidator validator = new ExistingRuntimeValidator();

  private List<Finding> check(KubernetesClient client) throws Exception {
    return check(client, v -> v);
  }

  private List<Finding> check(KubernetesClient client, UnaryOperator<GitOpsRuntimeValues> edit) throws Exception {
    return validator.validate(Fixtures.context(Fixtures.tunnel(edit), client));
  }

  private static void create(KubernetesClient client, Secret secret) {
    String namespace = secret.getMetadata().getNamespace();
    if (client.namespaces().withName(namespace).get() == null) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
    client.secrets().inNamespace(namespace).resource(secret).create();
  }

  private static void runtimeConfigMap(KubernetesClient client, String namespace, Map<String, String> labels) {
    if (client.namespaces().withName(namespace).get() == null) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
    client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata().withName("codefresh-cm")
        .withNamespace(namespace).withLabels(labels).endMetadata().build()).create();
  }

  @Nested
  class Valid {
    @Test
    void passesOnAClusterWithoutRuntimes(KubernetesClient client) throws Exception {
      create(client, HelmRecords.release("monitoring", "prometheus", 3, "deployed", "kube-prometheus-stack", "65.1.0",
          VALUES));

      assertThat(check(client)).isEmpty();
    }

    @Test
    void takesThisReleaseInItsNamespaceForAnUpgrade(KubernetesClient client) throws Exception {
      create(client, HelmRecords.release("codefresh", "cf-gitops-runtime", 1, "superseded", "gitops-runtime", "0.29.3",
          VALUES));
      create(client, HelmRecords.release("codefresh", "cf-gitops-runtime", 2, "deployed", "gitops-runtime", "0.30.0",
          VALUES));

      assertThat(check(client)).isEmpty();
    }

    @Test
    void ignoresUninstalledReleasesKeptInHistory(KubernetesClient client) throws Exception {
      create(client, HelmRecords.release("team-a", "runtime", 1, "superseded", "gitops-runtime", "0.29.3", VALUES));
      create(client, HelmRecords.release("team-a", "runtime", 2, "uninstalled", "gitops-runtime", "0.29.3", VALUES));

      assertThat(check(client)).isEmpty();
    }

    @Test
    void ignoresAnEmptyRuntimeToken(KubernetesClient client) throws Exception {
      secret(client, "codefresh", "codefresh-token", "token", "");

      assertThat(check(client)).isEmpty();
    }
  }

  @Nested
  class OtherRuntimes {
    @Test
    void reportsAnotherReleaseOfTheChartInTheNamespace(KubernetesClient client) throws Exception {
      create(client, HelmRecords.release("codefresh", "gitops", 4, "deployed", "gitops-runtime", "0.29.3", VALUES));

      assertThat(check(client)).containsExactly(error(ID, "cluster.existing-runtime", "release",
          "Namespace \"codefresh\" already holds a GitOps Runtime (release \"gitops\" of chart gitops-runtime 0.29.3):"
              + " a second release in the same namespace collides with its objects (cap-app-proxy, codefresh-cm, ...)"
              + " and Helm fails.",
          "To upgrade that runtime, use release name \"gitops\"; otherwise install into another namespace."));
    }

    @Test
    void warnsOfARuntimeInAnotherNamespace(KubernetesClient client) throws Exception {
      create(client, HelmRecords.release("team-a", "runtime", 2, "deployed", "gitops-runtime", "0.30.0", VALUES));
      runtimeConfigMap(client, "team-a", Map.of("app.kubernetes.io/part-of", "codefresh-gitops-runtime",
          "codefresh.io/runtime-name", "prod-us"));

      assertThat(check(client)).containsExactly(warning(ID, "cluster.existing-runtime",
          "global.runtime.singleNamespace",
          "Another GitOps Runtime runs in namespace \"team-a\" (release \"runtime\" of chart gitops-runtime 0.30.0,"
              + " runtime \"prod-us\"): a cluster holds one cluster-wide runtime, and two of them fight over the same"
              + " CRDs, ClusterRoles and Argo CD applications.",
          "Install into another cluster; or make every runtime of the cluster namespaced:"
              + " global.runtime.singleNamespace=true, and for all but the first argo-cd.crds.install=false,"
              + " argo-workflows.crds.install=false and gitops-operator.crds.install=false (the chart's"
              + " values-multi-runtimes files)."));
    }

    @Test
    void findsARuntimeByItsLabelsAlone(KubernetesClient client) throws Exception {
      runtimeConfigMap(client, "legacy", Map.of("codefresh.io/runtime-name", "old-one"));
      runtimeConfigMap(client, "other", Map.of("app.kubernetes.io/part-of", "codefresh-gitops-runtime"));

      assertThat(check(client)).extracting(Finding::message).containsExactly(
          "Another GitOps Runtime runs in namespace \"legacy\" (runtime \"old-one\"): a cluster holds one cluster-wide"
              + " runtime, and two of them fight over the same CRDs, ClusterRoles and Argo CD applications.",
          "Another GitOps Runtime runs in namespace \"other\" (objects labelled"
              + " app.kubernetes.io/part-of=codefresh-gitops-runtime): a cluster holds one cluster-wide runtime, and"
              + " two of them fight over the same CRDs, ClusterRoles and Argo CD applications.");
    }

    @Test
    void onlyInformsWhenThisRuntimeIsNamespaced(KubernetesClient client) throws Exception {
      create(client, HelmRecords.release("team-a", "runtime", 1, "deployed", "gitops-runtime", "0.30.0", VALUES));

      assertThat(check(client, v -> runtime(v, r -> r.withSingleNamespace(true)))).containsExactly(info(ID,
          "cluster.existing-runtime", "global.runtime.singleNamespace",
          "Another GitOps Runtime runs in namespace \"team-a\" (release \"runtime\" of chart gitops-runtime 0.30.0):"
              + " namespaced runtimes can share a cluster when every one of them is namespaced and only the first"
              + " installs the CRDs.",
          "Unless this is the cluster's first runtime, also set argo-cd.crds.install=false,"
              + " argo-workflows.crds.install=false and gitops-operator.crds.install=false."));
    }
  }

  @Nested
  class RuntimeToken {
    @Test
    void explainsTheUpgradePathWhenThisReleaseHasARuntimeToken(KubernetesClient client) throws Exception {
      create(client, HelmRecords.release("codefresh", "cf-gitops-runtime", 1, "deployed", "gitops-runtime", "0.30.0",
          VALUES));
      secret(client, "codefresh", "codefresh-token", "token", "runtime-token");

      assertThat(check(client)).containsExactly(info(ID, "cluster.runtime-token", "namespace",
          "Namespace \"codefresh\" holds release \"cf-gitops-runtime\" and its runtime token (Secret codefresh-token),"
              + " so this is an upgrade: Codefresh's validation hook checks only that the runtime still exists on the"
              + " platform, with that token, and not the API key, the account, the runtime name or the Git token.",
          ""));
    }

    @Test
    void warnsOfALeftoverRuntimeTokenOnANewInstallation(KubernetesClient client) throws Exception {
      secret(client, "codefresh", "codefresh-token", "token", "runtime-token");

      assertThat(check(client)).containsExactly(warning(ID, "cluster.runtime-token", "namespace",
          "Namespace \"codefresh\" holds a runtime token (Secret codefresh-token) but no release \"cf-gitops-runtime\":"
              + " it is left from a runtime installed here before. Codefresh's validation hook then treats the"
              + " installation as an upgrade of that runtime: it validates with the old token, fails if that runtime"
              + " was deleted from the platform, and skips the API key, account, runtime name and Git token checks.",
          "For a new runtime delete the leftover Secret first (kubectl delete secret codefresh-token -n codefresh);"
              + " to reinstall the old runtime, keep it and set global.runtime.name to that runtime's name."));
    }
  }

  @Nested
  class Failures {
    @Test
    void turnsAServerErrorIntoAFinding(KubernetesTestServer server) throws Exception {
      server.inject(Fault.status(500).on("GET", "/api/v1/secrets"));

      try (KubernetesClient client = Fixtures.noRetry(server)) {
        assertThat(check(client)).containsExactly(error(ID, "cluster.api-error", "",
            "Listing Helm's release Secrets in all namespaces failed (HTTP 500: injected fault: HTTP 500 for GET on"
                + " /api/v1/secrets, 1 time(s)): the existing runtime check could not run.",
            "The Kubernetes API server failed: check its health (kubectl get --raw /readyz) and retry."));
      }
    }

    @Test
    void reportsTheSkipWithoutAClusterClient() throws Exception {
      assertThat(validator.validate(Fixtures.context(Fixtures.tunnel()))).extracting(Finding::ruleId)
          .containsExactly("cluster.skipped");
    }
  }
}
