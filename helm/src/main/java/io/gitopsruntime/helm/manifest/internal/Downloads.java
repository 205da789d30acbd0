package io.gitopsruntime.helm.manifest.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads chart archives the way {@code helm pull} finds them: from an OCI registry (the distribution
 * API: tags, manifest, the chart layer, with anonymous or basic-auth bearer tokens and the credentials
 * {@code helm registry login} stored), from a chart repository named in Helm's
 * {@code repositories.yaml} (its {@code index.yaml}), or from a plain URL. Credentials are never logged.
 * Thread-safe.
 */
final class Downloads {
  private static final Logger log = LoggerFactory.getLogger(Downloads.class);
  private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  private static final String CHART_LAYER = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
  private static final String LEGACY_CHART_LAYER = "application/tar+gzip";
  private static final Pattern CHALLENGE = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final HttpClient http;
  private final boolean plainHttp;
  private final Path helmConfigHome;

  Downloads(boolean plainHttp, Path helmConfigHome) {
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.plainHttp = plainHttp;
    this.helmConfigHome = helmConfigHome;
  }

  /**
   * Helm's configuration directory, as Helm finds it ({@code HELM_CONFIG_HOME}, then the platform's).
   *
   * @return the directory (it may not exist)
   */
  static Path defaultHelmConfigHome() {
    String explicit = System.getenv("HELM_CONFIG_HOME");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String home = System.getProperty("user.home");
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return Path.of(home, "Library", "Preferences", "helm");
    }
    if (os.contains("win")) {
      String appData = System.getenv("APPDATA");
      return appData == null ? Path.of(home, "AppData", "Roaming", "helm") : Path.of(appData, "helm");
    }
    String xdg = System.getenv("XDG_CONFIG_HOME");
    return xdg == null || xdg.isBlank() ? Path.of(home, ".config", "helm") : Path.of(xdg, "helm");
  }

  // ------------------------------------------------------------------------------------------ OCI

  /**
   * Pulls a chart from an OCI registry.
   *
   * @param reference {@code oci://host[:port]/path/name}, optionally with {@code :tag}
   * @param version the version, or empty for the newest stable one
   * @return the chart archive
   */
  byte[] pullOci(String reference, Optional<String> version) {
    String rest = reference.substring("oci://".length());
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      throw new ChartException("The chart reference " + reference + " has no repository path; use oci://<registry>/<path>/<chart>.");
    }
    String host = rest.substring(0, slash);
    String repository = rest.substring(slash + 1);
    Optional<String> tag = version;
    int colon = repository.lastIndexOf(':');
    if (colon > repository.lastIndexOf('/')) {
      if (tag.isEmpty()) {
        tag = Optional.of(repository.substring(colon + 1));
      }
      repository = repository.substring(0, colon);
    }
    String base = (plainHttp ? "http://" : "https://") + host + "/v2/" + repository;
    Registry registry = new Registry(host, repository);
    String chosen = tag.isPresent() ? tag.get() : newestTag(registry, base, reference);
    Map<String, Object> manifest = Json.parse(new String(registry.get(base + "/manifests/" + chosen.replace('+', '_'),
        OCI_MANIFEST, reference + " " + chosen), StandardCharsets.UTF_8));
    for (Object l : Json.list(manifest, "layers")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> layer = (Map<String, Object>) l;
      String type = Json.string(layer, "mediaType");
      if (CHART_LAYER.equals(type) || LEGACY_CHART_LAYER.equals(type)) {
        String digest = Objects.requireNonNull(Json.string(layer, "digest"));
        byte[] blob = registry.get(base + "/blobs/" + digest, "*/*", reference + " " + chosen);
        verify(digest, blob, reference);
        return blob;
      }
    }
    throw new ChartException("The OCI artifact " + reference + ":" + chosen + " holds no Helm chart layer.");
  }

  private String newestTag(Registry registry, String base, String reference) {
    Map<String, Object> list = Json.parse(new String(registry.get(base + "/tags/list", "application/json", reference),
        StandardCharsets.UTF_8));
    List<String> tags = new ArrayList<>();
    Json.list(list, "tags").forEach(t -> tags.add(String.valueOf(t).replace('_', '+')));
    return SemVer.newestStable(tags).orElseThrow(() -> new ChartException(
        "The OCI repository " + reference + " has no released chart version; pin one with chartVersion(..)."));
  }

  private static void verify(String digest, byte[] blob, String reference) {
    if (!digest.startsWith("sha256:")) {
      return;
    }
    try {
      String actual = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob));
      if (!actual.equals(digest)) {
        throw new ChartException("The chart downloaded from " + reference + " does not match its digest " + digest
            + "; the registry or a proxy altered it. Try again.");
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One registry repository, with the bearer token it handed out. Not thread-safe. */
  private final class Registry {
    private final String host;
    private final String repository;
    private @Nullable String authorization;

    Registry(String host, String repository) {
      this.host = host;
      this.repository = repository;
    }

    byte[] get(String url, String accept, String what) {
      HttpResponse<byte[]> response = send(url, accept, authorization, true);
      if (response.statusCode() == 401) {
        authorization = authorize(response, what);
        response = send(url, accept, authorization, true);
      }
      if (response.statusCode() == 404) {
        throw new ChartException("The chart " + what + " was not found in the registry " + host
            + " (HTTP 404). Check the reference and the version.");
      }
      if (response.statusCode() == 401 || response.statusCode() == 403) {
        throw new ChartException("The registry " + host + " refused access to " + what + " (HTTP "
            + response.statusCode() + "). Log in with `helm registry login " + host + "` and try again.");
      }
      if (response.statusCode() >= 300) {
        throw new ChartException("The registry " + host + " answered HTTP " + response.statusCode() + " for " + what
            + ".");
      }
      return response.body();
    }

    private String authorize(HttpResponse<byte[]> response, String what) {
      String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
      Optional<String> basic = credentials(host);
      if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
        return basic.map(b -> "Basic " + b).orElseThrow(() -> new ChartException("The registry " + host
            + " needs a login for " + what + ". Log in with `helm registry login " + host + "` and try again."));
      }
      Map<String, String> params = new java.util.HashMap<>();
      Matcher m = CHALLENGE.matcher(challenge);
      while (m.find()) {
        params.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
      }
      String realm = params.get("realm");
      if (realm == null) {
        throw new ChartException("The registry " + host + " asked for an authentication it does not describe.");
      }
      StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
      if (params.containsKey("service")) {
        url.append("service=").append(KubeApi.encode(params.get("service"))).append('&');
      }
      url.append("scope=").append(KubeApi.encode(params.getOrDefault("scope", "repository:" + repository + ":pull")));
      HttpResponse<byte[]> token = send(url.toString(), "application/json", basic.map(b -> "Basic " + b).orElse(null),
          false);
      if (token.statusCode() >= 300) {
        throw new ChartException("The registry " + host + " gave no access token for " + what + " (HTTP "
            + token.statusCode() + "). Log in with `helm registry login " + host + "` and try again.");
      }
      Map<String, Object> body = Json.parse(new String(token.body(), StandardCharsets.UTF_8));
      String value = Json.string(body, "token");
      if (value == null) {
        value = Json.string(body, "access_token");
      }
      if (value == null) {
        throw new ChartException("The registry " + host + " answered without a token.");
      }
      return "Bearer " + value;
    }
  }

  /** The base64 {@code user:password} stored for a registry by {@code helm registry login} or Docker. */
  private Optional<String> credentials(String host) {
    List<Path> files = new ArrayList<>();
    String explicit = System.getenv("HELM_REGISTRY_CONFIG");
    if (explicit != null && !explicit.isBlank()) {
      files.add(Path.of(explicit));
    }
    files.add(helmConfigHome.resolve("registry").resolve("config.json"));
    files.add(Path.of(System.getProperty("user.home"), ".docker", "config.json"));
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        continue;
      }
      try {
        Map<String, Object> config = Json.parse(Files.readString(file));
        Map<String, Object> auths = Json.map(config, "auths");
        if (auths == null) {
          continue;
        }
        for (String key : List.of(host, "https://" + host, "http://" + host)) {
          String auth = Json.string(Json.map(auths, key), "auth");
          if (auth != null && !auth.isBlank()) {
            return Optional.of(auth);
          }
        }
      } catch (IOException | IllegalArgumentException e) {
        log.debug("could not read registry credentials from a configuration file: {}", e.getClass().getSimpleName());
      }
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------------------------------ repositories

  /**
   * Downloads a chart of a repository listed in Helm's {@code repositories.yaml}.
   *
   * @param repositoryName the repository's name, as in {@code helm repo add <name>}
   * @param chartName the chart's name
   * @param version the version, or empty for the newest stable one
   * @return the chart archive
   */
  byte[] fromRepository(String repositoryName, String chartName, Optional<String> version) {
    Path config = Optional.ofNullable(System.getenv("HELM_REPOSITORY_CONFIG")).filter(s -> !s.isBlank()).map(Path::of)
        .orElse(helmConfigHome.resolve("repositories.yaml"));
    Map<String, Object> entry = repository(config, repositoryName);
    String url = Objects.requireNonNull(Json.string(entry, "url"));
    String base = url.endsWith("/") ? url : url + "/";
    String auth = basic(Json.string(entry, "username"), Json.string(entry, "password"));
    Map<String, Object> index = yaml(fetch(URI.create(base + "index.yaml"), auth, "the index of repository "
        + repositoryName), "the index of repository " + repositoryName);
    List<Object> entries = Json.list(Json.map(index, "entries"), chartName);
    if (entries.isEmpty()) {
      throw new ChartException("The repository " + repositoryName + " (" + url + ") has no chart named " + chartName
          + ". Run `helm repo update` and check the name.");
    }
    List<String> versions = new ArrayList<>();
    entries.forEach(e -> versions.add(String.valueOf(Json.string(castMap(e), "version"))));
    String chosen = version.orElseGet(() -> SemVer.newestStable(versions).orElseThrow(() -> new ChartException(
        "The repository " + repositoryName + " has no released version of " + chartName + "; pin one.")));
    for (Object e : entries) {
      Map<String, Object> chart = castMap(e);
      if (chosen.equals(Json.string(chart, "version")) || ("v" + chosen).equals(Json.string(chart, "version"))) {
        List<Object> urls = Json.list(chart, "urls");
        if (urls.isEmpty()) {
          break;
        }
        URI archive = URI.create(base).resolve(String.valueOf(urls.get(0)));
        boolean sameHost = Objects.equals(archive.getHost(), URI.create(base).getHost());
        return fetch(archive, sameHost ? auth : null, chartName + " " + chosen);
      }
    }
    throw new ChartException("The repository " + repositoryName + " has no version " + chosen + " of " + chartName
        + "; available: " + String.join(", ", versions.subList(0, Math.min(10, versions.size())))
        + (versions.size() > 10 ? ", ..." : "") + ".");
  }

  private static Map<String, Object> repository(Path config, String name) {
    if (!Files.isRegularFile(config)) {
      throw new ChartException("The chart repository " + name + " is unknown: there is no Helm repository file at "
          + config + ". Add it with `helm repo add " + name + " <url>`, or use an oci:// reference or a path.");
    }
    Map<String, Object> file;
    try {
      file = yaml(Files.readAllBytes(config), "the Helm repository file");
    } catch (IOException e) {
      throw new ChartException("Could not read the Helm repository file " + config + ": " + e.getMessage(), e);
    }
    for (Object r : Json.list(file, "repositories")) {
      Map<String, Object> entry = castMap(r);
      if (name.equals(Json.string(entry, "name")) && Json.string(entry, "url") != null) {
        return entry;
      }
    }
    throw new ChartException("The chart repository " + name + " is not in " + config + ". Add it with `helm repo add "
        + name + " <url>`, or use an oci:// reference or a path.");
  }

  /**
   * Downloads a chart archive from a URL.
   *
   * @param url the archive's URL
   * @return the archive
   */
  byte[] fromUrl(String url) {
    return fetch(URI.create(url), null, url);
  }

  private byte[] fetch(URI uri, @Nullable String authorization, String what) {
    HttpResponse<byte[]> response = send(uri.toString(), "*/*", authorization, true);
    if (response.statusCode() >= 300) {
      throw new ChartException("Downloading " + what + " from " + uri.getHost() + " failed with HTTP "
          + response.statusCode() + ".");
    }
    return response.body();
  }

  private HttpResponse<byte[]> send(String url, String accept, @Nullable String authorization, boolean follow) {
    URI uri = URI.create(url);
    String auth = authorization;
    for (int hop = 0; hop < 5; hop++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120)).header("Accept", accept)
          .header("User-Agent", "gitops-runtime-sdk");
      if (auth != null) {
        request.header("Authorization", auth);
      }
      HttpResponse<byte[]> response;
      try {
        response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        throw new ChartException("Could not reach " + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
            + " to download the chart: " + e.getMessage()
            + (plainHttp ? "" : ". For a registry without TLS, build the installer with plainHttp(true)."), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Interrupted(e);
      }
      log.debug("GET {}://{}{} -> {}", uri.getScheme(), uri.getAuthority(), uri.getPath(), response.statusCode());
      int code = response.statusCode();
      if (follow && (code == 301 || code == 302 || code == 303 || code == 307 || code == 308)) {
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
          return response;
        }
        URI next = uri.resolve(location.get());
        if (!Objects.equals(next.getHost(), uri.getHost()) || next.getPort() != uri.getPort()) {
          auth = null;
        }
        uri = next;
        continue;
      }
      return response;
    }
    throw new ChartException("Too many redirects while downloading the chart from " + URI.create(url).getHost() + ".");
  }

  private static @Nullable String basic(@Nullable String user, @Nullable String password) {
    if (user == null || user.isEmpty()) {
      return null;
    }
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + (password == null ? "" : password))
        .getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> yaml(byte[] text, String what) {
    try {
      return Json.yaml(new String(text, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ChartException(what + " is not valid YAML: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object o) {
    return o instanceof Map ? (Map<String, Object>) o : Map.of();
  }
}
