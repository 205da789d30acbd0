package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.codefresh;
import static io.gitopsruntime.validators.Fixtures.map;
import static io.gitopsruntime.validators.Fixtures.runtime;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.testing.RecordedCall;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.values.AccessMode;
import io.gitopsruntime.values.ArgoCdAuthValues;
import io.gitopsruntime.values.CaCertSecretValues;
import io.gitopsruntime.values.CaCertsValues;
import io.gitopsruntime.values.GitCredentialsValues;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.GitPasswordValues;
import io.gitopsruntime.values.SecretKeyRef;
import io.gitopsruntime.values.SecretValue;
import io.gitopsruntime.values.UserTokenValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Puts one recognisable secret in every secret slot (API key, Git password, CA content, Argo CD password and
 * token, Secrets in the cluster, a Helm release record's values, URL credentials), runs every validator in passing
 * and failing setups, against servers that echo it back, and checks that it shows up in no finding, no log line and
 * no exception.
 */
class SecretsTest {
  private static final String SECRET = "tok-SECRET-123";
  private static final String PEM = new HeldCertificate.Builder().commonName("ca").certificateAuthority(0).build()
      .certificatePem();

  private final PlatformServer platform = new PlatformServer();
  private final GitProviderValidatorTest.GitServer git = new GitProviderValidatorTest.GitServer(null);
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final List<Finding> findings = new ArrayList<>();
  private final List<Throwable> thrown = new ArrayList<>();
  private PrintStream originalErr;

  @BeforeEach
  void captureLogs() {
    originalErr = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(originalErr);
    platform.close();
    git.close();
  }

  private static List<Validator> everyValidator() {
    List<Validator> all = new ArrayList<>(Validators.all());
    all.add(GitSetupValidator.of("https://bob:" + SECRET + "@ghe.example.com/acme/isc.git", GitProvider.GITLAB,
        "https://oauth2:" + SECRET + "@gitlab.example.com"));
    return all;
  }

  private void runAll(ValidationContext context) {
    for (Validator validator : everyValidator()) {
      try {
        findings.addAll(validator.validate(context));
      } catch (Throwable t) {
        thrown.add(t);
      }
    }
  }

  private void runAll(RuntimeInstallation installation, OkHttpClient client, KubernetesClient cluster) {
    ValidationContext.Builder context = ValidationContext.builder(installation).clock(Fixtures.CLOCK);
    if (client != null) {
      context.service(OkHttpClient.class, client);
    }
    if (cluster != null) {
      context.service(KubernetesClient.class, cluster);
    }
    runAll(context.build());
  }

  private void capture(Supplier<Object> call) {
    try {
      call.get();
    } catch (Throwable t) {
      thrown.add(t);
    }
  }

  /** Every literal slot holds the secret; the shapes are valid when {@code valid}. */
  private RuntimeInstallation installation(boolean valid, String gitApiHost, UnaryOperator<GitOpsRuntimeValues> edit) {
    return Fixtures.tunnel(v -> {
      GitOpsRuntimeValues w = codefresh(v, c -> c.withUrl(platform.url())
          .withUserToken(valid ? UserTokenValues.of(SecretValue.of(SECRET))
              : UserTokenValues.builder().token(SecretValue.of(" " + SECRET + "\n"))
                  .secretKeyRef(SecretKeyRef.of("cf-key", "token")).build())
          .withTls(c.tls().withCaCerts(CaCertsValues.builder().secret(CaCertSecretValues.builder().create(valid)
              .content(SecretValue.of(valid ? "# " + SECRET + "\n" + PEM : SECRET)).build()).build())));
      w = runtime(w, r -> r.withGitCredentials(GitCredentialsValues.builder().username(valid ? "git-bot" : "")
          .password(GitPasswordValues.builder().value(SecretValue.of(valid ? SECRET : SECRET + "\t"))
              .secretKeyRef(valid ? SecretKeyRef.builder().build() : SecretKeyRef.of("codefresh-token", "x")).build())
          .build()));
      var integrations = w.global().integrations();
      w = w.withGlobal(w.global().withIntegrations(integrations.withArgoCd(integrations.argoCd().withServer(
          integrations.argoCd().server().withSvc("argocd-server").withAuth(ArgoCdAuthValues.builder()
              .type(valid ? "token" : "oauth").token(SecretValue.of(SECRET)).password(SecretValue.of(SECRET))
              .build())))));
      w = w.withGlobal(w.global().withHttpsProxy("http://user:" + SECRET + "@proxy.example.com:3128")
          .withHttpProxy(valid ? "http://proxy.example.com:3128" : "ftp://user:" + SECRET + "@proxy"));
      w = w.withArgoCd(w.argoCd().withAdditionalValues(map("configs", map("tls", map("certificates",
          map(gitApiHost, valid ? PEM : SECRET))))));
      return edit.apply(w);
    });
  }

  private void assertNoSecretAnywhere() {
    assertThat(findings).isNotEmpty();
    for (Finding f : findings) {
      assertThat(f.toString()).as("finding %s", f.ruleId()).doesNotContain(SECRET);
      assertThat(f.path()).doesNotContain(SECRET);
    }
    for (Throwable t : thrown) {
      for (Throwable c = t; c != null; c = c.getCause()) {
        assertThat(String.valueOf(c.getMessage())).as("exception %s", c).doesNotContain(SECRET);
        assertThat(c.toString()).doesNotContain(SECRET);
      }
    }
    String logged = log.toString(StandardCharsets.UTF_8);
    assertThat(logged).doesNotContain(SECRET);
  }

  @Test
  void offlineValidatorsAndParsersNeverQuoteASecret() {
    runAll(Fixtures.context(installation(false, "git.example.com", v -> v.withArgoCd(v.argoCd().withEnabled(false)))));
    runAll(Fixtures.context(installation(true, "git.example.com", v -> v)));
    capture(() -> SharedConfigRepo.parse("https://bob:" + SECRET + "@github.com/acme/isc"));
    capture(() -> GitApiUrl.of(GitProvider.BITBUCKET, "https://x:" + SECRET + "@bitbucket.example.com"));
    capture(() -> GitApiUrl.parse("ftp://x:" + SECRET + "@git.example.com"));
    capture(() -> SecretValue.fromSecret("s", "k").reveal());

    assertThat(thrown).hasSize(4);
    assertThat(findings).extracting(Finding::ruleId).contains("user-token.whitespace", "git-credentials.reserved-name",
        "platform-ca.pem", "git-ca.pem", "external-argo-cd.auth-type", "proxy.format", "shared-config-repo.format",
        "git-api-url.format");
    assertNoSecretAnywhere();
  }

  @Test
  void remoteValidatorsPassingNeverQuoteOrLogASecret() throws Exception {
    platform.respond("Me", PlatformServer.me(true, true, "GITHUB", git.url("/api/v3")))
        .respond("GetRuntime", PlatformServer.NO_RUNTIME).respond("LimitsStatus", PlatformServer.limits(1L, 5L));
    git.on("HEAD /api/v3", 200, "X-OAuth-Scopes", "repo, admin:repo_hook");
    git.on("HEAD /", 404, null, null);
    String host = git.server.url("/").host();

    runAll(installation(true, host, v -> Fixtures.ingress(
        v.withAccessMode(AccessMode.ingress(host + ":" + git.server.getPort(), "nginx")),
        i -> i.withProtocol("http"))), null, null);
    try (Cluster cluster = new Cluster()
        .secret("codefresh", "cf-key", "token", SECRET)
        .secret("codefresh", "git-token", "token", SECRET)) {
      runAll(installation(true, host, v -> runtime(codefresh(v, c -> c.withUserToken(
          UserTokenValues.of(SecretValue.fromSecret("cf-key", "token")))), r -> r.withGitCredentials(
          r.gitCredentials().withPassword(GitPasswordValues.of(SecretValue.fromSecret("git-token", "token")))))),
          null, cluster.client);
      cluster.secret("codefresh", "codefresh-token", "token", SECRET);
      platform.respond("GetRuntime", PlatformServer.RUNTIME);
      runAll(installation(true, host, v -> v), null, cluster.client);
    }

    assertThat(platform.requests).extracting(r -> r.getHeaders().get("Authorization")).containsOnly(SECRET);
    assertThat(git.requests).extracting(r -> r.getHeaders().get("Authorization")).contains("token " + SECRET);
    assertThat(findings).extracting(Finding::ruleId).contains("platform.upgrade");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("operation=Me").contains("HEAD " + git.url("/api/v3"));
    assertNoSecretAnywhere();
  }

  @Test
  void remoteValidatorsFailingAgainstServersThatEchoTheSecretNeverRepeatIt() throws Exception {
    String host = git.server.url("/").host();
    UnaryOperator<GitOpsRuntimeValues> ingress =
        v -> Fixtures.ingress(v.withAccessMode(AccessMode.ingress("runtime.invalid", "nginx")), i -> i);

    platform.respond("Me", new MockResponse.Builder().code(401)
        .body("{\"message\":\"bad token " + SECRET + "\",\"authorization\":\"" + SECRET + "\"}").build());
    runAll(installation(true, host, ingress), null, null);

    platform.respond("Me", new MockResponse.Builder().code(500).body("Authorization: " + SECRET).build());
    runAll(installation(true, host, ingress), null, null);

    platform.respond("Me", PlatformServer.me(true, false, "GITHUB", git.url("/api/v3")))
        .respond("GetRuntime", "{\"errors\":[{\"message\":\"no access for " + SECRET + "\"}]}");
    git.on("HEAD /api/v3", 200, "X-OAuth-Scopes", "repo, " + SECRET);
    runAll(installation(true, host, ingress), null, null);

    platform.respond("Me", PlatformServer.me(true, false, "GITLAB", git.url("/api/v4")));
    git.on("GET /api/v4/user", new MockResponse.Builder().code(200)
        .body("{\"username\":\"project_" + SECRET + "\",\"bot\":true}").build());
    runAll(installation(true, host, ingress), null, null);

    platform.respond("Me", PlatformServer.me(true, false, "BITBUCKET_SERVER", git.url("/")));
    git.on("HEAD /rest/api/1.0/application-properties", 200, "X-AUSERNAME", SECRET)
        .on("POST /rest/api/1.0/users/" + SECRET + "/repos", 403, null, null);
    runAll(installation(true, host, ingress), null, null);

    OkHttpClient echoingFailure = new OkHttpClient.Builder().addInterceptor(chain -> {
      throw new IOException("connection reset while sending Authorization: "
          + chain.request().header("Authorization"));
    }).build();
    runAll(installation(true, host, ingress), echoingFailure, null);

    try (Cluster cluster = new Cluster().secret("codefresh", "codefresh-token", "token", SECRET)) {
      platform.respond("GetRuntime", new MockResponse.Builder().code(403).body("denied: " + SECRET).build());
      runAll(installation(true, host, ingress), null, cluster.client);
    }

    assertThat(findings).extracting(Finding::ruleId).contains("platform.token-invalid", "platform.api-error",
        "git.token-scopes", "git.token-project", "git.token-scopes", "platform.unreachable", "ingress.unreachable");
    assertNoSecretAnywhere();
  }

  @Test
  void clusterChecksNeverQuoteOrLogASecretPlantedInTheCluster() throws Exception {
    platform.respond("GetRuntime", PlatformServer.RUNTIME);
    String host = git.server.url("/").host();
    try (KubernetesTestServer server = KubernetesTestServer.builder().namespace("codefresh").start();
        ApiGateway gateway = new ApiGateway(server)) {
      KubernetesClient client = server.client();
      // the API key and the Git token are good; the Argo CD password sits under another key; the namespace holds a
      // leftover runtime token; another namespace holds a release whose values carry the secret
      Fixtures.secret(client, "codefresh", "cf-key", "token", SECRET);
      Fixtures.secret(client, "codefresh", "git-token", "token", SECRET);
      Fixtures.secret(client, "codefresh", "argocd-initial-admin-secret", "admin.password", SECRET);
      Fixtures.secret(client, "codefresh", "codefresh-token", "token", SECRET);
      Fixtures.secret(client, "codefresh", "argocd-token", "token", " ");
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("team-a").endMetadata().build())
          .create();
      client.secrets().inNamespace("team-a").resource(HelmRecords.release("team-a", "runtime", 1, "deployed",
          "gitops-runtime", "0.30.0", "{\"global\":{\"codefresh\":{\"userToken\":{\"token\":\"" + SECRET
              + "\"}}}}")).create();
      gateway.answer("GET .*/proxy/api/version", r -> ApiGateway.json(200, "{\"Version\":\"" + SECRET + "\"}"));
      server.client().services().inNamespace("codefresh").resource(new ServiceBuilder()
          .withNewMetadata().withName("argocd-server").withLabels(Map.of("app.kubernetes.io/component", "server",
              "app.kubernetes.io/part-of", "argocd")).endMetadata().withNewSpec().addNewPort().withPort(80).endPort()
          .endSpec().build()).create();

      UnaryOperator<GitOpsRuntimeValues> fromCluster = v -> runtime(codefresh(v, c -> c.withUserToken(
          UserTokenValues.of(SecretValue.fromSecret("cf-key", "token")))), r -> r.withGitCredentials(
          r.gitCredentials().withPassword(GitPasswordValues.of(SecretValue.fromSecret("git-token", "token")))));
      // password auth reads the chart's default Secret; token auth reads the blank one
      runAll(installation(true, host, v -> externalPassword(fromCluster.apply(v), "password")), null, gateway.client());
      runAll(installation(true, host, v -> externalPassword(fromCluster.apply(v), "token")), null, gateway.client());
      findings.addAll(ValidatorChain.builder().addAll(Validators.cluster()).build()
          .validate(Fixtures.context(installation(true, host, v -> externalPassword(fromCluster.apply(v), "password")),
              gateway.client())).findings());

      assertThat(findings).extracting(Finding::ruleId).contains("cluster.secret-ref", "cluster.existing-runtime",
          "cluster.runtime-token", "cluster.argo-cd-server");
      assertThat(server.journal().calls()).extracting(RecordedCall::uri).noneMatch(uri -> uri.contains(SECRET));
    }
    assertNoSecretAnywhere();
  }

  /** The external Argo CD with password or token auth from Secrets, its literal slots holding the secret too. */
  private static GitOpsRuntimeValues externalPassword(GitOpsRuntimeValues v, String type) {
    var integrations = v.global().integrations();
    GitOpsRuntimeValues w = v.withArgoCd(v.argoCd().withEnabled(false));
    return w.withGlobal(w.global().withIntegrations(integrations.withArgoCd(integrations.argoCd().withServer(
        integrations.argoCd().server().withAuth(ArgoCdAuthValues.builder().type(type)
            .tokenSecretKeyRef(SecretKeyRef.of("argocd-token", "token")).build())))));
  }
}
