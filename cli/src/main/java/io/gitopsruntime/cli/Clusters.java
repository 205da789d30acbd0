package io.gitopsruntime.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which cluster a command talks to, decided before any client exists: the kubeconfig and context the user
 * named, checked the way kubectl checks them (a context that does not exist, a file that does not parse or
 * one that names no usable context is a usage error, never silently replaced by another cluster), or the
 * pod's own service account when the tool really runs in a pod. Kept apart so that offline commands never
 * load the Kubernetes client.
 */
final class Clusters {
  /** The service-account token a pod has; with {@code KUBERNETES_SERVICE_HOST} it means "running in a pod". */
  static final Path SERVICE_ACCOUNT_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

  private Clusters() {}

  /**
   * Where a command's cluster is.
   *
   * @param kubeconfig the file given with --kubeconfig, or null for the default ones ($KUBECONFIG, then
   *     ~/.kube/config); when the default is several files, null as well (the client merges them)
   * @param context the checked context, or null in a pod
   * @param description how to name it in messages
   */
  record Target(@Nullable Path kubeconfig, @Nullable String context, String description) {}

  /**
   * The cluster the options name, checked.
   *
   * @return the target, or empty when there is no kubeconfig at all and this is not a pod
   * @throws UsageException if the kubeconfig or context named cannot be used
   */
  static Optional<Target> resolve(@Nullable String kubeconfigOption, @Nullable String contextOption, Command.Io io) {
    List<Path> files = new ArrayList<>();
    if (kubeconfigOption != null) {
      Path file = Path.of(kubeconfigOption);
      if (!Files.isRegularFile(file)) {
        throw new UsageException("--kubeconfig " + kubeconfigOption + ": no such file. Check the path.");
      }
      files.add(file);
    } else {
      String env = io.environment().get("KUBECONFIG");
      if (env != null && !env.isBlank()) {
        for (String entry : env.split(File.pathSeparator)) {
          if (!entry.isBlank() && Files.isRegularFile(Path.of(entry))) {
            files.add(Path.of(entry));
          }
        }
      } else {
        Path home = io.home().resolve(".kube").resolve("config");
        if (Files.isRegularFile(home)) {
          files.add(home);
        }
      }
    }
    if (files.isEmpty()) {
      if (inPod(io)) {
        if (contextOption != null) {
          throw new UsageException("--context " + contextOption + " was given, but there is no kubeconfig to take it from"
              + " (this pod's service account is used without one). Give the kubeconfig with --kubeconfig PATH.");
        }
        return Optional.of(new Target(null, null, "this pod's service account"));
      }
      if (contextOption != null) {
        throw new UsageException("--context " + contextOption + " was given, but there is no kubeconfig: " + noKubeconfig(io)
            + " Give it with --kubeconfig PATH.");
      }
      return Optional.empty();
    }

    Map<String, JsonNode> contexts = new LinkedHashMap<>();
    Map<String, JsonNode> clusters = new LinkedHashMap<>();
    String current = null;
    for (Path file : files) {
      JsonNode root = parse(file);
      collect(root.path("contexts"), contexts);
      collect(root.path("clusters"), clusters);
      String fileCurrent = root.path("current-context").asText("");
      if (current == null && !fileCurrent.isEmpty()) {
        current = fileCurrent;
      }
    }
    String where = files.size() == 1 ? "kubeconfig " + files.get(0) : "kubeconfig files " + files;
    String name = contextOption != null ? contextOption : current;
    if (name == null) {
      throw new UsageException(where + " names no current context. Choose one with --context"
          + (contexts.isEmpty() ? " (it has no contexts)." : ": " + String.join(", ", contexts.keySet()) + "."));
    }
    JsonNode context = contexts.get(name);
    if (context == null) {
      throw new UsageException((contextOption != null ? "context \"" + name + "\"" : "the current context \"" + name + "\"")
          + " does not exist in " + where + (contexts.isEmpty() ? " (it has no contexts)." : " (it has: "
              + String.join(", ", contexts.keySet()) + ").")
          + " Check the name with kubectl config get-contexts.");
    }
    String clusterName = context.path("context").path("cluster").asText("");
    JsonNode cluster = clusters.get(clusterName);
    if (cluster == null || cluster.path("cluster").path("server").asText("").isBlank()) {
      throw new UsageException("context \"" + name + "\" in " + where + (clusterName.isEmpty() ? " names no cluster"
          : cluster == null ? " names the cluster \"" + clusterName + "\", which is not in the file"
              : " names the cluster \"" + clusterName + "\", which has no server URL")
          + ". Check the file, or choose another context with --context.");
    }
    return Optional.of(new Target(kubeconfigOption != null || files.size() == 1 ? files.get(0) : null, name,
        "context \"" + name + "\" of " + where));
  }

  /** Why there is no cluster, for messages: what was looked for. */
  static String noKubeconfig(Command.Io io) {
    String env = io.environment().get("KUBECONFIG");
    return env != null && !env.isBlank() ? "no file of $KUBECONFIG (" + env + ") exists."
        : "$KUBECONFIG is not set and " + io.home().resolve(".kube").resolve("config") + " does not exist.";
  }

  private static boolean inPod(Command.Io io) {
    String host = io.environment().get("KUBERNETES_SERVICE_HOST");
    return host != null && !host.isBlank() && Files.isRegularFile(io.serviceAccountToken());
  }

  private static JsonNode parse(Path file) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      // the parser's own message quotes the line, and a kubeconfig line may hold a token: say only where
      JsonLocation at = e.getLocation();
      throw new UsageException("kubeconfig " + file + " is not valid YAML" + (at == null ? "" : " (line " + at.getLineNr()
          + ", column " + at.getColumnNr() + ")") + ". Check the file, or give another with --kubeconfig.");
    } catch (IOException e) {
      throw new UsageException("kubeconfig " + file + " cannot be read (" + e.getClass().getSimpleName() + "). Check its"
          + " permissions, or give another with --kubeconfig.");
    }
    if (root == null || !root.isObject()) {
      throw new UsageException("kubeconfig " + file + " is not a kubeconfig (no contexts, clusters or users)."
          + " Check the file, or give another with --kubeconfig.");
    }
    return root;
  }

  private static void collect(JsonNode list, Map<String, JsonNode> into) {
    if (list.isArray()) {
      for (JsonNode entry : list) {
        String name = entry.path("name").asText("");
        if (!name.isEmpty()) {
          into.putIfAbsent(name, entry);
        }
      }
    }
  }

  /** A client for a checked target; the caller closes it. */
  static KubernetesClient client(Target target) {
    try {
      Config config = target.kubeconfig() != null
          ? Config.fromKubeconfig(target.context(), Files.readString(target.kubeconfig(), StandardCharsets.UTF_8),
              target.kubeconfig().toString())
          : Config.autoConfigure(target.context());
      // no HTTP body logging at any level: request and response bodies can carry secrets
      return io.gitopsruntime.helm.KubernetesClients.newClient(config);
    } catch (IOException | KubernetesClientException | IllegalArgumentException e) {
      throw new UsageException("The " + target.description() + " cannot be used (" + e.getClass().getSimpleName()
          + "). Check the file and the context.");
    }
  }
}
