package io.gitopsruntime.validators;

import io.gitopsruntime.validators.internal.Wording;
import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.gitopsruntime.validation.Finding;
import java.util.List;

/** The findings of {@link SecretRefsValidator}: referenced Secrets, keys and values in the cluster. Thread-safe; no state. */
final class SecretRefsFindings {
  private SecretRefsFindings() {}

  /** A Secret reference of the values, as the Secret references check names it. */
  enum SecretRef {
    /** The Codefresh API key. */
    API_KEY("global.codefresh.userToken.secretKeyRef", "the Codefresh API key",
        "Codefresh's validation hook and the runtime read the API key from it, and neither works without one",
        "--from-literal=%s=<Codefresh API key>"),
    /** The Git Runtime token. */
    GIT_PASSWORD("global.runtime.gitCredentials.password.secretKeyRef", "the Git Runtime token",
        "the runtime reads the Git Runtime token from it, and cannot reach the Shared Configuration Repository"
            + " without one",
        "--from-literal=%s=<Git token>"),
    /** The platform CA bundle. */
    PLATFORM_CA("global.codefresh.tls.caCerts.secretKeyRef", "the platform's CA bundle",
        "Codefresh's validation hook and the runtime trust the platform's certificate only with the CA bundle in"
            + " it",
        "--from-file=%s=ca-bundle.pem"),
    /** The external Argo CD's password. */
    ARGO_CD_PASSWORD("global.integrations.argo-cd.server.auth.passwordSecretKeyRef", "the Argo CD password",
        "the runtime logs in to your Argo CD with the password in it, and its pods do not start without it",
        "--from-literal=%s=<Argo CD password>"),
    /** The external Argo CD's API token. */
    ARGO_CD_TOKEN("global.integrations.argo-cd.server.auth.tokenSecretKeyRef", "the Argo CD API token",
        "the runtime calls your Argo CD with the API token in it, and its pods do not start without it",
        "--from-literal=%s=<Argo CD API token>");

    private final String path;
    private final String what;
    private final String why;
    private final String source;

    SecretRef(String path, String what, String why, String source) {
      this.path = path;
      this.what = what;
      this.why = why;
      this.source = source;
    }

    private String create(String namespace, String name, String key) {
      return "kubectl create secret generic " + name + " -n " + namespace + " " + String.format(source, key);
    }
  }

  /**
   * A referenced Secret does not exist.
   *
   * @param ref the reference
   * @param namespace the release namespace
   * @param name the Secret's name
   * @param key the key
   * @param chartDefault whether the reference is the chart's default, not the user's
   * @return the finding
   */
  static Finding secretRefMissing(SecretRef ref, String namespace, String name, String key,
      boolean chartDefault) {
    return Finding.error(CLUSTER_SECRET_REF, ref.path + ".name",
        "Secret " + q(name) + (chartDefault ? " (the chart's default reference)" : "") + " for " + ref.what
            + " does not exist in namespace " + q(namespace) + ": " + ref.why + ".",
        "Create it there before installing (" + ref.create(namespace, name, key) + "), or set " + ref.path
            + " to the Secret that holds " + ref.what + ".");
  }

  /**
   * A referenced Secret lacks the key.
   *
   * @param ref the reference
   * @param namespace the release namespace
   * @param name the Secret's name
   * @param key the key
   * @param keys the Secret's key names
   * @return the finding
   */
  static Finding secretRefNoKey(SecretRef ref, String namespace, String name, String key, List<String> keys) {
    String has = keys.isEmpty() ? "it has no keys"
        : "its keys are " + String.join(", ", keys.stream().map(Wording::q).toList());
    String fix = keys.isEmpty()
        ? "Put " + ref.what + " into the Secret under key " + q(key) + " (" + ref.create(namespace, name, key)
            + " --dry-run=client -o yaml | kubectl apply -f -)."
        : "Set " + ref.path + ".key to the key that holds " + ref.what + ", or add key " + q(key)
            + " to the Secret.";
    return Finding.error(CLUSTER_SECRET_REF, ref.path + ".key",
        "Secret " + q(name) + " in namespace " + q(namespace) + " has no key " + q(key) + " for " + ref.what + " ("
            + has + "): " + ref.why + ".",
        fix);
  }

  /**
   * A referenced Secret's key is empty.
   *
   * @param ref the reference
   * @param namespace the release namespace
   * @param name the Secret's name
   * @param key the key
   * @return the finding
   */
  static Finding secretRefEmpty(SecretRef ref, String namespace, String name, String key) {
    return Finding.error(CLUSTER_SECRET_REF, ref.path,
        "Key " + q(key) + " of Secret " + q(name) + " in namespace " + q(namespace) + " is empty, so "
            + ref.what + " would be blank: " + ref.why + ".",
        "Put " + ref.what + " into key " + q(key) + " (" + ref.create(namespace, name, key)
            + " --dry-run=client -o yaml | kubectl apply -f -).");
  }
}
