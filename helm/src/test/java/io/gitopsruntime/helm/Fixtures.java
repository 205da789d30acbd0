package io.gitopsruntime.helm;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.Map;

/** Objects the tests put in the test API server. */
public final class Fixtures {
  private Fixtures() {}

  /** A hook Job as Helm creates it. */
  public static Job hookJob(String name, String event) {
    return new JobBuilder().withNewMetadata().withName(name).addToAnnotations("helm.sh/hook", event).endMetadata()
        .withNewSpec().withBackoffLimit(0).withNewTemplate().withNewSpec().withRestartPolicy("Never")
        .addNewContainer().withName(name).withImage("quay.io/codefresh/gitops-runtime-installer:0.30.0").endContainer()
        .endSpec().endTemplate().endSpec().build();
  }

  /** A Deployment of a release, as Helm annotates it. */
  public static Deployment releaseDeployment(String name, String release, String namespace, int replicas) {
    return new DeploymentBuilder().withNewMetadata().withName(name).addToLabels("app.kubernetes.io/managed-by", "Helm")
        .addToAnnotations("meta.helm.sh/release-name", release).addToAnnotations("meta.helm.sh/release-namespace", namespace)
        .endMetadata().withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata().withNewSpec().addNewContainer()
        .withName(name).withImage("quay.io/codefresh/" + name + ":1").endContainer().endSpec().endTemplate().endSpec()
        .build();
  }

  /** A CRD that belongs to no release. */
  public static CustomResourceDefinition crd(String plural, String group, String kind, Map<String, String> annotations) {
    return new CustomResourceDefinitionBuilder().withNewMetadata().withName(plural + "." + group)
        .addToAnnotations(annotations).endMetadata().withNewSpec().withGroup(group).withScope("Namespaced")
        .withNewNames().withKind(kind).withPlural(plural).withSingular(kind.toLowerCase(java.util.Locale.ROOT))
        .endNames().addNewVersion().withName("v1alpha1").withServed(true).withStorage(true).withNewSchema()
        .withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true).endOpenAPIV3Schema()
        .endSchema().endVersion().endSpec().build();
  }
}
