package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.gitopsruntime.validation.Finding;
import java.util.Locale;

/**
 * The findings of {@link GitSetupValidator} and the URL parsers it uses ({@link SharedConfigRepo},
 * {@link GitApiUrl}). Thread-safe; no state.
 */
final class GitSetupFindings {
  private GitSetupFindings() {}

  /** What is wrong with a Shared Configuration Repository URL; {@code %s} in a fix is the suggestion. */
  enum RepoProblem {
    /** Nothing given. */
    EMPTY("it is empty", "Use the repository's HTTPS URL, for example %s."),
    /** An scp-like SSH address. */
    SSH("it is an SSH address, and Codefresh works with the repository over HTTPS with the Git token",
        "Use %s."),
    /** Not a URL. */
    NOT_URL("it does not parse as a URL", "Use the repository's HTTPS URL, for example %s."),
    /** Not http(s). */
    SCHEME("Codefresh accepts only https (or http) repository URLs", "Use %s."),
    /** user:token@ in the URL. */
    CREDENTIALS("it contains credentials, which must never be part of a repository URL",
        "Remove the user name and token from the URL (%s) and give the Git token as the Git Runtime token."),
    /** No host. */
    NO_HOST("it has no host name", "Use the repository's HTTPS URL, for example %s."),
    /** A query other than ref. */
    QUERY("the only query it may have is ?ref=<branch>", "Use %s."),
    /** ?ref= without a branch. */
    EMPTY_REF("?ref= names no branch", "Name the branch, for example %s, or remove ?ref=."),
    /** #branch. */
    FRAGMENT("a branch is given as ?ref=<branch>, not after #", "Use %s."),
    /** Fewer than owner/repo. */
    NO_REPO("it names no repository: the path needs at least <owner>/<repository>",
        "Use the repository's URL, for example %s."),
    /** .. in the path. */
    DOT_DOT("its path contains \"..\"", "Use a path inside the repository, for example %s.");

    private final String why;
    private final String fix;

    RepoProblem(String why, String fix) {
      this.why = why;
      this.fix = fix;
    }
  }

  /**
   * A malformed Shared Configuration Repository URL.
   *
   * @param path the path to report
   * @param shown the URL, credentials masked
   * @param problem what is wrong
   * @param suggestion a fixed URL
   * @return the finding
   */
  static Finding sharedConfigRepoInvalid(String path, String shown, RepoProblem problem, String suggestion) {
    String subject = problem == RepoProblem.EMPTY
        ? "The Shared Configuration Repository URL is empty"
        : q(shown) + " is not a Shared Configuration Repository URL: " + problem.why;
    return Finding.error(SHARED_CONFIG_REPO_FORMAT, path,
        subject + "; the form is <repo_url>.git[/<path>][?ref=<branch>].",
        String.format(Locale.ROOT, problem.fix, qu(suggestion)));
  }

  /**
   * A Shared Configuration Repository URL without .git.
   *
   * @param path the path to report
   * @param shown the URL
   * @param suggestion the URL with .git
   * @return the finding
   */
  static Finding sharedConfigRepoNoGitSuffix(String path, String shown, String suggestion) {
    return Finding.warning(SHARED_CONFIG_REPO_GIT_SUFFIX, path,
        q(shown) + " does not end the repository part with .git: Codefresh then takes the whole path as the"
            + " repository and cannot tell a path inside it.",
        "Use " + q(suggestion) + " (add a path after .git/ if the configuration lives in a directory).");
  }

  /** What is wrong with a Git API URL; {@code %s} in a fix is the suggestion. */
  enum ApiUrlProblem {
    /** Nothing given. */
    EMPTY(GIT_API_URL_FORMAT, "it is empty", "Use the provider's API URL, for example %s."),
    /** Not an absolute http(s) URL. */
    NOT_HTTP(GIT_API_URL_FORMAT, "it is not an absolute http or https URL", "Use for example %s."),
    /** user:token@ in the URL. */
    CREDENTIALS(GIT_API_URL_FORMAT, "it contains credentials, which must never be part of an API URL",
        "Remove them: use %s."),
    /** The provider cannot be told from the URL. */
    UNKNOWN_PROVIDER(GIT_API_URL_FORMAT,
        "the Git provider cannot be told from it (it is not on github.com, gitlab.com or bitbucket.org and does"
            + " not end with /api/v3, /api/v4 or /rest/api/1.0)",
        "Name the provider, as GitApiUrl.of(provider, url) does, or use the documented form, for example %s."),
    /** Bitbucket Cloud off bitbucket.org. */
    BITBUCKET_CLOUD_HOST(GIT_API_URL_PROVIDER,
        "Bitbucket Cloud is on bitbucket.org, and Codefresh's validation hook rejects any other host for it",
        "Use %s, or choose Bitbucket Data Center for an on-premises server."),
    /** Bitbucket Data Center on bitbucket.org. */
    BITBUCKET_SERVER_CLOUD_HOST(GIT_API_URL_PROVIDER,
        "bitbucket.org is Bitbucket Cloud, not Bitbucket Data Center, and Codefresh's validation hook rejects it",
        "Choose Bitbucket Cloud with %s, or give your Bitbucket Data Center server's URL."),
    /** A cloud host of another provider. */
    CLOUD_MISMATCH(GIT_API_URL_PROVIDER, "its host belongs to another Git provider",
        "Choose the provider of that host, or use your own server's API URL, for example %s.");

    private final String ruleId;
    private final String why;
    private final String fix;

    ApiUrlProblem(String ruleId, String why, String fix) {
      this.ruleId = ruleId;
      this.why = why;
      this.fix = fix;
    }
  }

  /**
   * A Git API URL that cannot be used.
   *
   * @param path the path to report
   * @param shown the URL, credentials masked
   * @param provider the provider's name, or empty when not known
   * @param problem what is wrong
   * @param suggestion a fixed URL
   * @return the finding
   */
  static Finding gitApiUrlInvalid(String path, String shown, String provider, ApiUrlProblem problem,
      String suggestion) {
    String subject = problem == ApiUrlProblem.EMPTY
        ? "The Git API URL is empty"
        : q(shown) + " is not a usable " + (provider.isEmpty() ? "Git" : provider) + " API URL: " + problem.why;
    return Finding.error(problem.ruleId, path, subject + ".",
        String.format(Locale.ROOT, problem.fix, qu(suggestion)));
  }

  /**
   * A Git API URL with an unusual path.
   *
   * @param path the path to report
   * @param shown the URL
   * @param provider the provider's name
   * @param usual the usual form
   * @return the finding
   */
  static Finding gitApiUrlPath(String path, String shown, String provider, String usual) {
    return Finding.warning(GIT_API_URL_PATH, path,
        q(shown) + " is not the usual " + provider + " API URL: Codefresh calls the API at this URL as it is,"
            + " and " + provider + " serves its API at " + usual + ".",
        "Use " + q(usual) + ".");
  }

  /**
   * An on-premises repository without an API URL.
   *
   * @param path the path to report
   * @param host the repository's host
   * @return the finding
   */
  static Finding gitApiUrlMissing(String path, String host) {
    return Finding.error(GIT_API_URL_MISSING, path,
        "No Git provider and API URL are given for " + q(host) + ": Codefresh infers them only for"
            + " github.com, gitlab.com and bitbucket.org.",
        "Give the provider and its API URL: GitHub Enterprise https://" + host + "/api/v3, GitLab Server"
            + " https://" + host + "/api/v4, or Bitbucket Data Center https://" + host + ".");
  }
}
