package io.gitopsruntime.examples;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.helm.ConsoleInstallListener;
import io.gitopsruntime.helm.manifest.ManifestInstaller;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.validators.Validators;
import io.gitopsruntime.values.SecretValue;

/**
 * The README's example: describe a runtime, check it offline, install it into the current kubeconfig
 * context. Compiled with the project, so the README cannot drift from the API.
 *
 * <pre>java -cp ... io.gitopsruntime.examples.QuickStart [KUBE-CONTEXT]</pre>
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Runs the example.
   *
   * @param args optional: the kubeconfig context to install into
   */
  public static void main(String[] args) {
    String context = args.length > 0 ? args[0] : "prod-eu";
    // README:begin
    RuntimeInstallation installation = RuntimeInstallation.builder()
        .runtimeName("prod-eu")
        .tunnel("628a80b693a15c0f9c13ab75", SecretValue.fromSecret("codefresh-user-token", "token"))
        .chartVersion("0.30.0")
        .build();

    Validators.standard().validateOffline(installation).throwIfErrors(); // every problem at once

    try (Installer installer = ManifestInstaller.builder().kubeContext(context)
        .listener(ConsoleInstallListener.toStdout()).build()) {
      InstallResult result = installer.install(installation); // validates against cluster and platform first
      System.out.println(result.outcome() + " revision " + result.revision());
    }
    // README:end
  }
}
