///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.gitopsruntime:gitops-runtime-bom:0.1.0-SNAPSHOT@pom io.gitopsruntime:gitops-runtime-helm
//SOURCES support/ScriptSupport.java
//RUNTIME_OPTIONS -Dslf4j.internal.verbosity=ERROR

import io.gitopsruntime.helm.ConsoleInstallListener;
import io.gitopsruntime.helm.cli.HelmCliInstaller;

/**
 * Installs or upgrades the GitOps Runtime with your helm binary (3.10.0 or newer, or Helm 4, found on PATH): HelmCliInstaller runs
 * helm upgrade --install --wait with the values in a file only you can read, deleted afterwards, so no secret is ever
 * on a command line. Run it again with the same values and it runs no upgrade at all. Without VALUES.yaml it installs
 * the runtime described in ScriptSupport.describedInCode().
 *
 * <pre>jbang InstallWithHelmCli.java [VALUES.yaml] [--kubeconfig PATH] [--context C] [--chart REF] [--version V]
 *     [--plain-http] [--no-remote-checks]</pre>
 */
class InstallWithHelmCli {
  public static void main(String... args) {
    ScriptSupport script = ScriptSupport.install("InstallWithHelmCli.java", args);
    script.install(() -> {
      HelmCliInstaller.Builder builder = HelmCliInstaller.builder()
          .listener(ConsoleInstallListener.toStdout())   // progress on the terminal
          .validators(script.checks())                   // nothing changes when a check finds an error
          .plainHttp(script.plainHttp());
      script.kubeconfig().ifPresent(builder::kubeconfig);
      script.context().ifPresent(builder::kubeContext);
      return builder.build();
    });
  }
}
