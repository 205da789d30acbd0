package io.gitopsruntime.helm.manifest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesiredTest {

  private static Renderer.Document doc(String apiVersion, String kind, String name, Map<String, Object> annotations) {
    return new Renderer.Document(Json.object("apiVersion", apiVersion, "kind", kind,
        "metadata", Json.object("name", name, "annotations", annotations.isEmpty() ? null : annotations)), "t.yaml", false);
  }

  private static Map<String, Object> hook(String events, String weight) {
    return Json.object("helm.sh/hook", events, "helm.sh/hook-weight", weight);
  }


  @Test
  void ordersHooksByWeightThenNameKeepingTheKindOrderOfEqualNames() {
    List<Renderer.Document> docs = new ArrayList<>();
    docs.add(doc("v1", "ServiceAccount", "b", hook("pre-install", "0")));
    docs.add(doc("v1", "ConfigMap", "a", hook("pre-install", "0")));
    docs.add(doc("rbac.authorization.k8s.io/v1", "Role", "b", hook("pre-install,pre-upgrade", "0")));
    docs.add(doc("batch/v1", "Job", "z", hook("pre-install", "-5")));
    docs.add(doc("batch/v1", "Job", "y", hook("post-install", "-5")));
    docs.add(doc("batch/v1", "Job", "x", hook("pre-install", "nonsense")));
    docs.add(doc("v1", "ConfigMap", "main", Map.of()));

    Desired desired = Desired.resolve(new Renderer.Rendered(docs, "c", "1.0.0"), Clusters.served(), "rel", "ns");

    assertThat(desired.hooks("pre-install")).extracting(h -> h.object().ref().toString())
        .containsExactly("Job/ns/z", "ConfigMap/ns/a", "ServiceAccount/ns/b", "Role/ns/b", "Job/ns/x");
    assertThat(desired.hooks("pre-upgrade")).extracting(h -> h.object().ref().toString()).containsExactly("Role/ns/b");
    assertThat(desired.objects()).extracting(o -> o.ref().toString()).containsExactly("ConfigMap/ns/main");
    assertThat(desired.hooks("pre-install").get(0).deletePolicies()).containsExactly("before-hook-creation");
  }

  @Test
  void skipsAnObjectWithAnUnknownHookAsHelmDoes() {
    Desired desired = Desired.resolve(new Renderer.Rendered(List.of(doc("v1", "ConfigMap", "a",
        hook("pre-install,pre-frobnicate", "0"))), "c", "1.0.0"), Clusters.served(), "rel", "ns");

    assertThat(desired.hooks()).isEmpty();
    assertThat(desired.objects()).isEmpty();
  }

  @Test
  void fillsTheNamespaceAndHelmsOwnershipAndDropsTheNamespaceOfClusterScopedKinds() {
    Desired desired = Desired.resolve(new Renderer.Rendered(List.of(doc("v1", "ConfigMap", "a", Map.of()),
        new Renderer.Document(Json.object("apiVersion", "rbac.authorization.k8s.io/v1", "kind", "ClusterRole",
            "metadata", Json.object("name", "r", "namespace", "wrong")), "t.yaml", false)), "c", "1.0.0"),
        Clusters.served(), "rel", "ns");

    assertThat(desired.objects().get(0).body()).isEqualTo(Json.object("apiVersion", "v1", "kind", "ConfigMap",
        "metadata", Json.object("name", "a", "namespace", "ns", "labels", Json.object("app.kubernetes.io/managed-by", "Helm"),
            "annotations", Json.object("meta.helm.sh/release-name", "rel", "meta.helm.sh/release-namespace", "ns"))));
    assertThat(desired.objects().get(1).ref().namespace()).isEmpty();
    assertThat(Json.map(desired.objects().get(1).body(), "metadata")).doesNotContainKey("namespace");
  }

  @Test
  void addressesCustomResourcesOfTheChartsOwnCrdsBeforeTheyExist() {
    Map<String, Object> crd = Json.object("apiVersion", "apiextensions.k8s.io/v1", "kind", "CustomResourceDefinition",
        "metadata", Json.object("name", "widgets.example.com"), "spec", Json.object("group", "example.com",
            "scope", "Cluster", "names", Json.object("kind", "Widget", "plural", "widgets"),
            "versions", List.of(Json.object("name", "v1", "served", true))));

    Desired desired = Desired.resolve(new Renderer.Rendered(List.of(new Renderer.Document(crd, "crds/w.yaml", true),
        doc("example.com/v1", "Widget", "w", Map.of())), "c", "1.0.0"), Clusters.served(), "rel", "ns");

    assertThat(desired.objects().get(1).path()).isEqualTo("/apis/example.com/v1/widgets/w");
    assertThat(desired.objects().get(0).createOnly()).isTrue();
  }

  @Test
  void refusesKindsTheClusterDoesNotServe() {
    assertThatThrownBy(() -> Desired.resolve(new Renderer.Rendered(List.of(doc("monitoring.coreos.com/v1",
        "ServiceMonitor", "m", Map.of())), "c", "1.0.0"), Clusters.served(), "rel", "ns"))
        .isInstanceOf(Desired.UnservedKinds.class)
        .hasMessage("ServiceMonitor m (monitoring.coreos.com/v1, from t.yaml)");
  }

  @Test
  void givesTheSameDigestForTheSameObjectsAndAnotherForAChange() {
    List<Renderer.Document> one = List.of(doc("v1", "ConfigMap", "a", Map.of()));
    List<Renderer.Document> two = List.of(doc("v1", "ConfigMap", "b", Map.of()));

    String a = Desired.resolve(new Renderer.Rendered(one, "c", "1.0.0"), Clusters.served(), "rel", "ns").digest();

    assertThat(Desired.resolve(new Renderer.Rendered(one, "c", "1.0.0"), Clusters.served(), "rel", "ns").digest())
        .isEqualTo(a).startsWith("sha256:");
    assertThat(Desired.resolve(new Renderer.Rendered(two, "c", "1.0.0"), Clusters.served(), "rel", "ns").digest())
        .isNotEqualTo(a);
  }
}
