///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.gitopsruntime:gitops-runtime-bom:0.1.0-SNAPSHOT@pom io.gitopsruntime:gitops-runtime-helm
//RUNTIME_OPTIONS -Dslf4j.internal.verbosity=ERROR

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.helm.ConsoleInstallListener;
import io.gitopsruntime.helm.cli.HelmCliInstaller;
import io.gitopsruntime.helm.embedded.EmbeddedHelmInstaller;
import io.gitopsruntime.helm.manifest.ManifestInstaller;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.install.UninstallResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Removes the runtime's release with the installer that installed it, running the chart's pre-delete hooks (which
 * delete the runtime from the Codefresh platform). What Helm keeps is kept: objects marked
 * {@code helm.sh/resource-policy: keep} and CustomResourceDefinitions from the chart's crds/ directories. The
 * manifest installer renders those hooks from the chart, so give it the values file the runtime was installed with.
 *
 * <pre>jbang Uninstall.java manifest|embedded|helm [VALUES.yaml] [--kubeconfig PATH] [--context C] [--chart REF]
 *     [--version V] [--plain-http]</pre>
 */
class Uninstall {
  public static void main(String... args) {
    List<String> options = new ArrayList<>(List.of(args));
    Optional<Path> kubeconfig = option(options, "--kubeconfig").map(Path::of);
    Optional<String> context = option(options, "--context");
    Optional<String> chart = option(options, "--chart");
    Optional<String> version = option(options, "--version");
    boolean plainHttp = options.remove("--plain-http");
    if (options.isEmpty() || options.size() > 2 || options.stream().anyMatch(o -> o.startsWith("-"))) {
      usage();
    }

    try {
      RuntimeInstallation.Builder installation = options.size() == 1 ? RuntimeInstallation.builder()
          : RuntimeInstallation.builder().values(ValuesYaml.read(Path.of(options.get(1))).valuesOrThrow());
      chart.ifPresent(installation::chart);
      version.ifPresent(installation::chartVersion);

      try (Installer installer = installer(options.get(0), kubeconfig, context, plainHttp)) {
        RuntimeInstallation release = installation.build();
        UninstallResult result = installer.uninstall(release);
        if (result.found()) {
          System.out.printf(Locale.ROOT, "Uninstalled release %s from namespace %s in %.1f s: %d objects deleted%s.%n",
              release.releaseName(), release.namespace(), result.took().toMillis() / 1000.0, result.deleted().size(),
              result.kept().isEmpty() ? "" : ", " + result.kept().size() + " kept (helm.sh/resource-policy: keep, or from crds/)");
        } else {
          System.out.println("Release " + release.releaseName() + " is not installed in namespace " + release.namespace()
              + "; nothing to remove.");
        }
      }
    } catch (InstallException e) {
      fail("Uninstall failed (" + e.failure().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): " + e.getMessage());
    } catch (GitOpsRuntimeException e) {
      fail(e.getMessage());
    }
  }

  /** The installer of that kind, for the cluster of the kubeconfig and context, with progress on the terminal. */
  static Installer installer(String kind, Optional<Path> kubeconfig, Optional<String> context, boolean plainHttp) {
    switch (kind) {
      case "manifest": {
        ManifestInstaller.Builder builder = ManifestInstaller.builder().listener(ConsoleInstallListener.toStdout())
            .plainHttp(plainHttp);
        kubeconfig.ifPresent(builder::kubeconfig);
        context.ifPresent(builder::kubeContext);
        return builder.build();
      }
      case "embedded": {
        EmbeddedHelmInstaller.Builder builder = EmbeddedHelmInstaller.builder().listener(ConsoleInstallListener.toStdout())
            .plainHttp(plainHttp);
        kubeconfig.ifPresent(builder::kubeconfig);
        context.ifPresent(builder::kubeContext);
        return builder.build();
      }
      case "helm": {
        HelmCliInstaller.Builder builder = HelmCliInstaller.builder().listener(ConsoleInstallListener.toStdout())
            .plainHttp(plainHttp);
        kubeconfig.ifPresent(builder::kubeconfig);
        context.ifPresent(builder::kubeContext);
        return builder.build();
      }
      default:
        System.err.println("Unknown installer \"" + kind + "\". Use manifest, embedded or helm.");
        usage();
        throw new AssertionError();
    }
  }

  static Optional<String> option(List<String> options, String name) {
    int at = options.indexOf(name);
    if (at < 0) {
      return Optional.empty();
    }
    if (at == options.size() - 1) {
      usage();
    }
    options.remove(at);
    return Optional.of(options.remove(at));
  }

  static void usage() {
    System.err.println("usage: jbang Uninstall.java manifest|embedded|helm [VALUES.yaml] [--kubeconfig PATH] [--context C]"
        + " [--chart REF] [--version V] [--plain-http]");
    System.exit(2);
  }

  static void fail(String message) {
    System.err.println(message);
    System.exit(1);
  }
}
