package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.info;
import static io.gitopsruntime.validators.Fixtures.map;
import static io.gitopsruntime.validators.Fixtures.runtime;
import static io.gitopsruntime.validators.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.GitCredentialsValues;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.GitPasswordValues;
import io.gitopsruntime.values.SecretKeyRef;
import io.gitopsruntime.values.SecretValue;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GitCredentialsValidatorTest {
  private static final String ID = GitCredentialsValidator.ID;
  private static final String PEM = new HeldCertificate.Builder().commonName("git-ca").certificateAuthority(0)
      .build().certificatePem();

  private final GitCredentialsValidator validator = new GitCredentialsValidator();

  private static UnaryOperator<GitOpsRuntimeValues> credentials(GitCredentialsValues credentials) {
    return v -> runtime(v, r -> r.withGitCredentials(credentials));
  }

  private static GitCredentialsValues password(GitPasswordValues password) {
    return GitCredentialsValues.builder().username("git-bot").password(password).build();
  }

  private static UnaryOperator<GitOpsRuntimeValues> certificates(Map<String, Object> certificates) {
    return v -> v.withArgoCd(v.argoCd().withAdditionalValues(
        map("configs", map("tls", map("certificates", certificates)))));
  }

  private List<Finding> run(UnaryOperator<GitOpsRuntimeValues> edit) throws Exception {
    return Fixtures.run(validator, edit);
  }

  @Nested
  class Valid {
    @Test
    void acceptsAPasswordInASecretWithTheChartDefaultUsername() throws Exception {
      assertThat(run(credentials(GitCredentialsValues.builder()
          .password(GitPasswordValues.of(SecretValue.fromSecret("git-runtime-token", "token"))).build())))
          .isEmpty();
    }

    @Test
    void acceptsGitServerCertificatesKeyedByHost() throws Exception {
      assertThat(run(v -> certificates(map("git.example.com", PEM)).apply(
          credentials(password(GitPasswordValues.of(SecretValue.of("ghp_abc")))).apply(v)))).isEmpty();
    }
  }

  @Nested
  class Invalid {
    @Test
    void notesThatNoGitTokenIsGiven() throws Exception {
      assertThat(run(v -> v)).containsExactly(info(ID, "git-credentials.missing",
          "global.runtime.gitCredentials.password",
          "No Git Runtime token is given: the runtime cannot reach its Git repositories until one is added in the"
              + " Codefresh UI after the installation.",
          "To give it now, set global.runtime.gitCredentials.password.secretKeyRef to a Secret that holds a Git"
              + " token with the scopes your provider needs."));
    }

    @Test
    void requiresAUsernameWithAPassword() throws Exception {
      assertThat(run(credentials(GitCredentialsValues.builder().additionalValues(Map.of("username", ""))
          .password(GitPasswordValues.of(SecretValue.of("ghp_abc"))).build()))).containsExactly(
          error(ID, "git-credentials.username", "global.runtime.gitCredentials.username",
              "The Git username is empty while a Git password is given: Codefresh's validation hook requires a"
                  + " non-empty username, and Bitbucket Cloud signs in with it.",
              "Set global.runtime.gitCredentials.username to your Git user name (any non-empty name works with"
                  + " GitHub and GitLab tokens)."));
    }

    @Test
    void requiresBothNameAndKeyOfTheReference() throws Exception {
      assertThat(run(credentials(password(GitPasswordValues.builder()
          .secretKeyRef(SecretKeyRef.builder().name("git-runtime-token").build()).build())))).containsExactly(
          error(ID, "git-credentials.incomplete-ref", "global.runtime.gitCredentials.password.secretKeyRef.key",
              "The Secret reference for the Git password has no key: the chart refuses to render a Git password"
                  + " reference without both.",
              "Set both name and key, for example secretKeyRef: {name: \"git-runtime-token\", key: \"token\"}."));
    }

    @Test
    void rejectsTheReservedSecretName() throws Exception {
      assertThat(run(credentials(password(GitPasswordValues.of(SecretValue.fromSecret("codefresh-token", "t"))))))
          .containsExactly(error(ID, "git-credentials.reserved-name",
              "global.runtime.gitCredentials.password.secretKeyRef.name",
              "Secret name \"codefresh-token\" is reserved: the runtime keeps its own runtime token in a Secret of"
                  + " that name, and the chart refuses to render a reference to it for the Git password.",
              "Put the Git password in a Secret with another name, for example \"git-runtime-token\", and"
                  + " reference that."));
    }

    @Test
    void warnsThatALiteralHidesTheReferenceAndAboutWhitespace() throws Exception {
      assertThat(run(credentials(password(GitPasswordValues.builder().value(SecretValue.of(" ghp_abc"))
          .secretKeyRef(SecretKeyRef.of("git-runtime-token", "token")).build())))).containsExactly(
          warning(ID, "git-credentials.ambiguous", "global.runtime.gitCredentials.password.secretKeyRef",
              "The Secret reference for the Git password is ignored: a literal value is also given, and the"
                  + " literal wins.",
              "Remove global.runtime.gitCredentials.password.value to use the Secret (preferred), or remove the"
                  + " secretKeyRef."),
          warning(ID, "git-credentials.whitespace", "global.runtime.gitCredentials.password.value",
              "The Git password has leading or trailing whitespace or a line break: the Git provider compares it"
                  + " exactly and will reject it.",
              "Remove the whitespace, such as the line break a copied file leaves at the end."));
    }

    @Test
    void warnsAboutCertificateKeysThatAreUrlsAndRejectsCertificatesThatAreNotPem() throws Exception {
      List<Finding> findings = run(v -> certificates(map(
          "https://git.example.com:8443/scm", PEM,
          "ghe.example.com", "not a certificate",
          "gitlab.example.com", List.of("a"))).apply(
          credentials(password(GitPasswordValues.of(SecretValue.of("ghp_abc")))).apply(v)));

      assertThat(findings).containsExactly(
          warning(ID, "git-ca.host-key", "argo-cd.configs.tls.certificates.https://git\\.example\\.com:8443/scm",
              "\"https://git.example.com:8443/scm\" is not a host name: Argo CD and Codefresh's validation hook look"
                  + " a Git server's certificate up by its bare host name, so this one is never used.",
              "Use \"git.example.com\" as the key."),
          error(ID, "git-ca.pem", "argo-cd.configs.tls.certificates.ghe\\.example\\.com",
              "The certificate for Git server \"ghe.example.com\" is not a PEM certificate: it has no"
                  + " \"-----BEGIN CERTIFICATE-----\" line; Codefresh's validation hook cannot add it and fails.",
              "Paste the Git server's CA certificate, from \"-----BEGIN CERTIFICATE-----\" to"
                  + " \"-----END CERTIFICATE-----\"."),
          error(ID, "git-ca.pem", "argo-cd.configs.tls.certificates.gitlab\\.example\\.com",
              "The certificate for Git server \"gitlab.example.com\" is not a PEM certificate: it is a list, not"
                  + " text; Codefresh's validation hook cannot add it and fails.",
              "Paste the Git server's CA certificate, from \"-----BEGIN CERTIFICATE-----\" to"
                  + " \"-----END CERTIFICATE-----\"."));
    }

    @Test
    void checksTheWorkflowWebhookCertificatesToo() throws Exception {
      List<Finding> findings = run(v -> Fixtures.codefresh(v, c -> c.withTls(c.tls().withAdditionalValues(
          map("workflowPipelinesGitWebhooks", map("certificates", map("git.example.com",
              "-----BEGIN CERTIFICATE-----\nAAAA\n")))))));

      assertThat(findings).extracting(Finding::ruleId, Finding::path, Finding::message).contains(
          org.assertj.core.groups.Tuple.tuple("git-ca.pem",
              "global.codefresh.tls.workflowPipelinesGitWebhooks.certificates.git\\.example\\.com",
              "The certificate for Git server \"git.example.com\" is not a PEM certificate: it holds no complete"
                  + " \"-----BEGIN CERTIFICATE-----\" ... \"-----END CERTIFICATE-----\" block; Codefresh's validation"
                  + " hook cannot add it and fails."));
    }
  }
}
