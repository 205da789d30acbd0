package io.gitopsruntime.validators;

import io.gitopsruntime.core.ChartDefaults;
import io.gitopsruntime.validators.internal.Wording;
import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidatorKind;
import io.gitopsruntime.validators.internal.Chart;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.validators.internal.Raw;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.IngressValues;
import java.util.List;
import java.util.Map;

/**
 * Checks, in the ingress access mode, that the IngressClass the runtime's Ingress names
 * ({@code global.runtime.ingress.className}, chart default {@code nginx}) exists in the cluster
 * ({@code networking.k8s.io/v1}), as Codefresh's hook does; when it does not, the finding lists the classes
 * that do exist. Skipped, with an INFO finding, when {@code global.runtime.ingress.skipValidation} is true;
 * does nothing in the other access modes, or when the class name is empty (an offline rule reports that).
 *
 * <p>Reads the cluster through the {@link KubernetesClient} attached to the context; without one, reports an
 * INFO finding saying how to run the check. Rules: {@value RuleIds#CLUSTER_INGRESS_CLASS},
 * {@value RuleIds#CLUSTER_SKIPPED}, {@value RuleIds#CLUSTER_API_ERROR}. Kind {@link ValidatorKind#CLUSTER}.
 * Stateless and thread-safe.
 */
final class IngressClassValidator extends ClusterValidator {
  /** This validator's id. */
  static final String ID = "cluster.ingress-class";

  private static final String DEFAULT_CLASS_ANNOTATION = "ingressclass.kubernetes.io/is-default-class";

  /** Creates the validator. */
  IngressClassValidator() {
    super(ID, ClusterCheck.INGRESS_CLASS);
  }

  @Override
  boolean applies(ValidationContext context, Findings out) {
    GitOpsRuntimeValues values = context.values();
    String className = className(values);
    if (className.isEmpty()) {
      return false;
    }
    if (Chart.skipIngressValidation(values)) {
      out.add(ingressClassSkipped(className));
      return false;
    }
    return true;
  }

  /** The IngressClass the ingress access mode names; empty when the mode is off or names none. */
  private static String className(GitOpsRuntimeValues values) {
    if (!Chart.ingressOn(values)) {
      return "";
    }
    IngressValues ingress = values.global().runtime().ingress();
    return Raw.string(ingress.className(), ingress.additionalValues(), "className",
        ChartDefaults.string("global.runtime.ingress.className"))
        .map(String::strip).orElse("");
  }

  @Override
  void check(ValidationContext context, KubernetesClient client, Findings out) {
    String className = className(context.values());
    IngressClass named = call(ClusterCall.INGRESS_CLASSES,
        () -> client.network().v1().ingressClasses().withName(className).get());
    if (named != null) {
      return;
    }
    List<IngressClass> all = call(ClusterCall.INGRESS_CLASSES,
        () -> client.network().v1().ingressClasses().list().getItems());
    List<String> names = all.stream().map(c -> c.getMetadata().getName()).sorted().toList();
    String defaultClass = all.stream().filter(IngressClassValidator::isDefault).map(c -> c.getMetadata().getName())
        .sorted().findFirst().orElse("");
    out.add(ingressClassMissing(className, names, defaultClass));
  }

  private static boolean isDefault(IngressClass c) {
    Map<String, String> annotations = c.getMetadata().getAnnotations();
    return annotations != null && "true".equals(annotations.get(DEFAULT_CLASS_ANNOTATION));
  }

  /**
   * The IngressClass check did not run: its skip flag.
   *
   * @param className the class the chart will use
   * @return the finding
   */
  static Finding ingressClassSkipped(String className) {
    return info(CLUSTER_SKIPPED, "global.runtime.ingress.skipValidation",
        "The IngressClass check was skipped: global.runtime.ingress.skipValidation is true.",
        "Make sure IngressClass " + q(className) + " exists (kubectl get ingressclass): without it no ingress"
            + " controller serves the runtime.");
  }

  /**
   * The IngressClass does not exist.
   *
   * @param className the class the values name
   * @param existing the classes the cluster has, sorted
   * @param defaultClass the cluster's default class, or empty
   * @return the finding
   */
  static Finding ingressClassMissing(String className, List<String> existing, String defaultClass) {
    String has = existing.isEmpty() ? "it has no IngressClass at all"
        : "it has " + String.join(", ", existing.stream().map(Wording::q).toList());
    String fix;
    if (existing.isEmpty()) {
      fix = "Install an ingress controller (ingress-nginx, for example, creates IngressClass \"nginx\"), or use"
          + " the tunnel: global.runtime.ingress.enabled=false.";
    } else {
      String pick = existing.size() == 1 ? q(existing.get(0))
          : defaultClass.isEmpty() ? "one of them" : "one of them, for example the default " + q(defaultClass);
      fix = "Set global.runtime.ingress.className to " + pick + ", or install the ingress controller that provides "
          + q(className) + ".";
    }
    return Finding.error(CLUSTER_INGRESS_CLASS, "global.runtime.ingress.className",
        "IngressClass " + q(className) + " does not exist in the cluster (" + has + "): no ingress controller would"
            + " serve the runtime's Ingress, and Codefresh's validation hook fails the installation.",
        fix);
  }
}
