package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.map;
import static io.gitopsruntime.validators.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.ExplicitNull;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeprecatedKeysValidatorTest {
  private static final String ID = DeprecatedKeysValidator.ID;
  private final DeprecatedKeysValidator validator = new DeprecatedKeysValidator();

  @Nested
  class Valid {
    @Test
    void acceptsCurrentKeysAndTheDefaultEventsPath() throws Exception {
      assertThat(Fixtures.run(validator, v -> Fixtures.codefresh(
          v.withAdditionalValues(Map.of("argo-rollouts", ExplicitNull.INSTANCE)),
          c -> c.withAdditionalValues(Map.of("apiEventsPath", "/2.0/api/events"))))).isEmpty();
    }

    @Test
    void acceptsGlobalImagePullSecretsWhichReachTheArgoCdSubchart() throws Exception {
      assertThat(Fixtures.run(validator, v -> v.withGlobal(v.global().withAdditionalValues(
          Map.of("imagePullSecrets", List.of(Map.of("name", "dockerhub-creds"))))))).isEmpty();
    }
  }

  @Nested
  class Invalid {
    @Test
    void warnsAboutEveryStaleKeyWithItsReplacement() throws Exception {
      List<Finding> findings = Fixtures.run(validator, v -> {
        var global = v.global().withAdditionalValues(map(
            "external-argo-cd", map("server", map("svc", "argocd-server")),
            "external-argo-rollouts", map("rollout-reporter", map("enabled", true))));
        global = global.withRuntime(global.runtime().withAdditionalValues(map(
            "repoCredentialsTemplate", map("url", "https://github.com"), "isExternalArgoCD", true)));
        global = global.withCodefresh(global.codefresh().withAdditionalValues(Map.of("apiEventsPath", "/events")));
        return v.withGlobal(global)
            .withAdditionalValues(map("argo-rollouts", map("enabled", false), "argo-events", map(),
                "cf-argocd-extras", map("eventReporter", map()), "event-reporters", map("workflow", map()),
                "garage-workflows-artifact-storage", map("enabled", false)))
            .withAppProxy(v.appProxy().withConfig(v.appProxy().config().withAdditionalValues(
                Map.of("argoCdUsername", "admin"))));
      });

      assertThat(findings).containsExactly(
          warning(ID, "values.deprecated-key", "global.external-argo-cd",
              "global.external-argo-cd is no longer read: since chart 0.26.0 an external Argo CD is configured under"
                  + " global.integrations.argo-cd, with auth moved under server.",
              "Move svc and port to global.integrations.argo-cd.server, auth to"
                  + " global.integrations.argo-cd.server.auth, and repoServer to global.integrations.argo-cd.repoServer."),
          warning(ID, "values.deprecated-key", "global.external-argo-rollouts",
              "global.external-argo-rollouts is no longer read: chart 0.27.0 removed Argo Rollouts from the"
                  + " runtime, and with it the rollout reporter setting.",
              "Remove it."),
          warning(ID, "values.deprecated-key", "argo-rollouts",
              "argo-rollouts is no longer read: chart 0.27.0 removed the Argo Rollouts subchart, so these settings"
                  + " do nothing.",
              "Remove it; install Argo Rollouts separately if you need it."),
          warning(ID, "values.deprecated-key", "argo-events",
              "argo-events is no longer read: chart 0.27.0 removed the Argo Events subchart, so these settings do"
                  + " nothing.",
              "Remove it; install Argo Events separately if you need it."),
          warning(ID, "values.deprecated-key", "cf-argocd-extras",
              "cf-argocd-extras is not read: the chart configures those components as argo-gateway and the event"
                  + " reporters.",
              "Move the settings to argo-gateway and global.event-reporters (or event-reporters.<name>)."),
          warning(ID, "values.deprecated-key", "event-reporters.workflow",
              "event-reporters.workflow is not read: the chart has no workflow event reporter any more, only"
                  + " cluster-event-reporter and runtime-event-reporter.",
              "Remove it."),
          warning(ID, "values.deprecated-key", "garage-workflows-artifact-storage",
              "garage-workflows-artifact-storage is not read: the chart no longer bundles it.",
              "Remove it."),
          warning(ID, "values.deprecated-key", "global.runtime.repoCredentialsTemplate",
              "global.runtime.repoCredentialsTemplate is not read by the chart.",
              "Configure repository credentials in argo-cd.configs.credentialTemplates, or add Git tokens in the"
                  + " Codefresh UI."),
          warning(ID, "values.deprecated-key", "app-proxy.config.argoCdUsername",
              "app-proxy.config.argoCdUsername is deprecated: it still overrides"
                  + " global.integrations.argo-cd.server.auth.username, which is where the Argo CD user name now"
                  + " goes.",
              "Move the user name to global.integrations.argo-cd.server.auth.username."),
          warning(ID, "values.ignored-key", "global.runtime.isExternalArgoCD",
              "global.runtime.isExternalArgoCD is ignored: the chart always derives it from argo-cd.enabled.",
              "Remove it; set argo-cd.enabled=false to use an external Argo CD."),
          warning(ID, "values.ignored-key", "global.codefresh.apiEventsPath",
              "global.codefresh.apiEventsPath is ignored: no template of the chart reads it.",
              "Remove it."));
    }
  }
}
