package io.gitopsruntime.validators;

import io.gitopsruntime.validators.internal.Wording;
import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validators.internal.ApiFailure;
import java.util.List;

/** The findings of {@link ExternalArgoCdVersionValidator}: the external Argo CD's server and version. Thread-safe; no state. */
final class ExternalArgoCdVersionFindings {
  private ExternalArgoCdVersionFindings() {}

  /**
   * The external Argo CD version check did not run: installer.skipValidation.
   *
   * @param range the supported range
   * @return the finding
   */
  static Finding argoCdVersionSkipped(String range) {
    return info(CLUSTER_SKIPPED, "installer.skipValidation",
        "The external Argo CD version check was skipped: installer.skipValidation is true.",
        "Check yourself that your Argo CD's version is within " + range + " (argocd version), or remove"
            + " installer.skipValidation.");
  }

  /**
   * No Argo CD server Service in the namespace.
   *
   * @param labels the selector, such as {@code app.kubernetes.io/component=server,app.kubernetes.io/part-of=argocd}
   * @param namespace the release namespace
   * @param elsewhere namespaces where such a Service exists
   * @return the finding
   */
  static Finding argoCdServerNotFound(String labels, String namespace, List<String> elsewhere) {
    String where = elsewhere.isEmpty() ? ""
        : "; such a Service exists in namespace" + (elsewhere.size() > 1 ? "s " : " ")
            + String.join(", ", elsewhere.stream().map(Wording::q).toList());
    String fix = elsewhere.size() == 1
        ? "Install the runtime into namespace " + q(elsewhere.get(0)) + ", where your Argo CD runs."
        : "Install the runtime into your Argo CD's namespace, or set installer.argoCdVersionCheck.argoServerLabels to"
            + " the labels of its server Service (kubectl get svc -A --show-labels).";
    return Finding.error(CLUSTER_ARGO_CD_SERVER, "installer.argoCdVersionCheck.argoServerLabels",
        "No Service with labels " + labels + " exists in namespace " + q(namespace) + where + ": with"
            + " argo-cd.enabled=false the runtime must be installed in your Argo CD's namespace, and Codefresh's"
            + " validation hook fails (\"No Argo CD service found matching labels\").",
        fix);
  }

  /**
   * Several Services match the Argo CD server labels.
   *
   * @param labels the selector
   * @param namespace the namespace
   * @param names the matching Services, sorted
   * @return the finding
   */
  static Finding argoCdServerAmbiguous(String labels, String namespace, List<String> names) {
    return Finding.warning(CLUSTER_ARGO_CD_SERVER, "installer.argoCdVersionCheck.argoServerLabels",
        "Several Services in namespace " + q(namespace) + " have labels " + labels + " ("
            + String.join(", ", names.stream().map(Wording::q).toList()) + "): Codefresh's validation hook, like"
            + " this check, asks the first, " + q(names.get(0)) + ", for Argo CD's version.",
        "Make installer.argoCdVersionCheck.argoServerLabels select only the Argo CD server's Service.");
  }

  /**
   * Argo CD's API could not be asked.
   *
   * @param namespace the namespace
   * @param service the Service
   * @param port its port
   * @param path the API path asked, such as {@code /api/version}
   * @param failure what the proxy answered
   * @return the finding: a warning when the check was not allowed to ask, an error otherwise
   */
  static Finding argoCdUnreachable(String namespace, String service, int port, String path,
      ApiFailure failure) {
    String asked = "GET " + path + " on Service " + q(service) + " port " + port + " in namespace " + q(namespace)
        + " through the Kubernetes API server's service proxy failed (" + failure.describe() + ")";
    if (failure.code() == 401 || failure.code() == 403) {
      return Finding.warning(CLUSTER_ARGO_CD_SERVER, "argo-cd.enabled",
          asked + ", so the external Argo CD's version could not be checked.",
          "Run the check as a user that may get services/proxy in namespace " + q(namespace) + ", or check the"
              + " version yourself (argocd version).");
    }
    String fix = failure.code() == 503
        ? "Check that the Argo CD server is running and ready (kubectl get pods -n " + namespace
            + " -l app.kubernetes.io/name=argocd-server)."
        : "Check that Service " + q(service) + " is Argo CD's API server and that its first port serves the API"
            + " (kubectl get svc " + service + " -n " + namespace + " -o yaml).";
    return Finding.error(CLUSTER_ARGO_CD_SERVER, "argo-cd.enabled",
        asked + ": Codefresh's validation hook fails when it cannot read Argo CD's version.", fix);
  }

  /**
   * Argo CD's version answer has no usable version.
   *
   * @param service the Service
   * @param hasField whether the answer has a Version field (never quoted: it was not a version, so it may be
   *     anything the server sent)
   * @return the finding
   */
  static Finding argoCdVersionUnreadable(String service, boolean hasField) {
    String what = hasField ? "has a Version field that is not a version" : "has no Version field";
    return Finding.error(CLUSTER_ARGO_CD_SERVER, "argo-cd.enabled",
        "The /api/version answer of Service " + q(service) + " " + what + ": Codefresh's validation hook fails the"
            + " same way (\"Could not parse '.Version' field\").",
        "Check that Service " + q(service) + " is Argo CD's API server (argocd version --server ...).");
  }

  /**
   * The external Argo CD's version is outside the chart's range.
   *
   * @param version the version Argo CD reported
   * @param range the supported range, such as {@code >=3.2 <=3.4}
   * @param charts the charts the range belongs to, such as {@code chart 0.30.x}
   * @param preRelease whether the version is a pre-release
   * @return the finding
   */
  static Finding argoCdVersionOutOfRange(String version, String range, String charts, boolean preRelease) {
    return Finding.error(CLUSTER_ARGO_CD_VERSION, "argo-cd.enabled",
        "Your Argo CD runs version " + version + (preRelease ? ", a pre-release, which no range accepts" : "")
            + ", outside the range " + range + " that " + charts + " supports: Codefresh's validation hook fails the"
            + " installation (\"does not satisfy required range\").",
        "Move Argo CD to a version within " + range + ", or install the chart version that supports " + version
            + " (the chart's README lists them).");
  }
}
