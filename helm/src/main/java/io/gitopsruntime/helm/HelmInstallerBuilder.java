package io.gitopsruntime.helm;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.helm.internal.InstallerOptions;
import io.gitopsruntime.helm.internal.KubeTarget;
import io.gitopsruntime.helm.internal.SafeListener;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.validators.Validators;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The options every Helm installer's builder has (the cluster, Helm's timeout, progress, validation, the values
 * file's directory, plain-HTTP registries), in one place; each installer's builder adds its own and builds.
 * Not thread-safe.
 *
 * @param <B> the installer's builder, returned by every option for chaining
 */
public abstract class HelmInstallerBuilder<B extends HelmInstallerBuilder<B>> {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private @Nullable Path kubeconfig;
  private @Nullable String kubeContext;
  private Duration timeout = DEFAULT_TIMEOUT;
  private InstallListener listener = InstallListener.NONE;
  private @Nullable ValidatorChain chain;
  private boolean validate = true;
  private @Nullable KubernetesClient client;
  private @Nullable Path tempDirectory;
  private boolean plainHttp;
  private boolean adoptExisting;

  /** For the installers' builders. */
  protected HelmInstallerBuilder() {}

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * The kubeconfig file Helm uses ({@code helm} gets it as {@code --kubeconfig}).
   *
   * <p>Unless a client is handed to {@link #kubernetesClient}, the installer also builds its own Kubernetes client
   * from this kubeconfig and {@link #kubeContext} (for validation and diagnosis) when first needed: it owns that
   * client and closes it when the installer is closed.
   *
   * @param kubeconfig the file; by default {@code KUBECONFIG}, then {@code ~/.kube/config}
   * @return this builder
   */
  public B kubeconfig(Path kubeconfig) {
    this.kubeconfig = Objects.requireNonNull(kubeconfig, "kubeconfig == null");
    return self();
  }

  /**
   * The kubeconfig context. {@code helm} gets it as {@code --kube-context}; helm-java has no context option, so the
   * embedded installer passes it the kubeconfig's contents with this context made current (the kubeconfig must then
   * be one file).
   *
   * @param context the context; by default the kubeconfig's current context
   * @return this builder
   */
  public B kubeContext(String context) {
    this.kubeContext = Objects.requireNonNull(context, "context == null");
    return self();
  }

  /**
   * Helm's {@code --timeout}: how long Helm waits for each hook and for the release's workloads to become ready.
   * A {@code helm} process as a whole may take four times as long, plus a minute, before it is stopped.
   *
   * @param timeout a positive duration; 10 minutes by default (Codefresh recommends more than Helm's 5)
   * @return this builder
   */
  public B timeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, not " + timeout);
    }
    this.timeout = timeout;
    return self();
  }

  /**
   * Receives progress: phases, validation, Helm's output (masked; helm-java's at the end of each call), objects,
   * failed hooks.
   *
   * @param listener the listener; exceptions it throws are logged and ignored
   * @return this builder
   */
  public B listener(InstallListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener == null");
    return self();
  }

  /**
   * The validators run before anything changes.
   *
   * @param chain the chain; by default {@link Validators#all()}
   * @return this builder
   */
  public B validators(ValidatorChain chain) {
    this.chain = Objects.requireNonNull(chain, "chain == null");
    return self();
  }

  /**
   * Whether to validate before installing.
   *
   * @param validate false to skip validation (the chart's own hooks still run)
   * @return this builder
   */
  public B validate(boolean validate) {
    this.validate = validate;
    return self();
  }

  /**
   * The Kubernetes client used for cluster validation, to read the deployed release and to diagnose failures.
   * The installer never closes a client handed in here. Without one, it builds its own from {@link #kubeconfig}
   * and {@link #kubeContext} when first needed, and closes it when the installer is closed.
   *
   * @param client a client for the same cluster as the kubeconfig and context
   * @return this builder
   */
  public B kubernetesClient(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client == null");
    return self();
  }

  /**
   * Where the values file is written while Helm runs (it is deleted afterwards).
   *
   * @param directory an existing directory; by default {@code java.io.tmpdir}
   * @return this builder
   */
  public B tempDirectory(Path directory) {
    this.tempDirectory = Objects.requireNonNull(directory, "directory == null");
    return self();
  }

  /**
   * Whether an {@code oci://} chart registry is spoken to over plain HTTP ({@code --plain-http}, Helm 3.13 or
   * newer), for a local registry.
   *
   * @param plainHttp true for plain HTTP
   * @return this builder
   */
  public B plainHttp(boolean plainHttp) {
    this.plainHttp = plainHttp;
    return self();
  }

  /**
   * Whether objects of the release that exist without its Helm ownership metadata (CRDs a previous Argo CD install
   * left, objects applied with {@code kubectl}) are adopted: before Helm runs, the installer labels them
   * {@code app.kubernetes.io/managed-by=Helm} and annotates them with this release's {@code meta.helm.sh/release-name}
   * and {@code meta.helm.sh/release-namespace}, as Codefresh's {@code adopt-crds.sh} does, and Helm 4 gets
   * {@code --force-conflicts} for that install, so that fields the previous owner applied server-side are taken over.
   * Off by default: without it such objects stop the install with an ownership conflict naming each of them. Do not
   * adopt objects another runtime in the same cluster owns.
   *
   * @param adopt true to adopt
   * @return this builder
   */
  public B adoptExisting(boolean adopt) {
    this.adoptExisting = adopt;
    return self();
  }

  /**
   * Builds the installer.
   *
   * @return the installer
   */
  public abstract Installer build();

  /**
   * The options set so far, with the defaults filled in.
   *
   * @return the options
   */
  protected InstallerOptions options() {
    ValidatorChain validators = !validate ? null
        : chain != null ? chain : ValidatorChain.builder().addAll(Validators.all()).build();
    return new InstallerOptions(KubeTarget.of(kubeconfig, kubeContext), timeout, SafeListener.of(listener), validators,
        client, tempDirectory, plainHttp, adoptExisting);
  }
}
