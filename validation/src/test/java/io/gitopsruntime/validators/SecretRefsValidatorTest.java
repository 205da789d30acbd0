package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.codefresh;
import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.info;
import static io.gitopsruntime.validators.Fixtures.runtime;
import static io.gitopsruntime.validators.Fixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.testing.Fault;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.ArgoCdAuthValues;
import io.gitopsruntime.values.CaCertSecretValues;
import io.gitopsruntime.values.CaCertsValues;
import io.gitopsruntime.values.GitCredentialsValues;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.GitPasswordValues;
import io.gitopsruntime.values.SecretKeyRef;
import io.gitopsruntime.values.SecretValue;
import io.gitopsruntime.values.UserTokenValues;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@KubernetesTest(namespace = "codefresh")
class SecretRefsValidatorTest {
  private static final String ID = SecretRefsValidator.ID;
  private static final String API_KEY = "global.codefresh.userToken.secretKeyRef";
  private static final String GIT = "global.runtime.gitCredentials.password.secretKeyRef";
  private static final String CA = "global.codefresh.tls.caCerts.secretKeyRef";
  private static final String ARGO = "global.integrations.argo-cd.server.auth";

  private final SecretRefsValidator validator = new SecretRefsValidator();

  private List<Finding> check(KubernetesClient client, UnaryOperator<GitOpsRuntimeValues> edit) throws Exception {
    return validator.validate(Fixtures.context(Fixtures.tunnel(edit), client));
  }

  /** Every kind of reference: API key, Git password, platform CA, and an external Argo CD's token. */
  private static GitOpsRuntimeValues everyReference(GitOpsRuntimeValues v) {
    GitOpsRuntimeValues w = codefresh(v, c -> c.withTls(c.tls().withCaCerts(
        CaCertsValues.builder().secretKeyRef(SecretKeyRef.of("codefresh-ca", "ca.crt")).build())));
    w = runtime(w, r -> r.withGitCredentials(GitCredentialsValues.builder().username("git-bot")
        .password(GitPasswordValues.of(SecretValue.fromSecret("git-token", "token"))).build()));
    return externalArgoCd(w, ArgoCdAuthValues.builder().type("token")
        .tokenSecretKeyRef(SecretKeyRef.of("argocd-token", "token")).build());
  }

  private static GitOpsRuntimeValues externalArgoCd(GitOpsRuntimeValues v, ArgoCdAuthValues auth) {
    var integrations = v.global().integrations();
    GitOpsRuntimeValues w = v.withArgoCd(v.argoCd().withEnabled(false));
    return w.withGlobal(w.global().withIntegrations(integrations.withArgoCd(integrations.argoCd().withServer(
        integrations.argoCd().server().withSvc("argocd-server").withAuth(auth)))));
  }

  @Nested
  class Valid {
    @Test
    void passesWhenEveryReferencedSecretHoldsItsKey(KubernetesClient client) throws Exception {
      secret(client, "codefresh", "codefresh-user-token", "token", "api-key");
      secret(client, "codefresh", "git-token", "token", "ghp_x");
      secret(client, "codefresh", "codefresh-ca", "ca.crt", "-----BEGIN CERTIFICATE-----");
      secret(client, "codefresh", "argocd-token", "token", "argo");

      assertThat(check(client, SecretRefsValidatorTest::everyReference)).isEmpty();
    }

    @Test
    void readsEachSecretOnce(KubernetesClient client, KubernetesTestServer server) throws Exception {
      secret(client, "codefresh", "shared", "api", "api-key", "git", "ghp_x");
      server.journal().clear();

      assertThat(check(client, v -> runtime(codefresh(v, c -> c.withUserToken(
          UserTokenValues.of(SecretValue.fromSecret("shared", "api")))), r -> r.withGitCredentials(
          GitCredentialsValues.builder().username("git-bot")
              .password(GitPasswordValues.of(SecretValue.fromSecret("shared", "git"))).build())))).isEmpty();
      assertThat(server.journal().calls("GET", "/api/v1/namespaces/codefresh/secrets/shared")).hasSize(1);
    }

