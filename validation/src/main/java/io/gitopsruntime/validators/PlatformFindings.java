package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validators.internal.ClusterSecrets;
import io.gitopsruntime.validators.internal.NetErrors;
import io.gitopsruntime.validators.internal.Pem;

/**
 * The findings of {@link PlatformValidator} and of {@link PlatformAccess}: skips, the API key, the account,
 * the runtime name and plan usage. Thread-safe; no state.
 */
final class PlatformFindings {
  private PlatformFindings() {}

  /**
   * The API key's Secret cannot be read.
   *
   * @param failed why
   * @return the finding
   */
  static Finding userTokenSecretUnreadable(ClusterSecrets.Failed failed) {
    if (SecretFindings.isReportedByClusterCheck(failed)) {
      return SecretFindings.skippedForUnreadableSecret(USER_TOKEN_SECRET, failed, "Codefresh API key", "platform check");
    }
    return Finding.error(USER_TOKEN_SECRET, "global.codefresh.userToken.secretKeyRef",
        "The Codefresh API key cannot be read: " + SecretFindings.secretReadReason(failed)
            + "; Codefresh's validation hook fails the same way.",
        SecretFindings.secretReadFix(failed, "API key"));
  }

  /**
   * The API key in a Secret has surrounding whitespace.
   *
   * @param name the Secret
   * @return the finding
   */
  static Finding userTokenSecretWhitespace(String name) {
    return SecretFindings.secretValueWhitespace(USER_TOKEN_WHITESPACE, "global.codefresh.userToken.secretKeyRef",
        "Codefresh API key", name);
  }

  /**
   * The platform CA's Secret cannot be read.
   *
   * @param failed why
   * @return the finding
   */
  static Finding platformCaSecretUnreadable(ClusterSecrets.Failed failed) {
    if (SecretFindings.isReportedByClusterCheck(failed)) {
      return SecretFindings.skippedForUnreadableSecret(PLATFORM_CA_SECRET, failed, "platform CA bundle", "platform check");
    }
    return Finding.error(PLATFORM_CA_SECRET, "global.codefresh.tls.caCerts.secretKeyRef",
        "The platform CA bundle cannot be read: " + SecretFindings.secretReadReason(failed)
            + "; Codefresh's validation hook fails the same way.",
        SecretFindings.secretReadFix(failed, "PEM bundle"));
  }

  /**
   * The platform CA's Secret holds no PEM.
   *
   * @param name the Secret
   * @param problem what is wrong with the PEM
   * @return the finding
   */
  static Finding platformCaSecretNotPem(String name, Pem.BadPemException problem) {
    return Finding.error(PLATFORM_CA_SECRET, "global.codefresh.tls.caCerts.secretKeyRef",
        "The platform CA bundle in Secret " + q(name) + " is not PEM: " + pemReason(problem)
            + "; the runtime cannot trust the platform with it.",
        "Put the CA certificates in PEM form into the Secret.");
  }

  /** Why the platform check did not run. */
  enum PlatformSkip {
    /** Both skip flags. */
    FLAGS("installer.skipValidation", "installer.skipValidation and installer.skipUsageValidation are true",
        "Remove them to have the API key, account, runtime name and plan usage checked."),
    /** Offline run. */
    OFFLINE("", "validation runs offline", "Run online to check the API key, account and runtime name."),
    /** Bad platform URL. */
    BAD_URL("global.codefresh.url", "global.codefresh.url is not a usable URL (see platform-url.format)",
        "Fix global.codefresh.url."),
    /** No API key. */
    NO_TOKEN("global.codefresh.userToken",
        "no usable Codefresh API key is given (see user-token.missing and user-token.incomplete-ref)",
        "Give the API key."),
    /** API key in a Secret, no cluster client. */
    TOKEN_IN_SECRET("global.codefresh.userToken.secretKeyRef",
        "the API key is in a Secret, and no Kubernetes client was given to read it", ATTACH_CLIENT),
    /** API key with control characters. */
    TOKEN_UNUSABLE("global.codefresh.userToken.token",
        "the API key contains a line break or control character (see user-token.whitespace)",
        "Remove the whitespace from the API key."),
    /** CA in a Secret, no cluster client. */
    CA_IN_SECRET("global.codefresh.tls.caCerts.secretKeyRef",
        "the platform's CA is in a Secret, and no Kubernetes client was given to read it; without it the TLS"
            + " handshake would fail", ATTACH_CLIENT),
    /** CA content not PEM. */
    CA_UNUSABLE("global.codefresh.tls.caCerts.secret.content",
        "the platform CA content is not PEM (see platform-ca.pem)", "Fix the CA content.");

    private final String path;
    private final String why;
    private final String fix;

    PlatformSkip(String path, String why, String fix) {
      this.path = path;
      this.why = why;
      this.fix = fix;
    }
  }

