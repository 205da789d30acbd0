package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.gitopsruntime.validation.Finding;
import java.util.List;

/**
 * The findings of {@link ChartGuardsValidator}: the chart's render-time guards (external Argo CD, image
 * enrichment, app-proxy replicas, PodDisruptionBudgets, env blocks). Thread-safe; no state.
 */
final class ChartGuardsFindings {
  private ChartGuardsFindings() {}

  /**
   * An auth type that is neither password nor token.
   *
   * @param type the type as given, empty when empty
   * @return the finding
   */
  static Finding argoCdAuthTypeInvalid(String type) {
    String subject = type.isBlank() ? "The Argo CD auth type is empty" : q(type) + " is not an Argo CD auth type";
    return Finding.error(EXTERNAL_ARGO_CD_AUTH_TYPE, "global.integrations.argo-cd.server.auth.type",
        subject + ": the chart accepts only \"password\" and \"token\", and checks it even with the bundled"
            + " Argo CD.",
        "Use \"password\" or \"token\".");
  }

  /** A Service setting of the external Argo CD. */
  enum ArgoCdEndpoint {
    /** {@code server.svc}. */
    SERVER_SVC(EXTERNAL_ARGO_CD_SERVER, "global.integrations.argo-cd.server.svc", "server Service name",
        "\"argocd-server\""),
    /** {@code server.port}. */
    SERVER_PORT(EXTERNAL_ARGO_CD_SERVER, "global.integrations.argo-cd.server.port", "server Service port", "80"),
    /** {@code repoServer.svc}. */
    REPO_SERVER_SVC(EXTERNAL_ARGO_CD_REPO_SERVER, "global.integrations.argo-cd.repoServer.svc",
        "repo server Service name", "\"argocd-repo-server\""),
    /** {@code repoServer.port}. */
    REPO_SERVER_PORT(EXTERNAL_ARGO_CD_REPO_SERVER, "global.integrations.argo-cd.repoServer.port",
        "repo server Service port", "8081");

    private final String ruleId;
    private final String path;
    private final String what;
    private final String example;

    ArgoCdEndpoint(String ruleId, String path, String what, String example) {
      this.ruleId = ruleId;
      this.path = path;
      this.what = what;
      this.example = example;
    }

    /**
     * The setting's values path.
     *
     * @return the path
     */
    public String path() {
      return path;
    }
  }

  /**
   * An unset Service name or port of the external Argo CD.
   *
   * @param endpoint the setting
   * @return the finding
   */
  static Finding argoCdEndpointMissing(ArgoCdEndpoint endpoint) {
    return Finding.error(endpoint.ruleId, endpoint.path,
        "The external Argo CD's " + endpoint.what + " is not set: with argo-cd.enabled=false the runtime reaches"
            + " your Argo CD through it, and the chart fails to render without it.",
        "Set it, for example " + endpoint.example + ".");
  }

  /**
   * A port out of range.
   *
   * @param endpoint the port setting
   * @param port the port
   * @return the finding
   */
  static Finding argoCdPortInvalid(ArgoCdEndpoint endpoint, int port) {
    return Finding.error(endpoint.ruleId, endpoint.path,
        port + " is not a TCP port: Service ports are between 1 and 65535.",
        "Use the port of your Argo CD's Service (kubectl get svc -n <namespace> shows it).");
  }

  /**
   * The bundled Argo CD's Service names with an external Argo CD.
   *
   * @param endpoint the Service name setting
   * @param chartDefault the chart's name
   * @param usual the usual name of a separate Argo CD
   * @return the finding
   */
  static Finding argoCdDefaultServiceName(ArgoCdEndpoint endpoint, String chartDefault, String usual) {
    String path = endpoint.path;
    return Finding.warning(EXTERNAL_ARGO_CD_DEFAULTS, path,
        "The external Argo CD's Service is the chart default " + q(chartDefault) + ", the name of the bundled"
            + " Argo CD's Service: a separately installed Argo CD usually calls it " + q(usual) + ".",
        "Set " + path + " to your Argo CD's Service name (kubectl get svc -n <namespace>"
            + " -l app.kubernetes.io/part-of=argocd lists them).");
  }

  /**
   * Token auth without a token.
   *
   * @param path where the token is missing
   * @return the finding
   */
  static Finding argoCdTokenMissing(String path) {
    return Finding.error(EXTERNAL_ARGO_CD_TOKEN, path,
        "Argo CD auth type \"token\" needs an API token, and neither a token nor a Secret reference with both"
            + " name and key is given: the chart fails to render without one.",
        "Set global.integrations.argo-cd.server.auth.tokenSecretKeyRef to the name and key of a Secret that"
            + " holds an Argo CD API token (preferred), or auth.token.");
  }

