package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.validators.internal.Raw;
import io.gitopsruntime.values.ExplicitNull;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.util.List;
import java.util.Map;

/**
 * Warns about keys the current chart ignores, which older chart versions, the chart's README or CI files
 * still show: {@code global.external-argo-cd}, {@code argo-rollouts}, {@code argo-events},
 * {@code cf-argocd-extras} and others, each with its replacement.
 *
 * <p>A key is called unread only when rendering the chart with and without it gives the same objects
 * ({@code StaleKeysHelmTest} proves each with real Helm on a chart in the real one's shape). Not
 * {@code global.imagePullSecrets}, for example: the parent chart's templates do not read it, but Helm hands
 * {@code global} to every subchart and the argo-cd subchart gives its workloads those pull secrets.
 *
 * <p>Rules: {@value RuleIds#VALUES_DEPRECATED_KEY}, {@value RuleIds#VALUES_IGNORED_KEY}. Offline. Stateless
 * and thread-safe.
 */
final class DeprecatedKeysValidator implements Validator {
  /** This validator's id. */
  static final String ID = "offline.deprecated-keys";

  private static final String DEFAULT_EVENTS_PATH = "/2.0/api/events";

  /** Creates the validator. */
  DeprecatedKeysValidator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> validate(ValidationContext context) {
    GitOpsRuntimeValues values = context.values();
    Findings out = new Findings(ID);
    Map<String, Object> root = values.additionalValues();
    Map<String, Object> global = values.global().additionalValues();
    Map<String, Object> runtime = values.global().runtime().additionalValues();
    report(out, StaleKey.EXTERNAL_ARGO_CD, global.get("external-argo-cd"));
    report(out, StaleKey.EXTERNAL_ARGO_ROLLOUTS, global.get("external-argo-rollouts"));
    report(out, StaleKey.ARGO_ROLLOUTS, root.get("argo-rollouts"));
    report(out, StaleKey.ARGO_EVENTS, root.get("argo-events"));
    report(out, StaleKey.CF_ARGOCD_EXTRAS, root.get("cf-argocd-extras"));
    report(out, StaleKey.WORKFLOW_REPORTER, Raw.at(root, "event-reporters", "workflow").orElse(null));
    report(out, StaleKey.GARAGE, root.get("garage-workflows-artifact-storage"));
    report(out, StaleKey.REPO_CREDENTIALS_TEMPLATE, runtime.get("repoCredentialsTemplate"));
    Object username = values.appProxy().config().additionalValues().get("argoCdUsername");
    if (username instanceof String && !((String) username).isBlank()) {
      out.add(StaleKey.ARGO_CD_USERNAME.finding());
    }
    report(out, StaleKey.IS_EXTERNAL_ARGO_CD, runtime.get("isExternalArgoCD"));
    Object eventsPath = values.global().codefresh().additionalValues().get("apiEventsPath");
    if (!DEFAULT_EVENTS_PATH.equals(eventsPath)) {
      report(out, StaleKey.API_EVENTS_PATH, eventsPath);
    }
    return out.list();
  }

  private static void report(Findings out, StaleKey key, Object raw) {
    if (raw != null && !(raw instanceof ExplicitNull)) {
      out.add(key.finding());
    }
  }

  @Override
  public String toString() {
    return "Validator(" + ID + ")";
  }

  /** A key the current chart ignores, with why and what to do instead. */
  enum StaleKey {
    /** Renamed in 0.26.0. */
    EXTERNAL_ARGO_CD("global.external-argo-cd", VALUES_DEPRECATED_KEY,
        "is no longer read: since chart 0.26.0 an external Argo CD is configured under"
            + " global.integrations.argo-cd, with auth moved under server.",
        "Move svc and port to global.integrations.argo-cd.server, auth to global.integrations.argo-cd.server.auth,"
            + " and repoServer to global.integrations.argo-cd.repoServer."),
    /** Removed with Argo Rollouts in 0.27.0. */
    EXTERNAL_ARGO_ROLLOUTS("global.external-argo-rollouts", VALUES_DEPRECATED_KEY,
        "is no longer read: chart 0.27.0 removed Argo Rollouts from the runtime, and with it the rollout"
            + " reporter setting.",
        "Remove it."),
    /** Removed in 0.27.0. */
    ARGO_ROLLOUTS("argo-rollouts", VALUES_DEPRECATED_KEY,
        "is no longer read: chart 0.27.0 removed the Argo Rollouts subchart, so these settings do nothing.",
        "Remove it; install Argo Rollouts separately if you need it."),
    /** Removed in 0.27.0. */
    ARGO_EVENTS("argo-events", VALUES_DEPRECATED_KEY,
        "is no longer read: chart 0.27.0 removed the Argo Events subchart, so these settings do nothing.",
        "Remove it; install Argo Events separately if you need it."),
    /** Split into argo-gateway and the event reporters. */
    CF_ARGOCD_EXTRAS("cf-argocd-extras", VALUES_DEPRECATED_KEY,
        "is not read: the chart configures those components as argo-gateway and the event reporters.",
        "Move the settings to argo-gateway and global.event-reporters (or event-reporters.<name>)."),
    /** No workflow reporter any more. */
    WORKFLOW_REPORTER("event-reporters.workflow", VALUES_DEPRECATED_KEY,
        "is not read: the chart has no workflow event reporter any more, only cluster-event-reporter and"
            + " runtime-event-reporter.",
        "Remove it."),
    /** No longer bundled. */
    GARAGE("garage-workflows-artifact-storage", VALUES_DEPRECATED_KEY,
        "is not read: the chart no longer bundles it.",
        "Remove it."),
    /** Only in old CI files. */
    REPO_CREDENTIALS_TEMPLATE("global.runtime.repoCredentialsTemplate", VALUES_DEPRECATED_KEY,
        "is not read by the chart.",
        "Configure repository credentials in argo-cd.configs.credentialTemplates, or add Git tokens in the"
            + " Codefresh UI."),
    /** Still honoured, but deprecated. */
    ARGO_CD_USERNAME("app-proxy.config.argoCdUsername", VALUES_DEPRECATED_KEY,
        "is deprecated: it still overrides global.integrations.argo-cd.server.auth.username, which is where"
            + " the Argo CD user name now goes.",
        "Move the user name to global.integrations.argo-cd.server.auth.username."),
    /** Always overwritten. */
    IS_EXTERNAL_ARGO_CD("global.runtime.isExternalArgoCD", VALUES_IGNORED_KEY,
        "is ignored: the chart always derives it from argo-cd.enabled.",
        "Remove it; set argo-cd.enabled=false to use an external Argo CD."),
    /** No template reads it. */
    API_EVENTS_PATH("global.codefresh.apiEventsPath", VALUES_IGNORED_KEY,
        "is ignored: no template of the chart reads it.",
        "Remove it.");

    private final String path;
    private final String ruleId;
    private final String why;
    private final String fix;

    StaleKey(String path, String ruleId, String why, String fix) {
      this.path = path;
      this.ruleId = ruleId;
      this.why = why;
      this.fix = fix;
    }

    /**
     * The key's values path.
     *
     * @return the path
     */
    public String path() {
      return path;
    }

    /**
     * The finding for this key.
     *
     * @return a warning
     */
    public Finding finding() {
      return Finding.warning(ruleId, path, path + " " + why, fix);
    }
  }
}
