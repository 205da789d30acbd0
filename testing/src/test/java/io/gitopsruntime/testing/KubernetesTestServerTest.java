package io.gitopsruntime.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KubernetesTestServerTest {

  private KubernetesTestServer server;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    server = KubernetesTestServer.builder().namespace("codefresh").readinessDelay(Duration.ofMillis(5)).start();
    client = server.client();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static ConfigMap configMap(String name, Map<String, String> data) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("codefresh").endMetadata()
        .withData(data).build();
  }

  private static Deployment deployment(String name, int replicas) {
    return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace("codefresh").endMetadata()
        .withNewSpec().withReplicas(replicas)
        .withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
        .withNewSpec().addNewContainer().withName("main").withImage("nginx:1.27").endContainer().endSpec()
        .endTemplate().endSpec().build();
  }

  @Nested
  class Crud {

    @Test
    void createsListsBySelectorUpdatesAndDeletesObjects() {
      client.configMaps().resource(new ConfigMapBuilder(configMap("a", Map.of("k", "1")))
          .editMetadata().addToLabels("tier", "front").endMetadata().build()).create();
      client.configMaps().resource(configMap("b", Map.of("k", "2"))).create();

      assertThat(client.configMaps().withLabel("tier", "front").list().getItems())
          .extracting(cm -> cm.getMetadata().getName()).containsExactly("a");

      ConfigMap edited = client.configMaps().withName("b").edit(cm -> new ConfigMapBuilder(cm).addToData("k", "3").build());
      assertThat(edited.getData()).containsEntry("k", "3");

      client.configMaps().withName("a").delete();
      assertThat(client.configMaps().list().getItems()).extracting(cm -> cm.getMetadata().getName())
          .containsExactly("b");
    }

    @Test
    void answersNotFoundWithAKubernetesStatus() {
      assertThat(client.configMaps().withName("missing").get()).isNull();
      assertThatThrownBy(() -> client.configMaps().withName("missing").edit(cm -> cm))
          .isInstanceOf(KubernetesClientException.class)
          .extracting(e -> ((KubernetesClientException) e).getCode()).isEqualTo(404);
    }

    @Test
    void servesVersionAndSeedsNamespacesAndANode() {
      assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo(KubernetesTestServer.DEFAULT_KUBERNETES_VERSION);
      assertThat(client.namespaces().list().getItems()).extracting(ns -> ns.getMetadata().getName())
          .contains("default", "kube-system", "codefresh");
      assertThat(client.nodes().list().getItems()).singleElement()
          .satisfies(n -> assertThat(n.getStatus().getAllocatable()).containsKeys("cpu", "memory"));
    }
  }

  @Nested
  class ServerSideApply {

    @Test
    void appliesObjectServerSideAndKeepsResourceVersionWhenUnchanged() {
      ConfigMap first = client.configMaps().resource(configMap("cfg", Map.of("a", "1"))).serverSideApply();
      ConfigMap again = client.configMaps().resource(configMap("cfg", Map.of("a", "1"))).serverSideApply();

      assertThat(again.getMetadata().getResourceVersion()).isEqualTo(first.getMetadata().getResourceVersion());
      assertThat(first.getMetadata().getManagedFields()).singleElement()
          .satisfies(f -> {
            assertThat(f.getManager()).isEqualTo("fabric8");
            assertThat(f.getOperation()).isEqualTo("Apply");
          });
    }

    @Test
    void mergesMapsReplacesListsAndRemovesFieldsNoLongerApplied() {
      client.configMaps().resource(new ConfigMapBuilder(configMap("cfg", Map.of("a", "1", "b", "2")))
          .editMetadata().addToLabels("keep", "yes").endMetadata().build()).serverSideApply();
      ConfigMap applied = client.configMaps().resource(configMap("cfg", Map.of("a", "10"))).serverSideApply();

      assertThat(applied.getData()).containsExactly(Map.entry("a", "10"));
      assertThat(applied.getMetadata().getLabels()).isNullOrEmpty();
      assertThat(Integer.parseInt(applied.getMetadata().getResourceVersion())).isGreaterThan(0);
    }

    @Test
    void keepsFieldsOwnedByAnotherManager() {
      client.configMaps().resource(configMap("cfg", Map.of("mine", "1")))
          .patch(PatchContext.of(PatchType.SERVER_SIDE_APPLY));
      client.configMaps().resource(configMap("cfg", Map.of("theirs", "2")))
          .fieldManager("other").serverSideApply();

      assertThat(client.configMaps().withName("cfg").get().getData())
          .containsEntry("mine", "1").containsEntry("theirs", "2");
    }

    @Test
    void answersConflictWhenAnotherManagerOwnsAChangedField() {
      client.configMaps().resource(configMap("cfg", Map.of("a", "1"))).fieldManager("helm").serverSideApply();

      assertThatThrownBy(() -> client.configMaps().resource(configMap("cfg", Map.of("a", "2")))
          .fieldManager("gitops-runtime").serverSideApply())
          .isInstanceOf(KubernetesClientException.class)
          .satisfies(e -> {
            KubernetesClientException k = (KubernetesClientException) e;
            assertThat(k.getCode()).isEqualTo(409);
            assertThat(k.getStatus().getMessage())
                .isEqualTo("Apply failed with 1 conflict: conflict with \"helm\" using v1: .data.a");
          });
    }

    @Test
    void takesOwnershipWhenForced() {
      client.configMaps().resource(configMap("cfg", Map.of("a", "1"))).fieldManager("helm").serverSideApply();

      ConfigMap forced = client.configMaps().resource(configMap("cfg", Map.of("a", "2")))
          .fieldManager("gitops-runtime").forceConflicts().serverSideApply();

      assertThat(forced.getData()).containsEntry("a", "2");
      assertThat(forced.getMetadata().getManagedFields()).extracting(f -> f.getManager())
          .containsExactly("gitops-runtime");
    }

    @Test
    void answersAlreadyExistsToACreateOfAnExistingObjectAsTheApiServerDoes() {
      client.configMaps().resource(configMap("cfg", Map.of("a", "1"))).create();

      assertThatThrownBy(() -> client.configMaps().resource(configMap("cfg", Map.of("a", "2"))).create())
          .isInstanceOf(KubernetesClientException.class)
          .satisfies(e -> {
            KubernetesClientException k = (KubernetesClientException) e;
            assertThat(k.getCode()).isEqualTo(409);
            assertThat(k.getStatus().getReason()).isEqualTo("AlreadyExists");
            assertThat(k.getStatus().getMessage()).isEqualTo("configmaps \"cfg\" already exists");
          });
      assertThat(client.configMaps().withName("cfg").get().getData()).containsEntry("a", "1");
    }

    @Test
    void conflictsWithTheCreatorOfAnObjectCreatedWithPost() {
      client.configMaps().resource(configMap("cfg", Map.of("a", "1"))).create();

      assertThatThrownBy(() -> client.configMaps().resource(configMap("cfg", Map.of("a", "2"))).serverSideApply())
          .isInstanceOf(KubernetesClientException.class)
          .extracting(e -> ((KubernetesClientException) e).getCode()).isEqualTo(409);
    }

    @Test
    void returnsTheResultWithoutStoringItOnDryRun() {
      ConfigMap dry = client.configMaps().resource(configMap("cfg", Map.of("a", "1"))).dryRun().serverSideApply();

      assertThat(dry.getData()).containsEntry("a", "1");
      assertThat(client.configMaps().withName("cfg").get()).isNull();
    }

    @Test
    void bumpsGenerationOnlyWhenTheSpecChanges() {
      Deployment created = client.apps().deployments().resource(deployment("app", 1)).serverSideApply();
      Deployment same = client.apps().deployments().resource(deployment("app", 1)).serverSideApply();
      Deployment scaled = client.apps().deployments().resource(deployment("app", 2)).serverSideApply();

      assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
      assertThat(same.getMetadata().getGeneration()).isEqualTo(1L);
      assertThat(scaled.getMetadata().getGeneration()).isEqualTo(2L);
    }
  }

  @Nested
  class Patches {

    @Test
    void mergesContainersByNameOnAStrategicMergePatch() {
      Deployment twoContainers = new DeploymentBuilder(deployment("app", 1)).editSpec().editTemplate().editSpec()
          .addNewContainer().withName("sidecar").withImage("busybox:1").endContainer().endSpec().endTemplate()
          .endSpec().build();
      client.apps().deployments().resource(twoContainers).create();

      Deployment patched = client.apps().deployments().withName("app").patch(
          PatchContext.of(PatchType.STRATEGIC_MERGE),
          "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"nginx:1.28\"}]}}}}");

      assertThat(patched.getSpec().getTemplate().getSpec().getContainers())
          .extracting(c -> c.getName() + "=" + c.getImage())
          .containsExactly("main=nginx:1.28", "sidecar=busybox:1");
      assertThat(patched.getMetadata().getGeneration()).isEqualTo(2L);
    }

    @Test
    void removesKeysSetToNullOnAJsonMergePatch() {
      client.configMaps().resource(configMap("cfg", Map.of("a", "1", "b", "2"))).create();

      ConfigMap patched = client.configMaps().withName("cfg").patch(PatchContext.of(PatchType.JSON_MERGE),
          "{\"data\":{\"a\":null,\"c\":\"3\"}}");

      assertThat(patched.getData()).containsOnlyKeys("b", "c");
    }
  }

  @Nested
  class AccessReviews {

    @Test
    void allowsAccessUnlessToldOtherwise() {
      io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview review =
          new io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder().withNewSpec()
              .withNewResourceAttributes().withVerb("*").withResource("*").withGroup("*").endResourceAttributes()
              .endSpec().build();

      boolean before = client.authorization().v1().selfSubjectAccessReview().create(review)
          .getStatus().getAllowed();
      server.allowAccess(false);
      boolean after = client.authorization().v1().selfSubjectAccessReview().create(review)
          .getStatus().getAllowed();

      assertThat(before).isTrue();
      assertThat(after).isFalse();
    }
  }

  @Nested
  class Discovery {

    @Test
    void discoversCustomResourcesOfACrdCreatedAtRunTime() {
      assertThat(client.getApiGroups().getGroups()).noneMatch(g -> g.getName().equals("codefresh.io"));

      client.apiextensions().v1().customResourceDefinitions().resource(crd()).create();

      assertThat(client.getApiResources("codefresh.io/v1alpha1").getResources())
          .anySatisfy(r -> {
            assertThat(r.getName()).isEqualTo("products");
            assertThat(r.getKind()).isEqualTo("Product");
            assertThat(r.getNamespaced()).isTrue();
          });
      GenericKubernetesResource product = new GenericKubernetesResourceBuilder().withApiVersion("codefresh.io/v1alpha1")
          .withKind("Product").withNewMetadata().withName("shop").withNamespace("codefresh").endMetadata()
          .addToAdditionalProperties("spec", Map.of("tier", "gold")).build();
      client.resource(product).serverSideApply();
      assertThat(client.genericKubernetesResources("codefresh.io/v1alpha1", "Product").inNamespace("codefresh")
          .list().getItems()).extracting(r -> r.getMetadata().getName()).containsExactly("shop");
    }

    @Test
    void refusesCustomResourcesWhoseCrdDoesNotExist() {
      GenericKubernetesResource product = new GenericKubernetesResourceBuilder().withApiVersion("codefresh.io/v1alpha1")
          .withKind("Product").withNewMetadata().withName("shop").withNamespace("codefresh").endMetadata().build();

      assertThatThrownBy(() -> client.genericKubernetesResources("codefresh.io/v1alpha1", "Product")
          .inNamespace("codefresh").resource(product).create())
          .isInstanceOf(KubernetesClientException.class);
    }
  }

  @Nested
  class Controllers {

    @Test
    void makesADeploymentAvailable() {
      client.apps().deployments().resource(deployment("app-proxy", 2)).serverSideApply();

      Deployment ready = client.apps().deployments().withName("app-proxy").waitUntilReady(10, TimeUnit.SECONDS);

      assertThat(ready.getStatus().getReadyReplicas()).isEqualTo(2);
      assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
      assertThat(ready.getStatus().getConditions()).anyMatch(c -> c.getType().equals("Available")
          && c.getStatus().equals("True"));
    }

    @Test
    void establishesACrd() {
      client.apiextensions().v1().customResourceDefinitions().resource(crd()).create();

      CustomResourceDefinition established = client.apiextensions().v1().customResourceDefinitions()
          .withName("products.codefresh.io").waitUntilCondition(c -> c.getStatus() != null
              && c.getStatus().getConditions().stream().anyMatch(x -> x.getType().equals("Established")),
              10, TimeUnit.SECONDS);

      assertThat(established.getStatus().getConditions()).extracting(c -> c.getType())
          .containsExactly("NamesAccepted", "Established");
    }

    @Test
    void failsAJobWithTheLogLineGivenInJava() {
      server.failJob("validate-values", "missing \"global.runtime.name\" field");
      client.batch().v1().jobs().resource(job("validate-values", Map.of())).create();

      Job failed = waitForJob("validate-values");

      assertThat(failed.getStatus().getConditions()).anySatisfy(c -> {
        assertThat(c.getType()).isEqualTo("Failed");
        assertThat(c.getReason()).isEqualTo("BackoffLimitExceeded");
        assertThat(c.getMessage()).isEqualTo("Job has reached the specified backoff limit");
      });
      assertThat(client.batch().v1().jobs().withName("validate-values").getLog())
          .isEqualTo("missing \"global.runtime.name\" field\n");
    }

    @Test
    void failsAJobAnnotatedToFailAndServesThePodLog() {
      client.batch().v1().jobs().resource(job("validate-values",
          Map.of(KubernetesTestServer.FAIL_WITH_ANNOTATION, "account mismatch"))).create();
      waitForJob("validate-values");

      List<Pod> pods = client.pods().withLabel("job-name", "validate-values").list().getItems();

      assertThat(pods).singleElement().satisfies(p -> assertThat(p.getStatus().getPhase()).isEqualTo("Failed"));
      assertThat(client.pods().withName(pods.get(0).getMetadata().getName()).inContainer("main").getLog())
          .isEqualTo("account mismatch\n");
    }

    @Test
    void completesOtherJobsAndDeletesTheirPodsWithThem() {
      client.batch().v1().jobs().resource(job("redis-secret-init", Map.of())).create();
      Job done = waitForJob("redis-secret-init");
      assertThat(done.getStatus().getSucceeded()).isEqualTo(1);
      assertThat(client.pods().withLabel("job-name", "redis-secret-init").list().getItems()).hasSize(1);

      client.batch().v1().jobs().withName("redis-secret-init").delete();

      assertThat(client.pods().withLabel("job-name", "redis-secret-init").list().getItems()).isEmpty();
    }

    private Job waitForJob(String name) {
      return client.batch().v1().jobs().withName(name).waitUntilCondition(j -> j != null && j.getStatus() != null
          && j.getStatus().getConditions() != null && !j.getStatus().getConditions().isEmpty(), 10, TimeUnit.SECONDS);
    }
  }

  @Nested
  class Faults {

    @Test
    void answersAnInjectedServerErrorTheGivenNumberOfTimes() {
      server.inject(Fault.status(500).on("GET", "/api/v1/namespaces/codefresh/configmaps/cfg").times(2));
      client.configMaps().resource(configMap("cfg", Map.of())).create();
      KubernetesClient noRetry = new io.fabric8.kubernetes.client.KubernetesClientBuilder()
          .withConfig(new io.fabric8.kubernetes.client.ConfigBuilder(server.config())
              .withRequestRetryBackoffLimit(0).build()).build();
      try (noRetry) {
        assertThatThrownBy(() -> noRetry.configMaps().withName("cfg").get())
            .isInstanceOf(KubernetesClientException.class)
            .extracting(e -> ((KubernetesClientException) e).getCode()).isEqualTo(500);
        assertThatThrownBy(() -> noRetry.configMaps().withName("cfg").get())
            .isInstanceOf(KubernetesClientException.class);
        assertThat(noRetry.configMaps().withName("cfg").get()).isNotNull();
      }
      assertThat(server.journal().calls("GET", "/api/v1/namespaces/codefresh/configmaps/cfg"))
          .extracting(RecordedCall::status).containsExactly(500, 500, 200);
    }

    @Test
    void answersTooManyRequestsWithRetryAfterAndAStatus() throws Exception {
      server.inject(Fault.tooManyRequests(Duration.ofMillis(1500)).on("GET", "/api/v1/namespaces"));
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

      java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create(server.url() + "/api/v1/namespaces")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(429);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
      assertThat(response.body()).contains("\"reason\":\"TooManyRequests\"", "\"retryAfterSeconds\":2");
    }

    @Test
    void fabric8RetriesA429AfterRetryAfter() {
      server.inject(Fault.tooManyRequests(Duration.ofSeconds(1)).on("GET", "/api/v1/namespaces/codefresh/configmaps/cfg"));
      client.configMaps().resource(configMap("cfg", Map.of())).create();

      assertThat(client.configMaps().withName("cfg").get()).isNotNull();

      assertThat(server.journal().calls("GET", "/api/v1/namespaces/codefresh/configmaps/cfg"))
          .extracting(RecordedCall::status).containsExactly(429, 200);
    }

    @Test
    void dropsAConnectionWithoutAnswer() {
      server.inject(Fault.dropConnection().on("GET", "/api/v1/namespaces/codefresh/configmaps/cfg"));
      client.configMaps().resource(configMap("cfg", Map.of())).create();

      assertThat(client.configMaps().withName("cfg").get()).isNotNull();

      assertThat(server.journal().calls("GET", "/api/v1/namespaces/codefresh/configmaps/cfg"))
          .extracting(RecordedCall::status).containsExactly(RecordedCall.DROPPED, 200);
    }

    @Test
    void fabric8RetriesServerErrorsOnItsOwn() {
      server.inject(Fault.status(503).on("GET", "/api/v1/namespaces/codefresh/configmaps/cfg").times(2));
      client.configMaps().resource(configMap("cfg", Map.of())).create();

      assertThat(client.configMaps().withName("cfg").get()).isNotNull();

      assertThat(server.journal().calls("GET", "/api/v1/namespaces/codefresh/configmaps/cfg"))
          .extracting(RecordedCall::status).containsExactly(503, 503, 200);
    }

    @Test
    void answersEveryRequestAfterTheConfiguredLatency() {
      server.latency(Duration.ofMillis(30));

      client.configMaps().resource(configMap("cfg", Map.of("a", "1"))).serverSideApply();

      assertThat(client.configMaps().withName("cfg").get().getData()).containsEntry("a", "1");
      assertThat(server.journal().calls()).extracting(RecordedCall::status).containsExactly(201, 200);
    }

    @Test
    void journalKeepsNoBodiesByDefault() {
      client.configMaps().resource(configMap("cfg", Map.of("token", "s3cr3t"))).serverSideApply();

      assertThat(server.journal().calls()).singleElement().satisfies(call -> {
        assertThat(call.isServerSideApply()).isTrue();
        assertThat(call.body()).isNull();
        assertThat(call.bodySize()).isPositive();
        assertThat(call.uri()).doesNotContain("s3cr3t");
      });
    }
  }

  static CustomResourceDefinition crd() {
    return new CustomResourceDefinitionBuilder().withNewMetadata().withName("products.codefresh.io").endMetadata()
        .withNewSpec().withGroup("codefresh.io").withScope("Namespaced")
        .withNewNames().withKind("Product").withPlural("products").withSingular("product").withListKind("ProductList")
        .endNames()
        .addNewVersion().withName("v1alpha1").withServed(true).withStorage(true)
        .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
        .endOpenAPIV3Schema().endSchema().withNewSubresources().withNewStatus().endStatus().endSubresources()
        .endVersion().endSpec().build();
  }

  static Job job(String name, Map<String, String> annotations) {
    return new JobBuilder().withNewMetadata().withName(name).withNamespace("codefresh").withAnnotations(annotations)
        .endMetadata().withNewSpec().withBackoffLimit(0).withNewTemplate().withNewSpec().withRestartPolicy("Never")
        .addNewContainer().withName("main").withImage("quay.io/codefresh/gitops-runtime-installer:0.30.0")
        .endContainer().endSpec().endTemplate().endSpec().build();
  }
}