  /**
   * Password auth without a usable password.
   *
   * @param path where the password is missing
   * @return the finding
   */
  static Finding argoCdPasswordMissing(String path) {
    return Finding.error(EXTERNAL_ARGO_CD_PASSWORD, path,
        "Argo CD auth type \"password\" has no password: the literal password is empty and the Secret"
            + " reference lacks a name or a key, so the runtime cannot sign in to Argo CD.",
        "Set auth.passwordSecretKeyRef to the Secret that holds the Argo CD admin password (the chart default"
            + " is argocd-initial-admin-secret / password), or auth.password.");
  }

  /**
   * Enrichment without workflows.
   *
   * @return the finding
   */
  static Finding imageEnrichmentWithoutWorkflows() {
    return Finding.error(CHART_IMAGE_ENRICHMENT, "app-proxy.image-enrichment.enabled",
        "Image enrichment is on while Argo Workflows is off: enrichment runs as Argo Workflows, and the chart"
            + " refuses to render this combination.",
        "Set app-proxy.image-enrichment.enabled=false, or argo-workflows.enabled=true.");
  }

  /**
   * Several app-proxy replicas without Redis.
   *
   * @param replicas the replica count
   * @return the finding
   */
  static Finding appProxyReplicasWithoutRedis(int replicas) {
    return Finding.error(CHART_APP_PROXY_REDIS, "app-proxy.replicaCount",
        "app-proxy runs " + replicas + " replicas without Redis: the replicas share their cache through Redis,"
            + " and the chart refuses to render more than one without it.",
        "Set redis.enabled=true (or redis-ha.enabled=true for a highly available cache), or"
            + " app-proxy.replicaCount=1.");
  }

  /**
   * A PodDisruptionBudget without bounds.
   *
   * @param component the component, such as "app-proxy"
   * @return the finding
   */
  static Finding pdbWithoutBounds(String component) {
    return Finding.error(CHART_PDB, component + ".pdb",
        "The " + component + " PodDisruptionBudget is on but sets neither minAvailable nor maxUnavailable (the"
            + " chart counts 0 and empty as not set): the chart refuses to render a budget without one.",
        "Set " + component + ".pdb.minAvailable (for example 1) or " + component + ".pdb.maxUnavailable.");
  }

  /**
   * An env block that is not a map.
   *
   * @param path the block's path
   * @param block the block
   * @return the finding
   */
  static Finding envBlockNotMap(String path, Object block) {
    return Finding.error(CHART_ENV, path,
        "The env block is " + yamlType(block) + ", not a map: the chart renders env blocks from a map of NAME: value"
            + " and fails otherwise.",
        "Write it as a map, for example {LOG_LEVEL: \"debug\"}.");
  }

  /**
   * A non-string scalar env value.
   *
   * @param path the entry's path
   * @param name the variable
   * @param value the number or boolean
   * @return the finding
   */
  static Finding envValueNotString(String path, String name, Object value) {
    String shown = String.valueOf(value);
    return Finding.warning(CHART_ENV, path,
        name + " is " + yamlType(value) + ", not a string: some of the chart's env templates accept only strings and fail"
            + " to render otherwise.",
        "Quote it: " + name + ": " + q(shown) + ".");
  }

  /**
   * A list env value.
   *
   * @param path the entry's path
   * @param name the variable
   * @return the finding
   */
  static Finding envValueList(String path, String name) {
    return Finding.error(CHART_ENV, path,
        name + " is a list: env values must be strings or {valueFrom: ...}, and the chart fails to render"
            + " anything else.",
        "Give " + name + " a string value, or a valueFrom with secretKeyRef, configMapKeyRef or fieldRef.");
  }

  /**
   * A map env value without valueFrom.
   *
   * @param path the entry's path
   * @param name the variable
   * @return the finding
   */
  static Finding envValueMapWithoutValueFrom(String path, String name) {
    return Finding.error(CHART_ENV, path,
        name + " is a map without valueFrom: env values must be strings or {valueFrom: ...}, and the chart"
            + " fails to render anything else.",
        "Nest it under valueFrom, for example " + name + ": {valueFrom: {secretKeyRef: {name: \"my-secret\","
            + " key: \"value\"}}}.");
  }

  /**
   * An unsupported valueFrom.
   *
   * @param path the entry's path
   * @param name the variable
   * @param kinds the unsupported kinds given; empty when valueFrom is empty
   * @return the finding
   */
  static Finding envValueFromUnsupported(String path, String name, List<String> kinds) {
    return Finding.error(CHART_ENV, path,
        name + "'s valueFrom uses " + (kinds.isEmpty() ? "nothing" : String.join(" and ", kinds)) + ": the chart supports only secretKeyRef, configMapKeyRef and"
            + " fieldRef and fails to render anything else.",
        "Use secretKeyRef, configMapKeyRef or fieldRef, or set " + name + " in the component's extra env"
            + " another way.");
  }
}
