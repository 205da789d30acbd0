package io.gitopsruntime.helm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitopsruntime.helm.internal.HelmRevision;
import io.gitopsruntime.helm.internal.KubeTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code helm history <release> --namespace <ns> -o json}: the revisions, their states and charts, to find the
 * one to roll back to and the chart that is deployed ({@code helm status -o json} has no chart: Helm 3 and 4
 * strip it). Each entry is {@code {"revision":2,"updated":"...","status":"deployed","chart":"gitops-runtime-0.30.0",
 * "app_version":"...","description":"Upgrade complete"}} in both majors. Immutable and thread-safe.
 *
 * @param release the release name
 * @param namespace the namespace
 * @param kube the cluster
 */
record HelmHistoryCommand(String release, String namespace, KubeTarget kube) implements HelmCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public List<String> arguments() {
    List<String> args = new ArrayList<>(List.of("history", release, "--namespace", namespace, "-o", "json"));
    args.addAll(kube.helmFlags());
    return args;
  }

  /**
   * Reads the revisions.
   *
   * @param json what helm printed
   * @return the revisions, oldest first
   * @throws IllegalArgumentException if it is not a JSON array
   */
  static List<HelmRevision> parse(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null || !root.isArray()) {
        throw new IllegalArgumentException("helm history printed no list");
      }
      List<HelmRevision> out = new ArrayList<>();
      root.forEach(r -> out.add(new HelmRevision(r.path("revision").asInt(), r.path("status").asText("unknown"),
          r.path("chart").asText(""))));
      return out;
    } catch (IOException e) {
      throw new IllegalArgumentException("helm history printed something that is not JSON", e);
    }
  }
}
