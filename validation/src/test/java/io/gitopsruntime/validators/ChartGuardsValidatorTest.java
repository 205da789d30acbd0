package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.map;
import static io.gitopsruntime.validators.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.ArgoCdAuthValues;
import io.gitopsruntime.values.ArgoCdIntegrationValues;
import io.gitopsruntime.values.ArgoCdServerValues;
import io.gitopsruntime.values.ExplicitNull;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.SecretKeyRef;
import io.gitopsruntime.values.SecretValue;
import io.gitopsruntime.values.ServiceEndpointValues;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChartGuardsValidatorTest {
  private static final String ID = ChartGuardsValidator.ID;
  private final ChartGuardsValidator validator = new ChartGuardsValidator();

  private List<Finding> run(UnaryOperator<GitOpsRuntimeValues> edit) throws Exception {
    return Fixtures.run(validator, edit);
  }

  private static GitOpsRuntimeValues argoCd(GitOpsRuntimeValues v, boolean bundled,
      UnaryOperator<ArgoCdIntegrationValues> edit) {
    GitOpsRuntimeValues w = v.withArgoCd(v.argoCd().withEnabled(bundled));
    var integrations = w.global().integrations();
    return w.withGlobal(w.global().withIntegrations(integrations.withArgoCd(edit.apply(integrations.argoCd()))));
  }

  private static ArgoCdIntegrationValues external(ArgoCdAuthValues auth) {
    return ArgoCdIntegrationValues.builder()
        .server(ArgoCdServerValues.builder().svc("argocd-server").port(80).auth(auth).build())
        .repoServer(ServiceEndpointValues.builder().svc("argocd-repo-server").port(8081).build())
        .build();
  }

  private static GitOpsRuntimeValues appProxyExtra(GitOpsRuntimeValues v, String key, Object value) {
    return v.withAppProxy(v.appProxy().withAdditionalValues(Fixtures.with(v.appProxy().additionalValues(), key, value)));
  }

  @Nested
  class Valid {
    @Test
    void acceptsTheChartDefaults() throws Exception {
      assertThat(run(v -> v)).isEmpty();
    }

    @Test
    void acceptsAnExternalArgoCdWithItsServicesAndAToken() throws Exception {
      assertThat(run(v -> argoCd(v, false, a -> external(ArgoCdAuthValues.builder().type("token")
          .tokenSecretKeyRef(SecretKeyRef.of("argocd-token", "token")).build())))).isEmpty();
    }

    @Test
    void acceptsReplicasWithRedisAPdbWithBoundsAndWellFormedEnv() throws Exception {
      assertThat(run(v -> appProxyExtra(appProxyExtra(
          v.withAppProxy(v.appProxy().withReplicaCount(2)).withRedisHa(v.redisHa().withEnabled(true)),
          "pdb", map("enabled", true, "maxUnavailable", 1)),
          "env", map("PORT", "8787", "NAMESPACE", map("valueFrom", map("fieldRef", map("fieldPath",
              "metadata.namespace"))), "REMOVED", ExplicitNull.INSTANCE)))).isEmpty();
    }
  }

  @Nested
  class ExternalArgoCd {
    @Test
    void rejectsAnUnknownAuthTypeEvenWithTheBundledArgoCd() throws Exception {
      assertThat(run(v -> argoCd(v, true, a -> a.withServer(a.server().withAuth(
          ArgoCdAuthValues.builder().type("oauth").build()))))).containsExactly(error(ID,
          "external-argo-cd.auth-type", "global.integrations.argo-cd.server.auth.type",
          "\"oauth\" is not an Argo CD auth type: the chart accepts only \"password\" and \"token\", and checks it"
              + " even with the bundled Argo CD.",
          "Use \"password\" or \"token\"."));
    }

    @Test
    void warnsThatTheBundledServiceNamesRarelyFitAnExternalArgoCd() throws Exception {
      assertThat(run(v -> argoCd(v, false, a -> a))).containsExactly(
          warning(ID, "external-argo-cd.defaults", "global.integrations.argo-cd.server.svc",
              "The external Argo CD's Service is the chart default \"argo-cd-server\", the name of the bundled Argo"
                  + " CD's Service: a separately installed Argo CD usually calls it \"argocd-server\".",
              "Set global.integrations.argo-cd.server.svc to your Argo CD's Service name (kubectl get svc -n"
                  + " <namespace> -l app.kubernetes.io/part-of=argocd lists them)."),
          warning(ID, "external-argo-cd.defaults", "global.integrations.argo-cd.repoServer.svc",
              "The external Argo CD's Service is the chart default \"argo-cd-repo-server\", the name of the bundled"
                  + " Argo CD's Service: a separately installed Argo CD usually calls it \"argocd-repo-server\".",
              "Set global.integrations.argo-cd.repoServer.svc to your Argo CD's Service name (kubectl get svc -n"
                  + " <namespace> -l app.kubernetes.io/part-of=argocd lists them)."));
    }

    @Test
    void rejectsRemovedServiceNamesAndPortsAndABadPort() throws Exception {
      assertThat(run(v -> argoCd(v, false, a -> a
          .withServer(a.server().withAdditionalValues(Map.of("svc", ExplicitNull.INSTANCE, "port", "")))
          .withRepoServer(a.repoServer().withSvc("argocd-repo-server").withPort(70000))))).containsExactly(
          error(ID, "external-argo-cd.server", "global.integrations.argo-cd.server.svc",
              "The external Argo CD's server Service name is not set: with argo-cd.enabled=false the runtime"
                  + " reaches your Argo CD through it, and the chart fails to render without it.",
              "Set it, for example \"argocd-server\"."),
          error(ID, "external-argo-cd.server", "global.integrations.argo-cd.server.port",
              "The external Argo CD's server Service port is not set: with argo-cd.enabled=false the runtime"
                  + " reaches your Argo CD through it, and the chart fails to render without it.",
              "Set it, for example 80."),
          error(ID, "external-argo-cd.repo-server", "global.integrations.argo-cd.repoServer.port",
              "70000 is not a TCP port: Service ports are between 1 and 65535.",
              "Use the port of your Argo CD's Service (kubectl get svc -n <namespace> shows it)."));
    }

    @Test
    void requiresATokenForTokenAuth() throws Exception {
      assertThat(run(v -> argoCd(v, false, a -> external(ArgoCdAuthValues.builder().type("token")
          .tokenSecretKeyRef(SecretKeyRef.builder().name("argocd-token").build()).build()))))
          .containsExactly(error(ID, "external-argo-cd.token",
              "global.integrations.argo-cd.server.auth.tokenSecretKeyRef.key",
              "Argo CD auth type \"token\" needs an API token, and neither a token nor a Secret reference with both"
                  + " name and key is given: the chart fails to render without one.",
              "Set global.integrations.argo-cd.server.auth.tokenSecretKeyRef to the name and key of a Secret that"
                  + " holds an Argo CD API token (preferred), or auth.token."));
    }

    @Test
    void requiresAPasswordWhenTheDefaultReferenceWasRemoved() throws Exception {
      assertThat(run(v -> argoCd(v, false, a -> external(ArgoCdAuthValues.builder()
          .additionalValues(Map.of("passwordSecretKeyRef", ExplicitNull.INSTANCE)).build()))))
          .containsExactly(error(ID, "external-argo-cd.password",
              "global.integrations.argo-cd.server.auth.passwordSecretKeyRef",
              "Argo CD auth type \"password\" has no password: the literal password is empty and the Secret"
                  + " reference lacks a name or a key, so the runtime cannot sign in to Argo CD.",
              "Set auth.passwordSecretKeyRef to the Secret that holds the Argo CD admin password (the chart default"
                  + " is argocd-initial-admin-secret / password), or auth.password."));
    }

    @Test
    void acceptsALiteralPasswordInPlaceOfTheReference() throws Exception {
      assertThat(run(v -> argoCd(v, false, a -> external(ArgoCdAuthValues.builder()
          .password(SecretValue.of("admin-pw")).passwordSecretKeyRef(SecretKeyRef.builder().build()).build()))))
          .isEmpty();
    }
  }

  @Nested
  class Components {
    @Test
    void rejectsImageEnrichmentWithoutWorkflows() throws Exception {
      assertThat(run(v -> v.withArgoWorkflows(v.argoWorkflows().withEnabled(false)))).containsExactly(error(ID,
          "chart.image-enrichment", "app-proxy.image-enrichment.enabled",
          "Image enrichment is on while Argo Workflows is off: enrichment runs as Argo Workflows, and the chart"
              + " refuses to render this combination.",
          "Set app-proxy.image-enrichment.enabled=false, or argo-workflows.enabled=true."));
    }

    @Test
    void rejectsSeveralAppProxyReplicasWithoutRedis() throws Exception {
      assertThat(run(v -> v.withAppProxy(v.appProxy().withReplicaCount(3)))).containsExactly(error(ID,
          "chart.app-proxy-redis", "app-proxy.replicaCount",
          "app-proxy runs 3 replicas without Redis: the replicas share their cache through Redis, and the chart"
              + " refuses to render more than one without it.",
          "Set redis.enabled=true (or redis-ha.enabled=true for a highly available cache), or"
              + " app-proxy.replicaCount=1."));
    }

    @Test
    void rejectsBudgetsWithoutBoundsAndCountsZeroAsUnset() throws Exception {
      assertThat(run(v -> appProxyExtra(v, "pdb", map("enabled", true, "minAvailable", ExplicitNull.INSTANCE))
          .withGitopsOperator(v.gitopsOperator().withAdditionalValues(
              Map.of("pdb", map("enabled", true, "minAvailable", 0, "maxUnavailable", ""))))
          .withAdditionalValues(Map.of("internal-router", map("pdb", map("enabled", true))))))
          .containsExactly(error(ID, "chart.pdb", "app-proxy.pdb",
              "The app-proxy PodDisruptionBudget is on but sets neither minAvailable nor maxUnavailable (the chart"
                  + " counts 0 and empty as not set): the chart refuses to render a budget without one.",
              "Set app-proxy.pdb.minAvailable (for example 1) or app-proxy.pdb.maxUnavailable."),
              error(ID, "chart.pdb", "gitops-operator.pdb",
                  "The gitops-operator PodDisruptionBudget is on but sets neither minAvailable nor maxUnavailable"
                      + " (the chart counts 0 and empty as not set): the chart refuses to render a budget without"
                      + " one.",
                  "Set gitops-operator.pdb.minAvailable (for example 1) or gitops-operator.pdb.maxUnavailable."));
    }

    @Test
    void rejectsEnvBlocksTheChartCannotRender() throws Exception {
      List<Finding> findings = run(v -> appProxyExtra(v, "env", map(
          "PORT", 8787,
          "LIST", List.of("a"),
          "RAW", map("secretKeyRef", map("name", "s")),
          "FIELD", map("valueFrom", map("resourceFieldRef", map("resource", "limits.cpu")))))
          .withAdditionalValues(Map.of("event-reporters", map("runtime-event-reporter", map("env", List.of("X=1"))))));

      assertThat(findings).containsExactly(
          warning(ID, "chart.env", "app-proxy.env.PORT",
              "PORT is a number, not a string: some of the chart's env templates accept only strings and fail to"
                  + " render otherwise.",
              "Quote it: PORT: \"8787\"."),
          error(ID, "chart.env", "app-proxy.env.LIST",
              "LIST is a list: env values must be strings or {valueFrom: ...}, and the chart fails to render"
                  + " anything else.",
              "Give LIST a string value, or a valueFrom with secretKeyRef, configMapKeyRef or fieldRef."),
          error(ID, "chart.env", "app-proxy.env.RAW",
              "RAW is a map without valueFrom: env values must be strings or {valueFrom: ...}, and the chart fails"
                  + " to render anything else.",
              "Nest it under valueFrom, for example RAW: {valueFrom: {secretKeyRef: {name: \"my-secret\","
                  + " key: \"value\"}}}."),
          error(ID, "chart.env", "app-proxy.env.FIELD",
              "FIELD's valueFrom uses resourceFieldRef: the chart supports only secretKeyRef, configMapKeyRef and"
                  + " fieldRef and fails to render anything else.",
              "Use secretKeyRef, configMapKeyRef or fieldRef, or set FIELD in the component's extra env another"
                  + " way."),
          error(ID, "chart.env", "event-reporters.runtime-event-reporter.env",
              "The env block is a list, not a map: the chart renders env blocks from a map of NAME: value and"
                  + " fails otherwise.",
              "Write it as a map, for example {LOG_LEVEL: \"debug\"}."));
    }
  }
}
