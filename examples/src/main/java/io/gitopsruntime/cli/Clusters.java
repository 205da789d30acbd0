package io.gitopsruntime.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Kubernetes clients from kubeconfig options; kept apart so that offline commands never load the client. */
final class Clusters {
  private Clusters() {}

  /** A client for the cluster, or null when there is no kubeconfig at all (cluster checks then say so). */
  static @Nullable KubernetesClient client(@Nullable String kubeconfig, @Nullable String context) {
    Optional<File> file = Optional.ofNullable(kubeconfig).map(File::new);
    if (file.isPresent() && !file.get().isFile()) {
      throw new CliException(kubeconfig + ": no such kubeconfig file. Check the path given with --kubeconfig.");
    }
    if (file.isEmpty() && !defaultKubeconfigExists() && System.getenv("KUBERNETES_SERVICE_HOST") == null) {
      if (context != null) {
        throw new CliException("--context " + context + " was given but there is no kubeconfig; give it with --kubeconfig.");
      }
      return null;
    }
    try {
      Config config = file.isPresent()
          ? Config.fromKubeconfig(context, Files.readString(file.get().toPath()), file.get().getPath())
          : Config.autoConfigure(context);
      return new KubernetesClientBuilder().withConfig(config).build();
    } catch (java.io.IOException e) {
      throw new CliException(kubeconfig + ": cannot be read (" + e.getMessage() + ").", e);
    } catch (KubernetesClientException | IllegalArgumentException e) {
      throw new CliException("The kubeconfig cannot be used" + (context != null ? " with context " + context : "") + ": "
          + e.getMessage() + ". Check the file and the context name.", e);
    }
  }

  private static boolean defaultKubeconfigExists() {
    String env = System.getenv("KUBECONFIG");
    if (env != null && !env.isBlank()) {
      return true;
    }
    return Files.isRegularFile(Path.of(System.getProperty("user.home"), ".kube", "config"));
  }
}
