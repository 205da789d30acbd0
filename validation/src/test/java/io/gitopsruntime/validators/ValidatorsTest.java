package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.codefresh;
import static io.gitopsruntime.validators.Fixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.testing.Fault;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validation.ValidatorKind;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ValidatorsTest {

  @Test
  void listsOfflineValidatorsThatNeedNoNetwork() {
    assertThat(Validators.offline()).extracting(Validator::kind).containsOnly(ValidatorKind.OFFLINE);
    assertThat(Validators.offline()).extracting(Validator::id).containsExactly(
        "offline.names", "offline.access-mode", "offline.account-id", "offline.user-token",
        "offline.git-credentials", "offline.platform-ca", "offline.urls", "offline.skip-flags",
        "offline.chart-guards", "offline.deprecated-keys", "offline.masked-secrets", "offline.chart-keys",
        "offline.private-registry");
  }

  @Test
  void listsClusterValidatorsWithTheirKindAndTimeouts() {
    assertThat(Validators.cluster()).extracting(Validator::kind).containsOnly(ValidatorKind.CLUSTER);
    assertThat(Validators.cluster()).extracting(Validator::id).containsExactly(
        "cluster.secrets", "cluster.ingress-class", "cluster.kubernetes-version", "cluster.permissions",
        "cluster.node-capacity", "cluster.existing-runtime", "cluster.argo-crds", "cluster.argo-cd-version",
        "cluster.pull-secret");
    assertThat(Validators.cluster()).allMatch(v -> v.timeout().isPresent());
  }

  @Test
  void listsRemoteValidatorsWithTheirKindsAndTimeouts() {
    assertThat(Validators.remote()).extracting(Validator::id, Validator::kind).containsExactly(
        tuple("codefresh.platform", ValidatorKind.PLATFORM),
        tuple("git.provider", ValidatorKind.GIT_PROVIDER),
        tuple("ingress.probe", ValidatorKind.INGRESS_PROBE));
    assertThat(Validators.remote()).allMatch(v -> v.timeout().isPresent());
  }

  @Test
  void listsAllValidatorsOfflineThenClusterThenRemoteWithUniqueIds() {
    assertThat(Validators.all()).extracting(Validator::id).doesNotHaveDuplicates().hasSize(25)
        .startsWith("offline.names").endsWith("ingress.probe");
    assertThat(Validators.all()).extracting(Validator::kind).containsSubsequence(
        ValidatorKind.OFFLINE, ValidatorKind.CLUSTER, ValidatorKind.PLATFORM);
  }

  @Test
  void namesEachValidatorByItsId() {
    assertThat(Validators.all()).allMatch(v -> v.toString().equals("Validator(" + v.id() + ")"));
  }

  @Nested
  class InAChain {
    private static final Set<String> ONE_PER_CHECK = Set.of("/version", "/api/v1/nodes",
        "/apis/apiextensions.k8s.io/v1/customresourcedefinitions");

    private RuntimeInstallation installation(PlatformServer platform) {
      return Fixtures.tunnel(v -> codefresh(v, c -> c.withUrl(platform.url())));
    }

    private void unownedArgoCdCrd(KubernetesClient client) {
      client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
          .withNewMetadata().withName("applications.argoproj.io").endMetadata()
          .withNewSpec().withGroup("argoproj.io").withScope("Namespaced")
          .withNewNames().withPlural("applications").withKind("Application").endNames()
          .addNewVersion().withName("v1alpha1").withServed(true).withStorage(true).endVersion()
          .endSpec().build()).create();
    }

    @Test
    void runsTheClusterChecksConcurrentlyWithTheOtherValidatorsIntoOneReport() {
      try (KubernetesTestServer server = KubernetesTestServer.builder().namespace("codefresh").start();
          ApiGateway gateway = new ApiGateway(server);
          PlatformServer platform = new PlatformServer()) {
        secret(server.client(), "codefresh", "codefresh-user-token", "token", "api-key");
        unownedArgoCdCrd(server.client());
        platform.respond("Me", PlatformServer.ME).respond("GetRuntime", PlatformServer.NO_RUNTIME);
        // the Kubernetes version, node capacity and Argo CRD checks each send one of these; none is answered
        // until all three are in flight, which a chain running them one after the other never achieves
        gateway.holdTogether(3, r -> r.getMethod().equals("GET") && ONE_PER_CHECK.contains(r.getUrl().encodedPath()));

        ValidationReport report = ValidatorChain.builder().addAll(Validators.all()).build()
            .validate(Fixtures.context(installation(platform), gateway.client()));

        assertThat(gateway.metTogether()).as("three cluster checks in flight at once").isTrue();
        assertThat(report.findings()).extracting(Finding::severity, Finding::validatorId, Finding::ruleId)
            .contains(
                tuple(Severity.ERROR, ArgoCrdOwnershipValidator.ID, "cluster.argo-crd-ownership"),
                tuple(Severity.WARNING, "offline.urls", "platform-url.insecure"))
            .doesNotContain(tuple(Severity.ERROR, PlatformValidator.ID, "user-token.secret"));
        assertThat(report.findings()).extracting(Finding::ruleId)
            .doesNotContain("validator.failed", "validator.timeout", "cluster.skipped", "cluster.api-error");
        assertThat(platform.operations()).contains("Me", "GetRuntime");
      }
    }

    @Test
    void reportsAFailingApiServerAsAFindingWhileTheOtherChecksStillRun() {
      try (KubernetesTestServer server = KubernetesTestServer.builder().namespace("codefresh").start();
          ApiGateway gateway = new ApiGateway(server);
          PlatformServer platform = new PlatformServer()) {
        secret(server.client(), "codefresh", "codefresh-user-token", "token", "api-key");
        unownedArgoCdCrd(server.client());
        platform.respond("Me", PlatformServer.ME).respond("GetRuntime", PlatformServer.NO_RUNTIME);
        server.inject(Fault.status(500).on("GET", "/api/v1/nodes").always());

        ValidationReport report = ValidatorChain.builder().addAll(Validators.all()).build()
            .validate(Fixtures.context(installation(platform), gateway.client()));

        assertThat(report.findings()).filteredOn(f -> f.validatorId().equals(NodeCapacityValidator.ID))
            .containsExactly(Fixtures.error(NodeCapacityValidator.ID, "cluster.api-error", "",
                "Listing the cluster's Nodes failed (HTTP 500: injected fault: HTTP 500 for GET on /api/v1/nodes,"
                    + " always): the node capacity check could not run.",
                "The Kubernetes API server failed: check its health (kubectl get --raw /readyz) and retry."));
        assertThat(report.findings()).extracting(Finding::ruleId).contains("cluster.argo-crd-ownership")
            .doesNotContain("validator.failed", "validator.timeout");
      }
    }

    @Test
    void skipsEveryClusterCheckWithHowToRunItWhenNoClusterIsGiven() {
      try (PlatformServer platform = new PlatformServer()) {
        ValidationReport report = ValidatorChain.builder().addAll(Validators.cluster()).build()
            .validate(Fixtures.context(installation(platform)));

        assertThat(report.findings()).extracting(Finding::validatorId).containsExactly(
            "cluster.secrets", "cluster.kubernetes-version", "cluster.permissions", "cluster.node-capacity",
            "cluster.existing-runtime", "cluster.argo-crds");
        assertThat(report.findings()).allSatisfy(f -> {
          assertThat(f.severity()).isEqualTo(Severity.INFO);
          assertThat(f.ruleId()).isEqualTo("cluster.skipped");
          assertThat(f.remediation()).contains("service(KubernetesClient.class, client)", "--kubeconfig");
        });
      }
    }
  }
}
