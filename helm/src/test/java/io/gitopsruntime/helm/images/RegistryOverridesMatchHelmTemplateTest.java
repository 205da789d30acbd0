package io.gitopsruntime.helm.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.Exports;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValuesTree;
import io.gitopsruntime.testing.cluster.TestAssets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With real {@code helm template} (Helm 3 and Helm 4), the user's values plus the override file render every image
 * on the private registry, under the mapping rule, and change nothing else in the output besides image fields, the
 * executor image argument, app-proxy's enrichment image strings and the pull secrets; for the tunnel, ingress and
 * service-mesh access modes of the images test chart. Without the Helm binaries the test is skipped, or fails when
 * {@code GITOPS_RUNTIME_REQUIRE_REAL_CLUSTER=true}.
 */
class RegistryOverridesMatchHelmTemplateTest {
  private static final String IMAGE = "<image>";
  @TempDir Path tmp;

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"tunnel", "ingress", "service mesh"})
  void realHelmRendersEveryImageOnTheMirrorAndNothingElseChanges(String mode) throws Exception {
    TestAssets assets = TestAssets.fromEnvironment();
    Optional<Path> helm3 = assets.helm3();
    Optional<Path> helm4 = assets.helm4();
    if (helm3.isEmpty() || helm4.isEmpty()) {
      if ("true".equals(System.getenv("GITOPS_RUNTIME_REQUIRE_REAL_CLUSTER"))) {
        throw new AssertionError("GITOPS_RUNTIME_REQUIRE_REAL_CLUSTER=true but " + assets.skipMessage());
      }
      Assumptions.abort(assets.skipMessage());
    }
    RuntimeInstallation installation = RegistryOverridesTest.installation(mode);
    RegistryOverrides overrides = RegistryOverridesTest.overrides();
    ValuesTree values = overrides.of(installation);
    List<String> expected = RuntimeImages.builder().build().of(installation).stream()
        .map(i -> overrides.mirrorOf(i.reference())).sorted().toList();
    Path user = Files.writeString(tmp.resolve("values.yaml"), Exports.valuesYaml(installation, SecretHandling.REVEAL),
        StandardCharsets.UTF_8);
    Path registry = Files.writeString(tmp.resolve("registry-values.yaml"), values.toYaml(), StandardCharsets.UTF_8);

    for (Path helm : List.of(helm3.get(), helm4.get())) {
      List<JsonNode> before = render(helm, user);
      List<JsonNode> after = render(helm, user, registry);
      List<String> images = new ArrayList<>();

      assertThat(after.stream().map(doc -> withoutImages(doc, images)).toList())
          .as("%s, %s: the render besides images and pull secrets", helm.getFileName(), mode)
          .isEqualTo(before.stream().map(doc -> withoutImages(doc, new ArrayList<>())).toList());
      assertThat(images.stream().map(i -> ImageRef.parse(i).reference()).distinct().sorted().toList())
          .as("%s, %s: every image", helm.getFileName(), mode).isEqualTo(expected)
          .allSatisfy(image -> assertThat(image).startsWith(RegistryOverridesTest.MIRROR + "/"));
      assertThat(after.stream().filter(d -> d.path("kind").asText().equals("Deployment"))
          .filter(d -> d.at("/spec/template/spec/imagePullSecrets").isArray())
          .map(d -> d.at("/metadata/name").asText()).toList())
          .as("%s, %s: the pull secret reaches each subchart's own key", helm.getFileName(), mode)
          .containsExactlyInAnyOrder("argocd-server", "cap-app-proxy", "sealed-secrets-controller",
              RuntimeInstallation.DEFAULT_RELEASE + "-argo-workflows-server");
    }
  }

  /** The document with every image replaced by a placeholder (and collected) and pull secrets dropped. */
  private static JsonNode withoutImages(JsonNode doc, List<String> images) {
    JsonNode copy = doc.deepCopy();
    strip(copy, images);
    if (copy.path("kind").asText().equals("ConfigMap") && copy.path("data") instanceof ObjectNode data) {
      for (Map.Entry<String, JsonNode> e : data.properties()) {
        if (e.getKey().endsWith("Image")) {
          images.add(e.getValue().asText());
          e.setValue(data.textNode(IMAGE));
        }
      }
    }
    return copy;
  }

  private static void strip(JsonNode node, List<String> images) {
    if (node instanceof ObjectNode object) {
      if (object.path("image").isTextual()) {
        images.add(object.get("image").asText());
        object.put("image", IMAGE);
      }
      object.remove("imagePullSecrets");
      if (object.path("args") instanceof ArrayNode args) {
        for (int i = 0; i + 1 < args.size(); i++) {
          if (args.get(i).asText().equals("--executor-image")) {
            images.add(args.get(i + 1).asText());
            args.set(i + 1, args.textNode(IMAGE));
          }
        }
      }
      object.forEach(child -> strip(child, images));
    } else if (node instanceof ArrayNode array) {
      array.forEach(child -> strip(child, images));
    }
  }

  private List<JsonNode> render(Path helm, Path... values) throws Exception {
    Path out = Files.createTempFile(tmp, "rendered", ".yaml");
    List<String> command = new ArrayList<>(List.of(helm.toString(), "template", RuntimeInstallation.DEFAULT_RELEASE,
        ImagesChart.path().toString(), "--namespace", RuntimeInstallation.DEFAULT_NAMESPACE));
    for (Path file : values) {
      command.add("-f");
      command.add(file.toString());
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new AssertionError(helm + " template failed: " + Files.readString(out));
    }
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(Files.readString(out))) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && doc.isObject()) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }
}
