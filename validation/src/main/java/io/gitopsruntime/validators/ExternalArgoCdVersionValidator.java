package io.gitopsruntime.validators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidatorKind;
import io.gitopsruntime.validators.internal.ApiFailure;
import io.gitopsruntime.validators.internal.Chart;
import io.gitopsruntime.validators.internal.ChartVersions.ArgoCdRange;
import io.gitopsruntime.validators.internal.ChartVersions;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.validators.internal.Raw;
import io.gitopsruntime.values.ExplicitNull;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, when the bundled Argo CD is off ({@code argo-cd.enabled=false}), that the user's own Argo CD runs a
 * version this chart supports, as the chart's validate-values hook does before it runs {@code cf helm validate}:
 *
 * <ol>
 *   <li>find the Argo CD server's Service in the release namespace by
 *       {@code installer.argoCdVersionCheck.argoServerLabels} (default
 *       {@code app.kubernetes.io/component=server}, {@code app.kubernetes.io/part-of=argocd}); none is an error
 *       that also says in which other namespaces such a Service runs; several are a warning, and the first by
 *       name is used;
 *   <li>ask its first port for {@code <root path>/api/version}, the root path coming from
 *       {@code argocd-cmd-params-cm}'s {@code server.rootpath} as in the hook, through the Kubernetes API
 *       server's service proxy ({@code /api/v1/namespaces/<ns>/services/<name>:<port>/proxy/...}), so the check
 *       works from outside the cluster; plain HTTP first, then HTTPS (or the reverse for port 443 or a port
 *       named https), as Argo CD serves both on one port;
 *   <li>compare the answer's {@code Version} with the range of the chart version (the chart README's table:
 *       {@code >=3.2 <=3.4} for 0.30.x; the newest row when the chart version is not set or not in the table).
 * </ol>
 *
 * <p>Skipped, with an INFO finding, when {@code installer.skipValidation} is true. Reads the cluster through the
 * {@link KubernetesClient} attached to the context; without one, reports an INFO finding saying how to run the
 * check. Rules: {@value RuleIds#CLUSTER_ARGO_CD_VERSION}, {@value RuleIds#CLUSTER_ARGO_CD_SERVER},
 * {@value RuleIds#CLUSTER_SKIPPED}, {@value RuleIds#CLUSTER_API_ERROR}. Kind {@link ValidatorKind#CLUSTER}.
 * Stateless and thread-safe.
 */
final class ExternalArgoCdVersionValidator extends ClusterValidator {
  /** This validator's id. */
  static final String ID = "cluster.argo-cd-version";

  private static final Logger LOG = LoggerFactory.getLogger(ExternalArgoCdVersionValidator.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> DEFAULT_LABELS =
      Map.of("app.kubernetes.io/component", "server", "app.kubernetes.io/part-of", "argocd");
  private static final String PARAMS_CONFIG_MAP = "argocd-cmd-params-cm";
  private static final String VERSION_PATH = "/api/version";

  /** Creates the validator. */
  ExternalArgoCdVersionValidator() {
    super(ID, ClusterCheck.ARGO_CD_VERSION);
  }

  @Override
  boolean applies(ValidationContext context, Findings out) {
    GitOpsRuntimeValues values = context.values();
    if (Chart.argoCdEnabled(values)) {
      return false;
    }
    if (Chart.skipValidation(values)) {
      out.add(ExternalArgoCdVersionFindings.argoCdVersionSkipped(
          ChartVersions.argoCdRange(context.installation().chartVersion()).text()));
      return false;
    }
    return true;
  }

  @Override
  void check(ValidationContext context, KubernetesClient client, Findings out) {
    GitOpsRuntimeValues values = context.values();
    ArgoCdRange range = ChartVersions.argoCdRange(context.installation().chartVersion());
    String namespace = context.installation().namespace();
    Map<String, String> labels = serverLabels(values);
    String selector = labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
    List<Service> services = new ArrayList<>(call(ClusterCall.SERVICES,
        () -> client.services().inNamespace(namespace).withLabels(labels).list().getItems()));
    services.sort(Comparator.comparing(s -> s.getMetadata().getName()));
    if (services.isEmpty()) {
      List<String> elsewhere = call(ClusterCall.SERVICES,
          () -> client.services().inAnyNamespace().withLabels(labels).list().getItems()).stream()
          .map(s -> s.getMetadata().getNamespace()).distinct().sorted().toList();
      out.add(ExternalArgoCdVersionFindings.argoCdServerNotFound(selector, namespace, elsewhere));
      return;
    }
    if (services.size() > 1) {
      out.add(ExternalArgoCdVersionFindings.argoCdServerAmbiguous(selector, namespace,
          services.stream().map(s -> s.getMetadata().getName()).toList()));
    }
    probe(client, namespace, services.get(0), range, context.installation().chartVersion(), out);
  }

  private static void probe(KubernetesClient client, String namespace, Service service, ArgoCdRange range,
      Optional<String> chartVersion, Findings out) {
    String name = service.getMetadata().getName();
    List<ServicePort> ports = service.getSpec() == null || service.getSpec().getPorts() == null ? List.of()
        : service.getSpec().getPorts();
    if (ports.isEmpty() || ports.get(0).getPort() == null) {
      out.add(ExternalArgoCdVersionFindings.argoCdUnreachable(namespace, name, 0, VERSION_PATH, new ApiFailure(0, "the Service has no port")));
      return;
    }
    ServicePort port = ports.get(0);
    String path = rootPath(client, namespace) + VERSION_PATH;
    boolean httpsFirst = port.getPort() == 443
        || Optional.ofNullable(port.getName()).orElse("").toLowerCase(Locale.ROOT).contains("https")
        || "https".equalsIgnoreCase(port.getAppProtocol());
    List<String> schemes = httpsFirst ? List.of("https:", "") : List.of("", "https:");
    ApiFailure failure = null;
    String answer = null;
    for (String scheme : schemes) {
      String uri = "/api/v1/namespaces/" + namespace + "/services/" + scheme + name + ":" + port.getPort() + "/proxy"
          + path;
      long started = System.nanoTime();
      try {
        String body = client.raw(uri);
        if (body == null) {
          // fabric8's raw() answers a 404 with null rather than an exception
          LOG.debug("GET {} -> 404 in {} ms", uri, (System.nanoTime() - started) / 1_000_000);
          if (failure == null || failure.code() == 0) {
            failure = new ApiFailure(404, "");
          }
          continue;
        }
        LOG.debug("GET {} -> 200 in {} ms", uri, (System.nanoTime() - started) / 1_000_000);
        if (answer == null || version(body).isPresent()) {
          answer = body;
        }
        if (answer != null && version(answer).isPresent()) {
          break;
        }
      } catch (KubernetesClientException e) {
        ApiFailure f = ApiFailure.of(e);
        LOG.debug("GET {} -> {} in {} ms", uri, f.describe(), (System.nanoTime() - started) / 1_000_000);
        // the first answer says most (plain HTTP is what Argo CD serves by default), unless it was no answer
        if (failure == null || failure.code() == 0) {
          failure = f;
        }
      }
    }
    if (answer == null) {
      out.add(ExternalArgoCdVersionFindings.argoCdUnreachable(namespace, name, port.getPort(), path,
          failure == null ? new ApiFailure(0, "no answer") : failure));
      return;
    }
    String reported = version(answer).orElse("");
    Optional<ChartVersions.Version> version = ChartVersions.parseVersion(reported);
    if (version.isEmpty()) {
      out.add(ExternalArgoCdVersionFindings.argoCdVersionUnreadable(name, !reported.isEmpty()));
      return;
    }
    if (!range.accepts(version.get())) {
      String charts = ChartVersions.argoCdRangeIsFallback(chartVersion)
          ? "the newest chart (" + range.charts().replace("chart ", "") + ")"
          : range.charts();
      out.add(ExternalArgoCdVersionFindings.argoCdVersionOutOfRange(reported.strip(), range.text(), charts, version.get().preRelease()));
    }
  }

  /** The {@code Version} field of an {@code /api/version} answer. */
  private static Optional<String> version(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      JsonNode version = node == null ? null : node.get("Version");
      return version == null || !version.isTextual() || version.asText().isBlank() ? Optional.empty()
          : Optional.of(version.asText());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Argo CD's root path as the hook finds it: {@code server.rootpath} of {@code argocd-cmd-params-cm}. */
  private static String rootPath(KubernetesClient client, String namespace) {
    String root = "";
    try {
      ConfigMap params = client.configMaps().inNamespace(namespace).withName(PARAMS_CONFIG_MAP).get();
      if (params != null && params.getData() != null && params.getData().get("server.rootpath") != null) {
        root = params.getData().get("server.rootpath").strip();
      }
    } catch (KubernetesClientException e) {
      LOG.debug("reading {} failed ({}); asking at the root path", PARAMS_CONFIG_MAP, ApiFailure.of(e).describe());
    }
    while (root.endsWith("/")) {
      root = root.substring(0, root.length() - 1);
    }
    return root.isEmpty() || root.startsWith("/") ? root : "/" + root;
  }

  /** The server labels as Helm merges them: the user's map over the chart's, a null deleting a default. */
  private static Map<String, String> serverLabels(GitOpsRuntimeValues values) {
    Map<String, String> labels = new TreeMap<>(DEFAULT_LABELS);
    Raw.mapAt(values.installer().additionalValues(), "argoCdVersionCheck", "argoServerLabels")
        .ifPresent(given -> given.forEach((k, v) -> {
          if (v == null || v instanceof ExplicitNull) {
            labels.remove(k);
          } else if (!(v instanceof Map) && !(v instanceof List)) {
            labels.put(k, String.valueOf(v));
          }
        }));
    return labels;
  }
}
