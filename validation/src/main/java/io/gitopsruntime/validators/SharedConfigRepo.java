package io.gitopsruntime.validators;

import io.gitopsruntime.InvalidValuesException;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.validators.GitSetupFindings.RepoProblem;
import io.gitopsruntime.validators.internal.Urls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The URL of an account's Shared Configuration Repository, in the installation page's form
 * {@code <repo_url>.git[/<path>][?ref=<branch>]}: the repository, an optional directory inside it and an
 * optional branch.
 *
 * <pre>{@code
 * SharedConfigRepo isc = SharedConfigRepo.parse("https://github.com/codefresh-io/our-isc.git/some/path?ref=isc-branch");
 * isc.repoUrl(); // "https://github.com/codefresh-io/our-isc.git"
 * isc.path();    // Optional[some/path]
 * isc.ref();     // Optional[isc-branch]
 * isc.cloudProvider(); // Optional[GITHUB]
 * }</pre>
 *
 * <p>{@link #check(String)} lists every problem instead of throwing. Immutable and thread-safe.
 */
public final class SharedConfigRepo {
  private static final String PATH = "sharedConfigRepo";
  private static final String EXAMPLE = "https://github.com/my-org/my-isc.git";
  private static final Pattern SCP = Pattern.compile("(?:[^@/:]+@)?([^@/:]+):(?!//)(.+)");
  private static final Pattern GIT_SUFFIX = Pattern.compile("^(/.*?\\.git)(/.*)?$");

  private final String repoUrl;
  private final String host;
  private final @Nullable String path;
  private final @Nullable String ref;

  private SharedConfigRepo(String repoUrl, String host, @Nullable String path, @Nullable String ref) {
    this.repoUrl = repoUrl;
    this.host = host;
    this.path = path;
    this.ref = ref;
  }

  /**
   * Parses a Shared Configuration Repository URL.
   *
   * @param url the URL, for example {@code https://github.com/my-org/my-isc.git/runtimes?ref=main}
   * @return the parsed URL
   * @throws InvalidValuesException when it is not of the form {@code <repo_url>.git[/<path>][?ref=<branch>]};
   *     the message says why and how to fix it (a missing {@code .git} is only a warning of {@link #check})
   */
  public static SharedConfigRepo parse(String url) {
    Objects.requireNonNull(url, "url == null");
    Result result = analyse(PATH, url);
    for (Finding f : result.findings) {
      if (f.severity() == Severity.ERROR) {
        throw new InvalidValuesException(f.path(), f.describe());
      }
    }
    return Objects.requireNonNull(result.repo);
  }

  /**
   * Every problem of a Shared Configuration Repository URL.
   *
   * @param url the URL
   * @return the findings, reported at {@code sharedConfigRepo}; empty when the URL is fine
   */
  public static List<Finding> check(String url) {
    return check(PATH, url);
  }

  /**
   * Every problem of a Shared Configuration Repository URL, reported at a path of your choice.
   *
   * @param path the path to report
   * @param url the URL
   * @return the findings; empty when the URL is fine
   */
  public static List<Finding> check(String path, String url) {
    return analyse(path, url).findings;
  }

  /**
   * The repository's URL, without path and branch.
   *
   * @return for example {@code https://github.com/my-org/my-isc.git}
   */
  public String repoUrl() {
    return repoUrl;
  }

  /**
   * The repository's host.
   *
   * @return the host name in lower case
   */
  public String host() {
    return host;
  }

  /**
   * The directory inside the repository.
   *
   * @return the path without leading or trailing {@code /}, or empty for the root
   */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }

  /**
   * The branch.
   *
   * @return the branch, or empty for the default branch
   */
  public Optional<String> ref() {
    return Optional.ofNullable(ref);
  }

  /**
   * The provider Codefresh infers from the host (only for cloud providers).
   *
   * @return GitHub for {@code github.com}, GitLab for {@code gitlab.com}, Bitbucket Cloud for
   *     {@code bitbucket.org}; empty for on-premises servers, which need a provider and API URL
   */
  public Optional<GitProvider> cloudProvider() {
    return GitProvider.forCloudHost(host);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SharedConfigRepo && o.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /** The URL in its canonical form, {@code <repo_url>.git[/<path>][?ref=<branch>]}. */
  @Override
  public String toString() {
    return repoUrl + (path == null ? "" : "/" + path) + (ref == null ? "" : "?ref=" + ref);
  }

  private static final class Result {
    final List<Finding> findings = new ArrayList<>();
    @Nullable SharedConfigRepo repo;
  }

  private static Result analyse(String at, String url) {
    Result result = new Result();
    String s = url.strip();
    if (s.isEmpty()) {
      result.findings.add(GitSetupFindings.sharedConfigRepoInvalid(at, url, RepoProblem.EMPTY, EXAMPLE));
      return result;
    }
    Matcher scp = SCP.matcher(s);
    if (!s.contains("://") && scp.matches()) {
      result.findings.add(GitSetupFindings.sharedConfigRepoInvalid(at, s, RepoProblem.SSH,
          "https://" + scp.group(1) + "/" + scp.group(2)));
      return result;
    }
    URI uri;
    try {
      uri = new URI(s);
    } catch (URISyntaxException e) {
      result.findings.add(GitSetupFindings.sharedConfigRepoInvalid(at, mask(s), RepoProblem.NOT_URL, EXAMPLE));
      return result;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      String rest = uri.getHost() != null
          ? uri.getHost() + (uri.getRawPath() == null ? "" : uri.getRawPath())
          : s.contains("://") ? s.substring(s.indexOf("://") + 3) : s;
      result.findings.add(GitSetupFindings.sharedConfigRepoInvalid(at, mask(s), RepoProblem.SCHEME, "https://" + rest));
      return result;
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      result.findings.add(GitSetupFindings.sharedConfigRepoInvalid(at, mask(s), RepoProblem.NO_HOST, EXAMPLE));
      return result;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String authority = host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    String origin = scheme + "://" + authority;
    String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (uri.getRawUserInfo() != null) {
      result.findings.add(GitSetupFindings.sharedConfigRepoInvalid(at, mask(s), RepoProblem.CREDENTIALS,
          origin + rawPath + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
    }
    String ref = null;
    if (uri.getRawQuery() != null) {
      String query = uri.getRawQuery();
      if (!query.startsWith("ref=") || query.contains("&")) {
        result.findings.add(GitSetupFindings.sharedConfigRepoInvalid(at, mask(s), RepoProblem.QUERY,
            origin + rawPath + "?ref=main"));
      } else if (query.length() == 4) {
        result.findings.add(GitSetupFindings.sharedConfigRepoInvalid(at, mask(s), RepoProblem.EMPTY_REF,
            origin + rawPath + "?ref=main"));
      } else {
        ref = uri.getQuery().substring(4);
      }
    }
    if (uri.getRawFragment() != null) {
      result.findings.add(GitSetupFindings.sharedConfigRepoInvalid(at, mask(s), RepoProblem.FRAGMENT,
          origin + rawPath + "?ref=" + uri.getFragment()));
    }
    String repoPath;
    String inner = null;
    Matcher git = GIT_SUFFIX.matcher(rawPath);
    if (git.matches()) {
      repoPath = git.group(1);
      String rest = git.group(2) == null ? "" : git.group(2).replaceAll("^/+|/+$", "");
      inner = rest.isEmpty() ? null : rest;
    } else {
      repoPath = rawPath.replaceAll("/+$", "");
      if (segments(repoPath) >= 2) {
        result.findings.add(GitSetupFindings.sharedConfigRepoNoGitSuffix(at, mask(s), origin + repoPath + ".git"
            + (ref == null ? "" : "?ref=" + ref)));
      }
    }
    String repoWithoutSuffix = repoPath.endsWith(".git") ? repoPath.substring(0, repoPath.length() - 4) : repoPath;
    if (segments(repoWithoutSuffix) < 2 || repoWithoutSuffix.endsWith("/")) {
      result.findings.add(GitSetupFindings.sharedConfigRepoInvalid(at, mask(s), RepoProblem.NO_REPO,
          origin + "/my-org/my-isc.git"));
    }
    if (inner != null && (inner.equals("..") || inner.startsWith("../") || inner.contains("/../")
        || inner.endsWith("/.."))) {
      result.findings.add(GitSetupFindings.sharedConfigRepoInvalid(at, mask(s), RepoProblem.DOT_DOT,
          origin + repoPath + "/runtimes"));
    }
    if (result.findings.stream().noneMatch(f -> f.severity() == Severity.ERROR)) {
      result.repo = new SharedConfigRepo(origin + repoPath, host, inner, ref);
    }
    return result;
  }

  private static int segments(String path) {
    int n = 0;
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        n++;
      }
    }
    return n;
  }

  private static String mask(String url) {
    return Urls.maskUserInfo(url);
  }
}
