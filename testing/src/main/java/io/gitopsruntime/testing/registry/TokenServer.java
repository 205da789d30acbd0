package io.gitopsruntime.testing.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.gitopsruntime.testing.cluster.internal.Pki;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.jspecify.annotations.Nullable;

/**
 * The token service of a {@link TestRegistry} started with {@link TestRegistry.Builder#tokenAuth(String, String)}: the
 * Docker registry token protocol that Docker Hub, ghcr.io, quay.io, Harbor and GitLab speak, on a free loopback port
 * (HTTPS from the registry's test CA when the registry speaks TLS).
 *
 * <p>{@code GET /token?service=SERVICE&scope=repository:NAME:pull,push[&scope=...]} with HTTP basic credentials (or
 * none, when {@link #anonymousPull(boolean)} allows it) answers {@code {"token", "access_token", "expires_in",
 * "issued_at"}}. The token is a JWT signed RS256 whose header names the signing key by {@code kid}, its RFC 7638
 * thumbprint, as distribution v3 looks keys up in its {@code auth.token.rootcertbundle}; its claims are {@code iss},
 * {@code sub} (the user), {@code aud} (the service), {@code exp}, {@code nbf}, {@code iat}, {@code jti} and
 * {@code access}, which grants of each scope asked only the actions the user may do (none for a scope of another
 * type). Wrong credentials answer 401, a service other than the registry's 400.
 *
 * <p>The registry accepts a token until 60 s after its {@code exp} (its clock-skew leeway). So that
 * {@code expires_in} is when the registry starts refusing a token, {@code exp} is set {@code expires_in - 60 s} after
 * issue: {@link #tokenLifetime(Duration)} of a few seconds gives tokens that expire mid-run without a test waiting a
 * minute.
 *
 * <p>Every request is recorded ({@link #requests()}): user, service, scopes, status and what was granted. Passwords
 * and tokens are never logged nor recorded, and appear in no message or {@code toString}. Stopped by the registry's
 * {@link TestRegistry#close()}. Thread-safe.
 */
