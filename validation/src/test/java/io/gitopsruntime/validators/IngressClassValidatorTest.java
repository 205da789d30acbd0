package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.info;
import static io.gitopsruntime.validators.Fixtures.ingress;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.IngressClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.testing.Fault;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.AccessMode;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@KubernetesTest(namespace = "codefresh")
class IngressClassValidatorTest {
  private static final String ID = IngressClassValidator.ID;
  private static final String CLASS_NAME = "global.runtime.ingress.className";

  private final IngressClassValidator validator = new IngressClassValidator();

  private List<Finding> check(KubernetesClient client, String className) throws Exception {
    return check(client, className, v -> v);
  }

  private List<Finding> check(KubernetesClient client, String className, UnaryOperator<GitOpsRuntimeValues> edit) throws Exception {
    return validator.validate(Fixtures.context(Fixtures.tunnel(
        v -> edit.apply(v.withAccessMode(AccessMode.ingress("runtime.example.com", className)))), client));
  }

  private static void ingressClass(KubernetesClient client, String name, boolean isDefault) {
    client.network().v1().ingressClasses().resource(new IngressClassBuilder().withNewMetadata().withName(name)
        .withAnnotations(isDefault ? Map.of("ingressclass.kubernetes.io/is-default-class", "true") : Map.of())
        .endMetadata().withNewSpec().withController("example.com/" + name).endSpec().build()).create();
  }

  @Nested
  class Valid {
    @Test
    void passesWhenTheIngressClassExists(KubernetesClient client) throws Exception {
      ingressClass(client, "traefik", false);

      assertThat(check(client, "traefik")).isEmpty();
    }

    @Test
    void looksForTheChartsDefaultClassNginxWhenNoneIsGiven(KubernetesClient client, KubernetesTestServer server) throws Exception {
      ingressClass(client, "nginx", false);

      assertThat(check(client, "x", v -> ingress(v, i -> i.withClassName(Optional.empty())))).isEmpty();
      assertThat(server.journal().calls("GET", "/apis/networking.k8s.io/v1/ingressclasses/nginx")).hasSize(1);
    }

    @Test
    void checksNothingOutsideTheIngressMode(KubernetesClient client, KubernetesTestServer server) throws Exception {
      server.journal().clear();

      assertThat(validator.validate(Fixtures.context(Fixtures.tunnel(), client))).isEmpty();
      assertThat(server.journal().calls()).isEmpty();
    }

    @Test
    void leavesAnEmptyClassNameToTheOfflineRules(KubernetesClient client) throws Exception {
      assertThat(check(client, "x", v -> ingress(v, i -> i.withClassName(Optional.empty())
          .withAdditionalValues(Map.of("className", ""))))).isEmpty();
    }
  }

  @Nested
  class Invalid {
    @Test
    void reportsAMissingClassAndListsTheClassesThatExist(KubernetesClient client) throws Exception {
      ingressClass(client, "traefik", false);
      ingressClass(client, "alb", true);

      assertThat(check(client, "nginx")).containsExactly(error(ID, "cluster.ingress-class", CLASS_NAME,
          "IngressClass \"nginx\" does not exist in the cluster (it has \"alb\", \"traefik\"): no ingress controller"
              + " would serve the runtime's Ingress, and Codefresh's validation hook fails the installation.",
          "Set global.runtime.ingress.className to one of them, for example the default \"alb\", or install the"
              + " ingress controller that provides \"nginx\"."));
    }

    @Test
    void namesTheOnlyClassThereIs(KubernetesClient client) throws Exception {
      ingressClass(client, "traefik", false);

      assertThat(check(client, "nginx")).singleElement().extracting(Finding::remediation).isEqualTo(
          "Set global.runtime.ingress.className to \"traefik\", or install the ingress controller that provides"
              + " \"nginx\".");
    }

    @Test
    void reportsAClusterWithoutAnyIngressClass(KubernetesClient client) throws Exception {
      assertThat(check(client, "nginx")).containsExactly(error(ID, "cluster.ingress-class", CLASS_NAME,
          "IngressClass \"nginx\" does not exist in the cluster (it has no IngressClass at all): no ingress"
              + " controller would serve the runtime's Ingress, and Codefresh's validation hook fails the"
              + " installation.",
          "Install an ingress controller (ingress-nginx, for example, creates IngressClass \"nginx\"), or use the"
              + " tunnel: global.runtime.ingress.enabled=false."));
    }
  }

  @Nested
  class Skipped {
    @Test
    void reportsTheSkipFlag(KubernetesClient client, KubernetesTestServer server) throws Exception {
      server.journal().clear();

      assertThat(check(client, "nginx", v -> ingress(v, i -> i.withSkipValidation(true)))).containsExactly(
          info(ID, "cluster.skipped", "global.runtime.ingress.skipValidation",
              "The IngressClass check was skipped: global.runtime.ingress.skipValidation is true.",
              "Make sure IngressClass \"nginx\" exists (kubectl get ingressclass): without it no ingress controller"
                  + " serves the runtime."));
      assertThat(server.journal().calls()).isEmpty();
    }

    @Test
    void reportsTheSkipWithoutAClusterClient() throws Exception {
      assertThat(validator.validate(Fixtures.context(Fixtures.tunnel(
          v -> v.withAccessMode(AccessMode.ingress("runtime.example.com", "nginx")))))).containsExactly(
          info(ID, "cluster.skipped", "", "The IngressClass check was skipped: no Kubernetes client was given, so the"
              + " cluster cannot be read.", "Attach a Kubernetes client:"
              + " ValidationContext.builder(installation).service(KubernetesClient.class, client); or run"
              + " gitops-runtime validate with --kubeconfig."));
    }

    @Test
    void turnsAServerErrorIntoAFinding(KubernetesTestServer server) throws Exception {
      server.inject(Fault.status(503).on("GET", "/apis/networking.k8s.io/v1/ingressclasses/nginx"));

      try (KubernetesClient client = Fixtures.noRetry(server)) {
        assertThat(check(client, "nginx")).containsExactly(error(ID, "cluster.api-error", "",
            "Reading the cluster's IngressClasses failed (HTTP 503: injected fault: HTTP 503 for GET on"
                + " /apis/networking.k8s.io/v1/ingressclasses/nginx, 1 time(s)): the IngressClass check could not"
                + " run.",
            "The Kubernetes API server failed: check its health (kubectl get --raw /readyz) and retry."));
      }
    }
  }
}
