///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.gitopsruntime:gitops-runtime-bom:0.1.0-SNAPSHOT@pom io.gitopsruntime:gitops-runtime-helm
//SOURCES support/ScriptSupport.java
//RUNTIME_OPTIONS -Dslf4j.internal.verbosity=ERROR

import io.gitopsruntime.helm.ConsoleInstallListener;
import io.gitopsruntime.helm.manifest.ManifestInstaller;

/**
 * Installs or upgrades the GitOps Runtime without a helm binary: ManifestInstaller renders the chart, applies its
 * objects with server-side apply, runs its hooks and waits until everything is ready. Run it again with the same
 * values and it changes nothing. Without VALUES.yaml it installs the runtime described in
 * ScriptSupport.describedInCode().
 *
 * <pre>jbang InstallWithManifests.java [VALUES.yaml] [--kubeconfig PATH] [--context C] [--chart REF] [--version V]
 *     [--plain-http] [--no-remote-checks]</pre>
 */
class InstallWithManifests {
  public static void main(String... args) {
    ScriptSupport script = ScriptSupport.install("InstallWithManifests.java", args);
    script.install(() -> {
      ManifestInstaller.Builder builder = ManifestInstaller.builder()
          .listener(ConsoleInstallListener.toStdout())   // progress on the terminal
          .validators(script.checks())                   // nothing changes when a check finds an error
          .plainHttp(script.plainHttp());
      script.kubeconfig().ifPresent(builder::kubeconfig);
      script.context().ifPresent(builder::kubeContext);
      return builder.build();
    });
  }
}
