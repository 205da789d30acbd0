package io.gitopsruntime.validators;

import io.gitopsruntime.InvalidValuesException;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.validators.GitSetupFindings.ApiUrlProblem;
import io.gitopsruntime.validators.internal.Urls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Git provider's API URL, and the API base Codefresh's CLI derives from it (cf-validate's provider
 * rules): GitHub {@code https://api.github.com} for any host containing {@code github.com}, otherwise the
 * URL with {@code /api/v3} added to an empty path (GitHub Enterprise); GitLab {@code /api/v4} for
 * {@code gitlab.com} or an empty path; Bitbucket Cloud {@code https://bitbucket.org/api/2.0} and nothing
 * else; Bitbucket Data Center the URL with {@code /rest/api/1.0} added to an empty path.
 *
 * <pre>{@code
 * GitApiUrl ghe = GitApiUrl.of(GitProvider.GITHUB, "https://ghe.example.com");
 * ghe.apiBase();     // "https://ghe.example.com/api/v3"
 * GitApiUrl.parse("https://gitlab.example.com/api/v4").provider(); // GITLAB
 * List<Finding> problems = GitApiUrl.check(GitProvider.BITBUCKET, "https://bitbucket.example.com");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class GitApiUrl {
  private static final String PATH = "gitApiUrl";

  private final GitProvider provider;
  private final String url;
  private final String host;
  private final String apiBase;
  private final boolean cloud;

  private GitApiUrl(GitProvider provider, String url, String host, String apiBase, boolean cloud) {
    this.provider = provider;
    this.url = url;
    this.host = host;
    this.apiBase = apiBase;
    this.cloud = cloud;
  }

  /**
   * The API URL of a provider.
   *
   * @param provider the provider
   * @param url the URL as configured, for example {@code https://ghe.example.com/api/v3}
   * @return the parsed URL
   * @throws InvalidValuesException when the URL cannot be used with the provider; the message says why and
   *     how to fix it
   */
  public static GitApiUrl of(GitProvider provider, String url) {
    Objects.requireNonNull(provider, "provider == null");
    Objects.requireNonNull(url, "url == null");
    throwIfError(check(PATH, provider, url));
    return compute(provider, url.strip(), parseUri(url.strip()));
  }

  /**
   * The API URL, its provider inferred from the host ({@code github.com}, {@code gitlab.com},
   * {@code bitbucket.org}) or from the documented on-premises paths ({@code /api/v3} GitHub Enterprise,
   * {@code /api/v4} GitLab, {@code /rest/api/1.0} Bitbucket Data Center).
   *
   * @param url the URL
   * @return the parsed URL
   * @throws InvalidValuesException when the URL is unusable or its provider cannot be told
   */
  public static GitApiUrl parse(String url) {
    Objects.requireNonNull(url, "url == null");
    URI uri = basicChecks(PATH, url, "");
    Optional<GitProvider> provider = infer(uri);
    if (provider.isEmpty()) {
      Finding f = GitSetupFindings.gitApiUrlInvalid(PATH, shown(url), "", ApiUrlProblem.UNKNOWN_PROVIDER,
          "https://" + uri.getHost() + "/api/v3");
      throw new InvalidValuesException(f.path(), f.describe());
    }
    return of(provider.get(), url);
  }

  /**
   * Every problem of an API URL for a provider: errors for what Codefresh rejects, warnings for paths that
   * are not the provider's documented API path.
   *
   * @param provider the provider
   * @param url the URL
   * @return the findings, reported at {@code gitApiUrl}; empty when the URL is fine
   */
  public static List<Finding> check(GitProvider provider, String url) {
    return check(PATH, provider, url);
  }

  /**
   * Every problem of an API URL for a provider, reported at a path of your choice.
   *
   * @param path the path to report, such as a CLI option's name
   * @param provider the provider
   * @param url the URL
   * @return the findings; empty when the URL is fine
   */
  public static List<Finding> check(String path, GitProvider provider, String url) {
    List<Finding> findings = new ArrayList<>();
    URI uri;
    try {
      uri = basicChecks(path, url, provider.displayName());
    } catch (InvalidValuesException e) {
      return List.of(findingOf(path, url, provider, e));
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String hostPort = uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    Optional<GitProvider> inferred = infer(uri);
    String shown = shown(url);
    if (inferred.isPresent() && inferred.get() != provider) {
      if (provider == GitProvider.BITBUCKET_SERVER && inferred.get() == GitProvider.BITBUCKET) {
        findings.add(GitSetupFindings.gitApiUrlInvalid(path, shown, provider.displayName(),
            ApiUrlProblem.BITBUCKET_SERVER_CLOUD_HOST, "https://bitbucket.org"));
      } else {
        findings.add(GitSetupFindings.gitApiUrlInvalid(path, shown, provider.displayName(), ApiUrlProblem.CLOUD_MISMATCH,
            usual(provider, "git.example.com")));
      }
      return findings;
    }
    if (provider == GitProvider.BITBUCKET && !hostPort.equals("bitbucket.org")) {
      findings.add(GitSetupFindings.gitApiUrlInvalid(path, shown, provider.displayName(),
          ApiUrlProblem.BITBUCKET_CLOUD_HOST, "https://bitbucket.org"));
      return findings;
    }
    String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
    String trimmed = rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
    String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + hostPort;
    if (provider == GitProvider.GITHUB && !host.contains("github.com") && !rawPath.isEmpty()
        && !trimmed.equals("/api/v3")) {
      findings.add(GitSetupFindings.gitApiUrlPath(path, shown, "GitHub Enterprise", origin + "/api/v3"));
    }
    if (provider == GitProvider.GITLAB && !host.equals("gitlab.com") && !rawPath.isEmpty()
        && !trimmed.endsWith("/api/v4")) {
      findings.add(GitSetupFindings.gitApiUrlPath(path, shown, "GitLab", origin + trimmed + "/api/v4"));
    }
    if (provider == GitProvider.BITBUCKET_SERVER && !rawPath.isEmpty() && !trimmed.endsWith("/rest/api/1.0")) {
      findings.add(GitSetupFindings.gitApiUrlPath(path, shown, provider.displayName(), origin + trimmed + "/rest/api/1.0"));
    }
    return findings;
  }

  /**
   * The provider.
   *
   * @return the provider
   */
  public GitProvider provider() {
    return provider;
  }

  /**
   * The URL as configured.
   *
   * @return the URL
   */
  public String url() {
    return url;
  }

  /**
   * The host of the URL, where Codefresh looks up a Git server certificate
   * ({@code argo-cd.configs.tls.certificates[<host>]}).
   *
   * @return the host name in lower case
   */
  public String host() {
    return host;
  }

  /**
   * The API base Codefresh's CLI calls.
   *
   * @return for example {@code https://api.github.com} or {@code https://ghe.example.com/api/v3}
   */
  public String apiBase() {
    return apiBase;
  }

  /**
   * Whether this is the provider's cloud service rather than an on-premises server.
   *
   * @return true for GitHub.com, GitLab.com and Bitbucket Cloud
   */
  public boolean isCloud() {
    return cloud;
  }

  /**
   * The product's name, telling cloud and on-premises apart.
   *
   * @return for example {@code GitHub Enterprise}
   */
  public String displayName() {
    if (provider == GitProvider.GITHUB && !cloud) {
      return "GitHub Enterprise";
    }
    if (provider == GitProvider.GITLAB && !cloud) {
      return "GitLab Server";
    }
    return provider.displayName();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof GitApiUrl && ((GitApiUrl) o).provider == provider && ((GitApiUrl) o).url.equals(url);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, url);
  }

  @Override
  public String toString() {
    return displayName() + " " + apiBase;
  }

  private static GitApiUrl compute(GitProvider provider, String url, URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String authority = uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    switch (provider) {
      case GITHUB:
        if (host.contains("github.com")) {
          return new GitApiUrl(provider, url, host, "https://api.github.com", true);
        }
        return new GitApiUrl(provider, url, host,
            scheme + "://" + authority + (path.isEmpty() ? "/api/v3" : path) + query, false);
      case GITLAB:
        boolean cloud = host.equals("gitlab.com");
        return new GitApiUrl(provider, url, host,
            scheme + "://" + authority + (cloud || path.isEmpty() ? "/api/v4" : path) + query, cloud);
      case BITBUCKET:
        return new GitApiUrl(provider, url, host, scheme + "://" + authority + "/api/2.0" + query, true);
      default:
        return new GitApiUrl(provider, url, host,
            scheme + "://" + authority + (path.isEmpty() ? "/rest/api/1.0" : path) + query, false);
    }
  }

  private static URI basicChecks(String path, String url, String provider) {
    if (url.isBlank()) {
      throw invalid(path, url, provider, ApiUrlProblem.EMPTY, "https://ghe.example.com/api/v3");
    }
    String s = url.strip();
    URI uri = parseUri(s);
    String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      String rest = s.contains("://") ? s.substring(s.indexOf("://") + 3) : s;
      throw invalid(path, url, provider, ApiUrlProblem.NOT_HTTP, "https://" + rest);
    }
    if (uri.getRawUserInfo() != null) {
      throw invalid(path, url, provider, ApiUrlProblem.CREDENTIALS, withoutUserInfo(uri));
    }
    return uri;
  }

  private static Optional<GitProvider> infer(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.equals("api.github.com")) {
      return Optional.of(GitProvider.GITHUB);
    }
    if (host.equals("api.bitbucket.org")) {
      return Optional.of(GitProvider.BITBUCKET);
    }
    Optional<GitProvider> cloud = GitProvider.forCloudHost(host);
    if (cloud.isPresent()) {
      return cloud;
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    if (path.endsWith("/api/v3")) {
      return Optional.of(GitProvider.GITHUB);
    }
    if (path.endsWith("/api/v4")) {
      return Optional.of(GitProvider.GITLAB);
    }
    if (path.endsWith("/rest/api/1.0")) {
      return Optional.of(GitProvider.BITBUCKET_SERVER);
    }
    return Optional.empty();
  }

  private static @Nullable URI parseUri(String s) {
    try {
      return new URI(s);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String usual(GitProvider provider, String host) {
    switch (provider) {
      case GITHUB:
        return "https://" + host + "/api/v3";
      case GITLAB:
        return "https://" + host + "/api/v4";
      case BITBUCKET:
        return "https://bitbucket.org";
      default:
        return "https://" + host;
    }
  }

  private static InvalidValuesException invalid(String path, String url, String provider, ApiUrlProblem problem,
      String suggestion) {
    Finding f = GitSetupFindings.gitApiUrlInvalid(path, shown(url), provider, problem, suggestion);
    return new FindingException(f);
  }

  private static Finding findingOf(String path, String url, GitProvider provider, InvalidValuesException e) {
    if (e instanceof FindingException) {
      return ((FindingException) e).finding;
    }
    return GitSetupFindings.gitApiUrlInvalid(path, shown(url), provider.displayName(), ApiUrlProblem.NOT_HTTP,
        "https://git.example.com");
  }

  private static void throwIfError(List<Finding> findings) {
    for (Finding f : findings) {
      if (f.severity() == Severity.ERROR) {
        throw new InvalidValuesException(f.path(), f.describe());
      }
    }
  }

  static String shown(String url) {
    return Urls.maskUserInfo(url);
  }

  private static String withoutUserInfo(URI uri) {
    String authority = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    return uri.getScheme() + "://" + authority + (uri.getRawPath() == null ? "" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  /** An invalid-values exception that carries its finding. */
  private static final class FindingException extends InvalidValuesException {
    private static final long serialVersionUID = 1L;
    private final transient Finding finding;

    FindingException(Finding finding) {
      super(finding.path(), finding.describe());
      this.finding = finding;
    }
  }
}
