package io.gitopsruntime.validators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsruntime.InvalidValuesException;
import io.gitopsruntime.validation.Finding;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GitApiUrlTest {

  @Nested
  class Valid {
    @Test
    void derivesTheApiBaseAsCodefreshsCliDoes() {
      assertThat(GitApiUrl.of(GitProvider.GITHUB, "https://github.com").apiBase()).isEqualTo("https://api.github.com");
      assertThat(GitApiUrl.of(GitProvider.GITHUB, "https://api.github.com").apiBase())
          .isEqualTo("https://api.github.com");
      assertThat(GitApiUrl.of(GitProvider.GITHUB, "https://ghe.example.com").apiBase())
          .isEqualTo("https://ghe.example.com/api/v3");
      assertThat(GitApiUrl.of(GitProvider.GITHUB, "https://ghe.example.com/api/v3").apiBase())
          .isEqualTo("https://ghe.example.com/api/v3");
      assertThat(GitApiUrl.of(GitProvider.GITLAB, "https://gitlab.com/anything").apiBase())
          .isEqualTo("https://gitlab.com/api/v4");
      assertThat(GitApiUrl.of(GitProvider.GITLAB, "https://gitlab.example.com").apiBase())
          .isEqualTo("https://gitlab.example.com/api/v4");
      assertThat(GitApiUrl.of(GitProvider.BITBUCKET, "https://bitbucket.org/acme").apiBase())
          .isEqualTo("https://bitbucket.org/api/2.0");
      assertThat(GitApiUrl.of(GitProvider.BITBUCKET_SERVER, "https://bitbucket.example.com:7990").apiBase())
          .isEqualTo("https://bitbucket.example.com:7990/rest/api/1.0");
    }

    @Test
    void infersTheProviderFromCloudHostsAndDocumentedPaths() {
      assertThat(GitApiUrl.parse("https://api.github.com").provider()).isEqualTo(GitProvider.GITHUB);
      assertThat(GitApiUrl.parse("https://gitlab.com").isCloud()).isTrue();
      assertThat(GitApiUrl.parse("https://ghe.example.com/api/v3").displayName()).isEqualTo("GitHub Enterprise");
      assertThat(GitApiUrl.parse("https://gitlab.example.com/api/v4").displayName()).isEqualTo("GitLab Server");
      GitApiUrl bbdc = GitApiUrl.parse("https://bitbucket.example.com/rest/api/1.0");
      assertThat(bbdc.provider()).isEqualTo(GitProvider.BITBUCKET_SERVER);
      assertThat(bbdc.host()).isEqualTo("bitbucket.example.com");
      assertThat(bbdc).hasToString("Bitbucket Data Center https://bitbucket.example.com/rest/api/1.0");
    }

    @Test
    void hasNoFindingsForTheDocumentedForms() {
      assertThat(GitApiUrl.check(GitProvider.GITHUB, "https://ghe.example.com/api/v3")).isEmpty();
      assertThat(GitApiUrl.check(GitProvider.GITLAB, "https://gitlab.example.com/api/v4")).isEmpty();
      assertThat(GitApiUrl.check(GitProvider.BITBUCKET_SERVER, "https://bitbucket.example.com")).isEmpty();
    }
  }

  @Nested
  class Invalid {
    @Test
    void rejectsBitbucketCloudOffBitbucketOrg() {
      assertThat(GitApiUrl.check(GitProvider.BITBUCKET, "https://bitbucket.example.com")).containsExactly(
          Finding.error("git-api-url.provider", "gitApiUrl",
              "\"https://bitbucket.example.com\" is not a usable Bitbucket Cloud API URL: Bitbucket Cloud is on"
                  + " bitbucket.org, and Codefresh's validation hook rejects any other host for it.",
              "Use \"https://bitbucket.org\", or choose Bitbucket Data Center for an on-premises server."));
    }

    @Test
    void rejectsBitbucketDataCenterOnBitbucketOrgAndCloudHostsOfAnotherProvider() {
      assertThat(GitApiUrl.check(GitProvider.BITBUCKET_SERVER, "https://bitbucket.org")).extracting(Finding::message)
          .containsExactly("\"https://bitbucket.org\" is not a usable Bitbucket Data Center API URL: bitbucket.org"
              + " is Bitbucket Cloud, not Bitbucket Data Center, and Codefresh's validation hook rejects it.");
      assertThat(GitApiUrl.check(GitProvider.GITLAB, "https://github.com")).containsExactly(
          Finding.error("git-api-url.provider", "gitApiUrl",
              "\"https://github.com\" is not a usable GitLab API URL: its host belongs to another Git provider.",
              "Choose the provider of that host, or use your own server's API URL, for example"
                  + " \"https://git.example.com/api/v4\"."));
    }

    @Test
    void rejectsUrlsThatAreNotHttpAndMasksCredentials() {
      assertThat(GitApiUrl.check(GitProvider.GITHUB, "ghe.example.com/api/v3")).containsExactly(
          Finding.error("git-api-url.format", "gitApiUrl",
              "\"ghe.example.com/api/v3\" is not a usable GitHub API URL: it is not an absolute http or https URL.",
              "Use for example \"https://ghe.example.com/api/v3\"."));
      assertThat(GitApiUrl.check(GitProvider.GITLAB, "https://oauth2:glpat-SECRET@gitlab.example.com"))
          .containsExactly(Finding.error("git-api-url.format", "gitApiUrl",
              "\"https://****@gitlab.example.com\" is not a usable GitLab API URL: it contains credentials, which"
                  + " must never be part of an API URL.",
              "Remove them: use \"https://gitlab.example.com\"."));
      assertThat(GitApiUrl.check(GitProvider.GITLAB, "").get(0).message()).isEqualTo("The Git API URL is empty.");
    }

    @Test
    void warnsAboutPathsThatAreNotTheProvidersApi() {
      assertThat(GitApiUrl.check(GitProvider.GITHUB, "https://ghe.example.com/")).containsExactly(
          Finding.warning("git-api-url.path", "gitApiUrl",
              "\"https://ghe.example.com/\" is not the usual GitHub Enterprise API URL: Codefresh calls the API at"
                  + " this URL as it is, and GitHub Enterprise serves its API at https://ghe.example.com/api/v3.",
              "Use \"https://ghe.example.com/api/v3\"."));
      assertThat(GitApiUrl.check(GitProvider.GITLAB, "https://git.example.com/gitlab")).extracting(Finding::remediation)
          .containsExactly("Use \"https://git.example.com/gitlab/api/v4\".");
      assertThat(GitApiUrl.check(GitProvider.BITBUCKET_SERVER, "https://git.example.com/bitbucket"))
          .extracting(Finding::remediation).containsExactly("Use \"https://git.example.com/bitbucket/rest/api/1.0\".");
    }

    @Test
    void throwsWhenTheProviderCannotBeTold() {
      assertThatThrownBy(() -> GitApiUrl.parse("https://git.example.com"))
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("gitApiUrl: \"https://git.example.com\" is not a usable Git API URL: the Git provider cannot"
              + " be told from it (it is not on github.com, gitlab.com or bitbucket.org and does not end with"
              + " /api/v3, /api/v4 or /rest/api/1.0). Name the provider, as GitApiUrl.of(provider, url) does, or"
              + " use the documented form, for example \"https://git.example.com/api/v3\".");
    }

    @Test
    void throwsFromOfWithTheFirstError() {
      assertThatThrownBy(() -> GitApiUrl.of(GitProvider.BITBUCKET, "https://api.bitbucket.org/2.0"))
          .isInstanceOf(InvalidValuesException.class)
          .hasMessageStartingWith("gitApiUrl: \"https://api.bitbucket.org/2.0\" is not a usable Bitbucket Cloud API"
              + " URL: Bitbucket Cloud is on bitbucket.org");
    }
  }
}