    @Test
    void readsNothingWhenNoSecretIsReferenced(KubernetesClient client, KubernetesTestServer server) throws Exception {
      server.journal().clear();

      assertThat(check(client, v -> codefresh(v, c -> c.withUserToken(UserTokenValues.of(SecretValue.of("api-key"))))))
          .isEmpty();
      assertThat(server.journal().calls()).isEmpty();
    }

    @Test
    void leavesOutReferencesTheChartIgnores(KubernetesClient client) throws Exception {
      // a literal beats the reference; a created CA Secret beats the CA reference; the bundled Argo CD needs none
      assertThat(check(client, v -> codefresh(v, c -> c.withUserToken(UserTokenValues.builder()
          .token(SecretValue.of("api-key")).secretKeyRef(SecretKeyRef.of("gone", "token")).build())
          .withTls(c.tls().withCaCerts(CaCertsValues.builder().secretKeyRef(SecretKeyRef.of("gone", "ca.crt"))
              .secret(CaCertSecretValues.builder().create(true).content(SecretValue.of("pem")).build())
              .build()))))).isEmpty();
    }

    @Test
    void leavesIncompleteReferencesToTheOfflineRules(KubernetesClient client) throws Exception {
      assertThat(check(client, v -> codefresh(v, c -> c.withUserToken(
          UserTokenValues.builder().secretKeyRef(SecretKeyRef.builder().name("cf-key").build()).build()))))
          .isEmpty();
    }
  }

  @Nested
  class Invalid {
    @Test
    void reportsAMissingSecretAtTheReferencesName(KubernetesClient client) throws Exception {
      assertThat(check(client, v -> v)).containsExactly(error(ID, "cluster.secret-ref", API_KEY + ".name",
          "Secret \"codefresh-user-token\" for the Codefresh API key does not exist in namespace \"codefresh\":"
              + " Codefresh's validation hook and the runtime read the API key from it, and neither works without one.",
          "Create it there before installing (kubectl create secret generic codefresh-user-token -n codefresh"
              + " --from-literal=token=<Codefresh API key>), or set global.codefresh.userToken.secretKeyRef to the"
              + " Secret that holds the Codefresh API key."));
    }

    @Test
    void reportsAMissingKeyAtTheReferencesKeyAndNamesTheKeysThere(KubernetesClient client) throws Exception {
      secret(client, "codefresh", "codefresh-user-token", "token", "api-key");
      secret(client, "codefresh", "git-token", "password", "ghp_x", "username", "git-bot");

      assertThat(check(client, v -> runtime(v, r -> r.withGitCredentials(GitCredentialsValues.builder()
          .username("git-bot").password(GitPasswordValues.of(SecretValue.fromSecret("git-token", "token"))).build()))))
          .containsExactly(error(ID, "cluster.secret-ref", GIT + ".key",
              "Secret \"git-token\" in namespace \"codefresh\" has no key \"token\" for the Git Runtime token (its"
                  + " keys are \"password\", \"username\"): the runtime reads the Git Runtime token from it, and"
                  + " cannot reach the Shared Configuration Repository without one.",
              "Set global.runtime.gitCredentials.password.secretKeyRef.key to the key that holds the Git Runtime"
                  + " token, or add key \"token\" to the Secret."));
    }

    @Test
    void reportsAnEmptyValueAtTheReference(KubernetesClient client) throws Exception {
      secret(client, "codefresh", "codefresh-user-token", "token", "api-key");
      secret(client, "codefresh", "codefresh-ca", "ca.crt", " \n");

      assertThat(check(client, v -> codefresh(v, c -> c.withTls(c.tls().withCaCerts(
          CaCertsValues.builder().secretKeyRef(SecretKeyRef.of("codefresh-ca", "ca.crt")).build())))))
          .containsExactly(error(ID, "cluster.secret-ref", CA,
              "Key \"ca.crt\" of Secret \"codefresh-ca\" in namespace \"codefresh\" is empty, so the platform's CA"
                  + " bundle would be blank: Codefresh's validation hook and the runtime trust the platform's"
                  + " certificate only with the CA bundle in it.",
              "Put the platform's CA bundle into key \"ca.crt\" (kubectl create secret generic codefresh-ca -n"
                  + " codefresh --from-file=ca.crt=ca-bundle.pem --dry-run=client -o yaml | kubectl apply -f -)."));
    }

