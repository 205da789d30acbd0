package io.gitopsruntime.validators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsruntime.InvalidValuesException;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SharedConfigRepoTest {
  private static final String FORM = "; the form is <repo_url>.git[/<path>][?ref=<branch>].";

  private static Finding only(String url) {
    assertThat(SharedConfigRepo.check(url)).hasSize(1);
    return SharedConfigRepo.check(url).get(0);
  }

  @Nested
  class Valid {
    @Test
    void parsesTheRepositoryAlone() {
      SharedConfigRepo repo = SharedConfigRepo.parse("https://github.com/codefresh-io/our-isc.git");

      assertThat(repo.repoUrl()).isEqualTo("https://github.com/codefresh-io/our-isc.git");
      assertThat(repo.path()).isEmpty();
      assertThat(repo.ref()).isEmpty();
      assertThat(repo.host()).isEqualTo("github.com");
      assertThat(repo.cloudProvider()).contains(GitProvider.GITHUB);
    }

    @Test
    void parsesAPathAndABranch() {
      SharedConfigRepo repo = SharedConfigRepo.parse("https://github.com/codefresh-io/our-isc.git/some/path/?ref=isc-branch");

      assertThat(repo.repoUrl()).isEqualTo("https://github.com/codefresh-io/our-isc.git");
      assertThat(repo.path()).contains("some/path");
      assertThat(repo.ref()).contains("isc-branch");
      assertThat(repo).hasToString("https://github.com/codefresh-io/our-isc.git/some/path?ref=isc-branch");
    }

    @Test
    void parsesGitLabSubgroupsAndOnPremisesServers() {
      assertThat(SharedConfigRepo.parse("https://gitlab.com/acme/platform/isc.git?ref=main").repoUrl())
          .isEqualTo("https://gitlab.com/acme/platform/isc.git");
      SharedConfigRepo onPrem = SharedConfigRepo.parse("https://bitbucket.acme.io:7990/scm/plat/isc.git");
      assertThat(onPrem.cloudProvider()).isEmpty();
      assertThat(onPrem.host()).isEqualTo("bitbucket.acme.io");
    }

    @Test
    void acceptsAUrlWithoutGitSuffixWithAWarning() {
      assertThat(SharedConfigRepo.parse("https://github.com/acme/isc").repoUrl())
          .isEqualTo("https://github.com/acme/isc");
      assertThat(only("https://github.com/acme/isc")).isEqualTo(Finding.warning("shared-config-repo.git-suffix",
          "sharedConfigRepo",
          "\"https://github.com/acme/isc\" does not end the repository part with .git: Codefresh then takes the"
              + " whole path as the repository and cannot tell a path inside it.",
          "Use \"https://github.com/acme/isc.git\" (add a path after .git/ if the configuration lives in a"
              + " directory)."));
    }
  }

  @Nested
  class Invalid {
    @Test
    void rejectsAnSshAddressAndSuggestsTheHttpsUrl() {
      assertThat(only("git@github.com:acme/isc.git")).isEqualTo(Finding.error("shared-config-repo.format",
          "sharedConfigRepo",
          "\"git@github.com:acme/isc.git\" is not a Shared Configuration Repository URL: it is an SSH address, and"
              + " Codefresh works with the repository over HTTPS with the Git token" + FORM,
          "Use \"https://github.com/acme/isc.git\"."));
    }

    @Test
    void rejectsCredentialsWithoutQuotingThem() {
      Finding finding = only("https://bob:ghp_SECRET@github.com/acme/isc.git");

      assertThat(finding.message()).isEqualTo("\"https://****@github.com/acme/isc.git\" is not a Shared"
          + " Configuration Repository URL: it contains credentials, which must never be part of a repository URL"
          + FORM);
      assertThat(finding.remediation()).isEqualTo("Remove the user name and token from the URL"
          + " (\"https://github.com/acme/isc.git\") and give the Git token as the Git Runtime token.");
      assertThatThrownBy(() -> SharedConfigRepo.parse("https://bob:ghp_SECRET@github.com/acme/isc.git"))
          .isInstanceOf(InvalidValuesException.class).message().doesNotContain("ghp_SECRET");
    }

    @Test
    void rejectsOtherQueriesEmptyRefsAndFragments() {
      assertThat(only("https://github.com/acme/isc.git?branch=main").message())
          .isEqualTo("\"https://github.com/acme/isc.git?branch=main\" is not a Shared Configuration Repository URL:"
              + " the only query it may have is ?ref=<branch>" + FORM);
      assertThat(only("https://github.com/acme/isc.git?ref=").remediation())
          .isEqualTo("Name the branch, for example \"https://github.com/acme/isc.git?ref=main\", or remove ?ref=.");
      assertThat(only("https://github.com/acme/isc.git#dev").remediation())
          .isEqualTo("Use \"https://github.com/acme/isc.git?ref=dev\".");
    }

    @Test
    void rejectsEmptyUrlsOtherSchemesAndUrlsWithoutRepository() {
      assertThat(only(" ").message())
          .isEqualTo("The Shared Configuration Repository URL is empty" + FORM);
      assertThat(only("ssh://git@github.com/acme/isc.git").remediation())
          .isEqualTo("Use \"https://github.com/acme/isc.git\".");
      assertThat(only("https://github.com/isc.git").message())
          .isEqualTo("\"https://github.com/isc.git\" is not a Shared Configuration Repository URL: it names no"
              + " repository: the path needs at least <owner>/<repository>" + FORM);
      assertThat(only("https://github.com/acme/isc.git/../x").message()).endsWith("its path contains \"..\"" + FORM);
    }

    @Test
    void throwsWithTheFirstErrorFromParse() {
      assertThatThrownBy(() -> SharedConfigRepo.parse("git@github.com:acme/isc.git"))
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("sharedConfigRepo: \"git@github.com:acme/isc.git\" is not a Shared Configuration Repository"
              + " URL: it is an SSH address, and Codefresh works with the repository over HTTPS with the Git token"
              + FORM + " Use \"https://github.com/acme/isc.git\".")
          .extracting(e -> ((InvalidValuesException) e).valuesPath()).isEqualTo("sharedConfigRepo");
    }

    @Test
    void reportsAtTheGivenPath() {
      assertThat(SharedConfigRepo.check("--isc", "nope")).extracting(Finding::path, Finding::severity)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("--isc", Severity.ERROR));
      assertThat(Optional.of(SharedConfigRepo.parse("https://github.com/a/b.git")))
          .contains(SharedConfigRepo.parse("https://github.com/a/b.git/"));
    }
  }
}
