package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.validation.Finding;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GitSetupValidatorTest {
  private static final String ID = GitSetupValidator.ID;

  @Nested
  class Valid {
    @Test
    void acceptsACloudRepositoryAlone() throws Exception {
      assertThat(GitSetupValidator.of("https://github.com/acme/isc.git").validate(Fixtures.context(v -> v))).isEmpty();
    }

    @Test
    void acceptsAnOnPremisesRepositoryWithItsApiUrl() throws Exception {
      assertThat(GitSetupValidator.of("https://ghe.acme.io/platform/isc.git", GitProvider.GITHUB,
          "https://ghe.acme.io/api/v3").validate(Fixtures.context(v -> v))).isEmpty();
    }
  }

  @Nested
  class Invalid {
    @Test
    void requiresAnApiUrlForAnOnPremisesRepository() throws Exception {
      assertThat(GitSetupValidator.of("https://ghe.acme.io/platform/isc.git").validate(Fixtures.context(v -> v)))
          .containsExactly(error(ID, "git-api-url.missing", "gitApiUrl",
              "No Git provider and API URL are given for \"ghe.acme.io\": Codefresh infers them only for github.com,"
                  + " gitlab.com and bitbucket.org.",
              "Give the provider and its API URL: GitHub Enterprise https://ghe.acme.io/api/v3, GitLab Server"
                  + " https://ghe.acme.io/api/v4, or Bitbucket Data Center https://ghe.acme.io."));
    }

    @Test
    void reportsRepositoryAndApiUrlProblemsTogether() throws Exception {
      assertThat(GitSetupValidator.of("git@ghe.acme.io:platform/isc.git", GitProvider.BITBUCKET,
          "https://ghe.acme.io").validate(Fixtures.context(v -> v)))
          .extracting(Finding::ruleId, Finding::validatorId)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("shared-config-repo.format", ID),
              org.assertj.core.groups.Tuple.tuple("git-api-url.provider", ID));
    }
  }
}
