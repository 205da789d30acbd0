///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.gitopsruntime:gitops-runtime-bom:0.1.0-SNAPSHOT@pom io.gitopsruntime:gitops-runtime-helm
//SOURCES support/ScriptSupport.java
//RUNTIME_OPTIONS -Dslf4j.internal.verbosity=ERROR

import io.gitopsruntime.helm.ConsoleInstallListener;
import io.gitopsruntime.helm.embedded.EmbeddedHelmInstaller;

/**
 * Installs or upgrades the GitOps Runtime as a real Helm release without a helm binary: EmbeddedHelmInstaller runs
 * Helm's own engine inside the JVM (helm upgrade --install --wait, hooks and history included), so the helm CLI can
 * take the release over later. Run it again with the same values and it changes nothing. Without VALUES.yaml it
 * installs the runtime described in ScriptSupport.describedInCode().
 *
 * <pre>jbang InstallWithEmbeddedHelm.java [VALUES.yaml] [--kubeconfig PATH] [--context C] [--chart REF] [--version V]
 *     [--plain-http] [--no-remote-checks]</pre>
 */
class InstallWithEmbeddedHelm {
  public static void main(String... args) {
    ScriptSupport script = ScriptSupport.install("InstallWithEmbeddedHelm.java", args);
    script.install(() -> {
      EmbeddedHelmInstaller.Builder builder = EmbeddedHelmInstaller.builder()
          .listener(ConsoleInstallListener.toStdout())   // progress on the terminal
          .validators(script.checks())                   // nothing changes when a check finds an error
          .plainHttp(script.plainHttp());
      script.kubeconfig().ifPresent(builder::kubeconfig);
      script.context().ifPresent(builder::kubeContext);
      return builder.build();
    });
  }
}
