package io.gitopsruntime.validators;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.internal.Findings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks the Git setup an account's first runtime needs, which is entered in the Codefresh UI rather than
 * in the chart's values: the Shared Configuration Repository URL ({@link SharedConfigRepo}) and, for an
 * on-premises Git server, the provider and its API URL ({@link GitApiUrl}). Not part of
 * {@link Validators#offline()}, since the values do not hold these URLs; add it when you have them.
 *
 * <pre>{@code
 * List<Validator> validators = new ArrayList<>(Validators.offline());
 * validators.add(GitSetupValidator.of("https://ghe.example.com/platform/isc.git",
 *     GitProvider.GITHUB, "https://ghe.example.com/api/v3"));
 * }</pre>
 *
 * <p>Rules: {@value RuleIds#SHARED_CONFIG_REPO_FORMAT}, {@value RuleIds#SHARED_CONFIG_REPO_GIT_SUFFIX},
 * {@value RuleIds#GIT_API_URL_FORMAT}, {@value RuleIds#GIT_API_URL_PROVIDER}, {@value RuleIds#GIT_API_URL_PATH},
 * {@value RuleIds#GIT_API_URL_MISSING}. Offline. Immutable and thread-safe.
 */
public final class GitSetupValidator implements Validator {
  /** This validator's id. */
  public static final String ID = "offline.git-setup";

  private final String sharedConfigRepo;
  private final @Nullable GitProvider provider;
  private final @Nullable String gitApiUrl;

  private GitSetupValidator(String sharedConfigRepo, @Nullable GitProvider provider, @Nullable String gitApiUrl) {
    this.sharedConfigRepo = sharedConfigRepo;
    this.provider = provider;
    this.gitApiUrl = gitApiUrl;
  }

  /**
   * Checks a Shared Configuration Repository on a cloud provider (GitHub.com, GitLab.com, Bitbucket Cloud),
   * whose provider and API URL Codefresh infers.
   *
   * @param sharedConfigRepo the repository URL, {@code <repo_url>.git[/<path>][?ref=<branch>]}
   * @return the validator
   */
  public static GitSetupValidator of(String sharedConfigRepo) {
    return new GitSetupValidator(Objects.requireNonNull(sharedConfigRepo, "sharedConfigRepo == null"), null, null);
  }

  /**
   * Checks a Shared Configuration Repository with an explicit provider and API URL.
   *
   * @param sharedConfigRepo the repository URL
   * @param provider the Git provider
   * @param gitApiUrl its API URL, such as {@code https://ghe.example.com/api/v3}
   * @return the validator
   */
  public static GitSetupValidator of(String sharedConfigRepo, GitProvider provider, String gitApiUrl) {
    return new GitSetupValidator(Objects.requireNonNull(sharedConfigRepo, "sharedConfigRepo == null"),
        Objects.requireNonNull(provider, "provider == null"), Objects.requireNonNull(gitApiUrl, "gitApiUrl == null"));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> validate(ValidationContext context) {
    Findings out = new Findings(ID);
    List<Finding> repoFindings = SharedConfigRepo.check("sharedConfigRepo", sharedConfigRepo);
    out.addAll(repoFindings);
    if (provider != null && gitApiUrl != null) {
      out.addAll(GitApiUrl.check("gitApiUrl", provider, gitApiUrl));
    } else {
      boolean parses = repoFindings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
      Optional.of(sharedConfigRepo).filter(url -> parses).map(SharedConfigRepo::parse)
          .filter(repo -> repo.cloudProvider().isEmpty())
          .ifPresent(repo -> out.add(GitSetupFindings.gitApiUrlMissing("gitApiUrl", repo.host())));
    }
    return out.list();
  }

  @Override
  public String toString() {
    return "Validator(" + ID + ")";
  }
}
