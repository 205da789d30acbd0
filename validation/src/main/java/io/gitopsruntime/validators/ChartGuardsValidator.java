package io.gitopsruntime.validators;

import io.gitopsruntime.core.ChartDefaults;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.ChartGuardsFindings.ArgoCdEndpoint;
import io.gitopsruntime.validators.internal.Chart;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.validators.internal.Paths;
import io.gitopsruntime.validators.internal.Raw;
import io.gitopsruntime.values.ArgoCdAuthValues;
import io.gitopsruntime.values.ArgoCdIntegrationValues;
import io.gitopsruntime.values.ExplicitNull;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.SecretKeyRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reproduces the chart's other render-time guards ({@code fail}/{@code required} in its templates) with
 * their values paths, so they show up before {@code helm install}: the external Argo CD settings when
 * {@code argo-cd.enabled=false}; image enrichment without Argo Workflows; several app-proxy replicas
 * without Redis; PodDisruptionBudgets without bounds; the shape of env blocks.
 *
 * <p>Rules: {@value RuleIds#EXTERNAL_ARGO_CD_SERVER}, {@value RuleIds#EXTERNAL_ARGO_CD_REPO_SERVER},
 * {@value RuleIds#EXTERNAL_ARGO_CD_AUTH_TYPE}, {@value RuleIds#EXTERNAL_ARGO_CD_TOKEN},
 * {@value RuleIds#EXTERNAL_ARGO_CD_PASSWORD}, {@value RuleIds#EXTERNAL_ARGO_CD_DEFAULTS},
 * {@value RuleIds#CHART_IMAGE_ENRICHMENT}, {@value RuleIds#CHART_APP_PROXY_REDIS}, {@value RuleIds#CHART_PDB},
 * {@value RuleIds#CHART_ENV}. Offline. Stateless and thread-safe.
 */
final class ChartGuardsValidator implements Validator {
  /** This validator's id. */
  static final String ID = "offline.chart-guards";

  private static final String AUTH = "global.integrations.argo-cd.server.auth";
  private static final Set<String> VALUE_FROM = Set.of("secretKeyRef", "configMapKeyRef", "fieldRef");

  /** Creates the validator. */
  ChartGuardsValidator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> validate(ValidationContext context) {
    GitOpsRuntimeValues values = context.values();
    Findings out = new Findings(ID);
    checkArgoCd(values, out);
    boolean enrichment = Raw.bool(values.appProxy().imageEnrichment().enabled(),
        values.appProxy().imageEnrichment().additionalValues(), "enabled", ChartDefaults.bool("app-proxy.image-enrichment.enabled"));
    boolean workflows = Raw.bool(values.argoWorkflows().enabled(), values.argoWorkflows().additionalValues(),
        "enabled", ChartDefaults.bool("argo-workflows.enabled"));
    if (enrichment && !workflows) {
      out.add(ChartGuardsFindings.imageEnrichmentWithoutWorkflows());
    }
    int replicas = values.appProxy().replicaCount().orElse(ChartDefaults.integer("app-proxy.replicaCount"));
    boolean redis = values.redis().enabled().orElse(ChartDefaults.bool("redis.enabled"));
    boolean redisHa = values.redisHa().enabled().orElse(ChartDefaults.bool("redis-ha.enabled"));
    if (replicas > 1 && !redis && !redisHa) {
      out.add(ChartGuardsFindings.appProxyReplicasWithoutRedis(replicas));
    }
    Map<String, Object> root = values.additionalValues();
    checkPdb("app-proxy", values.appProxy().additionalValues().get("pdb"), out);
    checkPdb("gitops-operator", values.gitopsOperator().additionalValues().get("pdb"), out);
    checkPdb("internal-router", Raw.at(root, "internal-router", "pdb").orElse(null), out);
    for (Map.Entry<String, Object> block : envBlocks(values).entrySet()) {
      checkEnv(block.getKey(), block.getValue(), out);
    }
    return out.list();
  }

  private static void checkArgoCd(GitOpsRuntimeValues values, Findings out) {
    ArgoCdIntegrationValues argo = values.global().integrations().argoCd();
    ArgoCdAuthValues auth = argo.server().auth();
    String type = Raw.string(auth.type(), auth.additionalValues(), "type",
        ChartDefaults.string("global.integrations.argo-cd.server.auth.type")).orElse("");
    if (!type.equals("password") && !type.equals("token")) {
      out.add(ChartGuardsFindings.argoCdAuthTypeInvalid(type));
    }
    if (Chart.argoCdEnabled(values)) {
      return;
    }
    Map<String, Object> serverExtra = argo.server().additionalValues();
    Map<String, Object> repoExtra = argo.repoServer().additionalValues();
    checkSvc(argo.server().svc(), serverExtra, ArgoCdEndpoint.SERVER_SVC,
        ChartDefaults.string("global.integrations.argo-cd.server.svc"), "argocd-server", out);
    checkPort(argo.server().port(), serverExtra, ArgoCdEndpoint.SERVER_PORT, out);
    checkSvc(argo.repoServer().svc(), repoExtra, ArgoCdEndpoint.REPO_SERVER_SVC,
        ChartDefaults.string("global.integrations.argo-cd.repoServer.svc"), "argocd-repo-server", out);
    checkPort(argo.repoServer().port(), repoExtra, ArgoCdEndpoint.REPO_SERVER_PORT, out);
    if (type.equals("token")) {
      boolean literal = Chart.nonBlankSecret(auth.token()).isPresent();
      Optional<SecretKeyRef> ref = auth.tokenSecretKeyRef();
      if (!literal && !(ref.isPresent() && ref.get().isComplete())) {
        out.add(ChartGuardsFindings.argoCdTokenMissing(refPath(AUTH + ".tokenSecretKeyRef", ref)));
      }
    } else if (type.equals("password")) {
      boolean literal = Chart.nonBlankSecret(auth.password()).isPresent();
      Optional<SecretKeyRef> ref = auth.passwordSecretKeyRef();
      boolean deleted = Raw.givenEmpty(ref, auth.additionalValues(), "passwordSecretKeyRef");
      boolean incomplete = ref.isPresent() && !ref.get().isComplete();
      if (!literal && (deleted || incomplete)) {
        out.add(ChartGuardsFindings.argoCdPasswordMissing(refPath(AUTH + ".passwordSecretKeyRef", ref)));
      }
    }
  }

  /** The reference's path, or its missing part's path when it names something. */
  private static String refPath(String path, Optional<SecretKeyRef> ref) {
    Optional<SecretKeyRef> given = Chart.given(ref);
    if (given.isEmpty()) {
      return path;
    }
    return path + (Chart.hasName(given.get()) ? ".key" : ".name");
  }

  private static void checkSvc(Optional<String> typed, Map<String, Object> extra, ArgoCdEndpoint endpoint,
      String chartDefault, String usual, Findings out) {
    if (Chart.nonBlank(Raw.string(typed, extra, "svc", chartDefault)).isEmpty()) {
      out.add(ChartGuardsFindings.argoCdEndpointMissing(endpoint));
    } else if (typed.isEmpty() && !extra.containsKey("svc")) {
      out.add(ChartGuardsFindings.argoCdDefaultServiceName(endpoint, chartDefault, usual));
    }
  }

  private static void checkPort(Optional<Integer> typed, Map<String, Object> extra, ArgoCdEndpoint endpoint,
      Findings out) {
    if (typed.isPresent()) {
      int port = typed.get();
      if (port < 1 || port > 65535) {
        out.add(ChartGuardsFindings.argoCdPortInvalid(endpoint, port));
      }
    } else if (extra.containsKey("port") && Raw.isBlank(extra.get("port"))) {
      out.add(ChartGuardsFindings.argoCdEndpointMissing(endpoint));
    }
  }

  private static void checkPdb(String component, Object raw, Findings out) {
    Optional<Map<String, Object>> pdb = Raw.asMap(raw);
    if (pdb.isEmpty() || !Raw.truthy(pdb.get().get("enabled"))) {
      return;
    }
    Object min = pdb.get().containsKey("minAvailable") ? pdb.get().get("minAvailable") : Integer.valueOf(1);
    Object max = pdb.get().get("maxUnavailable");
    if (!Raw.truthy(min) && !Raw.truthy(max)) {
      out.add(ChartGuardsFindings.pdbWithoutBounds(component));
    }
  }

  private static Map<String, Object> envBlocks(GitOpsRuntimeValues values) {
    Map<String, Object> blocks = new LinkedHashMap<>();
    Map<String, Object> appProxy = values.appProxy().additionalValues();
    put(blocks, "app-proxy.env", appProxy.get("env"));
    put(blocks, "app-proxy.initContainer.env", Raw.at(appProxy, "initContainer", "env").orElse(null));
    put(blocks, "gitops-operator.env", values.gitopsOperator().additionalValues().get("env"));
    put(blocks, "internal-router.env", Raw.at(values.additionalValues(), "internal-router", "env").orElse(null));
    put(blocks, "global.event-reporters.env",
        Raw.at(values.global().additionalValues(), "event-reporters", "env").orElse(null));
    Optional<Map<String, Object>> reporters = Raw.mapAt(values.additionalValues(), "event-reporters");
    if (reporters.isPresent()) {
      for (Map.Entry<String, Object> reporter : reporters.get().entrySet()) {
        put(blocks, "event-reporters." + Paths.child("", reporter.getKey()) + ".env",
            Raw.at(asObjectMap(reporter.getValue()), "env").orElse(null));
      }
    }
    return blocks;
  }

  private static Map<String, Object> asObjectMap(Object raw) {
    return Raw.asMap(raw).orElse(Map.of());
  }

  private static void put(Map<String, Object> blocks, String path, Object raw) {
    if (raw != null && !(raw instanceof ExplicitNull)) {
      blocks.put(path, raw);
    }
  }

  private static void checkEnv(String path, Object block, Findings out) {
    Optional<Map<String, Object>> env = Raw.asMap(block);
    if (env.isEmpty()) {
      out.add(ChartGuardsFindings.envBlockNotMap(path, block));
      return;
    }
    for (Map.Entry<String, Object> variable : env.get().entrySet()) {
      String name = variable.getKey();
      Object value = variable.getValue();
      String entry = Paths.child(path, name);
      if (value instanceof String || value instanceof ExplicitNull) {
        continue;
      }
      if (value instanceof Number || value instanceof Boolean) {
        out.add(ChartGuardsFindings.envValueNotString(entry, name, value));
      } else if (value instanceof List) {
        out.add(ChartGuardsFindings.envValueList(entry, name));
      } else if (value instanceof Map) {
        Map<String, Object> map = Raw.asMap(value).orElse(Map.of());
        Optional<Map<String, Object>> valueFrom = Raw.asMap(map.get("valueFrom"));
        if (valueFrom.isEmpty()) {
          out.add(ChartGuardsFindings.envValueMapWithoutValueFrom(entry, name));
          continue;
        }
        List<String> unsupported = new ArrayList<>();
        for (String kind : valueFrom.get().keySet()) {
          if (!VALUE_FROM.contains(kind)) {
            unsupported.add(kind);
          }
        }
        if (!unsupported.isEmpty() || valueFrom.get().isEmpty()) {
          out.add(ChartGuardsFindings.envValueFromUnsupported(entry, name, unsupported));
        }
      }
    }
  }

  @Override
  public String toString() {
    return "Validator(" + ID + ")";
  }
}
