package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.info;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.testing.Fault;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.testing.RecordedCall;
import io.gitopsruntime.validation.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@KubernetesTest(namespace = "codefresh")
class PermissionsValidatorTest {
  private static final String ID = PermissionsValidator.ID;
  private static final String REVIEWS = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PermissionsValidator validator = new PermissionsValidator();

  private List<Finding> check(KubernetesClient client) throws Exception {
    return validator.validate(Fixtures.context(Fixtures.tunnel(), client));
  }

  /** Answers a SelfSubjectAccessReview: denied when "verb resource" is in the set, allowed otherwise. */
  private static MockResponse review(RecordedRequest request, Set<String> denied) {
    try {
      ObjectNode review = (ObjectNode) JSON.readTree(request.getBody().utf8());
      JsonNode attributes = review.path("spec").path("resourceAttributes");
      boolean allowed = !denied.contains(attributes.path("verb").asText() + " " + attributes.path("resource").asText());
      review.putObject("status").put("allowed", allowed);
      return ApiGateway.json(201, JSON.writeValueAsString(review));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Nested
  class Valid {
    @Test
    void passesForAClusterAdminAfterOneReviewPerVerb(KubernetesClient client, KubernetesTestServer server)
        throws Exception {
      server.allowAccess(true).journal().clear();

      assertThat(check(client)).isEmpty();
      assertThat(server.journal().calls("POST", REVIEWS)).hasSize(25).extracting(RecordedCall::status)
          .containsOnly(201);
    }

    @Test
    void sendsTheReviewsConcurrently(KubernetesTestServer server) throws Exception {
      try (ApiGateway gateway = new ApiGateway(server)) {
        gateway.holdTogether(3, r -> r.getUrl().encodedPath().equals(REVIEWS));

        assertThat(check(gateway.client())).isEmpty();
        assertThat(gateway.metTogether()).as("three reviews in flight at once").isTrue();
      }
    }
  }

  @Nested
  class Invalid {
    @Test
    void namesEveryMissingPermissionWhenEverythingIsDenied(KubernetesClient client, KubernetesTestServer server)
        throws Exception {
      server.allowAccess(false);

      assertThat(check(client)).containsExactly(error(ID, "cluster.permissions", "",
          "The cluster user of this check lacks permissions the installation needs: create, update, patch, delete,"
              + " get, list on customresourcedefinitions.apiextensions.k8s.io; create, update, patch, delete, get,"
              + " list on clusterroles.rbac.authorization.k8s.io; create, update, patch, delete, get, list on"
              + " clusterrolebindings.rbac.authorization.k8s.io; create, update, patch, delete, get, list on"
              + " namespaces; every verb on every resource, cluster-wide (*/*). Installing the runtime needs"
              + " cluster-admin rights: Helm creates CRDs, namespaces, ClusterRoles and ClusterRoleBindings, and"
              + " Kubernetes lets a user grant only what it holds itself (the chart's validate-values hook and several"
              + " runtime ClusterRoles grant every verb on every resource).",
          "Install as a cluster admin: use a kubeconfig with the cluster-admin role, or have an admin bind it"
              + " (kubectl create clusterrolebinding gitops-runtime-installer --clusterrole=cluster-admin"
              + " --user=<user>)."));
    }

    @Test
    void namesOnlyTheVerbsThatAreDenied(KubernetesTestServer server) throws Exception {
      // the harness answers every review alike; the gateway answers per verb
      try (ApiGateway gateway = new ApiGateway(server)) {
        gateway.answer("POST " + REVIEWS, r -> review(r, Set.of("delete namespaces", "* *", "patch clusterroles")));

        assertThat(check(gateway.client())).singleElement().extracting(Finding::message).asString().startsWith(
            "The cluster user of this check lacks permissions the installation needs: patch on"
                + " clusterroles.rbac.authorization.k8s.io; delete on namespaces; every verb on every resource,"
                + " cluster-wide (*/*). Installing");
        assertThat(gateway.answered).hasSize(25);
      }
    }

    @Test
    void turnsAServerErrorIntoAFinding(KubernetesTestServer server) throws Exception {
      server.inject(Fault.status(500).on("POST", REVIEWS).always());

      try (KubernetesClient client = Fixtures.noRetry(server)) {
        assertThat(check(client)).containsExactly(error(ID, "cluster.api-error", "",
            "Asking the API server what this user may do (SelfSubjectAccessReview) failed (HTTP 500: injected fault:"
                + " HTTP 500 for POST on " + REVIEWS + ", always): the permissions check could not run.",
            "The Kubernetes API server failed: check its health (kubectl get --raw /readyz) and retry."));
      }
    }

    @Test
    void reportsTheSkipWithoutAClusterClient() throws Exception {
      assertThat(validator.validate(Fixtures.context(Fixtures.tunnel()))).containsExactly(info(ID, "cluster.skipped",
          "", "The permissions check was skipped: no Kubernetes client was given, so the cluster cannot be read.",
          "Attach a Kubernetes client: ValidationContext.builder(installation).service(KubernetesClient.class,"
              + " client); or run gitops-runtime validate with --kubeconfig."));
    }
  }
}
