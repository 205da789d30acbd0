package io.gitopsruntime.helm.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * User names and passwords for registries, by host: from Docker's config ({@code docker login}), Helm's registry
 * config ({@code helm registry login}) or given. Only the {@code auths} entries are read (a {@code user:password}
 * {@code auth}, or {@code username} and {@code password}); credential helpers ({@code credsStore},
 * {@code credHelpers}) are not run. Passwords never appear in {@link #toString()}, logs or messages.
 *
 * <pre>{@code
 * RegistryCredentials credentials = RegistryCredentials.fromDockerConfig()
 *     .withLogin("registry.example.com", "mirror", System.getenv("MIRROR_PASSWORD"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RegistryCredentials {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, String> basic;

  private RegistryCredentials(Map<String, String> basic) {
    this.basic = Map.copyOf(basic);
  }

  /**
   * No credentials: anonymous access only.
   *
   * @return empty credentials
   */
  public static RegistryCredentials none() {
    return new RegistryCredentials(Map.of());
  }

  /**
   * The credentials {@code docker login} and {@code helm registry login} saved for this user:
   * {@code $DOCKER_CONFIG/config.json} (default {@code ~/.docker/config.json}) and {@code $HELM_REGISTRY_CONFIG}
   * (default {@code ~/.config/helm/registry/config.json}); Docker's win for a host in both. Missing files are skipped.
   *
   * @return the credentials
   * @throws IllegalArgumentException if a file exists but is not a Docker config (naming the file, never its content)
   */
  public static RegistryCredentials fromDockerConfig() {
    return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /**
   * As {@link #fromDockerConfig()}, for a given environment and home directory.
   *
   * @param environment the environment variables
   * @param home the home directory
   * @return the credentials
   */
  public static RegistryCredentials fromEnvironment(Map<String, String> environment, Path home) {
    String docker = environment.get("DOCKER_CONFIG");
    String helm = environment.get("HELM_REGISTRY_CONFIG");
    String xdg = environment.get("XDG_CONFIG_HOME");
    Path helmFile = helm != null && !helm.isBlank() ? Path.of(helm)
        : (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("helm/registry/config.json");
    Path dockerFile = (docker != null && !docker.isBlank() ? Path.of(docker) : home.resolve(".docker")).resolve("config.json");
    List<Path> files = new ArrayList<>();
    for (Path file : List.of(helmFile, dockerFile)) {
      if (Files.isRegularFile(file)) {
        files.add(file);
      }
    }
    return fromFiles(files);
  }

  /**
   * The credentials of Docker-config-format files ({@code {"auths": {HOST: {"auth": base64(user:password)}}}});
   * a later file wins for a host in both.
   *
   * @param files the files
   * @return the credentials
   * @throws IllegalArgumentException if a file cannot be read or is not such a file (naming the file, never its content)
   */
  public static RegistryCredentials fromFiles(List<Path> files) {
    Map<String, String> all = new LinkedHashMap<>();
    for (Path file : files) {
      JsonNode auths;
      try {
        auths = JSON.readTree(Files.readAllBytes(file)).path("auths");
      } catch (IOException e) {
        throw new IllegalArgumentException("Could not read the registry config " + file + ": it is not a readable JSON"
            + " file. Log in again with docker login or helm registry login, or give another file.");
      }
      auths.fields().forEachRemaining(entry -> {
        JsonNode auth = entry.getValue();
        String pair = "";
        if (auth.hasNonNull("auth") && !auth.path("auth").asText().isEmpty()) {
          try {
            pair = new String(Base64.getDecoder().decode(auth.path("auth").asText()), StandardCharsets.UTF_8);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The registry config " + file + " has an auth entry for "
                + entry.getKey() + " that is not base64. Log in to it again.");
          }
        } else if (auth.hasNonNull("username")) {
          pair = auth.path("username").asText() + ":" + auth.path("password").asText("");
        }
        if (pair.contains(":")) {
          all.put(host(entry.getKey()), basicOf(pair));
        }
      });
    }
    return new RegistryCredentials(all);
  }

  /**
   * These credentials and a login for one registry (replacing any it had).
   *
   * @param host the registry host, with its port if any, such as {@code registry.example.com:5000}
   * @param username the user name
   * @param password the password or token
   * @return new credentials
   */
  public RegistryCredentials withLogin(String host, String username, String password) {
    Objects.requireNonNull(host, "host == null");
    Objects.requireNonNull(username, "username == null");
    Objects.requireNonNull(password, "password == null");
    Map<String, String> more = new LinkedHashMap<>(basic);
    more.put(host(host), basicOf(username + ":" + password));
    return new RegistryCredentials(more);
  }

  /**
   * The hosts there are credentials for.
   *
   * @return the hosts, sorted
   */
  public List<String> hosts() {
    return List.copyOf(new TreeSet<>(basic.keySet()));
  }

  /** The {@code Authorization} header value for a host; package-private so that it never leaves the SDK. */
  Optional<String> basicFor(String host) {
    return Optional.ofNullable(basic.get(host(host)));
  }

  private static String basicOf(String pair) {
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static String host(String key) {
    String host = key.strip().toLowerCase(Locale.ROOT);
    int scheme = host.indexOf("://");
    if (scheme >= 0) {
      host = host.substring(scheme + 3);
    }
    int slash = host.indexOf('/');
    if (slash >= 0) {
      host = host.substring(0, slash);
    }
    return switch (host) {
      case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com" -> ImageRef.DOCKER_HUB;
      default -> host;
    };
  }

  /** The hosts, never a password. */
  @Override
  public String toString() {
    return "RegistryCredentials" + hosts();
  }
}
