package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.info;
import static io.gitopsruntime.validators.Fixtures.map;
import static io.gitopsruntime.validators.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.ExplicitNull;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The harness has no service proxy (it answers 404 for {@code services/<name>:<port>/proxy/...}, as an API server
 * that cannot reach the Service would), so Argo CD's answers come from an {@link ApiGateway} in front of it; the
 * Service lookup, the ConfigMap and everything else are the harness's.
 */
@KubernetesTest(namespace = "codefresh")
class ExternalArgoCdVersionValidatorTest {
  private static final String ID = ExternalArgoCdVersionValidator.ID;
  private static final Map<String, String> SERVER_LABELS =
      Map.of("app.kubernetes.io/component", "server", "app.kubernetes.io/part-of", "argocd");
  private static final String PROXY = "GET /api/v1/namespaces/codefresh/services/argocd-server:80/proxy/api/version";

  private final ExternalArgoCdVersionValidator validator = new ExternalArgoCdVersionValidator();
  private KubernetesTestServer server;
  private ApiGateway gateway;

  @BeforeEach
  void start(KubernetesTestServer server) {
    this.server = server;
    this.gateway = new ApiGateway(server);
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private static GitOpsRuntimeValues external(GitOpsRuntimeValues v) {
    return v.withArgoCd(v.argoCd().withEnabled(false));
  }

  private List<Finding> check(KubernetesClient client) throws Exception {
    return check(client, v -> v);
  }

  private List<Finding> check(KubernetesClient client, UnaryOperator<GitOpsRuntimeValues> edit) throws Exception {
    return validator.validate(Fixtures.context(Fixtures.tunnel(v -> edit.apply(external(v))), client));
  }

  private void service(String namespace, String name, int port, Map<String, String> labels) {
    KubernetesClient client = server.client();
    if (client.namespaces().withName(namespace).get() == null) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
    client.services().inNamespace(namespace).resource(new ServiceBuilder().withNewMetadata().withName(name)
        .withNamespace(namespace).withLabels(labels).endMetadata().withNewSpec().addNewPort().withName("http")
        .withPort(port).endPort().withSelector(Map.of("app.kubernetes.io/name", name)).endSpec().build()).create();
  }

  private void argoCdAnswers(String version) {
    gateway.answer(PROXY, r -> ApiGateway.json(200,
        "{\"Version\":\"" + version + "\",\"BuildDate\":\"2026-02-01T10:00:00Z\",\"GoVersion\":\"go1.24.6\"}"));
  }

  private static List<String> paths(List<RecordedRequest> requests) {
    return requests.stream().map(r -> r.getMethod() + " " + r.getUrl().encodedPath()).toList();
  }

  @Nested
  class Valid {
    @Test
    void passesWhenArgoCdIsInTheChartsRange() throws Exception {
      service("codefresh", "argocd-server", 80, SERVER_LABELS);
      argoCdAnswers("v3.3.6+2d8d8a2");

      assertThat(check(gateway.client())).isEmpty();
      assertThat(paths(gateway.answered)).containsExactly(PROXY);
    }

    @Test
    void acceptsEveryPatchReleaseOfTheUpperBound() throws Exception {
      service("codefresh", "argocd-server", 80, SERVER_LABELS);
      argoCdAnswers("v3.4.17");

      assertThat(check(gateway.client())).isEmpty();
    }

    @Test
    void asksUnderArgoCdsRootPath() throws Exception {
      service("codefresh", "argocd-server", 80, SERVER_LABELS);
      server.client().configMaps().inNamespace("codefresh").resource(new ConfigMapBuilder().withNewMetadata()
          .withName("argocd-cmd-params-cm").endMetadata().addToData("server.rootpath", "argocd/").build()).create();
      gateway.answer("GET .*/proxy/argocd/api/version", r -> ApiGateway.json(200, "{\"Version\":\"v3.2.0\"}"));

      assertThat(check(gateway.client())).isEmpty();
      assertThat(paths(gateway.answered)).containsExactly(
          "GET /api/v1/namespaces/codefresh/services/argocd-server:80/proxy/argocd/api/version");
    }

    @Test
    void fallsBackToHttpsWhenArgoCdServesOnlyTls() throws Exception {
      service("codefresh", "argocd-server", 80, SERVER_LABELS);
      gateway.answer(PROXY, r -> ApiGateway.json(400, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":"
          + "\"Failure\",\"code\":400,\"message\":\"Client sent an HTTP request to an HTTPS server.\"}"));
      gateway.answer("GET /api/v1/namespaces/codefresh/services/https:argocd-server:80/proxy/api/version",
          r -> ApiGateway.json(200, "{\"Version\":\"v3.3.0\"}"));

      assertThat(check(gateway.client())).isEmpty();
      assertThat(gateway.answered).hasSize(2);
    }

    @Test
    void findsTheServerByTheLabelsHelmMergesOverTheChartDefaults() throws Exception {
      service("codefresh", "argocd-server", 80,
          Map.of("app.kubernetes.io/component", "server", "app.kubernetes.io/name", "argocd-server"));
      argoCdAnswers("v3.3.6");

      assertThat(check(gateway.client(), v -> v.withInstaller(v.installer().withAdditionalValues(map(
          "argoCdVersionCheck", map("argoServerLabels", map("app.kubernetes.io/part-of", ExplicitNull.INSTANCE,
              "app.kubernetes.io/name", "argocd-server"))))))).isEmpty();
    }

    @Test
    void checksNothingWithTheBundledArgoCd() throws Exception {
      gateway.client();
      server.journal().clear();

      assertThat(validator.validate(Fixtures.context(Fixtures.tunnel(), gateway.client()))).isEmpty();
      assertThat(server.journal().calls()).isEmpty();
    }
  }

  @Nested
  class Invalid {
    @Test
    void reportsAVersionOutsideTheRange() throws Exception {
      service("codefresh", "argocd-server", 80, SERVER_LABELS);
      argoCdAnswers("v3.1.8+e0f9c8c");

      assertThat(check(gateway.client())).containsExactly(error(ID, "cluster.argo-cd-version", "argo-cd.enabled",
          "Your Argo CD runs version v3.1.8+e0f9c8c, outside the range >=3.2 <=3.4 that the newest chart (0.30.x)"
              + " supports: Codefresh's validation hook fails the installation (\"does not satisfy required range\").",
          "Move Argo CD to a version within >=3.2 <=3.4, or install the chart version that supports v3.1.8+e0f9c8c"
              + " (the chart's README lists them)."));
    }

    @Test
    void usesTheRangeOfTheChartVersion() throws Exception {
      service("codefresh", "argocd-server", 80, SERVER_LABELS);
      argoCdAnswers("v3.4.1");
      RuntimeInstallation installation = Fixtures.tunnel(ExternalArgoCdVersionValidatorTest::external).toBuilder()
          .chartVersion("0.29.7").build();

      assertThat(validator.validate(Fixtures.context(installation, gateway.client()))).singleElement()
          .extracting(Finding::message).isEqualTo("Your Argo CD runs version v3.4.1, outside the range >=3.1 <=3.3"
              + " that chart 0.29.x supports: Codefresh's validation hook fails the installation (\"does not satisfy"
              + " required range\").");
    }

    @Test
    void refusesAPreRelease() throws Exception {
      service("codefresh", "argocd-server", 80, SERVER_LABELS);
      argoCdAnswers("v3.3.0-rc2");

      assertThat(check(gateway.client())).singleElement().extracting(Finding::message).isEqualTo(
          "Your Argo CD runs version v3.3.0-rc2, a pre-release, which no range accepts, outside the range >=3.2 <=3.4"
              + " that the newest chart (0.30.x) supports: Codefresh's validation hook fails the installation"
              + " (\"does not satisfy required range\").");
    }

    @Test
    void reportsAnAnswerWithoutVersion() throws Exception {
      service("codefresh", "argocd-server", 80, SERVER_LABELS);
      gateway.answer(PROXY, r -> ApiGateway.json(200, "{\"version\":\"3.3.6\"}"));
      gateway.answer(".*/services/https:argocd-server:80/proxy/api/version",
          r -> ApiGateway.json(502, "{\"kind\":\"Status\",\"code\":502,\"message\":\"bad gateway\"}"));

      assertThat(check(gateway.client())).containsExactly(error(ID, "cluster.argo-cd-server", "argo-cd.enabled",
          "The /api/version answer of Service \"argocd-server\" has no Version field: Codefresh's validation hook"
              + " fails the same way (\"Could not parse '.Version' field\").",
          "Check that Service \"argocd-server\" is Argo CD's API server (argocd version --server ...)."));
    }

    @Test
    void neverQuotesAVersionFieldThatIsNotAVersion() throws Exception {
      service("codefresh", "argocd-server", 80, SERVER_LABELS);
      argoCdAnswers("<html>login</html>");

      assertThat(check(gateway.client())).singleElement().extracting(Finding::message).isEqualTo(
          "The /api/version answer of Service \"argocd-server\" has a Version field that is not a version:"
              + " Codefresh's validation hook fails the same way (\"Could not parse '.Version' field\").");
    }

    @Test
    void reportsAServerWithoutReadyPods() throws Exception {
      service("codefresh", "argocd-server", 80, SERVER_LABELS);
      gateway.answer("GET .*/services/.*argocd-server:80/proxy/api/version", r -> ApiGateway.json(503,
          "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":503,"
              + "\"message\":\"no endpoints available for service \\\"argocd-server\\\"\",\"reason\":\"ServiceUnavailable\"}"));

      assertThat(check(gateway.client())).containsExactly(error(ID, "cluster.argo-cd-server", "argo-cd.enabled",
          "GET /api/version on Service \"argocd-server\" port 80 in namespace \"codefresh\" through the Kubernetes API"
              + " server's service proxy failed (HTTP 503: no endpoints available for service \"argocd-server\"):"
              + " Codefresh's validation hook fails when it cannot read Argo CD's version.",
          "Check that the Argo CD server is running and ready (kubectl get pods -n codefresh"
              + " -l app.kubernetes.io/name=argocd-server)."));
    }

    @Test
    void reportsWhatTheHarnessAnswersWithoutAServiceProxy(KubernetesClient client) throws Exception {
      service("codefresh", "argocd-server", 80, SERVER_LABELS);

      assertThat(check(client)).containsExactly(error(ID, "cluster.argo-cd-server", "argo-cd.enabled",
          "GET /api/version on Service \"argocd-server\" port 80 in namespace \"codefresh\" through the Kubernetes API"
              + " server's service proxy failed (HTTP 404): Codefresh's validation hook fails when it cannot read Argo CD's version.",
          "Check that Service \"argocd-server\" is Argo CD's API server and that its first port serves the API"
              + " (kubectl get svc argocd-server -n codefresh -o yaml)."));
      assertThat(server.journal().calls("GET", "/api/v1/namespaces/codefresh/services/.*/proxy/api/version"))
          .extracting(c -> c.path()).containsExactly(
              "/api/v1/namespaces/codefresh/services/argocd-server:80/proxy/api/version",
              "/api/v1/namespaces/codefresh/services/https:argocd-server:80/proxy/api/version");
    }

    @Test
    void warnsWhenTheCheckMayNotUseTheServiceProxy() throws Exception {
      service("codefresh", "argocd-server", 80, SERVER_LABELS);
      gateway.answer("GET .*/proxy/api/version", r -> ApiGateway.json(403, "{\"kind\":\"Status\",\"code\":403,"
          + "\"message\":\"services \\\"argocd-server:80\\\" is forbidden: User \\\"dev\\\" cannot get resource"
          + " \\\"services/proxy\\\" in API group \\\"\\\" in the namespace \\\"codefresh\\\"\"}"));

      assertThat(check(gateway.client())).singleElement().isEqualTo(warning(ID, "cluster.argo-cd-server",
          "argo-cd.enabled",
          "GET /api/version on Service \"argocd-server\" port 80 in namespace \"codefresh\" through the Kubernetes API"
              + " server's service proxy failed (HTTP 403: services \"argocd-server:80\" is forbidden: User \"dev\""
              + " cannot get resource \"services/proxy\" in API group \"\" in the namespace \"codefresh\"), so the"
              + " external Argo CD's version could not be checked.",
          "Run the check as a user that may get services/proxy in namespace \"codefresh\", or check the version"
              + " yourself (argocd version)."));
    }
  }

  @Nested
  class ServerLookup {
    @Test
    void reportsAMissingServerAndWhereOneRuns() throws Exception {
      service("argocd", "argocd-server", 443, SERVER_LABELS);

      assertThat(check(gateway.client())).containsExactly(error(ID, "cluster.argo-cd-server",
          "installer.argoCdVersionCheck.argoServerLabels",
          "No Service with labels app.kubernetes.io/component=server,app.kubernetes.io/part-of=argocd exists in"
              + " namespace \"codefresh\"; such a Service exists in namespace \"argocd\": with argo-cd.enabled=false"
              + " the runtime must be installed in your Argo CD's namespace, and Codefresh's validation hook fails"
              + " (\"No Argo CD service found matching labels\").",
          "Install the runtime into namespace \"argocd\", where your Argo CD runs."));
    }

    @Test
    void reportsAMissingServerAnywhere() throws Exception {
      assertThat(check(gateway.client())).singleElement().extracting(Finding::remediation).isEqualTo(
          "Install the runtime into your Argo CD's namespace, or set installer.argoCdVersionCheck.argoServerLabels to"
              + " the labels of its server Service (kubectl get svc -A --show-labels).");
    }

    @Test
    void warnsOfSeveralServersAndAsksTheFirst() throws Exception {
      service("codefresh", "argocd-server", 80, SERVER_LABELS);
      service("codefresh", "argocd-server-metrics", 8083, SERVER_LABELS);
      argoCdAnswers("v3.3.6");

      assertThat(check(gateway.client())).containsExactly(warning(ID, "cluster.argo-cd-server",
          "installer.argoCdVersionCheck.argoServerLabels",
          "Several Services in namespace \"codefresh\" have labels"
              + " app.kubernetes.io/component=server,app.kubernetes.io/part-of=argocd (\"argocd-server\","
              + " \"argocd-server-metrics\"): Codefresh's validation hook, like this check, asks the first,"
              + " \"argocd-server\", for Argo CD's version.",
          "Make installer.argoCdVersionCheck.argoServerLabels select only the Argo CD server's Service."));
    }

    @Test
    void reportsTheSkipFlag() throws Exception {
      assertThat(check(gateway.client(), v -> v.withInstaller(v.installer().withSkipValidation(true))))
          .containsExactly(info(ID, "cluster.skipped", "installer.skipValidation",
              "The external Argo CD version check was skipped: installer.skipValidation is true.",
              "Check yourself that your Argo CD's version is within >=3.2 <=3.4 (argocd version), or remove"
                  + " installer.skipValidation."));
    }

    @Test
    void reportsTheSkipWithoutAClusterClient() throws Exception {
      assertThat(validator.validate(Fixtures.context(Fixtures.tunnel(ExternalArgoCdVersionValidatorTest::external))))
          .extracting(Finding::ruleId, Finding::message).containsExactly(tuple(
              "cluster.skipped", "The external Argo CD version check was skipped: no Kubernetes client was given, so"
                  + " the cluster cannot be read."));
    }
  }
}
