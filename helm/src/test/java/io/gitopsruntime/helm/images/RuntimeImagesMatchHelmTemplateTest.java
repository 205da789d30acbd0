package io.gitopsruntime.helm.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.Exports;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.testing.cluster.TestAssets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images found are exactly those in real {@code helm template} output (Helm 3 and Helm 4) of the images test
 * chart, for the tunnel, ingress and service-mesh access modes: every container's {@code image} field, hooks
 * included, plus the executor image argument and the enrichment images of app-proxy's ConfigMap. Without the Helm
 * binaries the test is skipped, or fails when {@code GITOPS_RUNTIME_REQUIRE_REAL_CLUSTER=true}.
 */
class RuntimeImagesMatchHelmTemplateTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"tunnel", "ingress", "service mesh"})
  void findsTheImagesRealHelmRenders(String mode) throws Exception {
    TestAssets assets = TestAssets.fromEnvironment();
    Optional<Path> helm3 = assets.helm3();
    Optional<Path> helm4 = assets.helm4();
    if (helm3.isEmpty() || helm4.isEmpty()) {
      if ("true".equals(System.getenv("GITOPS_RUNTIME_REQUIRE_REAL_CLUSTER"))) {
        throw new AssertionError("GITOPS_RUNTIME_REQUIRE_REAL_CLUSTER=true but " + assets.skipMessage());
      }
      Assumptions.abort(assets.skipMessage());
    }
    RuntimeInstallation base = ImagesChart.installation("");
    RuntimeInstallation installation = switch (mode) {
      case "ingress" -> RuntimeInstallation.builder().from(base).ingress("runtime.example.com", "nginx").build();
      case "service mesh" -> RuntimeInstallation.builder().from(base).serviceMesh("https://gitops.example.com").build();
      default -> base;
    };
    List<ImageRef> found = RuntimeImages.builder().build().of(installation);
    Path values = Files.writeString(tmp.resolve("values.yaml"), Exports.valuesYaml(installation, SecretHandling.REVEAL),
        StandardCharsets.UTF_8);

    for (Path helm : List.of(helm3.get(), helm4.get())) {
      Rendered rendered = render(helm, values);
      assertThat(references(found, true)).as("%s, %s: container images", helm.getFileName(), mode)
          .isEqualTo(rendered.containerImages);
      assertThat(references(found, false)).as("%s, %s: images outside image fields", helm.getFileName(), mode)
          .isEqualTo(rendered.otherImages);
    }
    if (mode.equals("tunnel")) {
      assertThat(found).extracting(ImageRef::reference).contains("quay.io/codefresh/frpc:cace4c0");
    } else {
      assertThat(found).extracting(ImageRef::reference).doesNotContain("quay.io/codefresh/frpc:cace4c0")
          .hasSize(RuntimeImagesTest.TUNNEL_IMAGES.size() - 1);
    }
  }

  /** The references found in container fields (or outside them), normalized. */
  private static TreeSet<String> references(List<ImageRef> found, boolean containers) {
    TreeSet<String> references = new TreeSet<>();
    for (ImageRef image : found) {
      boolean inContainer = image.places().stream().anyMatch(p -> p.field().endsWith("ontainers"));
      boolean outside = image.places().stream().anyMatch(p -> !p.field().endsWith("ontainers"));
      if (containers ? inContainer : outside) {
        references.add(image.reference());
      }
    }
    return references;
  }

  private record Rendered(TreeSet<String> containerImages, TreeSet<String> otherImages) {}

  /** Real Helm's render: every {@code image} string, the {@code --executor-image} arguments, the ConfigMap images. */
  private Rendered render(Path helm, Path values) throws Exception {
    Path out = Files.createTempFile(tmp, "rendered", ".yaml");
    Process p = new ProcessBuilder(helm.toString(), "template", RuntimeInstallation.DEFAULT_RELEASE,
        ImagesChart.path().toString(), "--namespace", RuntimeInstallation.DEFAULT_NAMESPACE, "-f", values.toString())
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new AssertionError(helm + " template failed: " + Files.readString(out));
    }
    Rendered rendered = new Rendered(new TreeSet<>(), new TreeSet<>());
    try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(Files.readString(out))) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc == null || !doc.isObject()) {
          continue;
        }
        collect(doc, rendered);
        if (doc.path("kind").asText().equals("ConfigMap")) {
          for (Map.Entry<String, JsonNode> e : doc.path("data").properties()) {
            if (e.getKey().endsWith("Image")) {
              rendered.otherImages.add(ImageRef.parse(e.getValue().asText()).reference());
            }
          }
        }
      }
    }
    return rendered;
  }

  private static void collect(JsonNode node, Rendered rendered) {
    if (node.isObject()) {
      if (node.path("image").isTextual()) {
        rendered.containerImages.add(ImageRef.parse(node.get("image").asText()).reference());
      }
      List<String> args = new ArrayList<>();
      node.path("args").forEach(a -> args.add(a.asText()));
      int at = args.indexOf("--executor-image");
      if (at >= 0 && at + 1 < args.size()) {
        rendered.otherImages.add(ImageRef.parse(args.get(at + 1)).reference());
      }
      node.forEach(child -> collect(child, rendered));
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, rendered));
    }
  }
}
