///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.gitopsruntime:gitops-runtime-bom:0.1.0-SNAPSHOT@pom io.gitopsruntime:gitops-runtime-helm
//SOURCES support/ScriptSupport.java
//RUNTIME_OPTIONS -Dslf4j.internal.verbosity=ERROR

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.helm.ConsoleInstallListener;
import io.gitopsruntime.helm.cli.HelmCliInstaller;
import io.gitopsruntime.helm.embedded.EmbeddedHelmInstaller;
import io.gitopsruntime.helm.manifest.ManifestInstaller;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.install.UninstallResult;
import java.util.Locale;

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
    ScriptSupport script = ScriptSupport.uninstall(args);
    ScriptSupport.run("Uninstall", () -> {
      RuntimeInstallation release = script.installation(1, RuntimeInstallation::builder);
      try (Installer installer = installer(script.argument(0), script)) {
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
    });
  }

  /** The installer of that kind, for the cluster of the kubeconfig and context, with progress on the terminal. */
  static Installer installer(String kind, ScriptSupport script) {
    switch (kind) {
      case "manifest": {
        ManifestInstaller.Builder builder = ManifestInstaller.builder().listener(ConsoleInstallListener.toStdout())
            .plainHttp(script.plainHttp());
        script.kubeconfig().ifPresent(builder::kubeconfig);
        script.context().ifPresent(builder::kubeContext);
        return builder.build();
      }
      case "embedded": {
        EmbeddedHelmInstaller.Builder builder = EmbeddedHelmInstaller.builder().listener(ConsoleInstallListener.toStdout())
            .plainHttp(script.plainHttp());
        script.kubeconfig().ifPresent(builder::kubeconfig);
        script.context().ifPresent(builder::kubeContext);
        return builder.build();
      }
      case "helm": {
        HelmCliInstaller.Builder builder = HelmCliInstaller.builder().listener(ConsoleInstallListener.toStdout())
            .plainHttp(script.plainHttp());
        script.kubeconfig().ifPresent(builder::kubeconfig);
        script.context().ifPresent(builder::kubeContext);
        return builder.build();
      }
      default:
        System.err.println("Unknown installer \"" + kind + "\". Use manifest, embedded or helm.");
        script.usage();
        throw new AssertionError();
    }
  }
}
