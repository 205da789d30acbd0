package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.gitopsruntime.validation.Finding;

/** The findings of {@link SkipFlagsValidator}: skip flags with odd values or no effect. Thread-safe; no state. */
final class SkipFlagsFindings {
  private SkipFlagsFindings() {}

  /**
   * A skipGitPermissionValidation value that is not "true" or "false".
   *
   * @param value the value as given
   * @return the finding
   */
  static Finding skipGitPermissionValue(String value) {
    return Finding.warning(SKIP_FLAGS_GIT_PERMISSION_VALUE, "app-proxy.config.skipGitPermissionValidation",
        q(value) + " is neither \"true\" nor \"false\": app-proxy skips its Git permission check only for the"
            + " string \"true\", so this leaves the check on.",
        "Set it to the string \"true\" to skip the check, or \"false\".");
  }

  /**
   * installer.skipValidation: what goes unchecked.
   *
   * @return the finding
   */
  static Finding validationHookSkipped() {
    return info(SKIP_FLAGS_HOOK_SKIPPED, "installer.skipValidation",
        "Codefresh's validation hook will not run (installer.skipValidation=true): nothing checks the API"
            + " key, the account, the runtime name, the Git token or the ingress host inside the cluster before"
            + " the installation, and this SDK's platform, Git and ingress checks are skipped too.",
        "Remove installer.skipValidation once the checks pass, to have them before every upgrade.");
  }

  /**
   * installer.skipValidation with an external Argo CD.
   *
   * @return the finding
   */
  static Finding argoCdVersionCheckSkipped() {
    return info(SKIP_FLAGS_HOOK_SKIPPED, "argo-cd.enabled",
        "The external Argo CD's version will not be checked (installer.skipValidation=true): the validation"
            + " hook is what compares it with the range this chart version supports.",
        "Check the Argo CD version yourself against the chart's README (kubectl exec into argocd-server and"
            + " run argocd version), or remove installer.skipValidation.");
  }

  /**
   * A skip flag without effect.
   *
   * @param path the flag's path
   * @param why why it has no effect
   * @return the finding
   */
  static Finding skipFlagNoEffect(String path, String why) {
    return info(SKIP_FLAGS_NO_EFFECT, path, path + " has no effect: " + why + ".",
        "Remove " + path + ".");
  }

  /** Why {@code global.runtime.ingress.skipValidation} does nothing: the whole hook is skipped. */
  static final String INGRESS_SKIP_HOOK_OFF = "installer.skipValidation=true already skips the whole"
      + " validation hook";

  /** Why {@code global.runtime.ingress.skipValidation} does nothing: no ingress. */
  static final String INGRESS_SKIP_NO_INGRESS = "the ingress access mode is off, so there is no"
      + " ingress host to check";
}
