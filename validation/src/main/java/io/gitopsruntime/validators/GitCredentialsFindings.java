package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validators.internal.Pem;

/** The findings of {@link GitCredentialsValidator}: the Git username, password and CA bundles. Thread-safe; no state. */
final class GitCredentialsFindings {
  private GitCredentialsFindings() {}

  /**
   * The reserved Secret name for the Git password.
   *
   * @return the finding
   */
  static Finding gitPasswordReservedName() {
    return SecretFindings.reservedSecretName(GIT_CREDENTIALS_RESERVED_NAME, "global.runtime.gitCredentials.password.secretKeyRef.name",
        "the Git password", "git-runtime-token");
  }

  /**
   * A literal Git password with whitespace.
   *
   * @return the finding
   */
  static Finding gitPasswordWhitespace() {
    return SecretFindings.secretWhitespace(GIT_CREDENTIALS_WHITESPACE, "global.runtime.gitCredentials.password.value",
        "The Git password", "the Git provider");
  }

  /**
   * No Git Runtime token.
   *
   * @return the finding
   */
  static Finding gitCredentialsMissing() {
    return info(GIT_CREDENTIALS_MISSING, "global.runtime.gitCredentials.password",
        "No Git Runtime token is given: the runtime cannot reach its Git repositories until one is added in"
            + " the Codefresh UI after the installation.",
        "To give it now, set global.runtime.gitCredentials.password.secretKeyRef to a Secret that holds a"
            + " Git token with the scopes your provider needs.");
  }

  /**
   * An incomplete Secret reference for the Git password.
   *
   * @param hasName whether the name is set
   * @param hasKey whether the key is set
   * @return the finding
   */
  static Finding gitPasswordIncompleteRef(boolean hasName, boolean hasKey) {
    return Finding.error(GIT_CREDENTIALS_INCOMPLETE_REF,
        refPath("global.runtime.gitCredentials.password.secretKeyRef", hasName, hasKey),
        refGap("The Secret reference for the Git password", hasName, hasKey)
            + ": the chart refuses to render a Git password reference without both.",
        "Set both name and key, for example secretKeyRef: {name: \"git-runtime-token\", key: \"token\"}.");
  }

  /**
   * A literal Git password plus a reference.
   *
   * @return the finding
   */
  static Finding gitPasswordAmbiguous() {
    return Finding.warning(GIT_CREDENTIALS_AMBIGUOUS, "global.runtime.gitCredentials.password.secretKeyRef",
        "The Secret reference for the Git password is ignored: a literal value is also given, and the"
            + " literal wins.",
        "Remove global.runtime.gitCredentials.password.value to use the Secret (preferred), or remove the"
            + " secretKeyRef.");
  }

  /**
   * A Git password without a username.
   *
   * @return the finding
   */
  static Finding gitUsernameEmpty() {
    return Finding.error(GIT_CREDENTIALS_USERNAME, "global.runtime.gitCredentials.username",
        "The Git username is empty while a Git password is given: Codefresh's validation hook requires a"
            + " non-empty username, and Bitbucket Cloud signs in with it.",
        "Set global.runtime.gitCredentials.username to your Git user name (any non-empty name works with"
            + " GitHub and GitLab tokens).");
  }

  /**
   * A certificate map key that is not a host name.
   *
   * @param path the entry's path
   * @param key the key
   * @param host the host it probably means
   * @return the finding
   */
  static Finding gitCaHostKey(String path, String key, String host) {
    return Finding.warning(GIT_CA_HOST_KEY, path,
        q(key) + " is not a host name: Argo CD and Codefresh's validation hook look a Git server's certificate"
            + " up by its bare host name, so this one is never used.",
        "Use " + q(host) + " as the key.");
  }

  /**
   * A Git server certificate that is not PEM text.
   *
   * @param path the entry's path
   * @param host the host
   * @param problem what is wrong with the PEM
   * @return the finding
   */
  static Finding gitCaNotPem(String path, String host, Pem.BadPemException problem) {
    return gitCaNotPem(path, host, pemReason(problem));
  }

  /**
   * A Git server certificate that is not text at all.
   *
   * @param path the entry's path
   * @param host the host
   * @param raw the value given
   * @return the finding
   */
  static Finding gitCaNotText(String path, String host, Object raw) {
    return gitCaNotPem(path, host, "it is " + yamlType(raw) + ", not text");
  }

  private static Finding gitCaNotPem(String path, String host, String reason) {
    return Finding.error(GIT_CA_PEM, path,
        "The certificate for Git server " + q(host) + " is not a PEM certificate: " + reason
            + "; Codefresh's validation hook cannot add it and fails.",
        "Paste the Git server's CA certificate, from \"-----BEGIN CERTIFICATE-----\" to"
            + " \"-----END CERTIFICATE-----\".");
  }
}
