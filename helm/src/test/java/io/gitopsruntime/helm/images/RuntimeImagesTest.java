package io.gitopsruntime.helm.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.RuntimeInstallation;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuntimeImagesTest {
  static final String DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  static final String RELEASE = RuntimeInstallation.DEFAULT_RELEASE;
  static final List<String> TUNNEL_IMAGES = List.of(
      "docker.io/alpine/kubectl:1.36.2",
      "docker.io/nginxinc/nginx-unprivileged:1.31.3-alpine3.24",
      "ecr-public.aws.com/docker/library/redis:8.2.2-alpine",
      "ghcr.io/dexidp/dex:v2.45.1",
      "ghcr.io/oliver006/redis_exporter:latest",
      "localhost/sidecar:latest",
      "quay.io/argoproj/argocd:v3.3.10",
      "quay.io/argoproj/argocli:v3.7.2",
      "quay.io/argoproj/argoexec:v3.7.2",
      "quay.io/argoproj/workflow-controller:v3.7.2",
      "quay.io/codefresh/cap-app-proxy-init:1.4124.0",
      "quay.io/codefresh/cap-app-proxy:1.4124.0",
      "quay.io/codefresh/cf-argocd-extras:4212bc7",
      "quay.io/codefresh/codefresh-gitops-operator:c0ef368",
      "quay.io/codefresh/frpc:cace4c0",
      "quay.io/codefresh/gitops-runtime-installer:0.30.0",
      "quay.io/codefresh/sealed-secrets-controller:0.36.0",
      "quay.io/codefreshplugins/argo-hub-codefresh-csdp-image-enricher-git-info:1.1.31",
      "quay.io/codefreshplugins/argo-hub-codefresh-csdp-image-enricher-jira-info:1.1.31",
      "quay.io/codefreshplugins/argo-hub-codefresh-csdp-report-image-info:1.1.31",
      "registry.local:5000/tools/debug@" + DIGEST);

  private final RuntimeImages images = RuntimeImages.builder().build();

  private static ImageRef find(List<ImageRef> found, String reference) {
    return found.stream().filter(i -> i.reference().equals(reference)).findFirst()
        .orElseThrow(() -> new AssertionError(reference + " not found in " + found));
  }

  @Nested
  class Found {
    @Test
    void listsEveryImageOfTheRenderNormalizedDeduplicatedAndSorted() {
      List<ImageRef> found = images.of(ImagesChart.installation(""));
      assertThat(found).extracting(ImageRef::reference).containsExactlyElementsOf(TUNNEL_IMAGES);
    }

    @Test
    void tracesAnImageToEveryObjectAndContainerThatRunsIt() {
      ImageRef argocd = find(images.of(ImagesChart.installation("")), "quay.io/argoproj/argocd:v3.3.10");
      assertThat(argocd.places()).extracting(ImagePlace::toString).containsExactly(
          "Deployment/argocd-server container server (containers)",
          "Job/argocd-redis-secret-init container secret-init (containers, hook)",
          "StatefulSet/argocd-application-controller container application-controller (containers)");
    }

    @Test
    void findsTheExecutorImagePassedAsAContainerArgument() {
      ImageRef executor = find(images.of(ImagesChart.installation("")), "quay.io/argoproj/argoexec:v3.7.2");
      assertThat(executor.places()).containsExactly(new ImagePlace("Deployment", "",
          RELEASE + "-argo-workflows-workflow-controller", "controller", "args --executor-image", false));
    }

    @Test
    void findsTheEnrichmentImagesInTheAppProxyConfigMap() {
      ImageRef report = find(images.of(ImagesChart.installation("")),
          "quay.io/codefreshplugins/argo-hub-codefresh-csdp-report-image-info:1.1.31");
      assertThat(report.places()).containsExactly(
          new ImagePlace("ConfigMap", "", "cap-app-proxy-cm", "enrichmentReportImage", "data", false));
    }

    @Test
    void findsInitContainersHooksCronJobsAndCustomResources() {
      List<ImageRef> found = images.of(ImagesChart.installation(""));
      assertThat(find(found, "quay.io/codefresh/cap-app-proxy-init:1.4124.0").places()).extracting(ImagePlace::field)
          .containsExactly("initContainers");
      assertThat(find(found, "quay.io/codefresh/gitops-runtime-installer:0.30.0").places()).containsExactly(
          new ImagePlace("Job", "", "validate-values", "validate-values", "containers", true));
      assertThat(find(found, "docker.io/alpine/kubectl:1.36.2").places()).containsExactly(
          new ImagePlace("CronJob", "", "cleanup", "kubectl", "containers", false));
      assertThat(find(found, "registry.local:5000/tools/debug@" + DIGEST).places()).containsExactly(
          new ImagePlace("DebugPool", "", "debug-pool", "debug", "containers", false));
      assertThat(find(found, "localhost/sidecar:latest").places()).extracting(ImagePlace::field)
          .containsExactly("ephemeralContainers");
    }

    @Test
    void followsTheValues() {
      List<ImageRef> found = images.of(ImagesChart.installation("  imageRegistry: mirror.example.com:8443\n"
          + "sealed-secrets:\n  enabled: false\n"
          + "app-proxy:\n  image-enrichment:\n    enabled: false\n"));
      assertThat(found).extracting(ImageRef::reference)
          .contains("mirror.example.com:8443/codefresh/codefresh-gitops-operator:c0ef368",
              "mirror.example.com:8443/codefresh/cf-argocd-extras:4212bc7")
          .doesNotContain("quay.io/codefresh/codefresh-gitops-operator:c0ef368",
              "quay.io/codefresh/sealed-secrets-controller:0.36.0",
              "quay.io/codefreshplugins/argo-hub-codefresh-csdp-report-image-info:1.1.31")
          .hasSize(TUNNEL_IMAGES.size() - 4);
    }

    @Test
    void returnsAnImmutableList() {
      List<ImageRef> found = images.of(ImagesChart.installation(""));
      assertThatThrownBy(() -> found.remove(0)).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> found.get(0).places().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Nested
  class Invalid {
    @Test
    void namesTheObjectAndContainerOfAnImageNoRuntimeCanPull() {
      RuntimeInstallation installation = ImagesChart.installation("cleanup:\n  image: Alpine/Kubectl:1\n");
      assertThatThrownBy(() -> images.of(installation)).isInstanceOf(GitOpsRuntimeException.class)
          .hasMessage("The chart " + ImagesChart.path() + " renders an image that no container runtime can pull:"
              + " CronJob/cleanup container kubectl (containers): \"Alpine/Kubectl:1\" is not a valid image reference:"
              + " its repository \"Alpine/Kubectl\" must be lower-case letters, digits and separators ('.', '_', '__',"
              + " '-') between '/'. Check the image values of that object.");
    }

    @Test
    void saysWhyAChartCannotBeRendered() {
      RuntimeInstallation installation = RuntimeInstallation.builder()
          .chart(ImagesChart.path().resolve("missing").toString()).build();
      assertThatThrownBy(() -> images.of(installation)).isInstanceOf(GitOpsRuntimeException.class)
          .hasMessageStartingWith("Could not list the images of release " + RELEASE + " in namespace codefresh: ");
    }

    @Test
    void rejectsAMalformedKubeVersion() {
      assertThatThrownBy(() -> RuntimeImages.builder().kubeVersion("1.33")).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("kubeVersion must be vMAJOR.MINOR.PATCH, such as v1.33.4, not \"1.33\"");
    }
  }
}