  /**
   * The platform check did not run.
   *
   * @param skip why
   * @return the finding
   */
  static Finding platformSkipped(PlatformSkip skip) {
    return info(PLATFORM_SKIPPED, skip.path, "The Codefresh platform check was skipped: " + skip.why + ".",
        skip.fix);
  }

  /**
   * Identity checks skipped, usage still checked.
   *
   * @return the finding
   */
  static Finding platformIdentitySkipped() {
    return info(PLATFORM_SKIPPED, "installer.skipValidation",
        "The API key, account and runtime name checks were skipped: installer.skipValidation is true. The plan"
            + " usage check still runs, as the chart's validate-usage hook does.",
        "Remove installer.skipValidation to have them checked.");
  }

  /** Which token a platform call used. */
  enum TokenKind {
    /** The user's API key. */
    API_KEY,
    /** The runtime token of an existing runtime. */
    RUNTIME_TOKEN
  }

  /**
   * The platform rejected a token.
   *
   * @param url the platform URL
   * @param kind which token
   * @param namespace the release namespace
   * @param detail the HTTP status and body excerpt, secrets masked
   * @return the finding
   */
  static Finding platformTokenRejected(String url, TokenKind kind, String namespace, String detail) {
    if (kind == TokenKind.RUNTIME_TOKEN) {
      return Finding.error(PLATFORM_TOKEN_INVALID, "namespace",
          "The platform at " + qu(url) + " rejected the runtime token in Secret \"codefresh-token\" of namespace "
              + q(namespace) + " (" + detail + "): the runtime it belonged to may have been deleted.",
          "For a new installation, delete the leftover Secret (kubectl delete secret codefresh-token -n "
              + namespace + "); for an upgrade, check the runtime in the Codefresh UI.");
    }
    return Finding.error(PLATFORM_TOKEN_INVALID, "global.codefresh.userToken",
        "The platform at " + qu(url) + " rejected the Codefresh API key (" + detail
            + "): the key is wrong, expired or revoked.",
        "Create a new API key in Codefresh (User Settings, API Keys) and put it where global.codefresh.userToken"
            + " points.");
  }

  /**
   * The platform could not be reached.
   *
   * @param url the platform URL
   * @param host its host
   * @param failure why
   * @return the finding
   */
  static Finding platformUnreachable(String url, String host, NetErrors.Failure failure) {
    String fix;
    if (failure.isTls()) {
      fix = "If the platform uses a private CA, give it in global.codefresh.tls.caCerts (secret.content, or a"
          + " Secret named by secretKeyRef and a Kubernetes client to read it).";
    } else if (failure.kind() == NetErrors.Kind.DNS) {
      fix = "Check global.codefresh.url and this machine's DNS; if the platform is reachable only through a"
          + " proxy, set the JVM's proxy (https.proxyHost, https.proxyPort) for this check.";
    } else if (failure.kind() == NetErrors.Kind.TIMEOUT) {
      fix = "Check the network path from this machine to the platform, then retry.";
    } else {
      fix = "Check that the platform is up and that no firewall or proxy blocks this machine, then retry.";
    }
    return Finding.error(PLATFORM_UNREACHABLE, "global.codefresh.url",
        "Cannot reach the Codefresh platform at " + qu(url) + ": " + netReason(failure, host) + ".", fix);
  }

  /**
   * The platform answered with an error.
   *
   * @param url the platform URL
   * @param operation the GraphQL operation
   * @param detail the status or errors, secrets masked
   * @return the finding
   */
  static Finding platformApiError(String url, String operation, String detail) {
    return Finding.error(PLATFORM_API_ERROR, "global.codefresh.url",
        "The platform at " + qu(url) + " failed the " + operation + " query (" + detail + ").",
        "Check that global.codefresh.url is the Codefresh platform and that it is up, then retry.");
  }

  /**
   * The user is not an account admin.
   *
   * @param user the user's name
   * @param account the account's name
   * @return the finding
   */
  static Finding platformNotAdmin(String user, String account) {
    return Finding.error(PLATFORM_ADMIN, "global.codefresh.userToken",
        "User " + q(user) + " of the Codefresh API key is not an administrator of account " + q(account)
            + ": only account administrators can install a runtime.",
        "Use an API key of an administrator of " + q(account) + ", or ask one to make you an administrator.");
  }

  /**
   * accountId is not the key's account.
   *
   * @param given the accountId in the values
   * @param accountName the key's account name
   * @param accountId the key's account id
   * @return the finding
   */
  static Finding platformAccountMismatch(String given, String accountName, String accountId) {
    return Finding.error(PLATFORM_ACCOUNT_ID, "global.codefresh.accountId",
        q(given) + " is not the account of the Codefresh API key: the key belongs to account " + q(accountName)
            + " (ID " + q(accountId) + ").",
        "Set global.codefresh.accountId to " + q(accountId) + ", or use an API key of account " + q(given) + ".");
  }

