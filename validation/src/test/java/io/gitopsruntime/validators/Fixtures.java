package io.gitopsruntime.validators;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.values.CodefreshValues;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.HttpRouteValues;
import io.gitopsruntime.values.IngressValues;
import io.gitopsruntime.values.RuntimeValues;
import io.gitopsruntime.values.SecretValue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Values, installations and contexts the tests share; the expected findings they build are checked for the house
 * form ({@link HouseForm}).
 */
final class Fixtures {
  static final String ACCOUNT_ID = "628a80b693a15c0f9c13ab75";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  private Fixtures() {}

  /** A valid tunnel installation: runtime prod-eu, account id, API key in a Secret. */
  static RuntimeInstallation tunnel() {
    return RuntimeInstallation.builder()
        .runtimeName("prod-eu")
        .namespace("codefresh")
        .tunnel(ACCOUNT_ID, SecretValue.fromSecret("codefresh-user-token", "token"))
        .build();
  }

  /** The valid tunnel installation with its values edited. */
  static RuntimeInstallation tunnel(UnaryOperator<GitOpsRuntimeValues> edit) {
    return tunnel().toBuilder().editValues(edit).build();
  }

  static ValidationContext context(RuntimeInstallation installation) {
    return ValidationContext.builder(installation).clock(CLOCK).build();
  }

  static ValidationContext context(UnaryOperator<GitOpsRuntimeValues> edit) {
    return context(tunnel(edit));
  }

  /** A context for the installation with a cluster client attached. */
  static ValidationContext context(RuntimeInstallation installation, KubernetesClient client) {
    return ValidationContext.builder(installation).clock(CLOCK).service(KubernetesClient.class, client).build();
  }

  /** A client of a test server that does not retry, so that an injected fault shows at once; the caller closes it. */
  static KubernetesClient noRetry(KubernetesTestServer server) {
    return new KubernetesClientBuilder().withConfig(new ConfigBuilder(server.config()).withRequestRetryBackoffLimit(0)
        .build()).build();
  }

  /** Creates an Opaque Secret from alternating keys and values. */
  static void secret(KubernetesClient client, String namespace, String name, String... keysAndValues) {
    SecretBuilder secret = new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withType("Opaque");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      secret.addToData(keysAndValues[i],
          Base64.getEncoder().encodeToString(keysAndValues[i + 1].getBytes(StandardCharsets.UTF_8)));
    }
    client.secrets().inNamespace(namespace).resource(secret.build()).create();
  }

  static List<Finding> run(Validator validator, UnaryOperator<GitOpsRuntimeValues> edit) throws Exception {
    return validator.validate(context(edit));
  }

  static GitOpsRuntimeValues runtime(GitOpsRuntimeValues v, UnaryOperator<RuntimeValues> edit) {
    return v.withGlobal(v.global().withRuntime(edit.apply(v.global().runtime())));
  }

  static GitOpsRuntimeValues codefresh(GitOpsRuntimeValues v, UnaryOperator<CodefreshValues> edit) {
    return v.withGlobal(v.global().withCodefresh(edit.apply(v.global().codefresh())));
  }

  static GitOpsRuntimeValues ingress(GitOpsRuntimeValues v, UnaryOperator<IngressValues> edit) {
    return runtime(v, r -> r.withIngress(edit.apply(r.ingress())));
  }

  static GitOpsRuntimeValues httpRoute(GitOpsRuntimeValues v, UnaryOperator<HttpRouteValues> edit) {
    return runtime(v, r -> r.withHttpRoute(edit.apply(r.httpRoute())));
  }

  /** A map with one more entry. */
  static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(map);
    copy.put(key, value);
    return copy;
  }

  /** An ordered map from alternating keys and values. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static Finding error(String validatorId, String ruleId, String path, String message, String remediation) {
    return finding(Severity.ERROR, validatorId, ruleId, path, message, remediation);
  }

  static Finding warning(String validatorId, String ruleId, String path, String message, String remediation) {
    return finding(Severity.WARNING, validatorId, ruleId, path, message, remediation);
  }

  static Finding info(String validatorId, String ruleId, String path, String message, String remediation) {
    return finding(Severity.INFO, validatorId, ruleId, path, message, remediation);
  }

  private static Finding finding(Severity severity, String validatorId, String ruleId, String path, String message,
      String remediation) {
    return HouseForm.checked(Finding.builder().severity(severity).validatorId(validatorId).ruleId(ruleId).path(path)
        .message(message).remediation(remediation).build());
  }
}
