package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validators.internal.ClusterSecrets;
import io.gitopsruntime.validators.internal.NetErrors;
import java.util.List;

/** The findings of {@link GitProviderValidator} and of the provider checks in {@link GitChecks}. Thread-safe; no state. */
final class GitProviderFindings {
  private GitProviderFindings() {}

  /**
   * The Git password in a Secret has surrounding whitespace.
   *
   * @param name the Secret
   * @return the finding
   */
  static Finding gitPasswordSecretWhitespace(String name) {
    return SecretFindings.secretValueWhitespace(GIT_CREDENTIALS_WHITESPACE, "global.runtime.gitCredentials.password.secretKeyRef",
        "Git password", name);
  }

  /**
   * The Git password's Secret cannot be read.
   *
   * @param failed why
   * @return the finding
   */
  static Finding gitPasswordSecretUnreadable(ClusterSecrets.Failed failed) {
    if (SecretFindings.isReportedByClusterCheck(failed)) {
      return SecretFindings.skippedForUnreadableSecret(GIT_CREDENTIALS_SECRET, failed, "Git password", "Git token check");
    }
    return Finding.error(GIT_CREDENTIALS_SECRET, "global.runtime.gitCredentials.password.secretKeyRef",
        "The Git password cannot be read: " + SecretFindings.secretReadReason(failed)
            + "; Codefresh's validation hook fails the same way.",
        SecretFindings.secretReadFix(failed, "Git token"));
  }

  /** Why the Git token check did not run. */
  enum GitSkip {
    /** installer.skipValidation. */
    HOOK_OFF("installer.skipValidation", "installer.skipValidation is true",
        "Remove installer.skipValidation to have the token checked."),
    /** Offline run. */
    OFFLINE("", "validation runs offline", "Run online to check the Git token."),
    /** Password in a Secret, no cluster client. */
    PASSWORD_IN_SECRET("global.runtime.gitCredentials.password.secretKeyRef",
        "the Git password is in a Secret, and no Kubernetes client was given to read it", ATTACH_CLIENT),
    /** Incomplete password reference. */
    PASSWORD_UNUSABLE("global.runtime.gitCredentials.password",
        "the Git password cannot be used (see git-credentials.incomplete-ref and git-credentials.whitespace)",
        "Fix the Git password."),
    /** Empty username. */
    NO_USERNAME("global.runtime.gitCredentials.username",
        "the Git username is empty (see git-credentials.username)", "Set the Git username."),
    /** No API key to ask the platform for the provider. */
    NO_PLATFORM("global.codefresh.userToken",
        "only the Codefresh platform knows the account's Git provider and API URL, and it cannot be asked"
            + " (see the platform check's findings)",
        "Fix the Codefresh API key and platform settings first."),
    /** Git CA not PEM. */
    CA_UNUSABLE("argo-cd.configs.tls.certificates",
        "the Git server's certificate is not PEM (see git-ca.pem)", "Fix the certificate.");

    private final String path;
    private final String why;
    private final String fix;

    GitSkip(String path, String why, String fix) {
      this.path = path;
      this.why = why;
      this.fix = fix;
    }
  }

  /**
   * The Git token check did not run.
   *
   * @param skip why
   * @return the finding
   */
  static Finding gitSkipped(GitSkip skip) {
    return info(GIT_SKIPPED, skip.path, "The Git token check was skipped: " + skip.why + ".", skip.fix);
  }

  /**
   * The scope check was switched off.
   *
   * @return the finding
   */
  static Finding gitPermissionCheckSkipped() {
    return info(GIT_SKIPPED, "app-proxy.config.skipGitPermissionValidation",
        "The Git token's scopes were not checked: app-proxy.config.skipGitPermissionValidation is \"true\".",
        "Make sure the Git Runtime token can read and write the Shared Configuration Repository, and that each"
            + " Git user token can read and write the repositories it is used with. Codefresh's validation hook"
            + " (cf helm validate 0.2) does not read this flag and still checks the token; if it rejects the"
            + " token, also set installer.skipValidation=true.");
  }

  /**
   * The account has no Git provider yet.
   *
   * @param account the account
   * @return the finding
   */
  static Finding gitNoProviderYet(String account) {
    return info(GIT_SKIPPED, "global.runtime.gitCredentials",
        "The Git token check was skipped: account " + q(account) + " has no Git provider yet. It is set with the"
            + " Shared Configuration Repository when the account's first runtime is installed, and Codefresh's"
            + " hook skips the check too.",
        "");
  }

