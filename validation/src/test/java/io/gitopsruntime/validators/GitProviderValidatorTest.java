package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.codefresh;
import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.info;
import static io.gitopsruntime.validators.Fixtures.map;
import static io.gitopsruntime.validators.Fixtures.runtime;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.values.GitCredentialsValues;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.GitPasswordValues;
import io.gitopsruntime.values.SecretValue;
import io.gitopsruntime.values.UserTokenValues;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GitProviderValidatorTest {
  private static final String ID = GitProviderValidator.ID;
  private static final String API_KEY = "628a80b693a15c0f9c13ab75.0a1b2c3d4e5f60718293a4b5c6d7e8f9";
  private static final String PAT = "ghp_0123456789abcdefABCDEF0123456789abcd";
  private static final String PASSWORD_PATH = "global.runtime.gitCredentials.password";

  private final GitProviderValidator validator = new GitProviderValidator();
  private final PlatformServer platform = new PlatformServer();
  private final GitServer git = new GitServer(null);
  private final List<HttpUrl> called = new CopyOnWriteArrayList<>();
  /** Sends calls to the cloud providers' hosts to the local Git server, and remembers where they were going. */
  private OkHttpClient client;

  @BeforeEach
  void start() {
    client = new OkHttpClient.Builder().addInterceptor(chain -> {
      HttpUrl url = chain.request().url();
      if (Set.of("api.github.com", "gitlab.com", "bitbucket.org").contains(url.host())) {
        called.add(url);
        HttpUrl local = git.server.url("/");
        url = url.newBuilder().scheme("http").host(local.host()).port(local.port()).build();
      }
      return chain.proceed(chain.request().newBuilder().url(url).build());
    }).build();
  }

  @AfterEach
  void stop() {
    platform.close();
    git.close();
  }

  /** A Git provider for tests: answers by method and path, records every request. */
  static final class GitServer implements AutoCloseable {
    final MockWebServer server = new MockWebServer();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, MockResponse> responses = new ConcurrentHashMap<>();

    GitServer(javax.net.ssl.SSLSocketFactory https) {
      if (https != null) {
        server.useHttps(https);
      }
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          requests.add(request);
          return responses.getOrDefault(request.getMethod() + " " + request.getUrl().encodedPath(),
              new MockResponse.Builder().code(404).build());
        }
      });
      try {
        server.start();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    GitServer on(String methodAndPath, MockResponse response) {
      responses.put(methodAndPath, response);
      return this;
    }

    GitServer on(String methodAndPath, int code, String header, String value) {
      MockResponse.Builder response = new MockResponse.Builder().code(code);
      if (header != null) {
        response.addHeader(header, value);
      }
      return on(methodAndPath, response.build());
    }

    String url(String path) {
      String url = server.url(path).toString();
      return path.equals("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public void close() {
      server.close();
    }
  }

  private RuntimeInstallation installation(String password, UnaryOperator<GitOpsRuntimeValues> edit) {
    return Fixtures.tunnel(v -> edit.apply(runtime(
        codefresh(v, c -> c.withUrl(platform.url()).withUserToken(UserTokenValues.of(SecretValue.of(API_KEY)))),
        r -> r.withGitCredentials(GitCredentialsValues.builder().username("git-bot")
            .password(GitPasswordValues.of(SecretValue.of(password))).build()))));
  }

  private List<Finding> run(String provider, String apiUrl, String password) {
    return run(provider, apiUrl, password, v -> v);
  }

  private List<Finding> run(String provider, String apiUrl, String password, UnaryOperator<GitOpsRuntimeValues> edit) {
    platform.respond("Me", PlatformServer.me(true, false, provider, apiUrl));
    return validator.validate(ValidationContext.builder(installation(password, edit))
        .service(OkHttpClient.class, client).build());
  }

  @Nested
  class GitHub {
    @Test
    void acceptsAClassicTokenWithRepoAndAdminRepoHookOnGitHubCom() {
      git.on("HEAD /", 200, "X-OAuth-Scopes", "admin:repo_hook, read:org, repo");

      assertThat(run("GITHUB", "https://github.com", PAT)).isEmpty();

      assertThat(called).extracting(HttpUrl::toString).containsExactly("https://api.github.com/");
      RecordedRequest head = git.requests.get(0);
      assertThat(head.getMethod()).isEqualTo("HEAD");
      assertThat(head.getHeaders().get("Authorization")).isEqualTo("token " + PAT);
      assertThat(platform.operations()).containsExactly("Me");
      assertThat(platform.requests.get(0).getHeaders().get("Authorization")).isEqualTo(API_KEY);
    }

    @Test
    void checksGitHubEnterpriseAtApiV3() {
      git.on("HEAD /api/v3", 200, "X-OAuth-Scopes", "repo, admin:repo_hook");

      assertThat(run("GITHUB", git.url("/"), PAT)).isEmpty();
      assertThat(git.requests).extracting(r -> r.getMethod() + " " + r.getUrl().encodedPath())
          .containsExactly("HEAD /api/v3");
    }

    @Test
    void rejectsATokenWithoutAdminRepoHook() {
      git.on("HEAD /api/v3", 200, "X-OAuth-Scopes", "repo, read:org");

      assertThat(run("GITHUB", git.url("/api/v3"), PAT)).containsExactly(error(ID, "git.token-scopes", PASSWORD_PATH,
          "The Git Runtime token lacks the GitHub scope admin:repo_hook: it has \"repo, read:org\", and the runtime"
              + " needs repo and admin:repo_hook.",
          "Add the missing scopes to the token in GitHub (Settings, Developer settings, Personal access tokens), or"
              + " create a classic token with repo and admin:repo_hook."));
    }

    @Test
    void rejectsATokenGitHubDoesNotAccept() {
      git.on("HEAD /api/v3", 401, null, null);

      assertThat(run("GITHUB", git.url("/api/v3"), PAT)).containsExactly(error(ID, "git.token-invalid", PASSWORD_PATH,
          "GitHub Enterprise at \"" + git.url("/api/v3") + "\" did not accept the Git Runtime token (HTTP 401, no"
              + " X-OAuth-Scopes header): it is wrong, expired or revoked, or not a classic personal access token"
              + " (GitHub App tokens have no scopes).",
          "Create a classic personal access token with the scopes repo and admin:repo_hook and put it in"
              + " global.runtime.gitCredentials.password."));
    }

    @Test
    void reportsAFineGrainedTokenWithWhatToDoWithoutCallingGitHub() {
      assertThat(run("GITHUB", "https://github.com", "github_pat_11ABCDEFG0123456789_abcdef")).containsExactly(
          error(ID, "git.token-fine-grained", PASSWORD_PATH,
              "The Git Runtime token is a fine-grained GitHub token: Codefresh's validation hook cannot check"
                  + " fine-grained tokens and fails the installation.",
              "Use a classic token with the scopes repo and admin:repo_hook; or keep the fine-grained token, set"
                  + " app-proxy.config.skipGitPermissionValidation to \"true\" and installer.skipValidation=true, and"
                  + " make sure it can read and write the Shared Configuration Repository."));
      assertThat(git.requests).isEmpty();
    }

    @Test
    void trustsTheGitServerCertificateFromArgoCdsTlsCertificates() throws Exception {
      HeldCertificate ca = new HeldCertificate.Builder().commonName("Acme Git CA").certificateAuthority(0).build();
      HeldCertificate serverCertificate = new HeldCertificate.Builder().commonName("localhost")
          .addSubjectAlternativeName("localhost")
          .addSubjectAlternativeName(InetAddress.getByName("localhost").getCanonicalHostName())
          .signedBy(ca).build();
      try (GitServer secure = new GitServer(new HandshakeCertificates.Builder()
          .heldCertificate(serverCertificate, ca.certificate()).build().sslSocketFactory())) {
        secure.on("HEAD /api/v3", 200, "X-OAuth-Scopes", "repo, admin:repo_hook");
        String host = secure.server.url("/").host();

        List<Finding> untrusted = run("GITHUB", secure.url("/"), PAT);
        assertThat(untrusted).containsExactly(error(ID, "git.unreachable", "global.runtime.gitCredentials",
            "Cannot reach GitHub Enterprise at \"" + secure.url("/api/v3") + "\": its TLS certificate is not trusted"
                + " (unable to find valid certification path to requested target).",
            "Add the Git server's CA certificate under argo-cd.configs.tls.certificates."
                + host.replace(".", "\\.") + " (Codefresh's hook and Argo CD read it there)."));

        List<Finding> trusted = run("GITHUB", secure.url("/"), PAT, v -> v.withArgoCd(v.argoCd().withAdditionalValues(
            map("configs", map("tls", map("certificates", map(host, ca.certificatePem())))))));
        assertThat(trusted).isEmpty();
      }
    }
  }

  @Nested
  class GitLab {
    @Test
    void acceptsATokenThatCouldCreateAProject() {
      git.on("GET /api/v4/user", new MockResponse.Builder().code(200)
              .body("{\"id\":7,\"username\":\"jdoe\",\"bot\":false,\"state\":\"active\"}").build())
          .on("POST /api/v4/projects", new MockResponse.Builder().code(400)
              .body("{\"message\":{\"name\":[\"can't be blank\"]}}").build());

      assertThat(run("GITLAB", git.url("/api/v4"), "glpat-abcdefghijklmnop")).isEmpty();

      assertThat(git.requests).extracting(r -> r.getMethod() + " " + r.getUrl().encodedPath())
          .containsExactly("GET /api/v4/user", "POST /api/v4/projects");
      assertThat(git.requests).allSatisfy(r -> {
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer glpat-abcdefghijklmnop");
        assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
      });
    }

    @Test
    void acceptsAGroupTokenOnGitLabCom() {
      git.on("GET /api/v4/user", new MockResponse.Builder().code(200)
              .body("{\"username\":\"group_42_bot_1a2b\",\"bot\":true}").build())
          .on("POST /api/v4/projects", 400, null, null);

      assertThat(run("GITLAB", "https://gitlab.com", "glpat-abcdefghijklmnop")).isEmpty();
      assertThat(called).extracting(HttpUrl::toString)
          .containsExactly("https://gitlab.com/api/v4/user", "https://gitlab.com/api/v4/projects");
    }

    @Test
    void refusesAProjectAccessToken() {
      git.on("GET /api/v4/user", new MockResponse.Builder().code(200)
          .body("{\"username\":\"project_42_bot_1a2b\",\"bot\":true}").build());

      assertThat(run("GITLAB", git.url("/api/v4"), "glpat-abcdefghijklmnop")).containsExactly(error(ID,
          "git.token-project", PASSWORD_PATH,
          "The Git Runtime token is a GitLab project access token (bot user \"project_42_bot_1a2b\"): Codefresh"
              + " refuses project tokens.",
          "Use a personal or group access token with the api scope."));
    }

    @Test
    void rejectsATokenWithoutTheApiScope() {
      git.on("GET /api/v4/user", new MockResponse.Builder().code(200).body("{\"username\":\"jdoe\"}").build())
          .on("POST /api/v4/projects", new MockResponse.Builder().code(403)
              .body("{\"error\":\"insufficient_scope\",\"scope\":\"api\"}").build());

      assertThat(run("GITLAB", git.url("/api/v4"), "glpat-abcdefghijklmnop")).containsExactly(error(ID,
          "git.token-scopes", PASSWORD_PATH,
          "The Git Runtime token lacks GitLab's api scope: GitLab refused a test project creation with it (HTTP 403"
              + " instead of 400), and the runtime needs the api scope.",
          "Create a personal or group access token with the api scope."));
    }

    @Test
    void rejectsATokenGitLabDoesNotAccept() {
      git.on("GET /api/v4/user", new MockResponse.Builder().code(401).body("{\"message\":\"401 Unauthorized\"}").build())
          .on("POST /api/v4/projects", 401, null, null);

      assertThat(run("GITLAB", git.url("/api/v4"), "glpat-abcdefghijklmnop")).extracting(Finding::ruleId,
          Finding::message).containsExactly(org.assertj.core.groups.Tuple.tuple("git.token-invalid",
          "GitLab at \"" + git.url("/api/v4") + "\" did not accept the Git Runtime token (HTTP 401): it is wrong,"
              + " expired or revoked."));
    }

    @Test
    void reportsAnApiUrlThatIsNotGitLab() {
      git.on("GET /gitlab/user", new MockResponse.Builder().code(200).body("<html>sign in</html>").build());

      assertThat(run("GITLAB", git.url("/gitlab"), "glpat-abcdefghijklmnop")).containsExactly(error(ID,
          "git.api-error", "global.runtime.gitCredentials",
          "GitLab Server at \"" + git.url("/gitlab") + "\" answered GET /user with a body that is not JSON: the"
              + " account's Git API URL may not be a GitLab Server API.",
          "Check the account's Git provider and API URL in the Codefresh UI."));
    }
  }

  @Nested
  class Bitbucket {
    @Test
    void acceptsAnAppPasswordWithTheFourPermissionGroups() {
      git.on("HEAD /api/2.0/user", 200, "x-oauth-scopes", "webhook, team:write, account:write, repository:admin");

      assertThat(run("BITBUCKET", "https://bitbucket.org", "ATBBabcdef0123456789")).isEmpty();

      assertThat(called).extracting(HttpUrl::toString).containsExactly("https://bitbucket.org/api/2.0/user");
      assertThat(git.requests.get(0).getHeaders().get("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
          .encodeToString("git-bot:ATBBabcdef0123456789".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void namesTheMissingPermissionGroups() {
      git.on("HEAD /api/2.0/user", 200, "x-oauth-scopes", "repository:write, account");

      assertThat(run("BITBUCKET", "https://bitbucket.org", "ATBBabcdef0123456789")).containsExactly(error(ID,
          "git.token-scopes", PASSWORD_PATH,
          "The Git Runtime token lacks the Bitbucket Cloud permissions repository:admin, account:read, workspace"
              + " membership:write (team:write), webhook:read and write: it has \"repository:write, account\", and the"
              + " runtime needs repository:admin, account:read, workspace membership:write (team:write) and"
              + " webhook:read and write.",
          "Create an app password or API token with those permissions."));
    }

    @Test
    void rejectsCredentialsBitbucketDoesNotAccept() {
      git.on("HEAD /api/2.0/user", 401, null, null);

      assertThat(run("BITBUCKET", "https://bitbucket.org", "ATBBabcdef0123456789")).containsExactly(error(ID,
          "git.token-invalid", PASSWORD_PATH,
          "Bitbucket Cloud did not accept user \"git-bot\" with the Git Runtime token (HTTP 401, no x-oauth-scopes"
              + " header): the user name or the token is wrong, or the token has expired.",
          "Check global.runtime.gitCredentials.username (your Bitbucket user name, not your e-mail) and the token."));
    }

    @Test
    void rejectsAnAccountApiUrlOffBitbucketOrg() {
      assertThat(run("BITBUCKET", "https://api.bitbucket.org/2.0", "ATBBabcdef0123456789")).containsExactly(error(ID,
          "git.api-url", "global.runtime.gitCredentials",
          "The account's Git API URL in Codefresh does not work: \"https://api.bitbucket.org/2.0\" is not a usable"
              + " Bitbucket Cloud API URL: Bitbucket Cloud is on bitbucket.org, and Codefresh's validation hook"
              + " rejects any other host for it.",
          "Correct the account's Git provider settings in the Codefresh UI. Use \"https://bitbucket.org\", or"
              + " choose Bitbucket Data Center for an on-premises server."));
      assertThat(git.requests).isEmpty();
    }
  }

  @Nested
  class BitbucketDataCenter {
    @Test
    void acceptsAProjectAdminToken() throws Exception {
      git.on("HEAD /rest/api/1.0/application-properties", 200, "X-AUSERNAME", "jdoe")
          .on("POST /rest/api/1.0/users/jdoe/repos", new MockResponse.Builder().code(400)
              .body("{\"errors\":[{\"context\":\"name\",\"message\":\"Repository names may only contain...\"}]}")
              .build());

      assertThat(run("BITBUCKET_SERVER", git.url("/"), "BBDC-abcdef0123456789")).isEmpty();

      assertThat(git.requests).extracting(r -> r.getMethod() + " " + r.getUrl().encodedPath())
          .containsExactly("HEAD /rest/api/1.0/application-properties", "POST /rest/api/1.0/users/jdoe/repos");
      assertThat(git.requests.get(1).getBody().utf8()).isEqualTo("{\"name\":\"!invalid\"}");
      assertThat(git.requests.get(1).getHeaders().get("Authorization")).isEqualTo("Bearer BBDC-abcdef0123456789");
    }

    @Test
    void rejectsATokenWithoutAUser() {
      git.on("HEAD /rest/api/1.0/application-properties", 200, null, null);

      assertThat(run("BITBUCKET_SERVER", git.url("/"), "BBDC-abcdef0123456789")).extracting(Finding::ruleId,
          Finding::message).containsExactly(org.assertj.core.groups.Tuple.tuple("git.token-invalid",
          "Bitbucket Data Center at \"" + git.url("/rest/api/1.0") + "\" did not accept the Git Runtime token (HTTP"
              + " 200, no X-AUSERNAME header): it is wrong, expired or revoked."));
    }

    @Test
    void rejectsATokenWithoutProjectAdmin() {
      git.on("HEAD /rest/api/1.0/application-properties", 200, "X-AUSERNAME", "jdoe")
          .on("POST /rest/api/1.0/users/jdoe/repos", 403, null, null);

      assertThat(run("BITBUCKET_SERVER", git.url("/"), "BBDC-abcdef0123456789")).containsExactly(error(ID,
          "git.token-scopes", PASSWORD_PATH,
          "The Git Runtime token of user \"jdoe\" lacks the Project admin permission on Bitbucket Data Center: a test"
              + " repository creation with it was refused (HTTP 403 instead of 400).",
          "Use an HTTP access token with Project admin permission."));
    }
  }

  @Nested
  class Account {
    @Test
    void rejectsAProviderCodefreshsHookDoesNotSupport() {
      assertThat(run("GERRIT", "https://gerrit.example.com", PAT)).containsExactly(error(ID,
          "git.provider-unsupported", "global.runtime.gitCredentials",
          "Account \"acme\" uses Git provider \"GERRIT\", which Codefresh's validation hook does not support (it knows"
              + " GitHub, GitLab, Bitbucket Cloud and Bitbucket Data Center): the hook fails the installation"
              + " whenever Git credentials are given.",
          "Install without global.runtime.gitCredentials and add the Git Runtime token in the Codefresh UI"
              + " afterwards, or set installer.skipValidation=true."));
    }

    @Test
    void skipsWhenTheAccountHasNoGitProviderYet() {
      assertThat(run(null, null, PAT)).containsExactly(info(ID, "git.skipped", "global.runtime.gitCredentials",
          "The Git token check was skipped: account \"acme\" has no Git provider yet. It is set with the Shared"
              + " Configuration Repository when the account's first runtime is installed, and Codefresh's hook skips"
              + " the check too.", ""));
      assertThat(git.requests).isEmpty();
    }

    @Test
    void reportsAGitServerThatRefusesTheConnection() {
      String url = git.url("/api/v3");
      git.close();

      List<Finding> findings = run("GITHUB", url, PAT);

      assertThat(findings).extracting(Finding::ruleId).containsExactly("git.unreachable");
      assertThat(findings.get(0).message()).startsWith("Cannot reach GitHub Enterprise at \"" + url + "\": the"
          + " connection was refused or could not be opened (");
    }
  }

  @Nested
  class Skipped {
    @Test
    void doesNothingWithoutAGitPassword() {
      assertThat(validator.validate(Fixtures.context(v -> v))).isEmpty();
    }

    @Test
    void saysWhatTheTokenStillNeedsWhenTheScopeCheckIsSwitchedOff() {
      assertThat(run("GITHUB", "https://github.com", PAT, v -> v.withAppProxy(v.appProxy().withConfig(
          v.appProxy().config().withSkipGitPermissionValidation(true))))).containsExactly(info(ID, "git.skipped",
          "app-proxy.config.skipGitPermissionValidation",
          "The Git token's scopes were not checked: app-proxy.config.skipGitPermissionValidation is \"true\".",
          "Make sure the Git Runtime token can read and write the Shared Configuration Repository, and that each Git"
              + " user token can read and write the repositories it is used with. Codefresh's validation hook (cf helm"
              + " validate 0.2) does not read this flag and still checks the token; if it rejects the token, also set"
              + " installer.skipValidation=true."));
      assertThat(platform.requests).isEmpty();
    }

    @Test
    void skipsWithTheInstallerFlagAndOffline() {
      assertThat(run("GITHUB", "https://github.com", PAT, v -> v.withInstaller(v.installer().withSkipValidation(true))))
          .containsExactly(info(ID, "git.skipped", "installer.skipValidation",
              "The Git token check was skipped: installer.skipValidation is true.",
              "Remove installer.skipValidation to have the token checked."));
      assertThat(validator.validate(Fixtures.context(installation(PAT, v -> v)).withOffline(true)))
          .extracting(Finding::message).containsExactly("The Git token check was skipped: validation runs offline.");
      assertThat(platform.requests).isEmpty();
    }

    @Test
    void skipsWhenThePlatformCannotTellTheProvider() {
      platform.respond("Me", new MockResponse.Builder().code(401).build());

      assertThat(validator.validate(Fixtures.context(installation(PAT, v -> v)))).containsExactly(info(ID,
          "git.skipped", "global.codefresh.userToken",
          "The Git token check was skipped: only the Codefresh platform knows the account's Git provider and API URL,"
              + " and it cannot be asked (see the platform check's findings).",
          "Fix the Codefresh API key and platform settings first."));
    }

    @Test
    void skipsWithAnEmptyUsername() {
      assertThat(run("GITHUB", "https://github.com", PAT, v -> runtime(v, r -> r.withGitCredentials(
          r.gitCredentials().withUsername(java.util.Optional.empty())
              .withAdditionalValues(Map.of("username", ""))))))
          .extracting(Finding::path, Finding::message).containsExactly(org.assertj.core.groups.Tuple.tuple(
              "global.runtime.gitCredentials.username",
              "The Git token check was skipped: the Git username is empty (see git-credentials.username)."));
    }

    @Test
    void warnsThatAPasswordSecretWithALineBreakWouldBeSentAsItIs() {
      UnaryOperator<GitOpsRuntimeValues> inSecret = v -> runtime(v, r -> r.withGitCredentials(
          r.gitCredentials().withPassword(GitPasswordValues.of(SecretValue.fromSecret("git-runtime-token", "token")))));
      platform.respond("Me", PlatformServer.me(true, false, "GITHUB", git.url("/api/v3")));
      git.on("HEAD /api/v3", 200, "X-OAuth-Scopes", "repo, admin:repo_hook");
      try (Cluster cluster = new Cluster().secret("codefresh", "git-runtime-token", "token", PAT + "\n")) {
        assertThat(validator.validate(ValidationContext.builder(installation(PAT, inSecret))
            .service(KubernetesClient.class, cluster.client).build())).containsExactly(Fixtures.warning(ID,
            "git-credentials.whitespace", "global.runtime.gitCredentials.password.secretKeyRef",
            "The Git password in Secret \"git-runtime-token\" ends or starts with whitespace or a line break:"
                + " Codefresh's validation hook and the runtime send it as it is, and it is rejected. This check used it"
                + " without the whitespace.",
            "Store it without the line break, for example with kubectl create secret generic git-runtime-token"
                + " --from-literal=<key>=<value> instead of --from-file."));
      }
      assertThat(git.requests).extracting(r -> r.getHeaders().get("Authorization")).containsExactly("token " + PAT);
    }

    @Test
    void readsThePasswordFromItsSecretOrSaysWhyNot() {
      UnaryOperator<GitOpsRuntimeValues> inSecret = v -> runtime(v, r -> r.withGitCredentials(
          r.gitCredentials().withPassword(GitPasswordValues.of(SecretValue.fromSecret("git-runtime-token", "token")))));
      platform.respond("Me", PlatformServer.me(true, false, "GITHUB", git.url("/api/v3")));
      git.on("HEAD /api/v3", 200, "X-OAuth-Scopes", "repo, admin:repo_hook");

      assertThat(validator.validate(Fixtures.context(installation(PAT, inSecret)))).extracting(Finding::path,
          Finding::remediation).containsExactly(org.assertj.core.groups.Tuple.tuple(
              "global.runtime.gitCredentials.password.secretKeyRef",
              "Attach a Kubernetes client: ValidationContext.builder(installation).service(KubernetesClient.class,"
                  + " client)."));
      try (Cluster cluster = new Cluster()) {
        assertThat(validator.validate(ValidationContext.builder(installation(PAT, inSecret))
            .service(KubernetesClient.class, cluster.client).build())).containsExactly(info(ID,
            "git-credentials.secret", "global.runtime.gitCredentials.password.secretKeyRef",
            "The Git token check was skipped: the Git password cannot be read (Secret \"git-runtime-token\" does not"
                + " exist in namespace \"codefresh\"). The cluster check cluster.secret-ref reports the reference with"
                + " its fix.", ""));
        cluster.secret("codefresh", "git-runtime-token", "token", PAT);
        assertThat(validator.validate(ValidationContext.builder(installation(PAT, inSecret))
            .service(KubernetesClient.class, cluster.client).build())).isEmpty();
      }
      assertThat(git.requests).extracting(r -> r.getHeaders().get("Authorization")).containsExactly("token " + PAT);
    }
  }
}
