package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.info;
import static io.gitopsruntime.validators.Fixtures.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
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
class ArgoCrdOwnershipValidatorTest {
  private static final String ID = ArgoCrdOwnershipValidator.ID;
  private static final Map<String, String> OURS = Map.of("meta.helm.sh/release-name", "cf-gitops-runtime",
      "meta.helm.sh/release-namespace", "codefresh");
  private static final Map<String, String> HELM = Map.of("app.kubernetes.io/managed-by", "Helm");

  private final ArgoCrdOwnershipValidator validator = new ArgoCrdOwnershipValidator();

  private List<Finding> check(KubernetesClient client) throws Exception {
    return check(client, v -> v);
  }

  private List<Finding> check(KubernetesClient client, UnaryOperator<GitOpsRuntimeValues> edit) throws Exception {
    return validator.validate(Fixtures.context(Fixtures.tunnel(edit), client));
  }

  private static void crd(KubernetesClient client, String group, String plural, String kind,
      Map<String, String> labels, Map<String, String> annotations) {
    client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
        .withNewMetadata().withName(plural + "." + group).withLabels(labels).withAnnotations(annotations).endMetadata()
        .withNewSpec().withGroup(group).withScope("Namespaced")
        .withNewNames().withPlural(plural).withKind(kind).withSingular(kind.toLowerCase()).endNames()
        .addNewVersion().withName("v1alpha1").withServed(true).withStorage(true)
        .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
        .endOpenAPIV3Schema().endSchema().endVersion()
        .endSpec().build()).create();
  }

  private static void argoCrd(KubernetesClient client, String plural, String kind) {
    crd(client, "argoproj.io", plural, kind, Map.of(), Map.of());
  }

  @Nested
  class Valid {
    @Test
    void passesWhenNoArgoCrdExists(KubernetesClient client) throws Exception {
      crd(client, "codefresh.io", "products", "Product", Map.of(), Map.of());

      assertThat(check(client)).isEmpty();
    }

    @Test
    void passesWhenTheCrdsAreThisReleases(KubernetesClient client) throws Exception {
      crd(client, "argoproj.io", "applications", "Application", HELM, OURS);
      crd(client, "argoproj.io", "workflows", "Workflow", HELM, OURS);

      assertThat(check(client)).isEmpty();
    }

    @Test
    void leavesAloneCrdsTheChartDoesNotInstall(KubernetesClient client) throws Exception {
      argoCrd(client, "applications", "Application");
      argoCrd(client, "rollouts", "Rollout");

      // argo-cd.crds.install=false (a runtime that is not the cluster's first); Rollouts left the chart in 0.27
      assertThat(check(client, v -> v.withArgoCd(v.argoCd().withAdditionalValues(map("crds", map("install", false))))))
          .isEmpty();
    }
  }

  @Nested
  class Invalid {
    @Test
    void reportsAnUnownedArgoCdCrdWithTheCommandsThatHandItOver(KubernetesClient client) throws Exception {
      argoCrd(client, "applications", "Application");

      assertThat(check(client)).containsExactly(error(ID, "cluster.argo-crd-ownership", "argo-cd.crds.install",
          "CRD \"applications.argoproj.io\" exists outside this release (no label app.kubernetes.io/managed-by=Helm;"
              + " no annotation meta.helm.sh/release-name=cf-gitops-runtime; no annotation"
              + " meta.helm.sh/release-namespace=codefresh), and the chart's Argo CD installs it too: Helm refuses to"
              + " adopt it (\"exists and cannot be imported into the current release\") and the installation fails.",
          "Hand it to release \"cf-gitops-runtime\" in namespace \"codefresh\": kubectl label crd"
              + " applications.argoproj.io app.kubernetes.io/managed-by=Helm --overwrite && kubectl annotate crd"
              + " applications.argoproj.io meta.helm.sh/release-name=cf-gitops-runtime"
              + " meta.helm.sh/release-namespace=codefresh --overwrite."));
    }

    @Test
    void reportsACrdOfAnotherReleaseAndTheMultiRuntimeWayOut(KubernetesClient client) throws Exception {
      crd(client, "argoproj.io", "workflows", "Workflow", HELM,
          Map.of("meta.helm.sh/release-name", "gitops", "meta.helm.sh/release-namespace", "team-a"));

      assertThat(check(client)).containsExactly(error(ID, "cluster.argo-crd-ownership", "argo-workflows.crds.install",
          "CRD \"workflows.argoproj.io\" exists in Helm release \"gitops\" in namespace \"team-a\" (annotation"
              + " meta.helm.sh/release-name is \"gitops\", not \"cf-gitops-runtime\"; annotation"
              + " meta.helm.sh/release-namespace is \"team-a\", not \"codefresh\"), and the chart's Argo Workflows"
              + " installs it too: Helm refuses to adopt it (\"exists and cannot be imported into the current"
              + " release\") and the installation fails.",
          "Hand it to release \"cf-gitops-runtime\" in namespace \"codefresh\": kubectl label crd"
              + " workflows.argoproj.io app.kubernetes.io/managed-by=Helm --overwrite && kubectl annotate crd"
              + " workflows.argoproj.io meta.helm.sh/release-name=cf-gitops-runtime"
              + " meta.helm.sh/release-namespace=codefresh --overwrite. If release \"gitops\" in namespace \"team-a\" is"
              + " another GitOps Runtime, rather set argo-workflows.crds.install=false, so that only one release"
              + " installs the CRDs."));
    }

    @Test
    void reportsEachCrdThatLacksOnlyTheLabel(KubernetesClient client) throws Exception {
      crd(client, "argoproj.io", "appprojects", "AppProject", Map.of(), OURS);
      crd(client, "argoproj.io", "applicationsets", "ApplicationSet", Map.of(), OURS);

      assertThat(check(client)).extracting(Finding::path, f -> f.message().substring(0, f.message().indexOf(')') + 1))
          .containsExactly(
              tuple("argo-cd.crds.install",
                  "CRD \"applicationsets.argoproj.io\" exists in Helm release \"cf-gitops-runtime\" in namespace"
                      + " \"codefresh\" (no label app.kubernetes.io/managed-by=Helm)"),
              tuple("argo-cd.crds.install",
                  "CRD \"appprojects.argoproj.io\" exists in Helm release \"cf-gitops-runtime\" in namespace"
                      + " \"codefresh\" (no label app.kubernetes.io/managed-by=Helm)"));
    }

    @Test
    void reportsRolloutsCrdsForChartsThatStillBundleRollouts(KubernetesClient client) throws Exception {
      argoCrd(client, "rollouts", "Rollout");
      RuntimeInstallation old = Fixtures.tunnel().toBuilder().chartVersion("0.26.4").build();

      assertThat(validator.validate(Fixtures.context(old, client))).extracting(Finding::ruleId, Finding::path)
          .containsExactly(tuple("cluster.argo-crd-ownership",
              "argo-rollouts.installCRDs"));
    }
  }

  @Nested
  class ExternalArgoCd {
    @Test
    void leavesYourOwnArgoCdsCrdsToItButStillChecksWorkflows(KubernetesClient client) throws Exception {
      argoCrd(client, "applications", "Application");
      argoCrd(client, "appprojects", "AppProject");
      argoCrd(client, "workflowtemplates", "WorkflowTemplate");

      List<Finding> findings = check(client, v -> v.withArgoCd(v.argoCd().withEnabled(false)));

      assertThat(findings).extracting(Finding::ruleId, Finding::path).containsExactly(
          tuple("cluster.argo-crd-ownership", "argo-workflows.crds.install"),
          tuple("cluster.argo-crd-ownership", "argo-cd.enabled"));
      assertThat(findings.get(1)).isEqualTo(info(ID, "cluster.argo-crd-ownership", "argo-cd.enabled",
          "CRDs \"applications.argoproj.io\", \"appprojects.argoproj.io\" belong to your own Argo CD: with"
              + " argo-cd.enabled=false the chart does not install them, so Helm leaves them alone.",
          "Do not hand them to this release."));
    }
  }

  @Nested
  class Failures {
    @Test
    void turnsAServerErrorIntoAFinding(KubernetesTestServer server) throws Exception {
      server.inject(Fault.status(500).on("GET", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions"));

      try (KubernetesClient client = Fixtures.noRetry(server)) {
        assertThat(check(client)).containsExactly(error(ID, "cluster.api-error", "",
            "Listing the cluster's CustomResourceDefinitions failed (HTTP 500: injected fault: HTTP 500 for GET on"
                + " /apis/apiextensions.k8s.io/v1/customresourcedefinitions, 1 time(s)): the Argo CRD ownership check"
                + " could not run.",
            "The Kubernetes API server failed: check its health (kubectl get --raw /readyz) and retry."));
      }
    }
  }
}
