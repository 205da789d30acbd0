package io.gitopsruntime.helm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code helm show chart <chart> [--version <v>]}: the chart's {@code Chart.yaml}, for its name and the version
 * an unpinned reference resolves to. Immutable and thread-safe.
 *
 * @param chart the chart reference
 * @param version the version, or empty for the newest
 * @param plainHttp whether an {@code oci://} registry is spoken to over plain HTTP
 */
record HelmShowChartCommand(String chart, Optional<String> version, boolean plainHttp) implements HelmCommand {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Override
  public List<String> arguments() {
    List<String> args = new ArrayList<>(List.of("show", "chart", chart));
    version.ifPresent(v -> {
      args.add("--version");
      args.add(v);
    });
    if (plainHttp) {
      args.add("--plain-http");
    }
    return args;
  }

  /**
   * Reads name and version.
   *
   * @param yaml what helm printed
   * @return {@code name-version}, as {@code helm status} names the chart
   * @throws IllegalArgumentException if it has no name or version
   */
  static String nameAndVersion(String yaml) {
    try {
      JsonNode root = YAML.readTree(yaml);
      if (root == null || !root.hasNonNull("name") || !root.hasNonNull("version")) {
        throw new IllegalArgumentException("helm show chart printed no name and version");
      }
      return root.get("name").asText() + "-" + root.get("version").asText();
    } catch (IOException e) {
      throw new IllegalArgumentException("helm show chart printed something that is not YAML", e);
    }
  }
}
