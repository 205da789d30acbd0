package io.gitopsruntime.helm.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which cluster an installer talks to: a kubeconfig file (or the default one: {@code KUBECONFIG}, then
 * {@code ~/.kube/config}) and a context in it (or its current context). Turns that into {@code helm} and
 * {@code kubectl} flags, a fabric8 client, or kubeconfig contents for helm-java. Immutable and thread-safe.
 *
 * @param kubeconfig the kubeconfig file, or empty for the default
 * @param context the context, or empty for the kubeconfig's current context
 */
public record KubeTarget(Optional<Path> kubeconfig, Optional<String> context) {

  /**
   * The flags that point {@code helm} at this cluster.
   *
   * @return {@code --kubeconfig <file>} and {@code --kube-context <context>} when set
   */
  public List<String> helmFlags() {
    List<String> flags = new ArrayList<>();
    kubeconfig.ifPresent(p -> {
      flags.add("--kubeconfig");
      flags.add(p.toString());
    });
    context.ifPresent(c -> {
      flags.add("--kube-context");
      flags.add(c);
    });
    return flags;
  }

  /**
   * The same flags for a command a person copies from a message.
   *
   * @return the flags, each preceded by a space, or an empty string
   */
  public String helmFlagText() {
    StringBuilder out = new StringBuilder();
    kubeconfig.ifPresent(p -> out.append(" --kubeconfig ").append(p));
    context.ifPresent(c -> out.append(" --kube-context ").append(c));
    return out.toString();
  }

  /**
   * The flags that point {@code kubectl} at this cluster, for commands in messages.
   *
   * @return the flags, each preceded by a space, or an empty string
   */
  public String kubectlFlagText() {
    StringBuilder out = new StringBuilder();
    kubeconfig.ifPresent(p -> out.append(" --kubeconfig ").append(p));
    context.ifPresent(c -> out.append(" --context ").append(c));
    return out.toString();
  }

  /**
   * A new fabric8 client for this cluster; the caller owns and closes it.
   *
   * @return the client
   */
  public KubernetesClient newClient() {
    Config config = kubeconfig.isPresent()
        ? Config.fromKubeconfig(context.orElse(null), kubeconfig.get().toFile())
        : Config.autoConfigure(context.orElse(null));
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /**
   * The kubeconfig with its current context switched to {@link #context()}, for helm-java, which has no
   * context option.
   *
   * @return the contents, or empty when no context is set (then pass the file itself)
   * @throws UncheckedIOException if the kubeconfig cannot be read
   * @throws IllegalStateException if the kubeconfig is several files or has no such context
   */
  @SuppressWarnings("unchecked")
  public Optional<String> contentsWithContext() {
    if (context.isEmpty()) {
      return Optional.empty();
    }
    Path file = kubeconfig.orElseGet(KubeTarget::defaultKubeconfig);
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    try {
      Map<String, Object> config = yaml.readValue(Files.readString(file), Map.class);
      Object contexts = config.get("contexts");
      boolean known = contexts instanceof List && ((List<Object>) contexts).stream()
          .anyMatch(c -> c instanceof Map && context.get().equals(((Map<String, Object>) c).get("name")));
      if (!known) {
        throw new IllegalStateException("The kubeconfig " + file + " has no context \"" + context.get()
            + "\". List its contexts with: kubectl config get-contexts --kubeconfig " + file);
      }
      config.put("current-context", context.get());
      return Optional.of(yaml.writeValueAsString(config));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the kubeconfig " + file + ": " + e.getMessage(), e);
    }
  }

  private static Path defaultKubeconfig() {
    @Nullable String env = System.getenv("KUBECONFIG");
    if (env != null && !env.isBlank()) {
      if (env.contains(File.pathSeparator)) {
        throw new IllegalStateException("KUBECONFIG names several files (" + env + "); the embedded Helm cannot merge"
            + " them to switch the context. Pass the file with kubeconfig(Path).");
      }
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".kube", "config");
  }
}
