package io.gitopsruntime.validators;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.validators.internal.Messages.StaleKey;
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
public final class DeprecatedKeysValidator implements Validator {
  /** This validator's id. */
  public static final String ID = "offline.deprecated-keys";

  private static final String DEFAULT_EVENTS_PATH = "/2.0/api/events";

  /** Creates the validator. */
  public DeprecatedKeysValidator() {}

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
}
