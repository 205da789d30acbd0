package io.gitopsruntime.helm.images.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A small client of the OCI distribution API for one registry: manifests and blobs by digest, cross-repository
 * mounts, monolithic uploads; authenticates as the registry's challenge asks (HTTP basic, or a bearer token from its
 * token service, fetched per scope and cached); follows blob redirects without the {@code Authorization} header.
 * Each method makes one attempt; callers retry with {@link Retry}. Thread-safe.
 */
public final class RegistryClient implements Source {
  /** Keeps the body of an error answer (its {@code errors} say why), discards that of a success. */
  private static final HttpResponse.BodyHandler<@Nullable String> ERRORS_ONLY = info -> info.statusCode() >= 400
      ? HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8)
      : HttpResponse.BodySubscribers.replacing(null);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private final String host;
  private final String base;
  private final HttpClient http;
  private final Optional<String> basic;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private volatile boolean basicChallenge;

  /**
   * A client.
   *
   * @param host the registry host, with its port if any
   * @param plainHttp whether it speaks plain HTTP instead of HTTPS
   * @param http the HTTP client (its TLS settings trust the registry's CA)
   * @param basic the {@code Basic ...} header value for this registry, if there are credentials
   */
  public RegistryClient(String host, boolean plainHttp, HttpClient http, Optional<String> basic) {
    this.host = host;
    this.base = (plainHttp ? "http://" : "https://") + (host.equals("docker.io") ? "registry-1.docker.io" : host);
    this.http = http;
    this.basic = basic;
  }

  /**
   * The registry host.
   *
   * @return such as {@code quay.io}
   */
  @Override
  public String host() {
    return host;
  }

  /**
   * Reads a manifest.
   *
   * @param repository the repository
   * @param reference a tag or a digest
   * @return the manifest, or empty when the registry has none of that reference
   * @throws InterruptedException if interrupted
   */
  @Override
  public Optional<Manifest> manifest(String repository, String reference) throws InterruptedException {
    URI uri = uri("/v2/" + repository + "/manifests/" + reference);
    HttpResponse<byte[]> response = send("GET", uri, pull(repository), r -> r.header("Accept", Manifest.ACCEPT).GET(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    expect(response, "GET", uri, 200);
    try {
      Manifest manifest = Manifest.of(response.body(), response.headers().firstValue("Content-Type").orElse(""));
      if (reference.contains(":") && !manifest.digest().equals(reference)) {
        throw new RegistryException("GET " + uri + " answered a manifest whose digest is " + manifest.digest()
            + ", not the " + reference + " asked for.", 200, true);
      }
      return Optional.of(manifest);
    } catch (IOException e) {
      throw new RegistryException("GET " + uri + " answered a manifest that is not JSON: " + e.getMessage(), 200, false, e);
    }
  }

  /**
   * The tags of a repository (the first 1000).
   *
   * @param repository the repository
   * @return its tags, or empty when it has none or does not exist
   * @throws InterruptedException if interrupted
   */
  public List<String> tags(String repository) throws InterruptedException {
    URI uri = uri("/v2/" + repository + "/tags/list?n=1000");
    HttpResponse<byte[]> response = send("GET", uri, pull(repository), HttpRequest.Builder::GET,
        HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() == 404) {
      return List.of();
    }
    expect(response, "GET", uri, 200);
    try {
      List<String> tags = new ArrayList<>();
      JSON.readTree(response.body()).path("tags").forEach(t -> tags.add(t.asText()));
      return tags;
    } catch (IOException e) {
      throw new RegistryException("GET " + uri + " answered something that is not JSON.", 200, false, e);
    }
  }

  /**
   * The digest a manifest reference has.
   *
   * @param repository the repository
   * @param reference a tag or a digest
   * @return its digest ({@code Docker-Content-Digest}), or empty when absent
   * @throws InterruptedException if interrupted
   */
  public Optional<String> manifestDigest(String repository, String reference) throws InterruptedException {
    URI uri = uri("/v2/" + repository + "/manifests/" + reference);
    HttpResponse<Void> response = send("HEAD", uri, pull(repository),
        r -> r.header("Accept", Manifest.ACCEPT).method("HEAD", HttpRequest.BodyPublishers.noBody()),
        HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    expect(response, "HEAD", uri, 200);
    Optional<String> digest = response.headers().firstValue("Docker-Content-Digest");
    if (digest.isEmpty() && reference.contains(":")) {
      return Optional.of(reference);
    }
    if (digest.isEmpty()) {
      return manifest(repository, reference).map(Manifest::digest);
    }
    return digest;
  }

  /**
   * Writes a manifest, its exact bytes.
   *
   * @param repository the repository
   * @param reference a tag, or the manifest's digest
   * @param manifest the manifest
   * @throws InterruptedException if interrupted
   */
  public void putManifest(String repository, String reference, Manifest manifest) throws InterruptedException {
    URI uri = uri("/v2/" + repository + "/manifests/" + reference);
    HttpResponse<String> response = send("PUT", uri, push(repository), r -> r.header("Content-Type", manifest.mediaType())
        .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest.bytes())), HttpResponse.BodyHandlers.ofString());
    expect(response, "PUT", uri, 201);
    String digest = response.headers().firstValue("Docker-Content-Digest").orElse(manifest.digest());
    if (!digest.equals(manifest.digest())) {
      throw new RegistryException("PUT " + uri + " stored the manifest as " + digest + ", not as " + manifest.digest()
          + ".", 201, false);
    }
  }

  /**
   * Whether the repository has a blob.
   *
   * @param repository the repository
   * @param digest the blob's digest
   * @return true if present
   * @throws InterruptedException if interrupted
   */
  public boolean hasBlob(String repository, String digest) throws InterruptedException {
    URI uri = uri("/v2/" + repository + "/blobs/" + digest);
    HttpResponse<Void> response = send("HEAD", uri, pull(repository),
        r -> r.method("HEAD", HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() == 404) {
      return false;
    }
    if (response.statusCode() == 307 || response.statusCode() == 302) {
      return true;
    }
    expect(response, "HEAD", uri, 200);
    return true;
  }

  /**
   * Downloads a blob to a file, checking its digest.
   *
   * @param repository the repository
   * @param digest the blob's digest
   * @param file where; replaced
   * @return its size
   * @throws InterruptedException if interrupted
   */
  @Override
  public long download(String repository, String digest, Path file) throws InterruptedException {
    URI uri = uri("/v2/" + repository + "/blobs/" + digest);
    HttpResponse<InputStream> response = send("GET", uri, pull(repository), HttpRequest.Builder::GET,
        HttpResponse.BodyHandlers.ofInputStream());
    int hops = 0;
    while (isRedirect(response.statusCode()) && hops++ < 5) {
      close(response.body());
      URI next = uri.resolve(response.headers().firstValue("Location").orElseThrow(() -> new RegistryException(
          "GET " + uri + " redirected without a Location.", 307, false)));
      response = sendOnce(HttpRequest.newBuilder(next).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofInputStream(), "GET", uri);
    }
    expect(response, "GET", uri, 200);
    MessageDigest sha = Digests.sha256();
    long size;
    try (InputStream in = response.body();
        OutputStream out = new DigestOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), sha)) {
      size = in.transferTo(out);
    } catch (IOException e) {
      throw new RegistryException("GET " + uri + " broke off: " + e.getMessage(), 0, true, e);
    }
    String got = Digests.of(sha.digest());
    if (!got.equals(digest)) {
      throw new RegistryException("GET " + uri + " delivered " + size + " bytes whose digest is " + got
          + ", not " + digest + " (a connection cut short?).", 200, true);
    }
    return size;
  }

  /**
   * Reads a small blob (an image config) into memory, checking its digest.
   *
   * @param repository the repository
   * @param digest the blob's digest
   * @return its bytes
   * @throws InterruptedException if interrupted
   */
  @Override
  public byte[] blob(String repository, String digest) throws InterruptedException {
    try {
      Path file = Files.createTempFile("blob-", ".tmp");
      try {
        download(repository, digest, file);
        return Files.readAllBytes(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new RegistryException("could not read a temporary file: " + e.getMessage(), 0, false, e);
    }
  }

  /**
   * Mounts a blob from another repository of this registry, without copying it.
   *
   * @param repository the repository to mount into
   * @param digest the blob's digest
   * @param from the repository that has it
   * @return true if mounted; false if the registry started an upload instead (it is cancelled)
   * @throws InterruptedException if interrupted
   */
  public boolean mount(String repository, String digest, String from) throws InterruptedException {
    URI uri = uri("/v2/" + repository + "/blobs/uploads/?mount=" + encode(digest) + "&from=" + encode(from));
    HttpResponse<@Nullable String> response = send("POST", uri, push(repository) + " " + pull(from),
        r -> r.POST(HttpRequest.BodyPublishers.noBody()), ERRORS_ONLY);
    if (response.statusCode() == 201) {
      return true;
    }
    expect(response, "POST", uri, 202);
    response.headers().firstValue("Location").ifPresent(location -> {
      URI upload = uri.resolve(location);
      try {
        send("DELETE", upload, push(repository), HttpRequest.Builder::DELETE, HttpResponse.BodyHandlers.discarding());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RegistryException e) {
        // an abandoned upload session expires on its own
      }
    });
    return false;
  }

  /**
   * Uploads a blob from a file in one request.
   *
   * @param repository the repository
   * @param digest the blob's digest
   * @param file its content
   * @throws InterruptedException if interrupted
   */
  public void upload(String repository, String digest, Path file) throws InterruptedException {
    URI start = uri("/v2/" + repository + "/blobs/uploads/");
    HttpResponse<@Nullable String> started = send("POST", start, push(repository),
        r -> r.POST(HttpRequest.BodyPublishers.noBody()), ERRORS_ONLY);
    expect(started, "POST", start, 202);
    String location = started.headers().firstValue("Location").orElseThrow(() -> new RegistryException(
        "POST " + start + " started an upload without a Location.", 202, false));
    URI at = start.resolve(location);
    URI put = URI.create(at + (at.getRawQuery() == null ? "?" : "&") + "digest=" + encode(digest));
    HttpResponse<String> done = send("PUT", put, push(repository), r -> {
      try {
        return r.header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofFile(file));
      } catch (IOException e) {
        throw new RegistryException("could not read " + file.getFileName() + ": " + e.getMessage(), 0, false, e);
      }
    }, HttpResponse.BodyHandlers.ofString());
    expect(done, "PUT", start, 201);
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static String pull(String repository) {
    return "repository:" + repository + ":pull";
  }

  private static String push(String repository) {
    return "repository:" + repository + ":pull,push";
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private <T> HttpResponse<T> send(String method, URI uri, String scope,
      Function<HttpRequest.Builder, HttpRequest.Builder> request, HttpResponse.BodyHandler<T> body)
      throws InterruptedException {
    Optional<String> auth = authorization(scope);
    HttpRequest.Builder builder = request.apply(HttpRequest.newBuilder(uri).timeout(TIMEOUT));
    auth.ifPresent(a -> builder.header("Authorization", a));
    HttpResponse<T> response = sendOnce(builder.build(), body, method, uri);
    if (response.statusCode() != 401) {
      return response;
    }
    discard(response);
    String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
    Optional<String> fresh = authenticate(challenge, scope, method, uri);
    if (fresh.isEmpty() || fresh.equals(auth)) {
      throw new RegistryException(method + " " + uri + ": 401 Unauthorized. " + (basic.isPresent()
          ? "The registry " + host + " refused the credentials for it." : "The registry " + host + " needs credentials:"
          + " log in with docker login or helm registry login, or pass a registry config."), 401, false);
    }
    HttpRequest.Builder again = request.apply(HttpRequest.newBuilder(uri).timeout(TIMEOUT));
    again.header("Authorization", fresh.get());
    HttpResponse<T> second = sendOnce(again.build(), body, method, uri);
    if (second.statusCode() == 401) {
      discard(second);
      throw new RegistryException(method + " " + uri + ": 401 Unauthorized. "
          + refused(second.headers().firstValue("WWW-Authenticate").orElse(""), scope, fresh.get()), 401, false);
    }
    return second;
  }

  /**
   * Why the registry refused a request with the credentials it asked for: the token lacks an action the request needs
   * ({@code error="insufficient_scope"}, such as push for a user who may only pull), or the credentials themselves.
   */
  private String refused(String challenge, String scope, String authorization) {
    if (!param(challenge, "error").equals("insufficient_scope")) {
      return "The registry " + host + " refused the credentials for it.";
    }
    Optional<Map<String, Set<String>>> granted = granted(authorization);
    List<String> lacking = new ArrayList<>();
    for (String one : scope.split(" ")) {
      int first = one.indexOf(':');
      int last = one.lastIndexOf(':');
      String name = one.substring(first + 1, last);
      Set<String> has = granted.map(g -> g.getOrDefault(name, Set.of())).orElse(Set.of());
      List<String> missing = new ArrayList<>();
      for (String action : one.substring(last + 1).split(",")) {
        if (!has.contains(action) && !has.contains("*")) {
          missing.add(action);
        }
      }
      if (!missing.isEmpty()) {
        lacking.add(String.join(" and ", missing) + " on the repository " + name);
      }
    }
    String what = lacking.isEmpty() ? "rights this request needs" : String.join(" and ", lacking);
    return (basic.isPresent() ? "The credentials for the registry " + host + " lack " : "Without credentials, the registry "
        + host + " grants no ") + what + " (insufficient_scope): log in as a user with those rights (docker login or"
        + " helm registry login), or pass a registry config with such credentials.";
  }

  /** What a token grants, by repository, when it is a JWT with an {@code access} claim (tokens may be opaque). */
  private static Optional<Map<String, Set<String>>> granted(String authorization) {
    String[] parts = authorization.substring(authorization.indexOf(' ') + 1).split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      Map<String, Set<String>> granted = new HashMap<>();
      for (JsonNode access : JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).path("access")) {
        if (access.path("type").asText("").equals("repository")) {
          Set<String> actions = granted.computeIfAbsent(access.path("name").asText(""), n -> new HashSet<>());
          access.path("actions").forEach(a -> actions.add(a.asText("")));
        }
      }
      return Optional.of(granted);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String param(String challenge, String name) {
    Matcher m = PARAM.matcher(challenge);
    while (m.find()) {
      if (m.group(1).equalsIgnoreCase(name)) {
        return m.group(2);
      }
    }
    return "";
  }

  private Optional<String> authorization(String scope) {
    String token = tokens.get(scope);
    if (token != null) {
      return Optional.of("Bearer " + token);
    }
    return basicChallenge ? basic : Optional.empty();
  }

  private Optional<String> authenticate(String challenge, String scope, String method, URI uri)
      throws InterruptedException {
    String scheme = challenge.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    if (scheme.equals("basic")) {
      basicChallenge = true;
      return basic;
    }
    if (!scheme.equals("bearer")) {
      return Optional.empty();
    }
    String realm = "";
    String service = "";
    Matcher m = PARAM.matcher(challenge);
    while (m.find()) {
      if (m.group(1).equalsIgnoreCase("realm")) {
        realm = m.group(2);
      } else if (m.group(1).equalsIgnoreCase("service")) {
        service = m.group(2);
      }
    }
    if (realm.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder query = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
    if (!service.isEmpty()) {
      query.append("service=").append(encode(service)).append('&');
    }
    for (String one : scope.split(" ")) {
      query.append("scope=").append(encode(one)).append('&');
    }
    URI tokenUri = URI.create(query.substring(0, query.length() - 1));
    HttpRequest.Builder request = HttpRequest.newBuilder(tokenUri).timeout(TIMEOUT).GET();
    basic.ifPresent(b -> request.header("Authorization", b));
    HttpResponse<byte[]> response = sendOnce(request.build(), HttpResponse.BodyHandlers.ofByteArray(), method, uri);
    if (response.statusCode() != 200) {
      throw new RegistryException(method + " " + uri + ": the token service of " + host + " answered "
          + response.statusCode() + (basic.isPresent() ? "; are the credentials for " + host + " right?" : "; log in to "
          + host + " (docker login or helm registry login) if it needs credentials."), response.statusCode(),
          response.statusCode() >= 500 || response.statusCode() == 429);
    }
    try {
      JsonNode node = JSON.readTree(response.body());
      String token = node.path("token").asText(node.path("access_token").asText(""));
      if (token.isEmpty()) {
        return Optional.empty();
      }
      tokens.put(scope, token);
      return Optional.of("Bearer " + token);
    } catch (IOException e) {
      throw new RegistryException("the token service of " + host + " answered something that is not JSON.", 200, false);
    }
  }

  private <T> HttpResponse<T> sendOnce(HttpRequest request, HttpResponse.BodyHandler<T> body, String method, URI uri)
      throws InterruptedException {
    try {
      return http.send(request, body);
    } catch (IOException e) {
      throw new RegistryException(method + " " + uri + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getMessage()), 0, true, e);
    }
  }

  private static <T> void expect(HttpResponse<T> response, String method, URI uri, int status) {
    int got = response.statusCode();
    if (got == status || got / 100 == 2 && status / 100 == 2) {
      return;
    }
    String errors = errors(response);
    discard(response);
    String message = method + " " + uri + ": " + got + errors + ".";
    if (got == 507 || errors.contains("no space left on device")) {
      // retrying cannot help; what was copied stays, so the next run resumes
      throw new RegistryException(message + " The registry " + uri.getAuthority() + " has no storage left: free"
          + " space on it (or run its garbage collection), then mirror again; blobs already copied are skipped.",
          got, false);
    }
    Optional<String> after = response.headers().firstValue("Retry-After");
    if ((got == 429 || got == 503) && after.isPresent() && after.get().strip().matches("\\d+")) {
      throw new RegistryException(message, got, Duration.ofSeconds(Long.parseLong(after.get().strip())));
    }
    throw new RegistryException(message, got, got >= 500 || got == 429 || got == 408);
  }

  private static <T> String errors(HttpResponse<T> response) {
    Object body = response.body();
    String text = body instanceof String s ? s : body instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : "";
    if (text.isBlank()) {
      return "";
    }
    try {
      List<String> codes = new ArrayList<>();
      for (JsonNode error : JSON.readTree(text).path("errors")) {
        JsonNode detail = error.path("detail");
        String said = error.path("code").asText("") + " " + error.path("message").asText("");
        // a textual detail is the registry's own reason (such as a storage error); structured details are left out
        codes.add(detail.isTextual() && !detail.asText().isBlank()
            ? said.strip() + ": " + abbreviate(detail.asText().strip(), 300) : said);
      }
      return codes.isEmpty() ? "" : " " + String.join("; ", codes).strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "...";
  }

  private static <T> void discard(HttpResponse<T> response) {
    if (response.body() instanceof InputStream in) {
      close(in);
    }
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // nothing to keep
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
