package io.gitopsruntime.helm.cli;

import io.gitopsruntime.helm.HelmInstallerBuilder;
import io.gitopsruntime.helm.internal.InstallerOptions;
import io.gitopsruntime.helm.internal.ReleaseFlow;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Installs the GitOps Runtime by running the user's {@code helm} binary (Helm 3.10.0 or newer, or Helm 4):
 * {@code helm upgrade --install ... -f <values> --wait}, with the values in a file only its owner can read, in a
 * directory only its owner can enter, deleted afterwards, also when the JVM is stopped with SIGTERM or Ctrl-C
 * (then the running helm is asked to stop too); secrets never appear on a command line.
 *
 * <pre>{@code
 * try (HelmCliInstaller installer = HelmCliInstaller.builder()
 *     .kubeContext("prod-eu")
 *     .timeout(Duration.ofMinutes(10))
 *     .listener(ConsoleInstallListener.toStdout())
 *     .build()) {
 *   InstallResult result = installer.install(installation);   // INSTALLED, UPGRADED or UNCHANGED
 * }
 * }</pre>
 *
 * <p>Every operation validates first ({@link #install}; {@link #plan} reports findings instead of failing),
 * then talks to Helm. {@link #install} is idempotent: when the release is deployed from the same chart
 * version with the same values and {@code helm template} renders exactly the objects of
 * {@code helm get manifest}, it runs no upgrade and reports {@link InstallOutcome#UNCHANGED} (Helm itself
 * would write a new revision and rerun the hooks). A failure is explained: a failed hook's log is read from
 * the cluster at once, a release stuck in {@code pending-*} comes with the exact rollback command, an
 * ownership conflict names the objects and the labels to add, a timeout says what was not ready (see
 * {@link InstallException#failure()}).
 *
 * <p>Helm 3 and Helm 4 are both supported; the installer asks {@code helm version} which one it runs and uses
 * that major's flags ({@code --wait} or {@code --wait=watcher}; {@code template --validate} or
 * {@code --dry-run=server}). Field conflicts under Helm 4's server-side apply: by default the install fails and
 * names the field and the manager that owns it; with {@link Builder#forceConflicts(boolean)} the release takes the
 * fields over ({@code --force-conflicts}). A release installed with Helm 3 keeps client-side apply when Helm 4
 * upgrades it.
 *
 * <p>Thread-safe: one installer may run operations for different releases concurrently (Helm refuses two
 * at once on the same release). Close it to close the Kubernetes client it built.
 */
public final class HelmCliInstaller extends ReleaseFlow {
  private final @Nullable Path helmExecutable;

  private HelmCliInstaller(Builder b, InstallerOptions options) {
    super(options, new HelmCliBackend(options, b.helmExecutable,
        b.searchPath != null ? b.searchPath : Objects.requireNonNullElse(System.getenv("PATH"), ""),
        b.processTimeout != null ? b.processTimeout : options.timeout().multipliedBy(4).plusMinutes(1), b.grace,
        b.forceConflicts));
    this.helmExecutable = b.helmExecutable;
  }

  /**
   * Starts a builder with the defaults: {@code helm} from {@code PATH}, the default kubeconfig and its current
   * context, a 10-minute timeout, the built-in validators, no listener.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "HelmCliInstaller[" + (helmExecutable != null ? helmExecutable : "helm on PATH") + "]";
  }

  /**
   * Configures a {@link HelmCliInstaller}: the options every Helm installer has (the kubeconfig and context, which
   * {@code helm} gets as {@code --kubeconfig} and {@code --kube-context}; Helm's timeout; the listener, which gets
   * Helm's output line by line as it is printed; validation; a Kubernetes client; the values file's directory;
   * plain-HTTP registries), and the binary's own. Not thread-safe.
   */
  public static final class Builder extends HelmInstallerBuilder<Builder> {
    private @Nullable Path helmExecutable;
    private @Nullable String searchPath;
    private @Nullable Duration processTimeout;
    private Duration grace = ProcessRunner.GRACE;
    private boolean forceConflicts;

    private Builder() {}

    /**
     * The {@code helm} binary to run.
     *
     * @param helm its path; by default {@code helm} is looked up in the directories of {@code PATH}
     * @return this builder
     */
    public Builder helmExecutable(Path helm) {
      this.helmExecutable = Objects.requireNonNull(helm, "helm == null");
      return this;
    }

    /** The search path for {@code helm}, instead of the {@code PATH} environment variable (for tests). */
    Builder searchPath(String path) {
      this.searchPath = Objects.requireNonNull(path, "path == null");
      return this;
    }

    /** The limit for the {@code helm} process itself (for tests). */
    Builder processTimeout(Duration limit, Duration stopGrace) {
      this.processTimeout = limit;
      this.grace = stopGrace;
      return this;
    }

    /**
     * Whether Helm 4's server-side apply takes over fields that another field manager owns
     * ({@code --force-conflicts}). By default it does not: the install fails and the message names each field and its
     * manager, so that nothing another tool manages is overwritten silently. Helm 3 applies client-side and ignores
     * this setting.
     *
     * @param force true to take the fields over
     * @return this builder
     */
    public Builder forceConflicts(boolean force) {
      this.forceConflicts = force;
      return this;
    }

    /**
     * Builds the installer; nothing is run until an operation is called. The kubeconfig is checked now, without
     * talking to the cluster, so that a mistyped context is never replaced by the current one.
     *
     * @return the installer
     * @throws IllegalArgumentException naming the file and the context, if the kubeconfig does not exist or parse,
     *     has no such context, or names no usable one
     */
    @Override
    public HelmCliInstaller build() {
      InstallerOptions options = options();
      options.kube().check();
      return new HelmCliInstaller(this, options);
    }
  }
}
