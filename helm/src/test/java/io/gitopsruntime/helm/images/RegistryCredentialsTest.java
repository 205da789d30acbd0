package io.gitopsruntime.helm.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCredentialsTest {
  @TempDir Path home;

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsDockerAndHelmLoginsByHostWithDockerWinning() throws IOException {
    Files.createDirectories(home.resolve(".docker"));
    Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\""
        + b64("hub:hub-pass") + "\"},\"registry.example.com\":{\"auth\":\"" + b64("docker:docker-pass") + "\"}},"
        + "\"credsStore\":\"desktop\"}");
    Files.createDirectories(home.resolve(".config/helm/registry"));
    Files.writeString(home.resolve(".config/helm/registry/config.json"), "{\"auths\":{\"registry.example.com\":{\"auth\":\""
        + b64("helm:helm-pass") + "\"},\"quay.io\":{\"username\":\"q\",\"password\":\"q-pass\"}}}");

    RegistryCredentials credentials = RegistryCredentials.fromEnvironment(Map.of(), home);

    assertThat(credentials.hosts()).containsExactly("docker.io", "quay.io", "registry.example.com");
    assertThat(credentials.basicFor("registry.example.com")).contains("Basic " + b64("docker:docker-pass"));
    assertThat(credentials.basicFor("quay.io")).contains("Basic " + b64("q:q-pass"));
    assertThat(credentials.basicFor("ghcr.io")).isEmpty();
    assertThat(credentials).hasToString("RegistryCredentials[docker.io, quay.io, registry.example.com]");
  }

  @Test
  void aLoginGivenInCodeReplacesTheFilesOneAndNeverShowsThePassword() {
    RegistryCredentials credentials = RegistryCredentials.none().withLogin("Registry.Example.com:5000", "u", "pa55");

    assertThat(credentials.basicFor("registry.example.com:5000")).contains("Basic " + b64("u:pa55"));
    assertThat(credentials.toString()).doesNotContain("pa55").doesNotContain(b64("u:pa55"));
  }

  @Test
  void aConfigThatIsNotJsonIsNamedButNotQuoted() throws IOException {
    Path file = Files.writeString(home.resolve("config.json"), "secret-token-not-json");

    assertThatThrownBy(() -> RegistryCredentials.fromFiles(List.of(file)))
        .hasMessage("Could not read the registry config " + file + ": it is not a readable JSON file. Log in again with"
            + " docker login or helm registry login, or give another file.");
  }
}
