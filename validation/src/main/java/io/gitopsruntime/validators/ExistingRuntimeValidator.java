package io.gitopsruntime.validators;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.core.ChartDefaults;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidatorKind;
import io.gitopsruntime.validators.internal.Chart;
import io.gitopsruntime.validators.internal.ClusterSecrets;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.validators.internal.HelmReleases;
import io.gitopsruntime.validators.internal.Raw;
import io.gitopsruntime.values.RuntimeValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Looks for GitOps Runtimes already in the cluster, and for the runtime token that changes what Codefresh's
 * validation hook checks:
 *
 * <ul>
 *   <li>another release of the {@code gitops-runtime} chart in the release namespace (Helm's release records,
 *       {@code Secret}s {@code sh.helm.release.v1.*}) is an error: the two collide;
 *   <li>a release of the chart, or ConfigMaps labelled {@code app.kubernetes.io/part-of=codefresh-gitops-runtime}
 *       or {@code codefresh.io/runtime-name}, in another namespace is a warning: two runtimes share a cluster
 *       only when all are namespaced ({@code global.runtime.singleNamespace}), and only information when this
 *       one is;
 *   <li>a non-empty {@code codefresh-token} Secret in the release namespace is the runtime token of a runtime
 *       registered from there: with this release present it is an upgrade (information: the hook checks only
 *       the runtime token), without it a leftover (a warning: validation would depend on the old token).
 * </ul>
 *
 * <p>Release records hold the releases' values, secrets included: only their chart name and version are read.
 * The runtime token is read only to see whether it is empty. Reads the cluster through the
 * {@link KubernetesClient} attached to the context; without one, reports an INFO finding saying how to run the
 * check. Rules: {@value RuleIds#CLUSTER_EXISTING_RUNTIME}, {@value RuleIds#CLUSTER_RUNTIME_TOKEN},
 * {@value RuleIds#CLUSTER_SKIPPED}, {@value RuleIds#CLUSTER_API_ERROR}. Kind {@link ValidatorKind#CLUSTER}.
 * Stateless and thread-safe.
 */
final class ExistingRuntimeValidator extends ClusterValidator {
  /** This validator's id. */
  static final String ID = "cluster.existing-runtime";

  private static final String CHART = "gitops-runtime";
  private static final String PART_OF_LABEL = "app.kubernetes.io/part-of";
  private static final String PART_OF = "codefresh-gitops-runtime";
  private static final String RUNTIME_NAME_LABEL = "codefresh.io/runtime-name";
  private static final Set<String> GONE = Set.of("uninstalled", "uninstalling");

  /** Creates the validator. */
  ExistingRuntimeValidator() {
    super(ID, ClusterCheck.EXISTING_RUNTIME);
  }

  @Override
  void check(ValidationContext context, KubernetesClient client, Findings out) {
    String namespace = context.installation().namespace();
    String release = context.installation().releaseName();
    RuntimeValues runtime = context.values().global().runtime();
    boolean singleNamespace = Raw.bool(runtime.singleNamespace(), runtime.additionalValues(), "singleNamespace",
        ChartDefaults.bool("global.runtime.singleNamespace"));

    List<HelmReleases.Release> releases = call(ClusterCall.HELM_RELEASES, () -> chartReleases(client));
    Map<String, TreeSet<String>> runtimes = call(ClusterCall.RUNTIME_OBJECTS, () -> runtimeNames(client));

    Map<String, Map<String, String>> byNamespace = new TreeMap<>();
    for (HelmReleases.Release r : releases) {
      byNamespace.computeIfAbsent(r.namespace(), n -> new LinkedHashMap<>()).put(r.name(), r.chartVersion());
    }
    Map<String, String> here = byNamespace.getOrDefault(namespace, Map.of());
    here.forEach((other, version) -> {
      if (!other.equals(release)) {
        out.add(ExistingRuntimeFindings.otherReleaseInNamespace(namespace, other,
            ExistingRuntimeFindings.runtimeDescription(Map.of(other, version), List.of())));
      }
    });
    TreeSet<String> elsewhere = new TreeSet<>(byNamespace.keySet());
    elsewhere.addAll(runtimes.keySet());
    elsewhere.remove(namespace);
    for (String other : elsewhere) {
      String description = ExistingRuntimeFindings.runtimeDescription(byNamespace.getOrDefault(other, Map.of()),
          List.copyOf(runtimes.getOrDefault(other, new TreeSet<>())));
      out.add(ExistingRuntimeFindings.otherRuntime(other, description, singleNamespace));
    }

    Secret token = call(ClusterCall.RUNTIME_TOKEN,
        () -> client.secrets().inNamespace(namespace).withName(Chart.RUNTIME_TOKEN_SECRET).get());
    // like the hook, an empty or keyless codefresh-token is no runtime token
    if (token != null && ClusterSecrets.keyProblem(token, "token").isEmpty()) {
      out.add(here.containsKey(release) ? ExistingRuntimeFindings.runtimeTokenUpgrade(namespace, release)
          : ExistingRuntimeFindings.runtimeTokenLeftover(namespace, release));
    }
  }

  /** The newest revision of every release of the chart that is not uninstalled, in any namespace. */
  private static List<HelmReleases.Release> chartReleases(KubernetesClient client) {
    Map<String, Secret> newest = new HashMap<>();
    for (Secret secret : client.secrets().inAnyNamespace()
        .withLabel(HelmReleases.OWNER_LABEL, HelmReleases.OWNER).list().getItems()) {
      Optional<Integer> revision = HelmReleases.revision(secret);
      if (revision.isEmpty()) {
        continue;
      }
      String key = secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getLabels().get("name");
      Secret seen = newest.get(key);
      if (seen == null || HelmReleases.revision(seen).orElse(0) < revision.get()) {
        newest.put(key, secret);
      }
    }
    List<HelmReleases.Release> releases = new ArrayList<>();
    for (Secret secret : newest.values()) {
      String status = secret.getMetadata().getLabels().getOrDefault("status", "");
      if (GONE.contains(status)) {
        continue;
      }
      HelmReleases.Release release = HelmReleases.read(secret);
      if (release.chart().equals(CHART)) {
        releases.add(release);
      }
    }
    releases.sort(Comparator.comparing(HelmReleases.Release::namespace).thenComparing(HelmReleases.Release::name));
    return releases;
  }

  /** Namespace to the runtime names of its labelled ConfigMaps (a namespace may map to no name). */
  private static Map<String, TreeSet<String>> runtimeNames(KubernetesClient client) {
    List<ConfigMap> labelled = new ArrayList<>(
        client.configMaps().inAnyNamespace().withLabel(PART_OF_LABEL, PART_OF).list().getItems());
    labelled.addAll(client.configMaps().inAnyNamespace().withLabel(RUNTIME_NAME_LABEL).list().getItems());
    Map<String, TreeSet<String>> byNamespace = new TreeMap<>();
    for (ConfigMap configMap : labelled) {
      TreeSet<String> names = byNamespace.computeIfAbsent(configMap.getMetadata().getNamespace(), n -> new TreeSet<>());
      Map<String, String> labels = configMap.getMetadata().getLabels();
      String name = labels == null ? "" : labels.getOrDefault(RUNTIME_NAME_LABEL, "").strip();
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return byNamespace;
  }
}
