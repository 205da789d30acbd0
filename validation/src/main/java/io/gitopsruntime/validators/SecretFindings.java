package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validators.internal.ClusterSecrets;

/**
 * Wording the secret checks share: a reserved Secret name, surrounding whitespace, and a secret the cluster
 * would not give (why, how to fix it, or that the Secret-reference check reports it). Thread-safe; no state.
 */
final class SecretFindings {
  private SecretFindings() {}

  static Finding reservedSecretName(String ruleId, String path, String what, String example) {
    return Finding.error(ruleId, path,
        "Secret name \"codefresh-token\" is reserved: the runtime keeps its own runtime token in a Secret of"
            + " that name, and the chart refuses to render a reference to it for " + what + ".",
        "Put " + what + " in a Secret with another name, for example " + q(example) + ", and reference that.");
  }

  static Finding secretWhitespace(String ruleId, String path, String what, String who) {
    return Finding.warning(ruleId, path,
        what + " has leading or trailing whitespace or a line break: " + who
            + " compares it exactly and will reject it.",
        "Remove the whitespace, such as the line break a copied file leaves at the end.");
  }

  /**
   * Why a Secret key could not be read.
   *
   * @param failed the failure
   * @return for example {@code Secret "x" does not exist in namespace "y"}
   */
  static String secretReadReason(ClusterSecrets.Failed failed) {
    String secret = "Secret " + q(failed.name()) + " in namespace " + q(failed.namespace());
    switch (failed.problem()) {
      case NOT_FOUND:
        return "Secret " + q(failed.name()) + " does not exist in namespace " + q(failed.namespace());
      case NO_KEY:
        return secret + " has no key " + q(failed.key());
      case EMPTY:
        return "key " + q(failed.key()) + " of " + secret + " is empty";
      case FORBIDDEN:
        return "reading " + secret + " is forbidden (HTTP 403) for the cluster user of this check";
      case UNAUTHORIZED:
        return "the cluster rejected the credentials of this check (HTTP 401) when reading " + secret;
      default:
        return "reading " + secret + " failed (" + failed.detail() + ")";
    }
  }

  static String secretReadFix(ClusterSecrets.Failed failed, String what) {
    switch (failed.problem()) {
      case NOT_FOUND:
        return "Create the Secret in namespace " + q(failed.namespace()) + " before installing (kubectl create"
            + " secret generic " + failed.name() + " -n " + failed.namespace() + " --from-literal=" + failed.key()
            + "=<" + what + ">), or correct the reference.";
      case NO_KEY:
      case EMPTY:
        return "Put " + what + " under key " + q(failed.key()) + " of the Secret, or correct the key in the"
            + " reference.";
      case FORBIDDEN:
      case UNAUTHORIZED:
        return "Run the check as a cluster user that may get Secrets in namespace " + q(failed.namespace())
            + ".";
      default:
        return "Check the connection to the cluster and retry.";
    }
  }

  /**
   * Whether the cluster check of Secret references reports this failure itself (a missing Secret, key or
   * value), so that the check that needed the secret only says it was skipped instead of repeating it.
   */
  static boolean isReportedByClusterCheck(ClusterSecrets.Failed failed) {
    switch (failed.problem()) {
      case NOT_FOUND:
      case NO_KEY:
      case EMPTY:
        return true;
      default:
        return false;
    }
  }

  static Finding skippedForUnreadableSecret(String ruleId, ClusterSecrets.Failed failed, String what, String check) {
    return Finding.info(ruleId, pathOfRule(ruleId),
        "The " + check + " was skipped: the " + what + " cannot be read (" + secretReadReason(failed)
            + "). The cluster check " + CLUSTER_SECRET_REF + " reports the reference with its fix.");
  }

  static String pathOfRule(String ruleId) {
    if (ruleId.equals(GIT_CREDENTIALS_SECRET)) {
      return "global.runtime.gitCredentials.password.secretKeyRef";
    }
    if (ruleId.equals(PLATFORM_CA_SECRET)) {
      return "global.codefresh.tls.caCerts.secretKeyRef";
    }
    return "global.codefresh.userToken.secretKeyRef";
  }

  /**
   * A secret read from a Secret with surrounding whitespace.
   *
   * @param ruleId the whitespace rule of the secret
   * @param path the reference's path
   * @param what what the secret is, such as "Codefresh API key"
   * @param name the Secret
   * @return the finding
   */
  static Finding secretValueWhitespace(String ruleId, String path, String what, String name) {
    return Finding.warning(ruleId, path,
        "The " + what + " in Secret " + q(name) + " ends or starts with whitespace or a line break: Codefresh's"
            + " validation hook and the runtime send it as it is, and it is rejected. This check used it without"
            + " the whitespace.",
        "Store it without the line break, for example with kubectl create secret generic " + name
            + " --from-literal=<key>=<value> instead of --from-file.");
  }
}
