package io.gitopsruntime.validators.realcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.values.SecretValue;
import io.gitopsruntime.testing.cluster.RealCluster;
import io.gitopsruntime.testing.cluster.RealControlPlane;
import io.gitopsruntime.validators.RuleIds;
import io.gitopsruntime.validators.Validators;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The cluster validators against a real API server (RBAC on, real discovery, real SelfSubjectAccessReview,
 * kwok nodes), each in a namespace of its own.
 */
@RealCluster
class ClusterValidatorsOnRealClusterIT {
  private static final ValidatorChain CHAIN = ValidatorChain.builder().addAll(Validators.cluster()).build();

  private static RuntimeInstallation tunnel(String namespace) {
    return RuntimeInstallation.builder().namespace(namespace).runtimeName("payments-prod-eu")
        .tunnel("628a80b693a15c0f9c13ab75", SecretValue.fromSecret("codefresh-user-token", "token")).build();
  }

  private static ValidationReport validate(RuntimeInstallation installation, KubernetesClient client) {
    return CHAIN.validate(ValidationContext.builder(installation).offline(false)
        .service(KubernetesClient.class, client).build());
  }

  private static List<String> rules(ValidationReport report) {
    return report.findings().stream().map(Finding::ruleId).toList();
  }

  private static void addToken(KubernetesClient client, String namespace) {
    client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata()
        .withName("codefresh-user-token").endMetadata().addToStringData("token", "a.b").build()).create();
  }

  @Test
  void acceptsAReadyClusterForTheClusterAdmin(RealControlPlane cluster, KubernetesClient client) {
    String namespace = cluster.createNamespace("ready");
    addToken(client, namespace);

    ValidationReport report = validate(tunnel(namespace), client);

    assertThat(report.errors()).as(report.toString()).isEmpty();
    assertThat(rules(report)).as(report.toString()).doesNotContain(RuleIds.CLUSTER_KUBERNETES_VERSION,
        RuleIds.CLUSTER_PERMISSIONS, RuleIds.CLUSTER_NODE_CAPACITY, RuleIds.CLUSTER_API_ERROR);
  }

  @Test
  void reportsASecretReferenceMissingFromTheNamespace(RealControlPlane cluster, KubernetesClient client) {
    String namespace = cluster.createNamespace("no-token");

    ValidationReport report = validate(tunnel(namespace), client);

    assertThat(report.errors()).extracting(Finding::ruleId).contains(RuleIds.CLUSTER_SECRET_REF);
  }

  @Test
  void reportsExactlyTheRightsANonAdminUserLacks(RealControlPlane cluster, KubernetesClient admin) throws Exception {
    String namespace = cluster.createNamespace("jane");
    addToken(admin, namespace);
    admin.rbac().clusterRoles().resource(new ClusterRoleBuilder().withNewMetadata().withName("jane-reader").endMetadata()
        .withRules(new PolicyRuleBuilder().withApiGroups("", "apps", "apiextensions.k8s.io", "networking.k8s.io")
            .withResources("secrets", "configmaps", "nodes", "namespaces", "deployments",
                "customresourcedefinitions", "ingressclasses")
            .withVerbs("get", "list").build()).build()).serverSideApply();
    admin.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata()
        .withName("jane-reader").endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "jane-reader")
        .addNewSubject().withKind("User").withName("jane").withApiGroup("rbac.authorization.k8s.io").endSubject()
        .build()).serverSideApply();
    Path kubeconfig = cluster.kubeconfigFor("jane");

    ValidationReport report;
    try (KubernetesClient jane = new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
      report = validate(tunnel(namespace), jane);
    }

    assertThat(report.errors()).extracting(Finding::ruleId).as(report.toString())
        .contains(RuleIds.CLUSTER_PERMISSIONS);
    Finding permissions = report.errors().stream().filter(f -> f.ruleId().equals(RuleIds.CLUSTER_PERMISSIONS))
        .findFirst().orElseThrow();
    assertThat(permissions.message()).as("names what jane may not do").contains("create");
  }

  @Test
  void reportsAMissingIngressClassAndAcceptsItOnceItExists(RealControlPlane cluster, KubernetesClient client) {
    String namespace = cluster.createNamespace("ingress");
    addToken(client, namespace);
    RuntimeInstallation ingress = RuntimeInstallation.builder().from(tunnel(namespace))
        .ingress("runtime.example.com", "gitops-test-class").build();

    assertThat(rules(validate(ingress, client))).contains(RuleIds.CLUSTER_INGRESS_CLASS);

    client.network().v1().ingressClasses().resource(new IngressClassBuilder().withNewMetadata()
        .withName("gitops-test-class").endMetadata().withNewSpec().withController("example.com/ingress").endSpec()
        .build()).serverSideApply();

    assertThat(rules(validate(ingress, client))).doesNotContain(RuleIds.CLUSTER_INGRESS_CLASS);
  }

  @Test
  void reportsAnotherRuntimeAlreadyInTheCluster(RealControlPlane cluster, KubernetesClient client) {
    String other = cluster.createNamespace("old-runtime");
    client.configMaps().inNamespace(other).resource(new ConfigMapBuilder().withNewMetadata().withName("codefresh-cm")
        .addToLabels("app.kubernetes.io/part-of", "codefresh-gitops-runtime")
        .addToLabels("codefresh.io/runtime-name", "old-runtime").endMetadata().build()).create();
    String namespace = cluster.createNamespace("new-runtime");
    addToken(client, namespace);

    ValidationReport report = validate(tunnel(namespace), client);

    assertThat(rules(report)).as(report.toString()).contains(RuleIds.CLUSTER_EXISTING_RUNTIME);
    client.namespaces().withName(other).delete();
  }

  @Test
  void reportsArgoCrdsThatHelmDoesNotOwn(RealControlPlane cluster, KubernetesClient client) {
    String namespace = cluster.createNamespace("argo-crds");
    addToken(client, namespace);
    client.apiextensions().v1().customResourceDefinitions().resource(new CustomResourceDefinitionBuilder()
        .withNewMetadata().withName("appprojects.argoproj.io").endMetadata().withNewSpec().withGroup("argoproj.io")
        .withScope("Namespaced").withNewNames().withKind("AppProject").withPlural("appprojects")
        .withSingular("appproject").withListKind("AppProjectList").endNames()
        .addNewVersion().withName("v1alpha1").withServed(true).withStorage(true).withNewSchema()
        .withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true).endOpenAPIV3Schema()
        .endSchema().endVersion().endSpec().build()).fieldManager("argocd-previous-install").serverSideApply();
    try {
      ValidationReport report = validate(tunnel(namespace), client);

      assertThat(rules(report)).as(report.toString()).contains(RuleIds.CLUSTER_ARGO_CRD_OWNERSHIP);
    } finally {
      client.apiextensions().v1().customResourceDefinitions().withName("appprojects.argoproj.io").delete();
    }
  }

  @Test
  void reportsAMissingPullSecretAndAcceptsItOnceItIsADockerConfig(RealControlPlane cluster, KubernetesClient client) {
    String namespace = cluster.createNamespace("pull-secret");
    addToken(client, namespace);
    RuntimeInstallation mirrored = RuntimeInstallation.builder().from(tunnel(namespace))
        .privateRegistry(io.gitopsruntime.PrivateRegistry.of("registry.example.com/mirror").withPullSecret("regcred"))
        .build();

    assertThat(rules(validate(mirrored, client))).contains(RuleIds.CLUSTER_PULL_SECRET);

    client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName("regcred")
        .endMetadata().withType("kubernetes.io/dockerconfigjson")
        .addToStringData(".dockerconfigjson", "{\"auths\":{\"registry.example.com\":{\"auth\":\"dTpw\"}}}")
        .build()).create();
    ValidationReport report = validate(mirrored, client);

    assertThat(rules(report)).as(report.toString()).doesNotContain(RuleIds.CLUSTER_PULL_SECRET);
    assertThat(report.toString()).doesNotContain("dTpw");
  }

  /**
   * The external Argo CD's version through the real API server's service proxy, to a server this test runs: the
   * Argo CD server Pod uses the host network on a kwok node whose address is this machine's, so the Service
   * selects it, the endpoints controller lists it, and the API server proxies to the test's server (it refuses
   * Endpoints without a Pod and loopback addresses).
   */
  @Test
  void checksTheExternalArgoCdVersionThroughTheServiceProxy(RealControlPlane cluster, KubernetesClient client)
      throws Exception {
    String node = "argo-cd-host";
    Optional<InetAddress> host = cluster.addHostNode(node);
    Assumptions.assumeTrue(host.isPresent(), "this machine has no non-loopback IPv4 address for the API server to"
        + " proxy to");
    AtomicReference<String> version = new AtomicReference<>("v3.1.8+e0f9c8c");
    AtomicReference<String> asked = new AtomicReference<>("");
    HttpServer argoCd = HttpServer.create(new InetSocketAddress(host.get(), 0), 0);
    argoCd.createContext("/", exchange -> {
      asked.set(exchange.getRequestURI().getPath());
      byte[] body = ("{\"Version\":\"" + version.get() + "\",\"BuildDate\":\"2026-10-01T00:00:00Z\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    argoCd.start();
    int port = argoCd.getAddress().getPort();
    try {
      String namespace = cluster.createNamespace("external-argo");
      addToken(client, namespace);
      client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata()
          .withName("argocd-initial-admin-secret").endMetadata().addToStringData("password", "p").build()).create();
      Map<String, String> labels = Map.of("app.kubernetes.io/component", "server", "app.kubernetes.io/part-of",
          "argocd", "app.kubernetes.io/name", "argocd-server");
      client.pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata().withName("argocd-server-0")
          .withLabels(labels).endMetadata().withNewSpec().withNodeName(node).withHostNetwork(true)
          .addNewContainer().withName("server").withImage("quay.io/argoproj/argocd:v3.3.6").addNewPort()
          .withName("http").withContainerPort(port).endPort().endContainer().endSpec().build()).create();
      client.services().inNamespace(namespace).resource(new ServiceBuilder().withNewMetadata()
          .withName("argocd-server").withLabels(labels).endMetadata().withNewSpec()
          .withSelector(Map.of("app.kubernetes.io/name", "argocd-server")).addNewPort().withName("http")
          .withPort(80).withNewTargetPort(port).endPort().endSpec().build()).create();
      client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata()
          .withName("argocd-cmd-params-cm").endMetadata().addToData("server.rootpath", "/argo-cd/").build())
          .create();
      client.endpoints().inNamespace(namespace).withName("argocd-server").waitUntilCondition(e -> e != null
          && e.getSubsets() != null && !e.getSubsets().isEmpty(), 60, TimeUnit.SECONDS);
      RuntimeInstallation external = RuntimeInstallation.builder().from(tunnel(namespace))
          .editValues(v -> v.withArgoCd(v.argoCd().withEnabled(false))).build();

      ValidationReport old = validate(external, client);

      assertThat(old.errors()).as(old.toString()).extracting(Finding::ruleId)
          .containsExactly(RuleIds.CLUSTER_ARGO_CD_VERSION);
      assertThat(old.errors().get(0).message())
          .startsWith("Your Argo CD runs version v3.1.8+e0f9c8c, outside the range >=3.2 <=3.4");
      assertThat(asked.get()).as("the root path from argocd-cmd-params-cm").isEqualTo("/argo-cd/api/version");

      version.set("v3.3.6+2d8d8a2");
      ValidationReport supported = validate(external, client);

      assertThat(supported.errors()).as(supported.toString()).isEmpty();
      assertThat(rules(supported)).as(supported.toString()).doesNotContain(RuleIds.CLUSTER_ARGO_CD_VERSION,
          RuleIds.CLUSTER_ARGO_CD_SERVER, RuleIds.CLUSTER_API_ERROR);
    } finally {
      argoCd.stop(0);
      client.nodes().withName(node).delete();
    }
  }
}
