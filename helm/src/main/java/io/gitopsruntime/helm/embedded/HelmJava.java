package io.gitopsruntime.helm.embedded;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.Release;
import com.marcnuri.helm.ReleaseHistory;
import com.marcnuri.helm.TemplateCommand;
import com.marcnuri.helm.UpgradeCommand;
import io.gitopsruntime.core.internal.Redactor;
import io.gitopsruntime.helm.internal.HelmRelease;
import io.gitopsruntime.helm.internal.HelmRevision;
import io.gitopsruntime.helm.internal.KubeTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The helm-java calls of {@link EmbeddedHelmInstaller}, with the cluster set on each: the kubeconfig file, or,
 * when a context is chosen, the kubeconfig's contents with that context made current (helm-java has no context
 * option). Also splits what helm-java returns: on failure its exception message is Helm's error, then
 * {@code ---}, then the buffered debug log. Immutable and thread-safe as far as helm-java is.
 */
final class HelmJava {
  private static final String SEPARATOR = "\n---\n";

  private final Optional<Path> kubeconfig;
  private final Optional<String> kubeconfigContents;
  private final boolean plainHttp;

  HelmJava(KubeTarget kube, boolean plainHttp) {
    this.kubeconfigContents = kube.contentsWithContext();
    this.kubeconfig = kubeconfigContents.isPresent() ? Optional.empty() : kube.kubeconfig();
    this.plainHttp = plainHttp;
  }

  /** Helm's error and the debug log of a failed call. */
  record Failure(String error, List<String> log) {}

  /**
   * Splits a helm-java exception message.
   *
   * @param message the message
   * @return Helm's error, and the log lines that followed it
   */
  static Failure split(@Nullable String message) {
    String text = message == null ? "" : message;
    int at = text.indexOf(SEPARATOR);
    if (at < 0) {
      return new Failure(text.strip(), List.of());
    }
    return new Failure(text.substring(0, at).strip(), logLines(text.substring(at + SEPARATOR.length())));
  }

  /**
   * The lines of helm-java's output worth showing: everything but the values sections ({@code USER-SUPPLIED
   * VALUES} and {@code COMPUTED VALUES}, printed in debug mode), which hold secrets and are no progress.
   *
   * @param output the output
   * @return the lines, without blank ones
   */
  static List<String> logLines(@Nullable String output) {
    List<String> lines = new ArrayList<>();
    boolean inValues = false;
    for (String line : (output == null ? "" : output).split("\n")) {
      if (line.equals("USER-SUPPLIED VALUES:") || line.equals("COMPUTED VALUES:")) {
        inValues = true;
        continue;
      }
      if (inValues && (line.equals("NOTES:") || line.equals("---"))) {
        inValues = false;
      }
      if (!inValues && !line.isBlank() && !line.equals("---")) {
        lines.add(line);
      }
    }
    return lines;
  }

  /**
   * Whether helm-java failed to load its native library, rather than Helm failing.
   *
   * @param e what helm-java threw
   * @return true for the loader's own failures
   */
  static boolean isLoadFailure(IllegalStateException e) {
    String message = String.valueOf(e.getMessage());
    return message.startsWith("No NativeLibrary implementation found") || message.startsWith("Unable to load native library")
        || message.startsWith("Unable to create temporary directory");
  }

  /** Sends lines to a consumer, masked. */
  static void emit(List<String> lines, Redactor redactor, Consumer<String> sink) {
    lines.forEach(line -> sink.accept(redactor.redact(line)));
  }

  /**
   * Installs a release that does not exist yet. helm-java's {@code upgrade().install()} would do the same, but on
   * that path it drops the kubeconfig contents (0.0.21) and talks to {@code localhost:8080}.
   */
  Release install(String release, String chart, String namespace, Optional<String> version, Path values,
      Duration timeout, boolean createNamespace) {
    InstallCommand install = Helm.install(chart).withName(release).withNamespace(namespace).withValuesFile(values)
        .waitReady().withTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds())).debug();
    version.ifPresent(install::withVersion);
    if (createNamespace) {
      install.createNamespace();
    }
    if (plainHttp) {
      install.plainHttp();
    }
    kubeconfig.ifPresent(install::withKubeConfig);
    kubeconfigContents.ifPresent(install::withKubeConfigContents);
    return install.call();
  }

  /** Upgrades an existing release (including a failed one). */
  Release upgrade(String release, String chart, String namespace, Optional<String> version, Path values,
      Duration timeout, boolean createNamespace) {
    UpgradeCommand upgrade = Helm.upgrade(chart).install().withName(release).withNamespace(namespace)
        .withValuesFile(values).waitReady().withTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds())).debug();
    version.ifPresent(upgrade::withVersion);
    if (createNamespace) {
      upgrade.createNamespace();
    }
    if (plainHttp) {
      upgrade.plainHttp();
    }
    kubeconfig.ifPresent(upgrade::withKubeConfig);
    kubeconfigContents.ifPresent(upgrade::withKubeConfigContents);
    return upgrade.call();
  }

  String template(String release, String chart, String namespace, Optional<String> version, Path values,
      @Nullable String kubeVersion) {
    TemplateCommand template = Helm.template(chart).withName(release).withNamespace(namespace).withValuesFile(values);
    version.ifPresent(template::withVersion);
    if (kubeVersion != null) {
      template.withKubeVersion(kubeVersion);
    }
    if (plainHttp) {
      template.plainHttp();
    }
    return template.call();
  }

  String showChart(String chart, Optional<String> version) {
    var show = Helm.show(chart).chart();
    version.ifPresent(show::withVersion);
    if (plainHttp) {
      show.plainHttp();
    }
    return show.call();
  }

  Optional<HelmRelease> release(String release, String namespace) {
    var list = Helm.list().all().withNamespace(namespace);
    kubeconfig.ifPresent(list::withKubeConfig);
    kubeconfigContents.ifPresent(list::withKubeConfigContents);
    return list.call().stream().filter(r -> r.getName().equals(release)).findFirst().map(r -> {
      String[] chart = HelmRelease.splitChart(r.getChart()).orElse(new String[] {r.getChart(), ""});
      return new HelmRelease(r.getName(), namespace, Integer.parseInt(r.getRevision()), r.getStatus(), chart[0], chart[1]);
    });
  }

  String values(String release, String namespace) {
    var get = Helm.get(release).values().withNamespace(namespace);
    kubeconfig.ifPresent(get::withKubeConfig);
    kubeconfigContents.ifPresent(get::withKubeConfigContents);
    return get.call();
  }

  List<HelmRevision> history(String release, String namespace) {
    var history = Helm.history(release).withNamespace(namespace);
    kubeconfig.ifPresent(history::withKubeConfig);
    kubeconfigContents.ifPresent(history::withKubeConfigContents);
    List<HelmRevision> out = new ArrayList<>();
    for (ReleaseHistory h : history.call()) {
      out.add(new HelmRevision(h.getRevision(), h.getStatus()));
    }
    return out;
  }

  String uninstall(String release, String namespace) {
    var uninstall = Helm.uninstall(release).withNamespace(namespace).debug();
    kubeconfig.ifPresent(uninstall::withKubeConfig);
    kubeconfigContents.ifPresent(uninstall::withKubeConfigContents);
    return uninstall.call();
  }
}
