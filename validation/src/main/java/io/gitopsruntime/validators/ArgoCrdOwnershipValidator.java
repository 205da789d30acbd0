package io.gitopsruntime.validators;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.core.ChartDefaults;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidatorKind;
import io.gitopsruntime.validators.internal.Chart;
import io.gitopsruntime.validators.internal.ChartVersions;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.validators.internal.Raw;
import io.gitopsruntime.values.ComponentValues;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks that the Argo Project CRDs (group {@code argoproj.io}) the chart installs either do not exist yet or
 * already carry Helm's ownership metadata for this release: the label {@code app.kubernetes.io/managed-by=Helm}
 * and the annotations {@code meta.helm.sh/release-name=<release>} and
 * {@code meta.helm.sh/release-namespace=<namespace>}. Helm refuses to take over an object without them, so each
 * CRD that lacks them is an error whose fix is the ready-to-run {@code kubectl label}/{@code kubectl annotate}
 * line (what the chart's {@code scripts/adopt-crds.sh} does), at the values key that makes the chart install it.
 *
 * <p>Which CRDs the chart installs: Argo CD's ({@code applications}, {@code applicationsets},
 * {@code appprojects}) unless {@code argo-cd.enabled=false} or {@code argo-cd.crds.install=false}; Argo
 * Workflows' unless {@code argo-workflows.enabled=false} or {@code argo-workflows.crds.install=false}; Argo
 * Rollouts' and Argo Events' only for chart versions that still bundle them (0.26.x and older). With the bundled
 * Argo CD off, Argo CD's CRDs belong to the user's own Argo CD: they are listed in an INFO finding and must be
 * left alone. Other {@code argoproj.io} CRDs are not the chart's business.
 *
 * <p>Reads the cluster through the {@link KubernetesClient} attached to the context; without one, reports an
 * INFO finding saying how to run the check. Rules: {@value RuleIds#CLUSTER_ARGO_CRD_OWNERSHIP},
 * {@value RuleIds#CLUSTER_SKIPPED}, {@value RuleIds#CLUSTER_API_ERROR}. Kind {@link ValidatorKind#CLUSTER}.
 * Stateless and thread-safe.
 */
final class ArgoCrdOwnershipValidator extends ClusterValidator {
  /** This validator's id. */
  static final String ID = "cluster.argo-crds";

  private static final String GROUP = "argoproj.io";
  private static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  private static final String RELEASE_NAME = "meta.helm.sh/release-name";
  private static final String RELEASE_NAMESPACE = "meta.helm.sh/release-namespace";

  /** A subchart that installs Argo CRDs: its name in messages, its CRD plurals, the key that turns them on. */
  private record Component(String name, Set<String> plurals, String path) {}

  private static final Component ARGO_CD = new Component("Argo CD",
      Set.of("applications", "applicationsets", "appprojects"), "argo-cd.crds.install");
  private static final Component WORKFLOWS = new Component("Argo Workflows",
      Set.of("workflows", "workflowtemplates", "cronworkflows", "clusterworkflowtemplates", "workfloweventbindings",
          "workflowtaskresults", "workflowtasksets", "workflowartifactgctasks"),
      "argo-workflows.crds.install");
  private static final Component ROLLOUTS = new Component("Argo Rollouts",
      Set.of("rollouts", "analysisruns", "analysistemplates", "clusteranalysistemplates", "experiments"),
      "argo-rollouts.installCRDs");
  private static final Component EVENTS = new Component("Argo Events",
      Set.of("eventbus", "eventsources", "sensors"), "argo-events.crds.install");

  /** Creates the validator. */
  ArgoCrdOwnershipValidator() {
    super(ID, ClusterCheck.ARGO_CRDS);
  }

  @Override
  void check(ValidationContext context, KubernetesClient client, Findings out) {
    GitOpsRuntimeValues values = context.values();
    List<CustomResourceDefinition> crds = new ArrayList<>(call(ClusterCall.CRDS,
        () -> client.apiextensions().v1().customResourceDefinitions().list().getItems()));
    crds.sort(Comparator.comparing(c -> c.getMetadata().getName()));
    List<Component> installed = installed(values, context.installation().chartVersion());
    String release = context.installation().releaseName();
    String namespace = context.installation().namespace();
    List<String> usersOwn = new ArrayList<>();
    for (CustomResourceDefinition crd : crds) {
      if (crd.getSpec() == null || !GROUP.equals(crd.getSpec().getGroup()) || crd.getSpec().getNames() == null) {
        continue;
      }
      String plural = crd.getSpec().getNames().getPlural();
      String name = crd.getMetadata().getName();
      if (plural == null || name == null) {
        continue;
      }
      Map<String, String> labels = crd.getMetadata().getLabels() == null ? Map.of() : crd.getMetadata().getLabels();
      Map<String, String> annotations =
          crd.getMetadata().getAnnotations() == null ? Map.of() : crd.getMetadata().getAnnotations();
      List<String> gaps = new ArrayList<>();
      gap(gaps, "label", MANAGED_BY, "Helm", labels.get(MANAGED_BY));
      gap(gaps, "annotation", RELEASE_NAME, release, annotations.get(RELEASE_NAME));
      gap(gaps, "annotation", RELEASE_NAMESPACE, namespace, annotations.get(RELEASE_NAMESPACE));
      if (gaps.isEmpty()) {
        continue;
      }
      Optional<Component> component = installed.stream().filter(c -> c.plurals().contains(plural)).findFirst();
      if (component.isPresent()) {
        out.add(ArgoCrdOwnershipFindings.argoCrdNotOwned(name, component.get().path(), component.get().name(), gaps,
            annotations.getOrDefault(RELEASE_NAME, "").strip(), annotations.getOrDefault(RELEASE_NAMESPACE, "").strip(),
            release, namespace));
      } else if (!Chart.argoCdEnabled(values) && ARGO_CD.plurals().contains(plural)) {
        usersOwn.add(name);
      }
    }
    if (!usersOwn.isEmpty()) {
      out.add(ArgoCrdOwnershipFindings.argoCrdsOfOwnArgoCd(usersOwn));
    }
  }

  private static void gap(List<String> gaps, String kind, String key, String wanted, @Nullable String actual) {
    if (!wanted.equals(actual == null ? null : actual.strip())) {
      gaps.add(ArgoCrdOwnershipFindings.ownershipGap(kind, key, wanted, actual));
    }
  }

  /** The subcharts whose Argo CRDs the chart installs with these values and chart version. */
  private static List<Component> installed(GitOpsRuntimeValues values, Optional<String> chartVersion) {
    List<Component> installed = new ArrayList<>();
    if (Chart.argoCdEnabled(values) && crdsOn(values.argoCd(), "argo-cd")) {
      installed.add(ARGO_CD);
    }
    ComponentValues workflows = values.argoWorkflows();
    if (Raw.bool(workflows.enabled(), workflows.additionalValues(), "enabled",
        ChartDefaults.bool("argo-workflows.enabled"))
        && crdsOn(workflows, "argo-workflows")) {
      installed.add(WORKFLOWS);
    }
    if (ChartVersions.bundlesRolloutsAndEvents(chartVersion)) {
      Map<String, Object> root = values.additionalValues();
      if (Raw.truthy(Raw.at(root, "argo-rollouts", "enabled").orElse(true))
          && Raw.truthy(Raw.at(root, "argo-rollouts", "installCRDs").orElse(true))) {
        installed.add(ROLLOUTS);
      }
      if (Raw.truthy(Raw.at(root, "argo-events", "enabled").orElse(true))
          && Raw.truthy(Raw.at(root, "argo-events", "crds", "install").orElse(true))) {
        installed.add(EVENTS);
      }
    }
    return installed;
  }

  /** Whether the subchart at a top-level key installs its CRDs ({@code crds.install}, with the chart default). */
  private static boolean crdsOn(ComponentValues component, String key) {
    return Raw.truthy(Raw.at(component.additionalValues(), "crds", "install")
        .orElse(ChartDefaults.bool(key + ".crds.install")));
  }
}