  /**
   * An unsupported provider.
   *
   * @param account the account
   * @param provider the platform's provider name
   * @return the finding
   */
  static Finding gitProviderUnsupported(String account, String provider) {
    return Finding.error(GIT_PROVIDER_UNSUPPORTED, "global.runtime.gitCredentials",
        "Account " + q(account) + " uses Git provider " + q(provider) + ", which Codefresh's validation hook"
            + " does not support (it knows GitHub, GitLab, Bitbucket Cloud and Bitbucket Data Center): the hook"
            + " fails the installation whenever Git credentials are given.",
        "Install without global.runtime.gitCredentials and add the Git Runtime token in the Codefresh UI"
            + " afterwards, or set installer.skipValidation=true.");
  }

  /**
   * The account's API URL cannot be used.
   *
   * @param problem the URL's finding
   * @return the finding
   */
  static Finding gitAccountApiUrl(Finding problem) {
    return Finding.error(GIT_API_URL, "global.runtime.gitCredentials",
        "The account's Git API URL in Codefresh does not work: " + problem.message(),
        "Correct the account's Git provider settings in the Codefresh UI. " + problem.remediation());
  }

  /**
   * A fine-grained GitHub token.
   *
   * @return the finding
   */
  static Finding gitFineGrained() {
    return Finding.error(GIT_TOKEN_FINE_GRAINED, "global.runtime.gitCredentials.password",
        "The Git Runtime token is a fine-grained GitHub token: Codefresh's validation hook cannot check"
            + " fine-grained tokens and fails the installation.",
        "Use a classic token with the scopes repo and admin:repo_hook; or keep the fine-grained token, set"
            + " app-proxy.config.skipGitPermissionValidation to \"true\" and installer.skipValidation=true, and make"
            + " sure it can read and write the Shared Configuration Repository.");
  }

  /**
   * The provider rejected the token.
   *
   * @param provider the provider's name
   * @param api the API base
   * @param detail what the provider answered, such as {@code HTTP 401, no X-OAuth-Scopes header}
   * @param fix how to get a valid token
   * @return the finding
   */
  private static Finding gitTokenRejected(String provider, String api, String detail, String fix) {
    return Finding.error(GIT_TOKEN_INVALID, "global.runtime.gitCredentials.password",
        provider + " at " + q(api) + " did not accept the Git Runtime token (" + detail + ")", fix);
  }

  /**
   * GitHub answered without scopes.
   *
   * @param provider "GitHub" or "GitHub Enterprise"
   * @param api the API base
   * @param status the HTTP status
   * @return the finding
   */
  static Finding githubNoScopes(String provider, String api, int status) {
    Finding f = gitTokenRejected(provider, api, "HTTP " + status + ", no X-OAuth-Scopes header",
        "Create a classic personal access token with the scopes repo and admin:repo_hook and put it in"
            + " global.runtime.gitCredentials.password.");
    return f.withMessage(f.message() + ": it is wrong, expired or revoked, or not a classic personal access"
        + " token (GitHub App tokens have no scopes).");
  }

  /**
   * GitHub scopes missing.
   *
   * @param missing the missing scopes
   * @param granted the scopes the token has
   * @return the finding
   */
  static Finding githubScopesMissing(List<String> missing, String granted) {
    return Finding.error(GIT_TOKEN_SCOPES, "global.runtime.gitCredentials.password",
        "The Git Runtime token lacks the GitHub scope" + (missing.size() > 1 ? "s " : " ") + String.join(" and ", missing)
            + ": it has " + (granted.isBlank() ? "no scopes" : q(granted))
            + ", and the runtime needs repo and admin:repo_hook.",
        "Add the missing scopes to the token in GitHub (Settings, Developer settings, Personal access tokens),"
            + " or create a classic token with repo and admin:repo_hook.");
  }

  /**
   * A GitLab project access token.
   *
   * @param username the bot user
   * @return the finding
   */
  static Finding gitlabProjectToken(String username) {
    return Finding.error(GIT_TOKEN_PROJECT, "global.runtime.gitCredentials.password",
        "The Git Runtime token is a GitLab project access token (bot user " + q(username)
            + "): Codefresh refuses project tokens.",
        "Use a personal or group access token with the api scope.");
  }

  /**
   * GitLab rejected the token.
   *
   * @param api the API base
   * @param status the HTTP status
   * @return the finding
   */
  static Finding gitlabTokenRejected(String api, int status) {
    Finding f = gitTokenRejected("GitLab", api, "HTTP " + status,
        "Create a personal or group access token with the api scope and put it in"
            + " global.runtime.gitCredentials.password.");
    return f.withMessage(f.message() + ": it is wrong, expired or revoked.");
  }

