///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS io.gitopsruntime:gitops-runtime-bom:0.1.0-SNAPSHOT@pom io.gitopsruntime:gitops-runtime-helm
//RUNTIME_OPTIONS -Dslf4j.internal.verbosity=ERROR

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.helm.ConsoleInstallListener;
import io.gitopsruntime.helm.cli.HelmCliInstaller;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.validators.Validators;
import io.gitopsruntime.values.SecretValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Installs or upgrades the GitOps Runtime with your helm binary (3.10.0 or newer, or Helm 4, found on PATH): HelmCliInstaller runs
 * helm upgrade --install --wait with the values in a file only you can read, deleted afterwards, so no secret is ever
 * on a command line. Run it again with the same values and it runs no upgrade at all. Without VALUES.yaml it installs
 * the runtime described in describedInCode().
 *
 * <pre>jbang InstallWithHelmCli.java [VALUES.yaml] [--kubeconfig PATH] [--context C] [--chart REF] [--version V]
 *     [--plain-http] [--no-remote-checks]</pre>
 */
class InstallWithHelmCli {
  public static void main(String... args) {
    List<String> options = new ArrayList<>(List.of(args));
    Optional<String> kubeconfig = option(options, "--kubeconfig");
    Optional<String> context = option(options, "--context");
    Optional<String> chart = option(options, "--chart");
    Optional<String> version = option(options, "--version");
    boolean plainHttp = options.remove("--plain-http");
    boolean remoteChecks = !options.remove("--no-remote-checks");
    if (options.size() > 1 || options.stream().anyMatch(o -> o.startsWith("-"))) {
      usage();
    }

    try {
      RuntimeInstallation.Builder installation = options.isEmpty() ? describedInCode()
          : RuntimeInstallation.builder().values(ValuesYaml.read(Path.of(options.get(0))).valuesOrThrow());
      chart.ifPresent(installation::chart);
      version.ifPresent(installation::chartVersion);

      HelmCliInstaller.Builder builder = HelmCliInstaller.builder()
          .listener(ConsoleInstallListener.toStdout())   // progress on the terminal
          .validators(checks(remoteChecks))              // nothing changes when a check finds an error
          .plainHttp(plainHttp);
      kubeconfig.map(Path::of).ifPresent(builder::kubeconfig);
      context.ifPresent(builder::kubeContext);
      try (HelmCliInstaller installer = builder.build()) {
        InstallResult result = installer.install(installation.build());   // INSTALLED, UPGRADED or UNCHANGED
        System.out.printf(Locale.ROOT, "Release %s in namespace %s: %s, revision %d, in %.1f s.%n", result.releaseName(),
            result.namespace(), result.outcome().name().toLowerCase(Locale.ROOT), result.revision(),
            result.took().toMillis() / 1000.0);
      }
    } catch (InstallException e) {
      // a failed hook comes with its log, a timeout with what was not ready, a conflict with the objects' owners
      fail("Install failed (" + e.failure().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): " + e.getMessage());
    } catch (GitOpsRuntimeException e) {
      // values that cannot be read, validation errors (each with its fix), a kubeconfig that cannot be used
      fail(e.getMessage());
    }
  }

  /** The runtime described in code: tunnel mode, the API key read by the chart from a Secret in the cluster. */
  static RuntimeInstallation.Builder describedInCode() {
    return RuntimeInstallation.builder()
        .runtimeName("prod-eu")
        .tunnel("628a80b693a15c0f9c13ab75", SecretValue.fromSecret("codefresh-user-token", "token"));
  }

  /** The offline and cluster checks, and the Codefresh platform, Git provider and ingress checks unless told not to. */
  static ValidatorChain checks(boolean remote) {
    ValidatorChain.Builder chain = ValidatorChain.builder().addAll(Validators.offline()).addAll(Validators.cluster());
    return (remote ? chain.addAll(Validators.remote()) : chain).build();
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
    System.err.println("usage: jbang InstallWithHelmCli.java [VALUES.yaml] [--kubeconfig PATH] [--context C]"
        + " [--chart REF] [--version V] [--plain-http] [--no-remote-checks]");
    System.exit(2);
  }

  static void fail(String message) {
    System.err.println(message);
    System.exit(1);
  }
}
