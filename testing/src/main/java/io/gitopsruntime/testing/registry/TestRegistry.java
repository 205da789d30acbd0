package io.gitopsruntime.testing.registry;

import io.gitopsruntime.testing.cluster.TestAssets;
import io.gitopsruntime.testing.cluster.internal.ChildProcess;
import io.gitopsruntime.testing.cluster.internal.Pki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OCI distribution registry on a free loopback port, with its own storage in a temporary directory, optionally
 * with HTTP basic auth (a bcrypt htpasswd file) or bearer tokens from a {@link TokenServer} (the registry's
 * {@code auth.token}), and TLS from a test CA; stopped by its process id on {@link #close()} (and, should a test
 * not close it, when the JVM ends, even when it is killed).
 * Pushes small test images made of random layers, as OCI manifests and multi-platform indexes, with the JDK's HTTP
 * client: no Docker engine.
 *
 * <pre>{@code
 * try (TestRegistry registry = TestRegistry.builder().basicAuth("mirror", "secret").tls().start()) {
 *   String digest = registry.pushIndex("codefresh/app-proxy", "1.0", List.of("linux/amd64", "linux/arm64"));
 * }
 * }</pre>
 *
 * <p>The binary is the one {@code scripts/provision-test-registry.sh} builds ({@code TEST_ASSET_REGISTRY} or the
 * provisioning cache); when it is absent {@link #assumeAvailable()} skips the test with one message naming the script,
 * unless {@code GITOPS_RUNTIME_REQUIRE_REAL_CLUSTER=true}, when it fails. Thread-safe.
 */
public final class TestRegistry implements AutoCloseable {
  /** The command that provisions the registry, named in every skip message. */
  public static final String PROVISION_COMMAND = "bash scripts/provision-test-registry.sh";
  private static final String REQUIRE = "GITOPS_RUNTIME_REQUIRE_REAL_CLUSTER";
  private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

  private final ChildProcess process;
  private final Path dir;
  private final String host;
  private final boolean tls;
  private final @Nullable Path caFile;
  private final Authorization authorization;
  private final @Nullable TokenServer tokens;
  private final HttpClient http;
  private final Random random = new SecureRandom();
  private final ChildProcess watchdog;
  private final Thread shutdownHook = new Thread(this::close, "test-registry-stop");
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  private TestRegistry(ChildProcess process, Path dir, String host, boolean tls, @Nullable Path caFile,
      Authorization authorization, @Nullable TokenServer tokens, HttpClient http) {
    this.process = process;
    // stopped by close(), by a shutdown hook if a test forgets, and, should the JVM be killed, by a watchdog shell
    this.watchdog = ChildProcess.start("registry-watchdog", dir, List.of("/bin/sh", "-c", "while kill -0 "
        + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; kill -9 " + process.pid()
        + " 2>/dev/null; rm -rf '" + dir + "'"));
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    this.dir = dir;
    this.host = host;
    this.tls = tls;
    this.caFile = caFile;
    this.authorization = authorization;
    this.tokens = tokens;
    this.http = http;
  }

  /** The {@code Authorization} header of the registry's own requests to a repository. */
  private interface Authorization {
    Optional<String> header(String repository);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The registry binary, if provisioned.
   *
   * @return the binary
   */
  public static Optional<Path> binary() {
    String variable = System.getenv("TEST_ASSET_REGISTRY");
    if (variable != null && !variable.isBlank()) {
      Path path = Path.of(variable);
      return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    Path path = cacheDirectory().resolve("bin/registry");
    return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
  }

  /**
   * Where the provisioning script puts the registry for the pinned version.
   *
   * @return the directory, which may not exist
   */
  public static Path cacheDirectory() {
    String root = System.getenv("GITOPS_RUNTIME_TEST_ASSETS");
    Path base = root == null || root.isBlank() ? Path.of(System.getProperty("user.home"), ".cache/gitops-runtime/test-assets")
        : Path.of(root);
    return base.resolve("registry-" + TestAssets.registryVersion());
  }

  /**
   * The one message a skipped test gives.
   *
   * @return where the binary was looked for, and the command that provisions it
   */
  public static String skipMessage() {
    return "the distribution registry is absent (looked in TEST_ASSET_REGISTRY and " + cacheDirectory()
        + "); provision it with: " + PROVISION_COMMAND;
  }

  /**
   * Skips the calling test when the registry binary is absent, or fails when {@code GITOPS_RUNTIME_REQUIRE_REAL_CLUSTER}
   * is {@code true}.
   */
  public static void assumeAvailable() {
    if (binary().isEmpty()) {
      if ("true".equalsIgnoreCase(System.getenv(REQUIRE))) {
        throw new IllegalStateException(REQUIRE + " is set, but " + skipMessage());
      }
      Assumptions.abort(skipMessage());
    }
  }

  /**
   * The registry's host and port.
   *
   * @return such as {@code 127.0.0.1:40123}
   */
  public String host() {
    return host;
  }

  /**
   * The CA certificate the registry's serving certificate is signed by.
   *
   * @return the PEM file, when it speaks TLS
   */
  public Optional<Path> caFile() {
    return Optional.ofNullable(caFile);
  }

  /**
   * The token server, when the registry was started with {@link Builder#tokenAuth(String, String)}: add users, shorten
   * token lifetimes and read the token requests made.
   *
   * @return the token server
   */
  public Optional<TokenServer> tokenServer() {
    return Optional.ofNullable(tokens);
  }

  /**
   * The process id of the registry.
   *
   * @return the pid
   */
  public long pid() {
    return process.pid();
  }

  /**
   * Pushes a single-platform image: a random layer of {@code layerBytes} bytes and a config naming the platform.
   *
   * @param repository such as {@code codefresh/app-proxy}
   * @param tag the tag
   * @param platform {@code os/architecture}, such as {@code linux/amd64}
   * @param layerBytes the layer's size
   * @return the manifest's digest
   */
  public String pushImage(String repository, String tag, String platform, int layerBytes) {
    String digest = pushManifest(repository, platform, layerBytes);
    byte[] manifest = get(repository, digest);
    put(repository, "/v2/" + repository + "/manifests/" + tag, OCI_MANIFEST, manifest);
    return digest;
  }

  /**
   * Pushes a multi-platform image: one manifest per platform (each with its own random layer of 32 KiB and a shared
   * one), and an OCI index listing them, tagged.
   *
   * @param repository the repository
   * @param tag the tag
   * @param platforms {@code os/architecture} each
   * @return the index's digest
   */
  public String pushIndex(String repository, String tag, List<String> platforms) {
    StringBuilder manifests = new StringBuilder();
    for (String platform : platforms) {
      String digest = pushManifest(repository, platform, 32 * 1024);
      int size = get(repository, digest).length;
      String[] parts = platform.split("/");
      if (manifests.length() > 0) {
        manifests.append(',');
      }
      manifests.append("{\"mediaType\":\"").append(OCI_MANIFEST).append("\",\"digest\":\"").append(digest)
          .append("\",\"size\":").append(size).append(",\"platform\":{\"architecture\":\"").append(parts[1])
          .append("\",\"os\":\"").append(parts[0]).append("\"}}");
    }
    byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":[" + manifests + "]}")
        .getBytes(StandardCharsets.UTF_8);
    put(repository, "/v2/" + repository + "/manifests/" + tag, OCI_INDEX, index);
    return digest(index);
  }

  /**
   * The digest a reference has on this registry.
   *
   * @param repository the repository
   * @param reference a tag or digest
   * @return the digest, or empty if absent
   */
  public Optional<String> digestOf(String repository, String reference) {
    HttpResponse<Void> response = send(request(repository, "/v2/" + repository + "/manifests/" + reference)
        .header("Accept", OCI_INDEX + ", " + OCI_MANIFEST).method("HEAD", HttpRequest.BodyPublishers.noBody()),
        HttpResponse.BodyHandlers.discarding());
    return response.statusCode() == 200 ? response.headers().firstValue("Docker-Content-Digest") : Optional.empty();
  }

  /**
   * Whether a repository has a blob.
   *
   * @param repository the repository
   * @param digest the blob's digest
   * @return true if present
   */
  public boolean hasBlob(String repository, String digest) {
    return send(request(repository, "/v2/" + repository + "/blobs/" + digest).method("HEAD", HttpRequest.BodyPublishers.noBody()),
        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
  }

  /**
   * A manifest's exact bytes.
   *
   * @param repository the repository
   * @param reference a tag or digest
   * @return the bytes
   */
  public byte[] get(String repository, String reference) {
    HttpResponse<byte[]> response = send(request(repository, "/v2/" + repository + "/manifests/" + reference)
        .header("Accept", OCI_INDEX + ", " + OCI_MANIFEST).GET(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET manifest " + repository + ":" + reference + " answered " + response.statusCode());
    }
    return response.body();
  }

  private String pushManifest(String repository, String platform, int layerBytes) {
    String[] parts = platform.split("/");
    byte[] config = ("{\"architecture\":\"" + parts[1] + "\",\"os\":\"" + parts[0] + "\",\"rootfs\":{\"type\":\"layers\","
        + "\"diff_ids\":[]},\"config\":{}}").getBytes(StandardCharsets.UTF_8);
    byte[] layer = new byte[layerBytes];
    random.nextBytes(layer);
    byte[] shared = "shared layer of every test image\n".getBytes(StandardCharsets.UTF_8);
    pushBlob(repository, config);
    pushBlob(repository, layer);
    pushBlob(repository, shared);
    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"config\":{\"mediaType\":"
        + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + digest(config) + "\",\"size\":" + config.length
        + "},\"layers\":[" + layer(shared) + "," + layer(layer) + "]}").getBytes(StandardCharsets.UTF_8);
    String digest = digest(manifest);
    put(repository, "/v2/" + repository + "/manifests/" + digest, OCI_MANIFEST, manifest);
    return digest;
  }

  private static String layer(byte[] bytes) {
    return "{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"" + digest(bytes) + "\",\"size\":"
        + bytes.length + "}";
  }

  private void pushBlob(String repository, byte[] bytes) {
    HttpResponse<Void> started = send(request(repository, "/v2/" + repository + "/blobs/uploads/")
        .POST(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.discarding());
    if (started.statusCode() != 202) {
      throw new IllegalStateException("starting an upload to " + repository + " answered " + started.statusCode());
    }
    URI location = URI.create(base()).resolve(started.headers().firstValue("Location").orElseThrow());
    URI put = URI.create(location + (location.getQuery() == null ? "?" : "&") + "digest=" + digest(bytes));
    HttpRequest.Builder request = HttpRequest.newBuilder(put).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
    authorization.header(repository).ifPresent(a -> request.header("Authorization", a));
    HttpResponse<String> done = send(request, HttpResponse.BodyHandlers.ofString());
    if (done.statusCode() != 201) {
      throw new IllegalStateException("uploading a blob to " + repository + " answered " + done.statusCode() + " " + done.body());
    }
  }

  private void put(String repository, String path, String mediaType, byte[] body) {
    HttpResponse<String> response = send(request(repository, path).header("Content-Type", mediaType)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("PUT " + path + " answered " + response.statusCode() + " " + response.body());
    }
  }

  private HttpRequest.Builder request(String repository, String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60));
    authorization.header(repository).ifPresent(a -> request.header("Authorization", a));
    return request;
  }

  private String base() {
    return (tls ? "https://" : "http://") + host;
  }

  private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
    try {
      return http.send(request.build(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * The digest of bytes.
   *
   * @param bytes the bytes
   * @return {@code sha256:HEX}
   */
  public static String digest(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops the registry by its process id and deletes its storage. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // called by the hook itself
    }
    process.stop();
    watchdog.stop();
    if (tokens != null) {
      tokens.close();
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory
    }
  }

  /** Configures a {@link TestRegistry}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String user;
    private @Nullable String password;
    private boolean tls;
    private boolean token;

    private Builder() {}

    /**
     * Requires HTTP basic auth with one user (an htpasswd file with a bcrypt hash).
     *
     * @param user the user name
     * @param password the password
     * @return this builder
     */
    public Builder basicAuth(String user, String password) {
      this.user = user;
      this.password = password;
      this.token = false;
      return this;
    }

    /**
     * Requires bearer tokens from a {@link TokenServer} started with the registry ({@link TestRegistry#tokenServer()}), as Docker
     * Hub, ghcr.io, quay.io, Harbor and GitLab do; one user who may pull, push and delete everywhere. The registry's
     * {@code auth.token} names the token server's realm, the registry's host as service, {@link TokenServer#ISSUER} and
     * the signing certificate as {@code rootcertbundle}.
     *
     * @param user the user name
     * @param password the password
     * @return this builder
     */
    public Builder tokenAuth(String user, String password) {
      this.user = user;
      this.password = password;
      this.token = true;
      return this;
    }

    /**
     * Speaks TLS with a serving certificate for 127.0.0.1 and localhost from a new test CA ({@link #caFile()}).
     *
     * @return this builder
     */
    public Builder tls() {
      this.tls = true;
      return this;
    }

    /**
     * Starts the registry and waits until it answers.
     *
     * @return the running registry
     * @throws IllegalStateException if the binary is absent or the registry does not come up (with its log's end)
     */
    public TestRegistry start() {
      Path binary = binary().orElseThrow(() -> new IllegalStateException(skipMessage()));
      try {
        Path dir = Files.createTempDirectory("test-registry-");
        int port = freePort();
        String host = InetAddress.getLoopbackAddress().getHostAddress() + ":" + port;
        StringBuilder config = new StringBuilder()
            .append("version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\n")
            .append("storage:\n  filesystem:\n    rootdirectory: ").append(dir.resolve("storage")).append('\n')
            .append("  delete:\n    enabled: true\n")
            .append("http:\n  addr: ").append(host).append("\n  secret: test-registry-secret\n");
        Path caFile = null;
        SSLContext ssl = SSLContext.getDefault();
        Pki pki = tls || token ? Pki.create() : null;
        Pki.Issued serving = null;
        if (tls) {
          serving = Objects.requireNonNull(pki).serving();
          Pki.write(dir.resolve("tls.crt"), serving.certificate());
          Pki.write(dir.resolve("tls.key"), serving.key());
          caFile = pki.writeCa(dir.resolve("ca.crt"));
          config.append("  tls:\n    certificate: ").append(dir.resolve("tls.crt")).append("\n    key: ")
              .append(dir.resolve("tls.key")).append('\n');
          ssl = trusting(caFile);
        }
        Authorization authorization = repository -> Optional.empty();
        TokenServer tokens = null;
        if (token && user != null && password != null) {
          Pki.Issued signer = Objects.requireNonNull(pki).client("test-token-signer", List.of());
          Path bundle = Pki.write(dir.resolve("token-signer.crt"), signer.certificate());
          tokens = TokenServer.start(host, signer, serving).user(user, password, "*");
          config.append("auth:\n  token:\n    realm: ").append(tokens.realm()).append("\n    service: ").append(host)
              .append("\n    issuer: ").append(TokenServer.ISSUER).append("\n    rootcertbundle: ").append(bundle)
              .append('\n');
          TokenServer minting = tokens;
          authorization = repository -> Optional.of("Bearer " + minting.mint(repository));
        } else if (user != null && password != null) {
          byte[] salt = new byte[16];
          new SecureRandom().nextBytes(salt);
          String hash = OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, 5);
          Files.writeString(dir.resolve("htpasswd"), user + ":" + hash + "\n");
          config.append("auth:\n  htpasswd:\n    realm: test-registry\n    path: ").append(dir.resolve("htpasswd")).append('\n');
          Optional<String> basic = Optional.of("Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
              .getBytes(StandardCharsets.UTF_8)));
          authorization = repository -> basic;
        }
        Files.writeString(dir.resolve("config.yml"), config);
        ChildProcess process;
        try {
          process = ChildProcess.start("registry", dir, List.of(binary.toString(), "serve",
              dir.resolve("config.yml").toString()));
        } catch (RuntimeException e) {
          if (tokens != null) {
            tokens.close();
          }
          throw e;
        }
        HttpClient http = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
        TestRegistry registry = new TestRegistry(process, dir, host, tls, caFile, authorization, tokens, http);
        try {
          registry.awaitUp();
        } catch (RuntimeException e) {
          registry.close();
          throw e;
        }
        return registry;
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the test registry", e);
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException("could not set up TLS for the test registry", e);
      }
    }
  }

  private void awaitUp() {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      process.requireAlive();
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/v2/"))
            .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200 || response.statusCode() == 401) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("interrupted while the test registry started", e);
      }
      if (System.nanoTime() > deadline) {
        String log = process.tail(40);
        close();
        throw new IllegalStateException("the test registry did not answer on " + host + " within 30 s; its log:\n" + log);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("interrupted while the test registry started", e);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static SSLContext trusting(Path caFile) throws IOException, java.security.GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (var in = Files.newInputStream(caFile)) {
      store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
