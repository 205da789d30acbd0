package io.gitopsruntime.helm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.LinkedHashMap;
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
  /** The name fabric8 gives its body-logging interceptor in {@code StandardHttpClientBuilder}. */
  private static final String HTTP_LOGGING = "HttpLogging";

  /**
   * The target a builder was given: the installers' one way from their kubeconfig and context options to a cluster.
   *
   * @param kubeconfig the kubeconfig file, or null for the default
   * @param context the context, or null for the kubeconfig's current context
   * @return the target
   */
  public static KubeTarget of(@Nullable Path kubeconfig, @Nullable String context) {
    return new KubeTarget(Optional.ofNullable(kubeconfig), Optional.ofNullable(context));
  }

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
   * A new fabric8 client for this cluster; the caller owns and closes it. The kubeconfig is {@link #check() checked}
   * first, and the client is refused when fabric8 would pick another context than the one checked, or fall back to
   * {@code https://kubernetes.default.svc} outside a cluster: it never talks to another cluster than the one chosen.
   *
   * @return the client
   * @throws IllegalArgumentException if the kubeconfig or the context cannot be used (the message names both)
   */
  public KubernetesClient newClient() {
    return newClient(config());
  }

  /**
   * A new fabric8 client for a configuration that never logs a request or response body, at any log level.
   * fabric8 adds its {@code HttpLoggingInterceptor} (logger {@code io.fabric8.kubernetes.client.http.HttpLoggingInterceptor})
   * whenever that logger is at TRACE when the client is built, and it then logs every body: Secrets and the
   * {@code helm-values-config} ConfigMap with every secret in them. This client has it removed, whatever the user's
   * log levels; request lines and headers are not logged either (the interceptor logs them all or nothing).
   *
   * @param config the configuration
   * @return the client; the caller owns and closes it
   */
  public static KubernetesClient newClient(Config config) {
    return new KubernetesClientBuilder().withConfig(config)
        .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor(HTTP_LOGGING, null)).build();
  }

  /**
   * The fabric8 configuration of {@link #newClient()}.
   *
   * @return the configuration
   * @throws IllegalArgumentException if the kubeconfig or the context cannot be used (the message names both)
   */
  public Config config() {
    Optional<String> wanted = check();
    if (wanted.isEmpty() && !inCluster()) {
      throw new IllegalArgumentException("There is no kubeconfig (looked at KUBECONFIG and " + homeKubeconfig()
          + ") and this is not running in a Kubernetes pod. Pass the file with kubeconfig(Path).");
    }
    Config config;
    try {
      config = kubeconfig.isPresent()
          ? Config.fromKubeconfig(context.orElse(null), kubeconfig.get().toFile())
          : Config.autoConfigure(context.orElse(null));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("The kubeconfig " + describeFiles() + " cannot be used" + wanted.map(
          c -> " with context \"" + c + "\"").orElse("") + ": " + e.getMessage() + ". Check the file and the context.", e);
    }
    if (wanted.isPresent() && (config.getCurrentContext() == null
        || !wanted.get().equals(config.getCurrentContext().getName()))) {
      throw new IllegalArgumentException("The kubeconfig " + describeFiles() + " was read without its context \""
          + wanted.get() + "\"; refusing to use another cluster. Check the file and the context.");
    }
    return config;
  }

  /**
   * Checks, without talking to the cluster, that the kubeconfig exists, parses, and names a usable context: the one
   * chosen, or else its current context, defined in it and naming a cluster it defines. When no kubeconfig exists at
   * all and none was chosen, there is nothing to check (a client then uses the pod's service account, if any).
   *
   * @return the context that will be used, or empty when there is no kubeconfig
   * @throws IllegalArgumentException naming the file and the context, if the file is missing or does not parse, the
   *     context does not exist, no context is current, or the context's cluster is not defined
   */
  @SuppressWarnings("unchecked")
  public Optional<String> check() {
    if (kubeconfig.isPresent() && !Files.isRegularFile(kubeconfig.get())) {
      throw new IllegalArgumentException("The kubeconfig " + kubeconfig.get() + " does not exist. Check the path.");
    }
    List<Path> files = files();
    if (files.isEmpty()) {
      if (context.isPresent()) {
        throw new IllegalArgumentException("The context \"" + context.get() + "\" was chosen, but there is no kubeconfig"
            + " (looked at KUBECONFIG and " + homeKubeconfig() + "). Pass the file with kubeconfig(Path).");
      }
      return Optional.empty();
    }
    String where = describeFiles();
    Map<String, Map<String, Object>> contexts = new LinkedHashMap<>();
    Map<String, Object> clusters = new LinkedHashMap<>();
    @Nullable String current = null;
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (Path file : files) {
      Object parsed;
      try {
        parsed = yaml.readValue(Files.readString(file), Object.class);
      } catch (JsonProcessingException e) {
        // the problem and where, never the text around it: a kubeconfig holds tokens
        String problem = e.getOriginalMessage().lines().findFirst().orElse("malformed YAML");
        String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
            + e.getLocation().getColumnNr();
        throw new IllegalArgumentException("The kubeconfig " + file + " is not valid YAML" + at + " (" + problem
            + "). Fix the file or pass another with kubeconfig(Path).", e);
      } catch (IOException e) {
        throw new IllegalArgumentException("The kubeconfig " + file + " cannot be read: " + e.getMessage()
            + ". Check the path and its permissions.", e);
      }
      if (parsed == null) {
        continue;
      }
      if (!(parsed instanceof Map)) {
        throw new IllegalArgumentException("The kubeconfig " + file + " is not a kubeconfig: it holds no map of"
            + " clusters, contexts and users. Fix the file or pass another with kubeconfig(Path).");
      }
      Map<String, Object> config = (Map<String, Object>) parsed;
      if (current == null && config.get("current-context") instanceof String c && !c.isBlank()) {
        current = c;
      }
      for (Map<String, Object> entry : namedEntries(config.get("contexts"))) {
        contexts.putIfAbsent(String.valueOf(entry.get("name")),
            entry.get("context") instanceof Map ? (Map<String, Object>) entry.get("context") : Map.of());
      }
      for (Map<String, Object> entry : namedEntries(config.get("clusters"))) {
        clusters.putIfAbsent(String.valueOf(entry.get("name")), entry.get("cluster"));
      }
    }
    String list = "kubectl config get-contexts" + (kubeconfig.isPresent() ? " --kubeconfig " + kubeconfig.get() : "");
    String known = contexts.isEmpty() ? "it has none" : "its contexts: " + String.join(", ", contexts.keySet());
    String chosen;
    if (context.isPresent()) {
      chosen = context.get();
      if (!contexts.containsKey(chosen)) {
        throw new IllegalArgumentException("The kubeconfig " + where + " has no context \"" + chosen + "\" (" + known
            + "). List them with: " + list);
      }
    } else {
      if (current == null) {
        throw new IllegalArgumentException("The kubeconfig " + where + " has no current context, and none was chosen ("
            + known + "). Choose one with kubeContext(..); list them with: " + list);
      }
      chosen = current;
      if (!contexts.containsKey(chosen)) {
        throw new IllegalArgumentException("The kubeconfig " + where + " names \"" + chosen + "\" as its current"
            + " context, but has no such context (" + known + "). Choose one with kubeContext(..); list them with: "
            + list);
      }
    }
    Object cluster = contexts.get(chosen).get("cluster");
    if (!(cluster instanceof String name) || !(clusters.get(name) instanceof Map<?, ?> c) || c.get("server") == null) {
      throw new IllegalArgumentException("The context \"" + chosen + "\" of the kubeconfig " + where + " names "
          + (cluster instanceof String ? "the cluster \"" + cluster + "\", which it does not define with a server"
              : "no cluster") + ". Fix the file or choose another context.");
    }
    return Optional.of(chosen);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> namedEntries(@Nullable Object list) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (list instanceof List) {
      for (Object item : (List<Object>) list) {
        if (item instanceof Map && ((Map<String, Object>) item).get("name") != null) {
          out.add((Map<String, Object>) item);
        }
      }
    }
    return out;
  }

  /** The kubeconfig files a client reads: the chosen one, else the existing ones of KUBECONFIG, else ~/.kube/config. */
  private List<Path> files() {
    if (kubeconfig.isPresent()) {
      return List.of(kubeconfig.get());
    }
    @Nullable String env = System.getenv("KUBECONFIG");
    if (env != null && !env.isBlank()) {
      List<Path> out = new ArrayList<>();
      for (String part : env.split(File.pathSeparator)) {
        if (!part.isBlank() && Files.isRegularFile(Path.of(part))) {
          out.add(Path.of(part));
        }
      }
      return out;
    }
    Path home = homeKubeconfig();
    return Files.isRegularFile(home) ? List.of(home) : List.of();
  }

  private String describeFiles() {
    List<Path> files = files();
    return files.size() == 1 ? files.get(0).toString() : files.toString();
  }

  private static Path homeKubeconfig() {
    return Path.of(System.getProperty("user.home"), ".kube", "config");
  }

  private static boolean inCluster() {
    return System.getenv("KUBERNETES_SERVICE_HOST") != null
        && Files.isRegularFile(Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token"));
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