  /**
   * GitLab token without the api scope.
   *
   * @param status the status of the project creation
   * @return the finding
   */
  static Finding gitlabApiScopeMissing(int status) {
    return Finding.error(GIT_TOKEN_SCOPES, "global.runtime.gitCredentials.password",
        "The Git Runtime token lacks GitLab's api scope: GitLab refused a test project creation with it (HTTP "
            + status + " instead of 400), and the runtime needs the api scope.",
        "Create a personal or group access token with the api scope.");
  }

  /**
   * A provider answered something unexpected.
   *
   * @param provider the provider's name
   * @param api the API base
   * @param what what was unexpected
   * @return the finding
   */
  static Finding gitUnexpectedAnswer(String provider, String api, String what) {
    return Finding.error(GIT_API_ERROR, "global.runtime.gitCredentials",
        provider + " at " + q(api) + " answered " + what + ": the account's Git API URL may not be a "
            + provider + " API.",
        "Check the account's Git provider and API URL in the Codefresh UI.");
  }

  /** What GitLab's /user answered when it was not JSON. */
  static final String GITLAB_USER_NOT_JSON = "GET /user with a body that is not JSON";

  /**
   * Bitbucket Cloud rejected the credentials.
   *
   * @param username the Git username
   * @param status the HTTP status
   * @return the finding
   */
  static Finding bitbucketRejected(String username, int status) {
    return Finding.error(GIT_TOKEN_INVALID, "global.runtime.gitCredentials.password",
        "Bitbucket Cloud did not accept user " + q(username) + " with the Git Runtime token (HTTP " + status
            + ", no x-oauth-scopes header): the user name or the token is wrong, or the token has expired.",
        "Check global.runtime.gitCredentials.username (your Bitbucket user name, not your e-mail) and the token.");
  }

  /**
   * Bitbucket Cloud scopes missing.
   *
   * @param missing the missing permissions, as Bitbucket names them
   * @param granted the raw scopes header
   * @return the finding
   */
  static Finding bitbucketScopesMissing(List<String> missing, String granted) {
    return Finding.error(GIT_TOKEN_SCOPES, "global.runtime.gitCredentials.password",
        "The Git Runtime token lacks the Bitbucket Cloud permission" + (missing.size() > 1 ? "s " : " ")
            + String.join(", ", missing) + ": it has " + q(granted) + ", and the runtime needs repository:admin,"
            + " account:read, workspace membership:write (team:write) and webhook:read and write.",
        "Create an app password or API token with those permissions.");
  }

  /**
   * Bitbucket Data Center did not identify the token's user.
   *
   * @param api the API base
   * @param status the HTTP status
   * @return the finding
   */
  static Finding bitbucketServerRejected(String api, int status) {
    Finding f = gitTokenRejected("Bitbucket Data Center", api, "HTTP " + status + ", no X-AUSERNAME header",
        "Create an HTTP access token with Project admin permission and put it in"
            + " global.runtime.gitCredentials.password.");
    return f.withMessage(f.message() + ": it is wrong, expired or revoked.");
  }

  /**
   * Bitbucket Data Center token without Project admin.
   *
   * @param user the token's user
   * @param status the status of the repository creation
   * @return the finding
   */
  static Finding bitbucketServerNotProjectAdmin(String user, int status) {
    return Finding.error(GIT_TOKEN_SCOPES, "global.runtime.gitCredentials.password",
        "The Git Runtime token of user " + q(user) + " lacks the Project admin permission on Bitbucket Data"
            + " Center: a test repository creation with it was refused (HTTP " + status + " instead of 400).",
        "Use an HTTP access token with Project admin permission.");
  }

  /**
   * A Git provider could not be reached.
   *
   * @param provider the provider's name
   * @param api the API base
   * @param host the host
   * @param failure why
   * @return the finding
   */
  static Finding gitUnreachable(String provider, String api, String host, NetErrors.Failure failure) {
    String fix = failure.isTls()
        ? "Add the Git server's CA certificate under argo-cd.configs.tls.certificates." + host.replace(".", "\\.")
            + " (Codefresh's hook and Argo CD read it there)."
        : "Check the account's Git API URL and the network path from this machine to " + q(host) + ".";
    return Finding.error(GIT_UNREACHABLE, "global.runtime.gitCredentials",
        "Cannot reach " + provider + " at " + q(api) + ": " + netReason(failure, host) + ".", fix);
  }
}
