package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.info;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.PrivateRegistry;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.validation.Finding;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@KubernetesTest(namespace = "codefresh")
class PullSecretValidatorTest {
  private static final String ID = PullSecretValidator.ID;
  private static final String CREDENTIAL = "s3cr3t-registry-password";
  private static final String CREATE = "kubectl create secret docker-registry regcred -n codefresh"
      + " --docker-server=registry.example.com:5443 --docker-username=<user> --docker-password=<password or token>";

  private final PullSecretValidator validator = new PullSecretValidator();

  private static RuntimeInstallation withRegistry(PrivateRegistry registry) {
    return Fixtures.tunnel().toBuilder().privateRegistry(registry).build();
  }

  private static RuntimeInstallation mirrored() {
    return withRegistry(PrivateRegistry.of("registry.example.com:5443/mirror").withPullSecret("regcred"));
  }

  private List<Finding> check(KubernetesClient client, RuntimeInstallation installation) throws Exception {
    return validator.validate(Fixtures.context(installation, client));
  }

  private static void pullSecret(KubernetesClient client, String type) {
    String config = "{\"auths\":{\"registry.example.com:5443\":{\"auth\":\""
        + Base64.getEncoder().encodeToString(("bot:" + CREDENTIAL).getBytes(StandardCharsets.UTF_8)) + "\"}}}";
    client.secrets().inNamespace("codefresh").resource(new SecretBuilder().withNewMetadata().withName("regcred")
        .withNamespace("codefresh").endMetadata().withType(type).withData(Map.of(type.equals("Opaque") ? "config"
            : ".dockerconfigjson", Base64.getEncoder().encodeToString(config.getBytes(StandardCharsets.UTF_8)))).build())
        .create();
  }

  @Nested
  class Valid {
    @Test
    void passesWhenTheSecretIsADockerConfig(KubernetesClient client) throws Exception {
      pullSecret(client, "kubernetes.io/dockerconfigjson");

      assertThat(check(client, mirrored())).isEmpty();
    }

    @Test
    void readsNothingWithoutAPullSecret(KubernetesClient client, KubernetesTestServer server) throws Exception {
      server.journal().clear();

      assertThat(check(client, withRegistry(PrivateRegistry.of("registry.example.com/mirror")))).isEmpty();
      assertThat(check(client, Fixtures.tunnel())).isEmpty();
      assertThat(server.journal().calls()).isEmpty();
    }

    @Test
    void saysHowToRunItWithoutACluster() throws Exception {
      assertThat(validator.validate(Fixtures.context(mirrored()))).containsExactly(info(ID, RuleIds.CLUSTER_SKIPPED, "",
          "The image pull Secret check was skipped: no Kubernetes client was given, so the cluster cannot be read.",
          "Attach a Kubernetes client: ValidationContext.builder(installation).service(KubernetesClient.class, client);"
              + " or run gitops-runtime validate with --kubeconfig."));
    }
  }

  @Nested
  class Invalid {
    @Test
    void reportsAMissingSecretAndHowToCreateIt(KubernetesClient client) throws Exception {
      assertThat(check(client, mirrored())).containsExactly(error(ID, RuleIds.CLUSTER_PULL_SECRET,
          "privateRegistry.pullSecret",
          "Image pull Secret \"regcred\" does not exist in namespace \"codefresh\": every pod pulls its images from"
              + " registry.example.com:5443/mirror with it, and would stay in ImagePullBackOff.",
          "Create it there before installing (" + CREATE + "), or set privateRegistry.pullSecret to the Secret that"
              + " holds the registry's credentials."));
    }

    @Test
    void reportsASecretOfAnotherTypeWithoutQuotingIt(KubernetesClient client) throws Exception {
      pullSecret(client, "Opaque");

      List<Finding> findings = check(client, mirrored());

      assertThat(findings).containsExactly(error(ID, RuleIds.CLUSTER_PULL_SECRET, "privateRegistry.pullSecret",
          "Secret \"regcred\" in namespace \"codefresh\" is of type \"Opaque\", not kubernetes.io/dockerconfigjson:"
              + " the kubelet takes image pull credentials only from that type, so the pods could not pull from"
              + " registry.example.com:5443/mirror.",
          "Replace it with one of that type (kubectl delete secret regcred -n codefresh, then " + CREATE + ")."));
      assertThat(findings.toString()).doesNotContain(CREDENTIAL);
    }
  }
}
