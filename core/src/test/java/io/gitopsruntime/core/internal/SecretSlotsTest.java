package io.gitopsruntime.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.values.ExplicitNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretSlotsTest {
  private static boolean secret(String path, Object value) {
    return SecretSlots.isSecret(ValuesPath.parse(path), value);
  }

  @Nested
  class ByPath {
    @ParameterizedTest
    @ValueSource(strings = {
        "global.codefresh.userToken.token",
        "global.codefresh.tls.caCerts.secret.content",
        "global.runtime.gitCredentials.password.value",
        "global.runtime.gitCredentials.password.value[0]",
        "global.runtime.repoCredentialsTemplate.password",
        "global.integrations.argo-cd.server.auth.password",
        "global.integrations.argo-cd.server.auth.token",
        "argo-cd.configs.secret.argocdServerAdminPassword",
        "argo-cd.configs.secret.bitbucketUUID",
        "argo-cd.configs.secret.extra.oidc\\.okta\\.clientSecret",
        "argo-cd.configs.secret.extra.anything",
        "argo-cd.configs.credentialTemplates.https-creds.password",
        "argo-cd.configs.credentialTemplates.ssh-creds.sshPrivateKey",
        "argo-cd.configs.credentialTemplates.gh-app.githubAppPrivateKey",
        "argo-cd.configs.repositories.private.tlsClientCertKey",
        "argo-cd.configs.clusterCredentials.remote.config.tlsClientConfig.keyData",
        "argo-cd.notifications.secret.items.slack-token",
        "redis-ha.redisPassword",
        "app-proxy.env.GITHUB_TOKEN",
        "app-proxy.env.DB_PASSWORD",
        "app-proxy.env.OPENAI_API_KEY",
        "gitops-operator.env.SOME_SECRET",
        "extra.apiKey",
        "extra.api-key",
        "extra.clientSecret",
        "extra.credentials",
        "extra.passphrase",
        "extra.token"})
    void theChartsCredentialKeysAndKeysNamedLikeSecretsAreSecrets(String path) {
      assertThat(SecretSlots.isSecret(ValuesPath.parse(path))).isTrue();
      assertThat(secret(path, "s3cr3t")).isTrue();
      assertThat(secret(path, 12345678L)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "global.codefresh.userToken.secretKeyRef.name",
        "global.codefresh.tls.caCerts.secret.create",
        "global.codefresh.tls.caCerts.secret.key",
        "global.runtime.gitCredentials.username",
        "global.runtime.gitCredentials.password.secretKeyRef.key",
        "global.integrations.argo-cd.server.auth.passwordSecretKeyRef.name",
        "global.integrations.argo-cd.server.auth.tokenSecretKeyRef",
        "global.integrations.argo-cd.server.auth.type",
        "global.runtime.ingress.tls[0].secretName",
        "app-proxy.imagePullSecrets[0].name",
        "app-proxy.config.skipGitPermissionValidation",
        "app-proxy.env.ARGO_CD_TOKEN_SECRET_NAME",
        "app-proxy.env.LOG_LEVEL",
        "argo-cd.configs.cm.accounts\\.admin",
        "redis-ha.existingSecret",
        "global.httpProxy"})
    void otherKeysAreNot(String path) {
      assertThat(SecretSlots.isSecret(ValuesPath.parse(path))).isFalse();
      assertThat(secret(path, "value")).isFalse();
    }

    @Test
    void aSwitchOrANullUnderAKeyOnlyNamedLikeASecretIsNoSecret() {
      assertThat(secret("argo-cd.configs.secret.createSecret", true)).isFalse();
      assertThat(secret("argo-workflows.server.automountServiceAccountToken", false)).isFalse();
      assertThat(secret("extra.password", ExplicitNull.INSTANCE)).isFalse();
    }

    @Test
    void aCredentialPutOneLevelTooHighIsASecretWhateverItsType() {
      assertThat(secret("redis.auth", 123456789012L)).isTrue();
      assertThat(secret("argo-cd.configs.credentialTemplates[0]", "pass")).isTrue();
      assertThat(secret("argo-cd.configs.repositories.private", "pass")).isTrue();
      assertThat(secret("global.codefresh.userToken", "token")).isTrue();
      assertThat(SecretSlots.masked(Map.of("redis", Map.of("auth", 123456789012L)))).isEqualTo(Map.of("redis", Map.of("auth", "****")));
      // higher up it is a mistake of shape, not a credential: the message may quote it
      assertThat(secret("global.runtime", "prod-eu")).isFalse();
      assertThat(secret("redis", "x")).isFalse();
    }

    @Test
    void anyValueUnderAChartCredentialKeyIsASecret() {
      assertThat(secret("global.codefresh.userToken.token", true)).isTrue();
      assertThat(secret("argo-cd.configs.secret.extra.flag", false)).isTrue();
    }
  }

  @Nested
  class ByLooks {
    @ParameterizedTest
    @ValueSource(strings = {
        "ghp_0123456789abcdefghijABCDEFGHIJ012345",
        "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
        "glpat-0123456789abcdefghij",
        "xoxb-123456789012-abcdefghijkl",
        "AKIAIOSFODNN7EXAMPLE",
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n"})
    void wellKnownCredentialFormatsAreSecretsUnderAnyKey(String value) {
      assertThat(SecretSlots.looksLikeCredential(value)).isTrue();
      assertThat(secret("app-proxy.env.SOME_VAR", value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"debug", "ghp_short", "https://github.com/acme", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"})
    void otherValuesAreNot(String value) {
      assertThat(secret("app-proxy.env.SOME_VAR", value)).isFalse();
    }
  }

  @Nested
  class UrlUserInfo {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://proxyuser:p4ss@proxy.example.com:3128 | http://****@proxy.example.com:3128",
        "https://token@proxy.example.com              | https://****@proxy.example.com",
        "a http://u:p@h1 and socks5://x:y@h2/path     | a http://****@h1 and socks5://****@h2/path",
        "http://proxy.example.com:3128                | http://proxy.example.com:3128",
        "git@github.com:acme/repo.git                 | git@github.com:acme/repo.git",
        "https://h.example.com/a@b                    | https://h.example.com/a@b"})
    void masksOnlyTheUserInfoOfEachUrl(String text, String masked) {
      assertThat(SecretSlots.maskUrlCredentials(text)).isEqualTo(masked);
    }

    @Test
    void findsTheUserInfoAndItsPasswordForRedaction() {
      assertThat(SecretSlots.urlCredentials("http://proxyuser:p4ss-word@proxy:3128 https://tok3n@h"))
          .containsExactly("proxyuser:p4ss-word", "p4ss-word", "tok3n");
    }
  }

  @Nested
  class Data {
    private final Map<String, Object> data = map(
        "global", map(
            "httpProxy", "http://u:proxy-pass@proxy:3128",
            "noProxy", "localhost",
            "codefresh", map("userToken", map("token", "", "secretKeyRef", map("name", "cf", "key", "token")))),
        "argo-cd", map("configs", map("secret", map("argocdServerAdminPassword", "admin-pass", "createSecret", true))),
        "app-proxy", map("env", map("GITHUB_TOKEN", "env-token", "LEVEL", 3L, "DB", map("valueFrom", map("secretKeyRef",
            map("name", "db", "key", "password"))))),
        "extra", map("password", List.of("a-list-item-secret"), "deleted", ExplicitNull.INSTANCE, "masked", "****"));

    @Test
    void masksEverySecretAndTheUserInfoOfUrlsAndKeepsTheRest() {
      assertThat(SecretSlots.masked(data)).isEqualTo(map(
          "global", map(
              "httpProxy", "http://****@proxy:3128",
              "noProxy", "localhost",
              "codefresh", map("userToken", map("token", "", "secretKeyRef", map("name", "cf", "key", "token")))),
          "argo-cd", map("configs", map("secret", map("argocdServerAdminPassword", "****", "createSecret", true))),
          "app-proxy", map("env", map("GITHUB_TOKEN", "****", "LEVEL", 3L, "DB", map("valueFrom", map("secretKeyRef",
              map("name", "db", "key", "password"))))),
          "extra", map("password", List.of("****"), "deleted", ExplicitNull.INSTANCE, "masked", "****")));
    }

    @Test
    void listsEveryNonBlankLiteralSecretByItsLeaf() {
      assertThat(SecretSlots.literals(data)).containsExactly(
          Map.entry(ValuesPath.parse("global.httpProxy"), "http://u:proxy-pass@proxy:3128"),
          Map.entry(ValuesPath.parse("argo-cd.configs.secret.argocdServerAdminPassword"), "admin-pass"),
          Map.entry(ValuesPath.parse("app-proxy.env.GITHUB_TOKEN"), "env-token"),
          Map.entry(ValuesPath.parse("extra.password[0]"), "a-list-item-secret"));
    }
  }

  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
