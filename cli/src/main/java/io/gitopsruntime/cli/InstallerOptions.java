package io.gitopsruntime.cli;

import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.helm.ConsoleInstallListener;
import io.gitopsruntime.helm.cli.HelmCliInstaller;
import io.gitopsruntime.helm.embedded.EmbeddedHelmInstaller;
import io.gitopsruntime.helm.manifest.ManifestInstaller;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.Validators;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The options of the commands that talk to a cluster through an installer, and the installer they pick. */
final class InstallerOptions {
  /** The options of every command that talks to a cluster through an installer. */
  static final List<Option> CLUSTER = List.of(
      Option.value("KIND", "manifest (default: applies the objects through the Kubernetes API, no binary needed), helm (runs"
          + " your helm binary) or embedded (Helm in-process).", "--installer"),
      Option.value("PATH", "kubeconfig file (default: $KUBECONFIG or ~/.kube/config).", "--kubeconfig"),
      Option.value("C", "kubeconfig context (default: the current context); one that does not exist is an error.", "--context"),
      Option.value("D", "How long the whole operation may take: 90s, 10m, 1h (default: 10m).", "--timeout"),
      Option.value("PATH", "The helm binary for --installer helm (default: helm on PATH).", "--helm"));
  /** For the commands that fetch the chart. */
  static final Option PLAIN_HTTP = Option.flag("Fetch oci:// charts over plain HTTP (local registries only).", "--plain-http");
  /** For install. */
  static final Option NO_REMOTE_CHECKS = Option.flag("Before installing, run the offline and cluster checks only, not the"
      + " platform, Git and ingress checks (for a machine that cannot reach them; the chart's own validation hook still runs in"
      + " the cluster).", "--no-remote-checks");

  /**
   * The cluster the options name, checked before anything else happens.
   *
   * @throws UsageException if there is no kubeconfig (and this is not a pod), or the one named cannot be used
   */
  static Clusters.Target target(Arguments arguments, Command.Io io) {
    return Clusters.resolve(arguments.value("--kubeconfig").orElse(null), arguments.value("--context").orElse(null), io)
        .orElseThrow(() -> new UsageException("there is no cluster to talk to: " + Clusters.noKubeconfig(io)
            + " Give the kubeconfig with --kubeconfig PATH, and the context with --context C."));
  }

  static Installer create(Arguments arguments, Clusters.Target target, InstallListener listener) {
    String kind = arguments.value("--installer", "manifest");
    Optional<Path> kubeconfig = Optional.ofNullable(target.kubeconfig());
    Optional<String> context = Optional.ofNullable(target.context());
    Duration timeout = timeout(arguments.value("--timeout", "10m"));
    boolean plainHttp = arguments.has("--plain-http");
    ValidatorChain chain = ValidatorChain.builder()
        .addAll(arguments.has("--no-remote-checks") ? offlineAndCluster() : Validators.all())
        .build();
    if (arguments.has("--helm") && !kind.equals("helm")) {
      throw new UsageException("--helm is for --installer helm.");
    }
    switch (kind) {
      case "manifest": {
        ManifestInstaller.Builder builder = ManifestInstaller.builder().listener(listener).timeout(timeout).plainHttp(plainHttp)
            .validators(chain);
        kubeconfig.ifPresent(builder::kubeconfig);
        context.ifPresent(builder::kubeContext);
        return builder.build();
      }
      case "helm": {
        HelmCliInstaller.Builder builder = HelmCliInstaller.builder().listener(listener).timeout(timeout).plainHttp(plainHttp)
            .validators(chain);
        arguments.value("--helm").map(Path::of).ifPresent(builder::helmExecutable);
        kubeconfig.ifPresent(builder::kubeconfig);
        context.ifPresent(builder::kubeContext);
        return builder.build();
      }
      case "embedded": {
        if (target.kubeconfig() == null && target.context() != null) {
          throw new UsageException("the embedded installer cannot merge the several kubeconfig files of $KUBECONFIG; give the"
              + " one that holds context \"" + target.context() + "\" with --kubeconfig PATH.");
        }
        EmbeddedHelmInstaller.Builder builder = EmbeddedHelmInstaller.builder().listener(listener).timeout(timeout).plainHttp(plainHttp)
            .validators(chain);
        kubeconfig.ifPresent(builder::kubeconfig);
        context.ifPresent(builder::kubeContext);
        return builder.build();
      }
      default:
        throw new UsageException("--installer must be manifest, helm or embedded, not \"" + kind + "\".");
    }
  }

  /** Checks --installer, --timeout and --helm before anything is read or built. */
  static void checkOptions(Arguments arguments) {
    String kind = arguments.value("--installer", "manifest");
    if (!List.of("manifest", "helm", "embedded").contains(kind)) {
      throw new UsageException("--installer must be manifest, helm or embedded, not \"" + kind + "\".");
    }
    timeout(arguments.value("--timeout", "10m"));
    if (arguments.has("--helm") && !kind.equals("helm")) {
      throw new UsageException("--helm is for --installer helm.");
    }
  }

  private static List<Validator> offlineAndCluster() {
    List<Validator> validators = new ArrayList<>(Validators.offline());
    validators.addAll(Validators.cluster());
    return validators;
  }

  static InstallListener console(Command.Io io) {
    return ConsoleInstallListener.to(io.out(), false);
  }

  static Duration timeout(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.matches("\\d+(ms|s|m|h)")) {
        long n = Long.parseLong(t.replaceAll("[a-z]+$", ""));
        Duration d = t.endsWith("ms") ? Duration.ofMillis(n) : t.endsWith("s") ? Duration.ofSeconds(n)
            : t.endsWith("m") ? Duration.ofMinutes(n) : Duration.ofHours(n);
        if (!d.isZero()) {
          return d;
        }
      } else if (t.startsWith("pt")) {
        Duration d = Duration.parse(text.trim());
        if (!d.isNegative() && !d.isZero()) {
          return d;
        }
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--timeout must be a positive duration such as 90s, 10m or 1h, not \"" + text + "\".");
  }
}
