package io.gitopsruntime.helm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitopsruntime.helm.internal.HelmRelease;
import io.gitopsruntime.helm.internal.KubeTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code helm status <release> --namespace <ns> -o json}, and the parsing of the few fields the installer
 * reads. The JSON is the whole release, user values included: it is parsed, never shown. Real Helm (3 and 4)
 * strips the chart from it: its keys are {@code name, info, config, manifest, version, namespace} (Helm 4 adds
 * {@code apply_method}); the deployed chart comes from {@link HelmHistoryCommand}.
 * Immutable and thread-safe.
 *
 * @param release the release name
 * @param namespace the namespace
 * @param kube the cluster
 */
record HelmStatusCommand(String release, String namespace, KubeTarget kube) implements HelmCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public List<String> arguments() {
    List<String> args = new ArrayList<>(List.of("status", release, "--namespace", namespace, "-o", "json"));
    args.addAll(kube.helmFlags());
    return args;
  }

  /**
   * Whether helm's error says the release does not exist.
   *
   * @param stderr what helm printed
   * @return true for {@code Error: release: not found}
   */
  static boolean notFound(String stderr) {
    return stderr.contains("release: not found");
  }

  /**
   * Reads name, revision and status from the JSON; the chart too, in the unlikely case that it is there.
   *
   * @param json what helm printed
   * @param namespace the namespace asked for
   * @return the release
   * @throws IllegalArgumentException if it is not the JSON of a release (the message does not quote it)
   */
  static HelmRelease parse(String json, String namespace) {
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null || !root.has("info")) {
        throw new IllegalArgumentException("helm status printed no release");
      }
      JsonNode metadata = root.path("chart").path("metadata");
      return new HelmRelease(root.path("name").asText(), root.path("namespace").asText(namespace),
          root.path("version").asInt(), root.path("info").path("status").asText("unknown"),
          metadata.path("name").asText(""), metadata.path("version").asText(""));
    } catch (IOException e) {
      throw new IllegalArgumentException("helm status printed something that is not JSON", e);
    }
  }
}
