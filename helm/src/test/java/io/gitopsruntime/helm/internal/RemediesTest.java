package io.gitopsruntime.helm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.install.ObjectRef;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemediesTest {
  private static final KubeTarget DEFAULT = new KubeTarget(Optional.empty(), Optional.empty());

  @Test
  void writesDurationsAsHelmDoes() {
    assertThat(Remedies.format(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(Remedies.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(Remedies.format(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(Remedies.format(Duration.ofMillis(300))).isEqualTo("300ms");
  }

  @Test
  void adoptsACustomResourceDefinition() {
    assertThat(Remedies.adopt(ObjectRef.clusterScoped("apiextensions.k8s.io/v1", "CustomResourceDefinition",
        "applications.argoproj.io"), "cf-gitops-runtime", "codefresh", DEFAULT)).isEqualTo(
        "  kubectl label customresourcedefinition applications.argoproj.io app.kubernetes.io/managed-by=Helm --overwrite\n"
            + "  kubectl annotate customresourcedefinition applications.argoproj.io"
            + " meta.helm.sh/release-name=cf-gitops-runtime meta.helm.sh/release-namespace=codefresh --overwrite");
  }

  @Test
  void adoptsANamespacedCustomResourceByKindAndGroup() {
    assertThat(Remedies.adopt(ObjectRef.of("argoproj.io/v1alpha1", "AppProject", "codefresh", "default"), "r", "codefresh",
        new KubeTarget(Optional.empty(), Optional.of("prod")))).isEqualTo(
        "  kubectl label appproject.argoproj.io default -n codefresh --context prod app.kubernetes.io/managed-by=Helm"
            + " --overwrite\n"
            + "  kubectl annotate appproject.argoproj.io default -n codefresh --context prod meta.helm.sh/release-name=r"
            + " meta.helm.sh/release-namespace=codefresh --overwrite");
  }
}