    @Test
    void reportsTheChartsDefaultArgoCdPasswordSecretWithAnExternalArgoCd(KubernetesClient client) throws Exception {
      secret(client, "codefresh", "codefresh-user-token", "token", "api-key");

      assertThat(check(client, v -> externalArgoCd(v, ArgoCdAuthValues.builder().build()))).containsExactly(
          error(ID, "cluster.secret-ref", ARGO + ".passwordSecretKeyRef.name",
              "Secret \"argocd-initial-admin-secret\" (the chart's default reference) for the Argo CD password does"
                  + " not exist in namespace \"codefresh\": the runtime logs in to your Argo CD with the password in"
                  + " it, and its pods do not start without it.",
              "Create it there before installing (kubectl create secret generic argocd-initial-admin-secret -n"
                  + " codefresh --from-literal=password=<Argo CD password>), or set"
                  + " global.integrations.argo-cd.server.auth.passwordSecretKeyRef to the Secret that holds the Argo"
                  + " CD password."));
    }

    @Test
    void reportsAnEmptySecretWithoutKeysAndSaysHowToFillIt(KubernetesClient client) throws Exception {
      secret(client, "codefresh", "codefresh-user-token", "token", "api-key");
      secret(client, "codefresh", "argocd-token");

      assertThat(check(client, v -> externalArgoCd(v, ArgoCdAuthValues.builder().type("token")
          .tokenSecretKeyRef(SecretKeyRef.of("argocd-token", "token")).build()))).containsExactly(
          error(ID, "cluster.secret-ref", ARGO + ".tokenSecretKeyRef.key",
              "Secret \"argocd-token\" in namespace \"codefresh\" has no key \"token\" for the Argo CD API token (it"
                  + " has no keys): the runtime calls your Argo CD with the API token in it, and its pods do not start"
                  + " without it.",
              "Put the Argo CD API token into the Secret under key \"token\" (kubectl create secret generic"
                  + " argocd-token -n codefresh --from-literal=token=<Argo CD API token> --dry-run=client -o yaml |"
                  + " kubectl apply -f -)."));
    }

    @Test
    void reportsEveryBrokenReferenceInOnePass(KubernetesClient client) throws Exception {
      secret(client, "codefresh", "git-token", "token", "");
      secret(client, "codefresh", "codefresh-ca", "bundle.pem", "pem");

      assertThat(check(client, SecretRefsValidatorTest::everyReference)).extracting(Finding::path).containsExactly(
          API_KEY + ".name", GIT, CA + ".key", ARGO + ".tokenSecretKeyRef.name");
    }
  }

  @Nested
  class WithoutACluster {
    @Test
    void reportsTheSkipAndHowToRunTheCheck() throws Exception {
      assertThat(validator.validate(Fixtures.context(Fixtures.tunnel()))).containsExactly(info(ID, "cluster.skipped",
          "", "The Secret references check was skipped: no Kubernetes client was given, so the cluster cannot be read.",
          "Attach a Kubernetes client: ValidationContext.builder(installation).service(KubernetesClient.class,"
              + " client); or run gitops-runtime validate with --kubeconfig."));
    }

    @Test
    void reportsTheSkipWhenOffline(KubernetesClient client) throws Exception {
      RuntimeInstallation installation = Fixtures.tunnel();

      assertThat(validator.validate(Fixtures.context(installation, client).withOffline(true))).containsExactly(
          info(ID, "cluster.skipped", "", "The Secret references check was skipped: validation runs offline.",
              "Validate online, with a Kubernetes client, to check the cluster."));
    }

    @Test
    void turnsAServerErrorIntoAFinding(KubernetesTestServer server) throws Exception {
      server.inject(Fault.status(500).on("GET", "/api/v1/namespaces/codefresh/secrets/codefresh-user-token"));

      try (KubernetesClient client = Fixtures.noRetry(server)) {
        assertThat(check(client, v -> v)).containsExactly(error(ID, "cluster.api-error", "",
            "Reading the referenced Secrets in the release namespace failed (HTTP 500: injected fault: HTTP 500 for"
                + " GET on /api/v1/namespaces/codefresh/secrets/codefresh-user-token, 1 time(s)): the Secret"
                + " references check could not run.",
            "The Kubernetes API server failed: check its health (kubectl get --raw /readyz) and retry."));
      }
    }
  }
}
