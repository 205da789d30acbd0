// Not a script: the install and uninstall scripts include it with //SOURCES support/ScriptSupport.java.

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.validators.Validators;
import io.gitopsruntime.values.SecretValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the install and uninstall scripts share: their arguments, the values they install (a values file, or the
 * runtime described in {@link #describedInCode()}), the checks run before anything changes, and how they end: the
 * result on the last line, exit code 1 with the explained cause on failure, 2 with the usage on wrong arguments.
 */
final class ScriptSupport {
  private final String usage;
  private final List<String> arguments;
  private final Optional<Path> kubeconfig;
  private final Optional<String> context;
  private final Optional<String> chart;
  private final Optional<String> version;
  private final boolean plainHttp;
  private final boolean remoteChecks;

  private ScriptSupport(String usage, String[] args, boolean remoteChecksOption) {
    this.usage = usage;
    this.arguments = new ArrayList<>(List.of(args));
    this.kubeconfig = option("--kubeconfig").map(Path::of);
    this.context = option("--context");
    this.chart = option("--chart");
    this.version = option("--version");
    this.plainHttp = arguments.remove("--plain-http");
    this.remoteChecks = !(remoteChecksOption && arguments.remove("--no-remote-checks"));
    if (arguments.stream().anyMatch(a -> a.startsWith("-"))) {
      usage();
    }
  }

  /** The arguments of an install script: {@code [VALUES.yaml]} and the options. */
  static ScriptSupport install(String script, String... args) {
    ScriptSupport parsed = new ScriptSupport("usage: jbang " + script + " [VALUES.yaml] [--kubeconfig PATH] [--context C]"
        + " [--chart REF] [--version V] [--plain-http] [--no-remote-checks]", args, true);
    if (parsed.arguments.size() > 1) {
      parsed.usage();
    }
    return parsed;
  }

  /** The arguments of the uninstall script: the installer's kind, {@code [VALUES.yaml]} and the options. */
  static ScriptSupport uninstall(String... args) {
    ScriptSupport script = new ScriptSupport("usage: jbang Uninstall.java manifest|embedded|helm [VALUES.yaml]"
        + " [--kubeconfig PATH] [--context C] [--chart REF] [--version V] [--plain-http]", args, false);
    if (script.arguments.isEmpty() || script.arguments.size() > 2) {
      script.usage();
    }
    return script;
  }

  /** The argument at an index, after the options were taken out. */
  String argument(int index) {
    return arguments.get(index);
  }

  Optional<Path> kubeconfig() {
    return kubeconfig;
  }

  Optional<String> context() {
    return context;
  }

  boolean plainHttp() {
    return plainHttp;
  }

  /** The offline and cluster checks, and the Codefresh platform, Git provider and ingress checks unless told not to. */
  ValidatorChain checks() {
    ValidatorChain.Builder chain = ValidatorChain.builder().addAll(Validators.offline()).addAll(Validators.cluster());
    return (remoteChecks ? chain.addAll(Validators.remote()) : chain).build();
  }

  /** The runtime described in code: tunnel mode, the API key read by the chart from a Secret in the cluster. */
  static RuntimeInstallation.Builder describedInCode() {
    return RuntimeInstallation.builder()
        .runtimeName("prod-eu")
        .tunnel("628a80b693a15c0f9c13ab75", SecretValue.fromSecret("codefresh-user-token", "token"));
  }

  /**
   * The installation: the values file that follows the first {@code skipped} arguments, or else the given one; with
   * the chart and version options.
   */
  RuntimeInstallation installation(int skipped, Supplier<RuntimeInstallation.Builder> otherwise) {
    RuntimeInstallation.Builder installation = arguments.size() == skipped ? otherwise.get()
        : RuntimeInstallation.builder().values(ValuesYaml.read(Path.of(arguments.get(skipped))).valuesOrThrow());
    chart.ifPresent(installation::chart);
    version.ifPresent(installation::chartVersion);
    return installation.build();
  }

  /** Installs or upgrades the values file, or the runtime described in code, and prints what happened. */
  void install(Supplier<Installer> installers) {
    run("Install", () -> {
      RuntimeInstallation installation = installation(0, ScriptSupport::describedInCode);
      try (Installer installer = installers.get()) {
        InstallResult result = installer.install(installation);   // INSTALLED, UPGRADED or UNCHANGED
        System.out.printf(Locale.ROOT, "Release %s in namespace %s: %s, revision %d, in %.1f s.%n", result.releaseName(),
            result.namespace(), result.outcome().name().toLowerCase(Locale.ROOT), result.revision(),
            result.took().toMillis() / 1000.0);
      }
    });
  }

  /** Runs a script's work, ending with exit code 1 and the explained cause if it fails. */
  static void run(String what, Runnable work) {
    try {
      work.run();
    } catch (InstallException e) {
      // a failed hook comes with its log, a timeout with what was not ready, a conflict with the objects' owners
      fail(what + " failed (" + e.failure().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): " + e.getMessage());
    } catch (GitOpsRuntimeException e) {
      // values that cannot be read, validation errors (each with its fix), a kubeconfig that cannot be used
      fail(e.getMessage());
    }
  }

  private Optional<String> option(String name) {
    int at = arguments.indexOf(name);
    if (at < 0) {
      return Optional.empty();
    }
    if (at == arguments.size() - 1) {
      usage();
    }
    arguments.remove(at);
    return Optional.of(arguments.remove(at));
  }

  /** Prints the usage and ends with exit code 2. */
  void usage() {
    System.err.println(usage);
    System.exit(2);
  }

  static void fail(String message) {
    System.err.println(message);
    System.exit(1);
  }
}
