package io.gitopsruntime.validators;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The Git providers a GitOps Runtime supports, with the names the Codefresh platform
 * ({@code activeAccount.gitProvider}) and the {@code cf} CLI use for them. GitHub Enterprise is
 * {@link #GITHUB} with an on-premises API URL, GitLab Server is {@link #GITLAB} likewise.
 *
 * <pre>{@code
 * GitProvider provider = GitProvider.fromPlatformName("BITBUCKET_SERVER").orElseThrow();
 * provider.displayName(); // "Bitbucket Data Center"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum GitProvider {
  /** GitHub and GitHub Enterprise. */
  GITHUB("github", "GitHub", "github.com"),
  /** GitLab and GitLab Server. */
  GITLAB("gitlab", "GitLab", "gitlab.com"),
  /** Bitbucket Cloud. */
  BITBUCKET("bitbucket", "Bitbucket Cloud", "bitbucket.org"),
  /** Bitbucket Data Center (formerly Bitbucket Server). */
  BITBUCKET_SERVER("bitbucket-server", "Bitbucket Data Center", null);

  private final String cliName;
  private final String displayName;
  private final @Nullable String cloudHost;

  GitProvider(String cliName, String displayName, @Nullable String cloudHost) {
    this.cliName = cliName;
    this.displayName = displayName;
    this.cloudHost = cloudHost;
  }

  /**
   * The platform's name, as in {@code me.activeAccount.gitProvider}.
   *
   * @return for example {@code BITBUCKET_SERVER}
   */
  public String platformName() {
    return name();
  }

  /**
   * The {@code cf} CLI's name.
   *
   * @return for example {@code bitbucket-server}
   */
  public String cliName() {
    return cliName;
  }

  /**
   * The product's name.
   *
   * @return for example {@code Bitbucket Data Center}
   */
  public String displayName() {
    return displayName;
  }

  /**
   * The host of the provider's cloud service.
   *
   * @return {@code github.com}, {@code gitlab.com}, {@code bitbucket.org}, or empty for Bitbucket Data Center
   */
  public Optional<String> cloudHost() {
    return Optional.ofNullable(cloudHost);
  }

  /**
   * The provider of a platform name, mapped as Codefresh's CLI maps it.
   *
   * @param platformName {@code GITHUB}, {@code GITLAB}, {@code BITBUCKET} or {@code BITBUCKET_SERVER}
   * @return the provider, or empty for any other name (such as {@code GERRIT}), which Codefresh's validation
   *     does not support
   */
  public static Optional<GitProvider> fromPlatformName(String platformName) {
    for (GitProvider p : values()) {
      if (p.name().equals(platformName)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * The provider whose cloud service is on a host, as Codefresh infers it.
   *
   * @param host a host name
   * @return the provider of {@code github.com}, {@code gitlab.com} or {@code bitbucket.org}; empty otherwise
   */
  public static Optional<GitProvider> forCloudHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    for (GitProvider p : values()) {
      if (h.equals(p.cloudHost)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
