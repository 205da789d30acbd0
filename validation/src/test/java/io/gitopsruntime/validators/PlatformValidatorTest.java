package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.codefresh;
import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.info;
import static io.gitopsruntime.validators.Fixtures.warning;
import static io.gitopsruntime.validators.PlatformServer.ME;
import static io.gitopsruntime.validators.PlatformServer.NO_RUNTIME;
import static io.gitopsruntime.validators.PlatformServer.RUNTIME;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.values.CaCertSecretValues;
import io.gitopsruntime.values.CaCertsValues;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.SecretKeyRef;
import io.gitopsruntime.values.SecretValue;
import io.gitopsruntime.values.UserTokenValues;
import java.net.InetAddress;
import java.util.List;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlatformValidatorTest {
  private static final String ID = PlatformValidator.ID;
  private static final String TOKEN = "628a80b693a15c0f9c13ab75.0a1b2c3d4e5f60718293a4b5c6d7e8f9";
  private static final String RUNTIME_TOKEN = "rt-0a1b2c3d4e5f6071";

  private final PlatformValidator validator = new PlatformValidator();
  private final PlatformServer platform = new PlatformServer();

  @AfterEach
  void stop() {
    platform.close();
  }

  private static RuntimeInstallation installation(String url, UnaryOperator<GitOpsRuntimeValues> edit) {
    return Fixtures.tunnel(v -> edit.apply(
        codefresh(v, c -> c.withUrl(url).withUserToken(UserTokenValues.of(SecretValue.of(TOKEN))))));
  }

  private List<Finding> run(UnaryOperator<GitOpsRuntimeValues> edit) {
    return validator.validate(Fixtures.context(installation(platform.url(), edit)));
  }

  private List<Finding> run(KubernetesClient cluster, UnaryOperator<GitOpsRuntimeValues> edit) {
    return validator.validate(ValidationContext.builder(installation(platform.url(), edit))
        .service(KubernetesClient.class, cluster).build());
  }

  private String at() {
    return "\"" + platform.url() + "\"";
  }

  private static UnaryOperator<GitOpsRuntimeValues> tokenInSecret() {
    return v -> codefresh(v, c -> c.withUserToken(UserTokenValues.of(SecretValue.fromSecret("cf-api-key", "token"))));
  }

  @Nested
  class Valid {
    @Test
    void sendsMeAndGetRuntimeAsCodefreshsCliDoesAndPasses() throws Exception {
      platform.respond("Me", ME).respond("GetRuntime", NO_RUNTIME);

      assertThat(run(v -> v)).isEmpty();

      assertThat(platform.operations()).containsExactly("Me", "GetRuntime");
      RecordedRequest me = platform.requests.get(0);
      assertThat(me.getMethod()).isEqualTo("POST");
      assertThat(me.getUrl().encodedPath()).isEqualTo("/2.0/api/graphql");
      assertThat(me.getHeaders().get("Authorization")).isEqualTo(TOKEN);
      assertThat(me.getHeaders().get("Content-Type")).isEqualTo("application/json");
      assertThat(me.getHeaders().get("origin")).isEqualTo(platform.server.getHostName());
      assertThat(PlatformServer.body(me).path("query").asText()).isEqualTo("query Me { me { id name email isAdmin"
          + " accounts { id name } activeAccount { id name gitProvider gitApiUrl sharedConfigRepo admins features {"
          + " gitopsPlanEnforcement } } } }");
      assertThat(PlatformServer.body(me).path("variables").toString()).isEqualTo("{}");
      RecordedRequest getRuntime = platform.requests.get(1);
      assertThat(PlatformServer.body(getRuntime).path("query").asText()).isEqualTo("query GetRuntime($name: String!)"
          + " { runtime(name: $name) { metadata { name namespace } self { syncStatus healthMessage healthStatus }"
          + " syncStatus healthStatus healthMessage cluster managed isRemoteClusterConnected ingressHost"
          + " internalIngressHost ingressClass ingressController runtimeVersion installationStatus installationType"
          + " repo managedClustersNum gitProvider accessMode } }");
      assertThat(PlatformServer.body(getRuntime).path("variables").toString()).isEqualTo("{\"name\":\"prod-eu\"}");
    }

    @Test
    void treatsADoesNotExistErrorAsAFreeName() {
      platform.respond("Me", ME).respond("GetRuntime",
          "{\"errors\":[{\"message\":\"runtime 'prod-eu' does not exist\"}],\"data\":{\"runtime\":null}}");

      assertThat(run(v -> v)).isEmpty();
    }

    @Test
    void readsTheApiKeyFromItsSecretThroughTheCluster() {
      platform.respond("Me", ME).respond("GetRuntime", NO_RUNTIME);
      try (Cluster cluster = new Cluster().secret("codefresh", "cf-api-key", "token", TOKEN)) {
        assertThat(run(cluster.client, tokenInSecret())).isEmpty();
      }
      assertThat(platform.requests.get(0).getHeaders().get("Authorization")).isEqualTo(TOKEN);
    }

    @Test
    void checksThePlanUsageWhenTheAccountsPlanIsEnforced() {
      platform.respond("Me", PlatformServer.me(true, true, null, null)).respond("GetRuntime", NO_RUNTIME)
          .respond("LimitsStatus", PlatformServer.limits(2L, 3L));

      assertThat(run(v -> v)).isEmpty();

      assertThat(platform.operations()).containsExactly("Me", "GetRuntime", "LimitsStatus");
      assertThat(PlatformServer.body(platform.requests.get(2)).path("query").asText()).isEqualTo("query LimitsStatus"
          + " { limitsStatus { usage { clusters applications } limits { clusters applications } status } }");
    }

    @Test
    void passesAPlanWithoutLimits() {
      platform.respond("Me", PlatformServer.me(true, true, null, null)).respond("GetRuntime", NO_RUNTIME)
          .respond("LimitsStatus", "{\"data\":{\"limitsStatus\":{\"usage\":{\"clusters\":9,\"applications\":1},"
              + "\"limits\":null,\"status\":\"ACTIVE\"}}}");

      assertThat(run(v -> v)).isEmpty();
    }

    @Test
    void checksAnUpgradeWithTheRuntimeTokenOnly() {
      platform.respond("GetRuntime", RUNTIME);
      try (Cluster cluster = new Cluster().secret("codefresh", "codefresh-token", "token", RUNTIME_TOKEN)) {
        assertThat(run(cluster.client, v -> v)).containsExactly(info(ID, "platform.upgrade", "namespace",
            "Namespace \"codefresh\" holds a codefresh-token Secret, so this is an upgrade of runtime \"prod-eu\": the"
                + " platform knows the runtime, and, like Codefresh's hook, the API key, account, name and plan usage"
                + " checks of a new installation were not run.", ""));
      }
      assertThat(platform.operations()).containsExactly("GetRuntime");
      assertThat(platform.requests.get(0).getHeaders().get("Authorization")).isEqualTo(RUNTIME_TOKEN);
    }

    @Test
    void usesTheAttachedHttpClient() {
      platform.respond("Me", ME).respond("GetRuntime", NO_RUNTIME);
      OkHttpClient attached = new OkHttpClient.Builder()
          .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("X-Client", "attached").build()))
          .build();

      List<Finding> findings = validator.validate(ValidationContext.builder(installation(platform.url(), v -> v))
          .service(OkHttpClient.class, attached).build());

      assertThat(findings).isEmpty();
      assertThat(platform.requests).allMatch(r -> "attached".equals(r.getHeaders().get("X-Client")));
      assertThat(attached.dispatcher().executorService().isShutdown()).isFalse();
    }
  }

  @Nested
  class Invalid {
    @Test
    void reportsARejectedApiKeyWithoutQuotingIt() {
      platform.respond("Me", new MockResponse.Builder().code(401).body(PlatformServer.UNAUTHORIZED).build());

      assertThat(run(v -> v)).containsExactly(error(ID, "platform.token-invalid", "global.codefresh.userToken",
          "The platform at " + at() + " rejected the Codefresh API key (HTTP 401: {\"status\":401,\"code\":\"1001\","
              + "\"name\":\"UNAUTHORIZED_ERROR\",\"message\":\"Unauthorized: Invalid token\",\"context\":{}}): the key"
              + " is wrong, expired or revoked.",
          "Create a new API key in Codefresh (User Settings, API Keys) and put it where global.codefresh.userToken"
              + " points."));
    }

    @Test
    void reportsEveryIdentityProblemAtOnce() {
      platform.respond("Me", PlatformServer.me(false, false, null, null)).respond("GetRuntime", RUNTIME);

      List<Finding> findings = run(v -> codefresh(v, c -> c.withAccountId("5f0e1d2c3b4a596877665544")));

      assertThat(findings).containsExactly(
          error(ID, "platform.admin", "global.codefresh.userToken",
              "User \"jdoe\" of the Codefresh API key is not an administrator of account \"acme\": only account"
                  + " administrators can install a runtime.",
              "Use an API key of an administrator of \"acme\", or ask one to make you an administrator."),
          error(ID, "platform.account-id", "global.codefresh.accountId",
              "\"5f0e1d2c3b4a596877665544\" is not the account of the Codefresh API key: the key belongs to account"
                  + " \"acme\" (ID \"628a80b693a15c0f9c13ab75\").",
              "Set global.codefresh.accountId to \"628a80b693a15c0f9c13ab75\", or use an API key of account"
                  + " \"5f0e1d2c3b4a596877665544\"."),
          warning(ID, "platform.runtime-exists", "global.runtime.name",
              "A runtime named \"prod-eu\" already exists in account \"acme\" (namespace \"codefresh\" on cluster"
                  + " \"https://kubernetes.default.svc\"): runtime names are unique in an account, and Codefresh's"
                  + " validation hook fails a new installation with this name. Without a Kubernetes client this check"
                  + " cannot tell an upgrade of that runtime from a new installation.",
              "For a new installation choose another global.runtime.name; for an upgrade, attach a Kubernetes client"
                  + " so that the runtime's codefresh-token Secret is found."));
    }

    @Test
    void rejectsATakenNameWhenTheClusterShowsANewInstallation() {
      platform.respond("Me", ME).respond("GetRuntime", RUNTIME);
      try (Cluster cluster = new Cluster()) {
        assertThat(run(cluster.client, v -> v)).containsExactly(error(ID, "platform.runtime-exists",
            "global.runtime.name",
            "A runtime named \"prod-eu\" already exists in account \"acme\" (namespace \"codefresh\" on cluster"
                + " \"https://kubernetes.default.svc\"): runtime names are unique in an account, and Codefresh's"
                + " validation hook fails a new installation with this name.",
            "Choose another global.runtime.name, or uninstall the existing runtime first; to upgrade it, install into"
                + " the cluster and namespace where it runs."));
      }
    }

    @Test
    void tellsTheAccountIdWhenTheValuesGiveNone() {
      platform.respond("Me", ME).respond("GetRuntime", NO_RUNTIME);

      assertThat(run(v -> codefresh(v, c -> c.withAccountId(java.util.Optional.empty())))).containsExactly(
          info(ID, "platform.account-id", "global.codefresh.accountId",
              "The Codefresh API key belongs to account \"acme\" (ID \"628a80b693a15c0f9c13ab75\").",
              "Set global.codefresh.accountId to \"628a80b693a15c0f9c13ab75\" where the chart needs it (see"
                  + " account-id.missing)."));
    }

    @Test
    void rejectsAnUpgradeWhoseRuntimeIsGone() {
      platform.respond("GetRuntime", NO_RUNTIME);
      try (Cluster cluster = new Cluster().secret("codefresh", "codefresh-token", "token", RUNTIME_TOKEN)) {
        assertThat(run(cluster.client, v -> v)).containsExactly(error(ID, "platform.runtime-missing",
            "global.runtime.name",
            "Namespace \"codefresh\" holds a codefresh-token Secret, so this is an upgrade, but the platform has no"
                + " runtime named \"prod-eu\" for that token: Codefresh's validation hook fails.",
            "For a new installation, delete the leftover Secret (kubectl delete secret codefresh-token -n"
                + " codefresh); for an upgrade, set global.runtime.name to the runtime's current name."));
      }
    }

    @Test
    void reportsARejectedRuntimeToken() {
      platform.respond("GetRuntime", new MockResponse.Builder().code(401).build());
      try (Cluster cluster = new Cluster().secret("codefresh", "codefresh-token", "token", RUNTIME_TOKEN)) {
        assertThat(run(cluster.client, v -> v)).containsExactly(error(ID, "platform.token-invalid", "namespace",
            "The platform at " + at() + " rejected the runtime token in Secret \"codefresh-token\" of namespace"
                + " \"codefresh\" (HTTP 401): the runtime it belonged to may have been deleted.",
            "For a new installation, delete the leftover Secret (kubectl delete secret codefresh-token -n"
                + " codefresh); for an upgrade, check the runtime in the Codefresh UI."));
      }
    }

    @Test
    void rejectsAReachedAndAnExceededClusterLimit() {
      platform.respond("Me", PlatformServer.me(true, true, null, null)).respond("GetRuntime", NO_RUNTIME)
          .respond("LimitsStatus", PlatformServer.limits(3L, 3L));

      assertThat(run(v -> v)).containsExactly(error(ID, "platform.usage", "installer.skipUsageValidation",
          "Account \"acme\" has reached its plan's limit of 3 clusters (it uses 3): the chart's validate-usage hook"
              + " fails a new installation.",
          "Remove a runtime or cluster you no longer need, or upgrade the plan."));

      platform.respond("LimitsStatus", PlatformServer.limits(5L, 3L));
      assertThat(run(v -> v)).extracting(Finding::message).containsExactly("Account \"acme\" has exceeded its"
          + " plan's limit of 3 clusters (it uses 5): the chart's validate-usage hook fails a new installation.");
    }

    @Test
    void rejectsALimitWithoutUsage() {
      platform.respond("Me", PlatformServer.me(true, true, null, null)).respond("GetRuntime", NO_RUNTIME)
          .respond("LimitsStatus", PlatformServer.limits(null, 3L));

      assertThat(run(v -> v)).containsExactly(error(ID, "platform.usage", "installer.skipUsageValidation",
          "The platform reports a cluster limit for account \"acme\" but no cluster usage: the chart's validate-usage"
              + " hook fails with \"clusters usage is missing\".",
          "Retry later or ask Codefresh support; installer.skipUsageValidation=true skips the hook."));
    }

    @Test
    void reportsGraphqlErrors() {
      platform.respond("Me", ME).respond("GetRuntime",
          "{\"errors\":[{\"message\":\"Internal error\"},{\"message\":\"try again\"}],\"data\":null}");

      assertThat(run(v -> v)).containsExactly(error(ID, "platform.api-error", "global.codefresh.url",
          "The platform at " + at() + " failed the GetRuntime query (Internal error; try again).",
          "Check that global.codefresh.url is the Codefresh platform and that it is up, then retry."));
    }

    @Test
    void reportsAServerErrorThatEchoesTheKeyWithTheKeyMasked() {
      platform.respond("Me", new MockResponse.Builder().code(502)
          .body("<html>bad gateway for Authorization: " + TOKEN + "</html>").build());

      assertThat(run(v -> v)).containsExactly(error(ID, "platform.api-error", "global.codefresh.url",
          "The platform at " + at() + " failed the Me query (HTTP 502: <html>bad gateway for Authorization:"
              + " ****</html>).",
          "Check that global.codefresh.url is the Codefresh platform and that it is up, then retry."));
    }

    @Test
    void reportsAResponseThatIsNotJson() {
      platform.respond("Me", "<html>login</html>");

      assertThat(run(v -> v)).extracting(Finding::message).containsExactly(
          "The platform at " + at() + " failed the Me query (Me: the response is not JSON).");
    }

    @Test
    void reportsAMissingApiKeySecret() {
      try (Cluster cluster = new Cluster()) {
        assertThat(run(cluster.client, tokenInSecret())).containsExactly(info(ID, "user-token.secret",
            "global.codefresh.userToken.secretKeyRef",
            "The platform check was skipped: the Codefresh API key cannot be read (Secret \"cf-api-key\" does not"
                + " exist in namespace \"codefresh\"). The cluster check cluster.secret-ref reports the reference with"
                + " its fix.", ""));
      }
      assertThat(platform.requests).isEmpty();
    }

    @Test
    void reportsAnApiKeySecretWithoutTheKeyAndOneWithALineBreak() {
      try (Cluster cluster = new Cluster().secret("codefresh", "cf-api-key", "api-key", TOKEN)) {
        assertThat(run(cluster.client, tokenInSecret())).extracting(Finding::message, Finding::remediation)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(
                "The platform check was skipped: the Codefresh API key cannot be read (Secret \"cf-api-key\" in"
                    + " namespace \"codefresh\" has no key \"token\"). The cluster check cluster.secret-ref reports the"
                    + " reference with its fix.",
                ""));
      }
      platform.respond("Me", ME).respond("GetRuntime", NO_RUNTIME);
      try (Cluster cluster = new Cluster().secret("codefresh", "cf-api-key", "token", TOKEN + "\n")) {
        assertThat(run(cluster.client, tokenInSecret())).containsExactly(warning(ID, "user-token.whitespace",
            "global.codefresh.userToken.secretKeyRef",
            "The Codefresh API key in Secret \"cf-api-key\" ends or starts with whitespace or a line break: Codefresh's"
                + " validation hook and the runtime send it as it is, and it is rejected. This check used it without"
                + " the whitespace.",
            "Store it without the line break, for example with kubectl create secret generic cf-api-key"
                + " --from-literal=<key>=<value> instead of --from-file."));
      }
    }
  }

  @Nested
  class Reachability {
    @Test
    void reportsAPlatformThatDoesNotResolve() {
      List<Finding> findings = validator.validate(Fixtures.context(installation("https://platform.invalid", v -> v)));

      assertThat(findings).containsExactly(error(ID, "platform.unreachable", "global.codefresh.url",
          "Cannot reach the Codefresh platform at \"https://platform.invalid\": the host name \"platform.invalid\" does"
              + " not resolve (DNS lookup failed).",
          "Check global.codefresh.url and this machine's DNS; if the platform is reachable only through a proxy, set"
              + " the JVM's proxy (https.proxyHost, https.proxyPort) for this check."));
    }

    @Test
    void reportsAPlatformThatRefusesTheConnection() {
      String url = platform.url();
      platform.close();

      List<Finding> findings = validator.validate(Fixtures.context(installation(url, v -> v)));

      assertThat(findings).hasSize(1);
      assertThat(findings.get(0).ruleId()).isEqualTo("platform.unreachable");
      assertThat(findings.get(0).message()).startsWith("Cannot reach the Codefresh platform at \"" + url + "\": the"
          + " connection was refused or could not be opened (");
      assertThat(findings.get(0).remediation()).isEqualTo("Check that the platform is up and that no firewall or"
          + " proxy blocks this machine, then retry.");
    }
  }

  @Nested
  class CustomCa {
    private final HeldCertificate ca = new HeldCertificate.Builder().commonName("Acme Root CA")
        .certificateAuthority(0).build();

    private PlatformServer https() throws Exception {
      HeldCertificate serverCertificate = new HeldCertificate.Builder().commonName("localhost")
          .addSubjectAlternativeName("localhost")
          .addSubjectAlternativeName(InetAddress.getByName("localhost").getCanonicalHostName())
          .addSubjectAlternativeName("127.0.0.1")
          .signedBy(ca).build();
      HandshakeCertificates server = new HandshakeCertificates.Builder()
          .heldCertificate(serverCertificate, ca.certificate()).build();
      return new PlatformServer(server.sslSocketFactory()).respond("Me", ME).respond("GetRuntime", NO_RUNTIME);
    }

    @Test
    void failsOnAPrivateCaThatTheValuesDoNotGive() throws Exception {
      try (PlatformServer secure = https()) {
        List<Finding> findings = validator.validate(Fixtures.context(installation(secure.url(), v -> v)));

        assertThat(findings).containsExactly(error(ID, "platform.unreachable", "global.codefresh.url",
            "Cannot reach the Codefresh platform at \"" + secure.url() + "\": its TLS certificate is not trusted"
                + " (unable to find valid certification path to requested target).",
            "If the platform uses a private CA, give it in global.codefresh.tls.caCerts (secret.content, or a Secret"
                + " named by secretKeyRef and a Kubernetes client to read it)."));
      }
    }

    @Test
    void trustsThePemGivenInTheValues() throws Exception {
      try (PlatformServer secure = https()) {
        List<Finding> findings = validator.validate(Fixtures.context(installation(secure.url(),
            v -> codefresh(v, c -> c.withTls(c.tls().withCaCerts(CaCertsValues.builder().secret(
                CaCertSecretValues.builder().create(true).content(SecretValue.of(ca.certificatePem())).build())
                .build()))))));

        assertThat(findings).isEmpty();
        assertThat(secure.operations()).containsExactly("Me", "GetRuntime");
        assertThat(secure.requests.get(0).getHandshake()).isNotNull();
      }
    }

    @Test
    void trustsTheCaSecretReadThroughTheCluster() throws Exception {
      try (PlatformServer secure = https();
          Cluster cluster = new Cluster().secret("codefresh", "codefresh-ca", "ca.crt", ca.certificatePem())) {
        List<Finding> findings = validator.validate(ValidationContext.builder(installation(secure.url(),
            v -> codefresh(v, c -> c.withTls(c.tls().withCaCerts(CaCertsValues.builder()
                .secretKeyRef(SecretKeyRef.of("codefresh-ca", "ca.crt")).build())))))
            .service(KubernetesClient.class, cluster.client).build());

        assertThat(findings).isEmpty();
      }
    }

    @Test
    void reportsACaSecretThatIsMissingOrHoldsNoPem() {
      UnaryOperator<GitOpsRuntimeValues> caInSecret = v -> codefresh(v, c -> c.withTls(c.tls().withCaCerts(
          CaCertsValues.builder().secretKeyRef(SecretKeyRef.of("codefresh-ca", "ca.crt")).build())));
      try (Cluster cluster = new Cluster()) {
        assertThat(run(cluster.client, caInSecret)).containsExactly(info(ID, "platform-ca.secret",
            "global.codefresh.tls.caCerts.secretKeyRef",
            "The platform check was skipped: the platform CA bundle cannot be read (Secret \"codefresh-ca\" does not"
                + " exist in namespace \"codefresh\"). The cluster check cluster.secret-ref reports the reference with"
                + " its fix.", ""));
        cluster.secret("codefresh", "codefresh-ca", "ca.crt", "not a certificate");
        assertThat(run(cluster.client, caInSecret)).containsExactly(error(ID, "platform-ca.secret",
            "global.codefresh.tls.caCerts.secretKeyRef",
            "The platform CA bundle in Secret \"codefresh-ca\" is not PEM: it has no \"-----BEGIN CERTIFICATE-----\""
                + " line; the runtime cannot trust the platform with it.",
            "Put the CA certificates in PEM form into the Secret."));
      }
      assertThat(platform.requests).isEmpty();
    }

    @Test
    void skipsWhenTheCaIsInASecretAndNoClusterIsGiven() {
      List<Finding> findings = run(v -> codefresh(v, c -> c.withTls(c.tls().withCaCerts(CaCertsValues.builder()
          .secretKeyRef(SecretKeyRef.of("codefresh-ca", "ca.crt")).build()))));

      assertThat(findings).containsExactly(info(ID, "platform.skipped", "global.codefresh.tls.caCerts.secretKeyRef",
          "The Codefresh platform check was skipped: the platform's CA is in a Secret, and no Kubernetes client was"
              + " given to read it; without it the TLS handshake would fail.",
          "Attach a Kubernetes client: ValidationContext.builder(installation).service(KubernetesClient.class,"
              + " client)."));
      assertThat(platform.requests).isEmpty();
    }
  }

  @Nested
  class Skipped {
    @Test
    void skipsEverythingWithBothInstallerFlags() {
      List<Finding> findings = run(v -> v.withInstaller(v.installer().withSkipValidation(true)
          .withSkipUsageValidation(true)));

      assertThat(findings).containsExactly(info(ID, "platform.skipped", "installer.skipValidation",
          "The Codefresh platform check was skipped: installer.skipValidation and installer.skipUsageValidation are"
              + " true.",
          "Remove them to have the API key, account, runtime name and plan usage checked."));
      assertThat(platform.requests).isEmpty();
    }

    @Test
    void keepsTheUsageCheckWhenOnlyTheValidationHookIsSkipped() {
      platform.respond("Me", PlatformServer.me(false, true, null, null))
          .respond("LimitsStatus", PlatformServer.limits(3L, 3L));

      List<Finding> findings = run(v -> v.withInstaller(v.installer().withSkipValidation(true)));

      assertThat(findings).extracting(Finding::ruleId).containsExactly("platform.skipped", "platform.usage");
      assertThat(findings.get(0)).isEqualTo(info(ID, "platform.skipped", "installer.skipValidation",
          "The API key, account and runtime name checks were skipped: installer.skipValidation is true. The plan"
              + " usage check still runs, as the chart's validate-usage hook does.",
          "Remove installer.skipValidation to have them checked."));
      assertThat(platform.operations()).containsExactly("Me", "LimitsStatus");
    }

    @Test
    void notesASkippedUsageCheck() {
      platform.respond("Me", PlatformServer.me(true, true, null, null)).respond("GetRuntime", NO_RUNTIME);

      assertThat(run(v -> v.withInstaller(v.installer().withSkipUsageValidation(true)))).containsExactly(
          info(ID, "platform.usage", "installer.skipUsageValidation",
              "The plan usage check was skipped: installer.skipUsageValidation is true.", ""));
      assertThat(platform.operations()).containsExactly("Me", "GetRuntime");
    }

    @Test
    void skipsOfflineAndOnABadUrl() {
      assertThat(validator.validate(Fixtures.context(installation(platform.url(), v -> v)).withOffline(true)))
          .containsExactly(info(ID, "platform.skipped", "", "The Codefresh platform check was skipped: validation runs"
              + " offline.", "Run online to check the API key, account and runtime name."));
      assertThat(validator.validate(Fixtures.context(installation("g.codefresh.io", v -> v))))
          .extracting(Finding::message).containsExactly("The Codefresh platform check was skipped:"
              + " global.codefresh.url is not a usable URL (see platform-url.format).");
      assertThat(platform.requests).isEmpty();
    }

    @Test
    void skipsWithoutAUsableApiKey() {
      assertThat(run(v -> codefresh(v, c -> c.withUserToken(UserTokenValues.builder().build()))))
          .extracting(Finding::ruleId, Finding::path, Finding::message).containsExactly(
              org.assertj.core.groups.Tuple.tuple("platform.skipped", "global.codefresh.userToken",
                  "The Codefresh platform check was skipped: no usable Codefresh API key is given (see"
                      + " user-token.missing and user-token.incomplete-ref)."));
      assertThat(run(v -> codefresh(v, c -> c.withUserToken(UserTokenValues.of(SecretValue.of("tok\n1"))))))
          .extracting(Finding::path).containsExactly("global.codefresh.userToken.token");
      assertThat(platform.requests).isEmpty();
    }

    @Test
    void skipsWhenTheApiKeyIsInASecretAndNoClusterIsGiven() {
      assertThat(run(tokenInSecret())).containsExactly(info(ID, "platform.skipped",
          "global.codefresh.userToken.secretKeyRef",
          "The Codefresh platform check was skipped: the API key is in a Secret, and no Kubernetes client was given"
              + " to read it.",
          "Attach a Kubernetes client: ValidationContext.builder(installation).service(KubernetesClient.class,"
              + " client)."));
    }
  }
}
