package io.gitopsruntime.validators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GitProviderTest {

  @Test
  void mapsPlatformNamesAsCodefreshsCliDoes() {
    assertThat(GitProvider.fromPlatformName("BITBUCKET_SERVER")).contains(GitProvider.BITBUCKET_SERVER);
    assertThat(GitProvider.fromPlatformName("GERRIT")).isEmpty();
    assertThat(GitProvider.fromPlatformName("github")).isEmpty();
    assertThat(GitProvider.BITBUCKET_SERVER.cliName()).isEqualTo("bitbucket-server");
    assertThat(GitProvider.BITBUCKET_SERVER.platformName()).isEqualTo("BITBUCKET_SERVER");
    assertThat(GitProvider.BITBUCKET.displayName()).isEqualTo("Bitbucket Cloud");
  }

  @Test
  void infersOnlyCloudHosts() {
    assertThat(GitProvider.forCloudHost("GitLab.com")).contains(GitProvider.GITLAB);
    assertThat(GitProvider.forCloudHost("ghe.example.com")).isEmpty();
    assertThat(GitProvider.BITBUCKET_SERVER.cloudHost()).isEmpty();
  }
}
