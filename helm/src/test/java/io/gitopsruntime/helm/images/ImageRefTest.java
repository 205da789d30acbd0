package io.gitopsruntime.helm.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageRefTest {
  private static final String DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @Nested
  class Valid {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "nginx, docker.io/library/nginx:latest",
        "nginx:1.27, docker.io/library/nginx:1.27",
        "alpine/kubectl:1.36.2, docker.io/alpine/kubectl:1.36.2",
        "docker.io/nginx, docker.io/library/nginx:latest",
        "index.docker.io/library/nginx:1.27, docker.io/library/nginx:1.27",
        "ghcr.io/x:tag, ghcr.io/x:tag",
        "ghcr.io/oliver006/redis_exporter, ghcr.io/oliver006/redis_exporter:latest",
        "quay.io/argoproj/argocd:v3.3.10, quay.io/argoproj/argocd:v3.3.10",
        "ecr-public.aws.com/docker/library/redis:8.2.2-alpine, ecr-public.aws.com/docker/library/redis:8.2.2-alpine",
        "registry.local:5000/tools/debug:1, registry.local:5000/tools/debug:1",
        "myhost:5000/debug, myhost:5000/debug:latest",
        "localhost/sidecar, localhost/sidecar:latest",
        "localhost:5000/a/b/c:v1, localhost:5000/a/b/c:v1",
        "library/nginx, docker.io/library/nginx:latest",
        " quay.io/codefresh/frpc:cace4c0 , quay.io/codefresh/frpc:cace4c0"})
    void normalizesAsContainerRuntimesDo(String given, String normalized) {
      assertThat(ImageRef.parse(given).reference()).isEqualTo(normalized);
    }

    @Test
    void splitsRegistryRepositoryAndTag() {
      ImageRef ref = ImageRef.parse("registry.local:5000/tools/debug:1.2");
      assertThat(ref.registry()).isEqualTo("registry.local:5000");
      assertThat(ref.repository()).isEqualTo("tools/debug");
      assertThat(ref.tag()).contains("1.2");
      assertThat(ref.digest()).isEmpty();
      assertThat(ref.places()).isEmpty();
    }

    @Test
    void keepsADigestWithoutAddingLatest() {
      ImageRef ref = ImageRef.parse("registry.local:5000/tools/debug@" + DIGEST);
      assertThat(ref.reference()).isEqualTo("registry.local:5000/tools/debug@" + DIGEST);
      assertThat(ref.tag()).isEmpty();
      assertThat(ref.digest()).contains(DIGEST);
    }

    @Test
    void keepsBothTagAndDigest() {
      ImageRef ref = ImageRef.parse("redis:8.2@" + DIGEST);
      assertThat(ref.reference()).isEqualTo("docker.io/library/redis:8.2@" + DIGEST);
      assertThat(ref.tag()).isEqualTo(Optional.of("8.2"));
    }

    @Test
    void singleNameIsInDockerHubsLibrary() {
      ImageRef ref = ImageRef.parse("redis");
      assertThat(ref.registry()).isEqualTo("docker.io");
      assertThat(ref.repository()).isEqualTo("library/redis");
      assertThat(ref.tag()).contains("latest");
    }

    @Test
    void firstSegmentWithoutDotColonOrLocalhostIsARepositoryOnDockerHub() {
      ImageRef ref = ImageRef.parse("codefresh/frpc:1");
      assertThat(ref.registry()).isEqualTo("docker.io");
      assertThat(ref.repository()).isEqualTo("codefresh/frpc");
    }
  }

  @Nested
  class Invalid {
    @Test
    void rejectsAnEmptyReference() {
      assertThatThrownBy(() -> ImageRef.parse("  ")).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("\"  \" is not an image reference: it is empty.");
    }

    @Test
    void rejectsUpperCaseRepository() {
      assertThatThrownBy(() -> ImageRef.parse("quay.io/Codefresh/frpc:1")).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("\"quay.io/Codefresh/frpc:1\" is not a valid image reference: its repository \"Codefresh/frpc\""
              + " must be lower-case letters, digits and separators ('.', '_', '__', '-') between '/'.");
    }

    @Test
    void rejectsAMalformedDigest() {
      assertThatThrownBy(() -> ImageRef.parse("nginx@sha256:xyz")).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("\"nginx@sha256:xyz\" is not a valid image reference: its digest \"sha256:xyz\" is not"
              + " ALGORITHM:HEX, such as sha256:<64 hex digits>.");
    }

    @Test
    void rejectsAnEmptyTag() {
      assertThatThrownBy(() -> ImageRef.parse("quay.io/codefresh/frpc:")).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("\"quay.io/codefresh/frpc:\" is not a valid image reference: its tag \"\" is not 1 to 128"
              + " letters, digits, '_', '.' or '-'.");
    }
  }
}