  /**
   * The key's account, when the values give none.
   *
   * @param accountName the key's account name
   * @param accountId the key's account id
   * @return the finding
   */
  static Finding platformAccountHint(String accountName, String accountId) {
    return info(PLATFORM_ACCOUNT_ID, "global.codefresh.accountId",
        "The Codefresh API key belongs to account " + q(accountName) + " (ID " + q(accountId) + ").",
        "Set global.codefresh.accountId to " + q(accountId) + " where the chart needs it (see account-id.missing).");
  }

  /**
   * The runtime name is taken.
   *
   * @param name the runtime name
   * @param account the account's name
   * @param where where the runtime runs, such as {@code namespace "x" on cluster "y"}, or empty
   * @param clusterKnown whether a cluster client showed that this is not an upgrade
   * @return the finding: an error when known to be a new installation, a warning otherwise
   */
  static Finding platformRuntimeExists(String name, String account, String where, boolean clusterKnown) {
    String message = "A runtime named " + q(name) + " already exists in account " + q(account)
        + (where.isEmpty() ? "" : " (" + where + ")")
        + ": runtime names are unique in an account, and Codefresh's validation hook fails a new installation"
        + " with this name.";
    if (clusterKnown) {
      return Finding.error(PLATFORM_RUNTIME_EXISTS, "global.runtime.name", message,
          "Choose another global.runtime.name, or uninstall the existing runtime first; to upgrade it, install"
              + " into the cluster and namespace where it runs.");
    }
    return Finding.warning(PLATFORM_RUNTIME_EXISTS, "global.runtime.name",
        message + " Without a Kubernetes client this check cannot tell an upgrade of that runtime from a new"
            + " installation.",
        "For a new installation choose another global.runtime.name; for an upgrade, attach a Kubernetes"
            + " client so that the runtime's codefresh-token Secret is found.");
  }

  /**
   * Where a runtime runs.
   *
   * @param namespace its namespace, or empty
   * @param cluster its cluster, or empty
   * @return for example {@code namespace "x" on cluster "y"}, or empty
   */
  static String runtimeLocation(String namespace, String cluster) {
    if (namespace.isEmpty() && cluster.isEmpty()) {
      return "";
    }
    if (cluster.isEmpty()) {
      return "namespace " + q(namespace);
    }
    return (namespace.isEmpty() ? "" : "namespace " + q(namespace) + " ") + "on cluster " + q(cluster);
  }

  /**
   * Upgrade path: the token's runtime is gone.
   *
   * @param name the runtime name
   * @param namespace the namespace
   * @return the finding
   */
  static Finding platformRuntimeMissing(String name, String namespace) {
    return Finding.error(PLATFORM_RUNTIME_MISSING, "global.runtime.name",
        "Namespace " + q(namespace) + " holds a codefresh-token Secret, so this is an upgrade, but the platform"
            + " has no runtime named " + q(name) + " for that token: Codefresh's validation hook fails.",
        "For a new installation, delete the leftover Secret (kubectl delete secret codefresh-token -n " + namespace
            + "); for an upgrade, set global.runtime.name to the runtime's current name.");
  }

  /**
   * Upgrade path: checked with the runtime token.
   *
   * @param name the runtime name
   * @param namespace the namespace
   * @return the finding
   */
  static Finding platformUpgrade(String name, String namespace) {
    return Finding.info(PLATFORM_UPGRADE, "namespace",
        "Namespace " + q(namespace) + " holds a codefresh-token Secret, so this is an upgrade of runtime "
            + q(name) + ": the platform knows the runtime, and, like Codefresh's hook, the API key, account,"
            + " name and plan usage checks of a new installation were not run.");
  }

  /**
   * The cluster limit is reached.
   *
   * @param account the account
   * @param used clusters in use
   * @param limit the limit
   * @return the finding
   */
  static Finding platformUsageLimit(String account, long used, long limit) {
    String state = used > limit ? "exceeded" : "reached";
    return Finding.error(PLATFORM_USAGE, "installer.skipUsageValidation",
        "Account " + q(account) + " has " + state + " its plan's limit of " + limit + " clusters (it uses " + used
            + "): the chart's validate-usage hook fails a new installation.",
        "Remove a runtime or cluster you no longer need, or upgrade the plan.");
  }

  /**
   * A limit without usage.
   *
   * @param account the account
   * @return the finding
   */
  static Finding platformUsageMissing(String account) {
    return Finding.error(PLATFORM_USAGE, "installer.skipUsageValidation",
        "The platform reports a cluster limit for account " + q(account) + " but no cluster usage: the chart's"
            + " validate-usage hook fails with \"clusters usage is missing\".",
        "Retry later or ask Codefresh support; installer.skipUsageValidation=true skips the hook.");
  }

  /**
   * The usage check was skipped.
   *
   * @return the finding
   */
  static Finding platformUsageSkipped() {
    return Finding.info(PLATFORM_USAGE, "installer.skipUsageValidation",
        "The plan usage check was skipped: installer.skipUsageValidation is true.");
  }
}