public final class TokenServer implements AutoCloseable {
  /** The {@code iss} of every token, and the registry's {@code auth.token.issuer}. */
  public static final String ISSUER = "gitops-runtime-test-token-server";
  /** The default lifetime of a token, its {@code expires_in}. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
  private static final Duration LEEWAY = Duration.ofSeconds(60);
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Set<String> ALL = Set.of("pull", "push", "delete");

  private final HttpServer server;
  private final ExecutorService executor;
  private final String realm;
  private final String service;
  private final PrivateKey signingKey;
  private final String keyId;
  private final Map<String, User> users = new ConcurrentHashMap<>();
  private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();
  private final List<Issued> issued = new CopyOnWriteArrayList<>();
  private volatile boolean anonymousPull;
  private volatile Duration lifetime = DEFAULT_LIFETIME;

  private TokenServer(HttpServer server, ExecutorService executor, String realm, String service, PrivateKey signingKey,
      String keyId) {
    this.server = server;
    this.executor = executor;
    this.realm = realm;
    this.service = service;
    this.signingKey = signingKey;
    this.keyId = keyId;
  }

  /**
   * Starts a token server for one registry.
   *
   * @param service the registry's service name, the tokens' audience
   * @param signer the signing certificate and key (PEM); the registry's root certificate bundle holds the certificate
   * @param serving a serving certificate and key (PEM) for loopback, for HTTPS; null for plain HTTP
   * @return the running server
   */
  static TokenServer start(String service, Pki.Issued signer, Pki.@Nullable Issued serving) {
    try {
      InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
      HttpServer server;
      if (serving != null) {
        HttpsServer https = HttpsServer.create(address, 0);
        https.setHttpsConfigurator(new HttpsConfigurator(sslContext(serving)));
        server = https;
      } else {
        server = HttpServer.create(address, 0);
      }
      AtomicInteger threads = new AtomicInteger();
      ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task, "test-token-server-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
      server.setExecutor(executor);
      String realm = (serving != null ? "https://" : "http://") + InetAddress.getLoopbackAddress().getHostAddress() + ":"
          + server.getAddress().getPort() + "/token";
      X509Certificate certificate = certificate(signer.certificate());
      TokenServer tokens = new TokenServer(server, executor, realm, service, privateKey(signer.key()),
          thumbprint((RSAPublicKey) certificate.getPublicKey()));
      server.createContext("/token", tokens::handle);
      server.start();
      return tokens;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the test token server", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not set up the test token server's keys", e);
    }
  }

  /**
   * The URL the registry's challenge names.
   *
   * @return such as {@code https://127.0.0.1:40125/token}
   */
  public String realm() {
    return realm;
  }

  /**
   * The service the registry's challenge names, each token's audience.
   *
   * @return the registry's host and port
   */
  public String service() {
    return service;
  }

  /**
   * Adds or replaces a user who may do some actions on every repository.
   *
   * @param name the user name
   * @param password the password
   * @param actions such as {@code pull}, {@code push}, {@code delete}, or {@code *} for all
   * @return this server
   */
  public TokenServer user(String name, String password, String... actions) {
    users.put(name, new User(password, Set.of(actions)));
    return this;
  }

  /**
   * Whether a request without credentials gets pull on every repository, as Docker Hub gives for public images
   * (false by default: it is refused with 401).
   *
   * @param allowed true to allow
   * @return this server
   */
  public TokenServer anonymousPull(boolean allowed) {
    this.anonymousPull = allowed;
    return this;
  }

  /**
   * The lifetime of the tokens issued from now on: their {@code expires_in}, after which the registry refuses them.
   *
   * @param lifetime at least 1 s; {@link #DEFAULT_LIFETIME} by default
   * @return this server
   */
  public TokenServer tokenLifetime(Duration lifetime) {
    if (lifetime.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("a token lives at least 1 s, not " + lifetime);
    }
    this.lifetime = lifetime;
    return this;
  }

  /**
   * Every token request so far, in order; the registry's own requests ({@link TestRegistry#pushImage} and the like)
   * are not among them.
   *
   * @return a snapshot
   */
  public List<TokenRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * Waits until the registry refuses every token issued so far (their {@code expires_in} has passed).
   *
   * @throws IllegalStateException if interrupted (the interrupt flag is kept)
   */
  public void awaitExpiryOfIssuedTokens() {
    Instant last = issued.stream().map(Issued::refusedAfter).max(Instant::compareTo).orElse(Instant.EPOCH);
    // the registry compares whole seconds: one more makes sure
    Instant refused = last.plusSeconds(1);
    try {
      while (Instant.now().isBefore(refused)) {
        Thread.sleep(Math.max(1, Duration.between(Instant.now(), refused).toMillis()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for tokens to expire", e);
    }
  }

  /**
   * Whether a text holds any token this server issued to a client, or its signature: for tests that check that
   * tokens stay out of messages and logs.
   *
   * @param text the text
   * @return true if one is in it
   */
  public boolean containsIssuedToken(String text) {
    return issued.stream().anyMatch(t -> text.contains(t.signature()));
  }

  /**
   * A token for the registry's own requests: every action on one repository, not recorded.
   *
   * @param repository the repository
   * @return the token
   */
  String mint(String repository) {
    return sign("test-registry", List.of(new Access(repository, List.of("*"))), DEFAULT_LIFETIME, Instant.now());
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** The realm and service, never a password or token. */
  @Override
  public String toString() {
    return "TokenServer[" + realm + ", service " + service + "]";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        answer(exchange, 405, error("UNSUPPORTED", "only GET"));
        return;
      }
      String askedService = "";
      List<String> scopes = new ArrayList<>();
      String query = exchange.getRequestURI().getRawQuery();
      for (String pair : query == null ? new String[0] : query.split("&")) {
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (key.equals("service")) {
          askedService = value;
        } else if (key.equals("scope")) {
          scopes.addAll(Arrays.asList(value.split(" ")));
        }
      }
      Optional<String> user = Optional.empty();
      Set<String> may;
      String header = exchange.getRequestHeaders().getFirst("Authorization");
      if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
        String pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        String name = colon < 0 ? pair : pair.substring(0, colon);
        User known = users.get(name);
        user = Optional.of(name);
        if (colon < 0 || known == null || !MessageDigest.isEqual(known.password().getBytes(StandardCharsets.UTF_8),
            pair.substring(colon + 1).getBytes(StandardCharsets.UTF_8))) {
          refuse(exchange, user, askedService, scopes);
          return;
        }
        may = known.actions();
      } else if (anonymousPull) {
        may = Set.of("pull");
      } else {
        refuse(exchange, user, askedService, scopes);
        return;
      }
      if (!askedService.equals(service)) {
        requests.add(new TokenRequest(user, askedService, scopes, 400, List.of()));
        answer(exchange, 400, error("DENIED", "this token service serves " + service));
        return;
      }
      List<Access> access = new ArrayList<>();
      for (String scope : scopes) {
        grant(scope, may).ifPresent(access::add);
      }
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      Duration life = lifetime;
      String token = sign(user.orElse(""), access, life, now);
      issued.add(new Issued(token.substring(token.lastIndexOf('.') + 1), now.plus(life)));
      requests.add(new TokenRequest(user, askedService, scopes, 200, access.stream().map(Access::scope).toList()));
      answer(exchange, 200, "{\"token\":\"" + token + "\",\"access_token\":\"" + token + "\",\"expires_in\":"
          + life.toSeconds() + ",\"issued_at\":\"" + now + "\"}");
    } catch (RuntimeException e) {
      answer(exchange, 500, error("UNKNOWN", e.getClass().getSimpleName()));
    }
  }

  private void refuse(HttpExchange exchange, Optional<String> user, String askedService, List<String> scopes)
      throws IOException {
    requests.add(new TokenRequest(user, askedService, scopes, 401, List.of()));
    exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"" + ISSUER + "\"");
    answer(exchange, 401, error("UNAUTHORIZED", "authentication required"));
  }

  /** What of a scope the user may do: {@code repository:NAME:ACTIONS}, NAME itself possibly holding colons. */
  private static Optional<Access> grant(String scope, Set<String> may) {
    int first = scope.indexOf(':');
    int last = scope.lastIndexOf(':');
    if (first < 0 || last == first || !scope.substring(0, first).equals("repository")) {
      return Optional.empty();
    }
    List<String> granted = new ArrayList<>();
    for (String action : scope.substring(last + 1).split(",")) {
      boolean allowed = may.contains("*") ? ALL.contains(action) || action.equals("*") : may.contains(action);
      if (allowed && !granted.contains(action)) {
        granted.add(action);
      }
    }
    return granted.isEmpty() ? Optional.empty() : Optional.of(new Access(scope.substring(first + 1, last), granted));
  }

  private String sign(String subject, List<Access> access, Duration life, Instant now) {
    StringBuilder claims = new StringBuilder("{\"iss\":\"").append(ISSUER).append("\",\"sub\":\"").append(json(subject))
        .append("\",\"aud\":\"").append(json(service)).append("\",\"exp\":")
        .append(now.plus(life).minus(LEEWAY).getEpochSecond()).append(",\"nbf\":").append(now.getEpochSecond() - 1)
        .append(",\"iat\":").append(now.getEpochSecond()).append(",\"jti\":\"").append(UUID.randomUUID())
        .append("\",\"access\":[");
    for (int i = 0; i < access.size(); i++) {
      Access one = access.get(i);
      claims.append(i == 0 ? "" : ",").append("{\"type\":\"repository\",\"name\":\"").append(json(one.name()))
          .append("\",\"actions\":[");
      for (int j = 0; j < one.actions().size(); j++) {
        claims.append(j == 0 ? "" : ",").append('"').append(json(one.actions().get(j))).append('"');
      }
      claims.append("]}");
    }
    claims.append("]}");
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}";
    String signed = B64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
        + B64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(signingKey);
      rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + B64URL.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not sign a test token", e);
    }
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String error(String code, String message) {
    return "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + json(message) + "\"}]}";
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** The RFC 7638 thumbprint of an RSA key, the key id distribution v3 gives each key of its root bundle. */
  private static String thumbprint(RSAPublicKey key) throws GeneralSecurityException {
    String jwk = "{\"e\":\"" + B64URL.encodeToString(unsigned(key.getPublicExponent())) + "\",\"kty\":\"RSA\",\"n\":\""
        + B64URL.encodeToString(unsigned(key.getModulus())) + "\"}";
    return B64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  private static X509Certificate certificate(String pem) throws GeneralSecurityException {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static PrivateKey privateKey(String pem) throws IOException {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object read = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (read instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
      if (read instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      throw new IOException("not a private key: " + (read == null ? "nothing" : read.getClass().getSimpleName()));
    }
  }

  private static SSLContext sslContext(Pki.Issued serving) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    char[] password = new char[0];
    store.setKeyEntry("serving", privateKey(serving.key()), password, new Certificate[] {certificate(serving.certificate())});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  /**
   * One token request as the token server saw it.
   *
   * @param user the user it authenticated as (or tried to), empty when anonymous
   * @param service the service asked for
   * @param scopes the scopes asked, in order ({@code repository:NAME:pull,push})
   * @param status the status answered: 200, 401 (wrong or missing credentials) or 400 (another service)
   * @param granted what the token grants, one {@code repository:NAME:ACTIONS} per scope with something granted
   */
  public record TokenRequest(Optional<String> user, String service, List<String> scopes, int status,
      List<String> granted) {}

  private record User(String password, Set<String> actions) {
    @Override
    public String toString() {
      return "User" + actions;
    }
  }

  private record Access(String name, List<String> actions) {
    String scope() {
      return "repository:" + name + ":" + String.join(",", actions);
    }
  }

  /** An issued token's signature (to find it in text) and when the registry starts refusing it. */
  private record Issued(String signature, Instant refusedAfter) {
    @Override
    public String toString() {
      return "Issued[" + refusedAfter + "]";
    }
  }
}
