package io.gitopsruntime.helm.embedded;

import io.gitopsruntime.helm.HelmInstallerBuilder;
import io.gitopsruntime.helm.internal.InstallerOptions;
import io.gitopsruntime.helm.internal.ReleaseFlow;
import io.gitopsruntime.install.InstallException;

/**
 * Installs the GitOps Runtime as a real Helm release without a {@code helm} binary: Helm runs through helm-java (the
 * Go Helm SDK as a native library) in a child JVM the installer starts on its first operation, with this JVM's
 * class path, and keeps for the next ones until {@link #close()}. The release, its hooks, {@code --wait} and its history are Helm's own, so the {@code helm} CLI and
 * {@link io.gitopsruntime.helm.cli.HelmCliInstaller} can take over the same release.
 *
 * <p><b>Isolation.</b> A Go panic inside helm-java aborts the process it runs in (for example Helm 3's ready checker on
 * a Deployment whose {@code spec.replicas} the API server did not default). It runs in the child, so this JVM goes
 * on: the operation fails with an {@link InstallException} that says the engine crashed, why, and the state the
 * release was left in. The child gets its requests, kubeconfig contents included, on its stdin, and the values in
 * the {@code 0600} values file; nothing secret is on its command line. Starting it costs about a second, paid
 * once per installer rather than per operation; operations run at once each get their own child, and a child that
 * died is replaced by the next operation. Close the installer to end it.
 *
 * <pre>{@code
 * try (EmbeddedHelmInstaller installer = EmbeddedHelmInstaller.builder()
 *     .kubeconfig(Path.of(System.getProperty("user.home"), ".kube", "config"))
 *     .listener(ConsoleInstallListener.toStdout())
 *     .build()) {
 *   InstallResult result = installer.install(installation);   // INSTALLED, UPGRADED or UNCHANGED
 * }
 * }</pre>
 *
 * <p>It validates first, writes the values to a file only its owner can read (deleted afterwards), decides
 * "unchanged" as the CLI installer does (same chart version, same values, and the rendered objects equal the
 * deployed release's manifest, read from Helm's release Secret), and explains failures the same way: a failed
 * hook's log, the rollback command for a pending release, the labels for an ownership conflict, what was not
 * ready after a timeout.
 *
 * <p>What it inherits from helm-java 0.0.21 (Helm 3.21):
 * <ul>
 *   <li>no streaming: Helm's log is buffered and reaches the listener line by line only when the call returns;
 *   <li>no cancellation: a call cannot be interrupted or stopped before Helm's timeout; an install registers Go
 *       signal handlers for SIGINT, SIGTERM and SIGQUIT in the engine's child JVM (a Ctrl-C in a terminal reaches it
 *       too and cancels the install);
 *   <li>no {@code rollback}: a release stuck in {@code pending-*} must be rolled back with the {@code helm} CLI (the
 *       message gives the command);
 *   <li>no {@code --take-ownership}, no {@code --wait-for-jobs}, and no timeout on uninstall (its pre-delete hooks
 *       are waited for without limit);
 *   <li>the native library is for glibc only (not Alpine/musl); it is about 100 MB, unpacked to the temporary
 *       directory and loaded once per engine JVM (about 0.4 s), and, if its platform JAR is missing from the class
 *       path, downloaded from Maven Central; the class path must be files ({@code java.class.path}), as with plain
 *       {@code java -cp}, JBang and Maven, not nested JARs;
 *   <li>rendering does not see the cluster's API versions (only its Kubernetes version), so a chart that tests
 *       {@code .Capabilities.APIVersions} may look changed when it is not: the installer then upgrades, which is
 *       harmless;
 *   <li>{@code upgrade().install()} drops the kubeconfig contents on a first install (it then talks to
 *       {@code localhost:8080}), which is how a {@link Builder#kubeContext context} is passed: the installer runs
 *       {@code install} for a first install and {@code upgrade} afterwards, as Helm's own {@code upgrade --install} does;
 *   <li>releases are read from Helm's default storage (Secrets); with {@code HELM_DRIVER=configmap} the
 *       "unchanged" check cannot read the deployed manifest and always upgrades.
 * </ul>
 *
 * <p>Thread-safe: operations on different releases may run concurrently (helm-java builds a separate Helm
 * configuration per call; it does not document thread-safety beyond that). Close it to close the Kubernetes client
 * it built.
 */
public final class EmbeddedHelmInstaller extends ReleaseFlow {
  private final InstallerOptions options;

  private EmbeddedHelmInstaller(InstallerOptions options) {
    super(options, new HelmJavaBackend(options));
    this.options = options;
  }

  /**
   * Starts a builder with the defaults: the default kubeconfig and its current context, a 10-minute timeout, the
   * built-in validators, no listener.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "EmbeddedHelmInstaller" + options.kube().kubeconfig().map(p -> "[" + p + "]").orElse("");
  }

  /**
   * Configures an {@link EmbeddedHelmInstaller} with the options every Helm installer has: the kubeconfig and
   * context (helm-java gets the kubeconfig's contents with the context made current, so the kubeconfig must then be
   * one file), Helm's timeout, the listener (which gets Helm's log when each call returns), validation, a Kubernetes
   * client (also used to read the deployed release), the values file's directory, plain-HTTP registries. Not
   * thread-safe.
   */
  public static final class Builder extends HelmInstallerBuilder<Builder> {
    private Builder() {}

    /**
     * Builds the installer; nothing is loaded or run until an operation is called.
     *
     * @return the installer
     */
    @Override
    public EmbeddedHelmInstaller build() {
      InstallerOptions options = options();
      if (options.client() == null) {
        options.kube().check(); // a context that does not exist is refused now, never replaced by the current one
      }
      return new EmbeddedHelmInstaller(options);
    }
  }
}
