package io.gitopsruntime.helm.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValuesYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The {@code shop} test chart (test resources, {@code charts/shop}): the real chart's CRD shapes behind subchart
 * conditions and tags. A {@code crds/} directory in the parent and in two subcharts ({@code sealer}, condition
 * {@code sealer.enabled}, on by default; {@code workflows} aliased {@code wf}, condition {@code wf.enabled} unset
 * by default, tag {@code pipelines} on by default); templated CRDs with and without
 * {@code helm.sh/resource-policy: keep} in the parent, in {@code wf} and in {@code extras} (tag {@code extras},
 * off by default); a ConfigMap with the annotation and one without.
 */
public final class ShopChart {
  private ShopChart() {}

  /**
   * The chart's directory in the test classes.
   *
   * @return the directory
   */
  public static Path path() {
    try {
      return Path.of(Objects.requireNonNull(ShopChart.class.getResource("/charts/shop/Chart.yaml")).toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An installation of the chart with values.
   *
   * @param values the values YAML
   * @return the installation
   */
  public static RuntimeInstallation installation(String values) {
    return RuntimeInstallation.builder().chart(path().toString()).values(ValuesYaml.parse(values)).build();
  }

  /**
   * What a real {@code helm template --include-crds} renders, as {@code Kind/name}, sorted.
   *
   * @param helm the binary
   * @param values the values YAML
   * @param tmp a scratch directory
   * @return the objects
   */
  public static List<String> helmTemplate(Path helm, String values, Path tmp) {
    try {
      Path file = Files.createTempFile(tmp, "values", ".yaml");
      Files.writeString(file, values, StandardCharsets.UTF_8);
      Path out = tmp.resolve(file.getFileName() + ".out");
      Process p = new ProcessBuilder(helm.toString(), "template", RuntimeInstallation.DEFAULT_RELEASE, path().toString(),
          "--namespace", RuntimeInstallation.DEFAULT_NAMESPACE, "--include-crds", "-f", file.toString())
          .redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException(helm + " template failed: " + Files.readString(out));
      }
      TreeSet<String> objects = new TreeSet<>();
      try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class)
          .readValues(Files.readString(out))) {
        while (docs.hasNext()) {
          JsonNode doc = docs.next();
          if (doc != null && doc.hasNonNull("kind")) {
            objects.add(doc.get("kind").asText() + "/" + doc.path("metadata").path("name").asText());
          }
        }
      }
      return new ArrayList<>(objects);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
