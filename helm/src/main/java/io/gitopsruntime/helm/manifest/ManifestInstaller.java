package io.gitopsruntime.helm.manifest;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.helm.internal.KubeTarget;
import io.gitopsruntime.helm.internal.SafeListener;
import io.gitopsruntime.helm.manifest.internal.Engine;
import io.gitopsruntime.helm.manifest.internal.RetryPolicy;
import io.gitopsruntime.helm.manifest.internal.Settings;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.InstallPlan;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.install.ReleaseStatus;
import io.gitopsruntime.install.UninstallResult;
import io.gitopsruntime.validators.Validators;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Installs the GitOps Runtime without a {@code helm} binary: renders the chart with the embedded Helm
 * engine for the target cluster (its Kubernetes version and API versions), then applies the objects
 * with server-side apply in dependency order, concurrently within each wave, runs the chart's hooks with
 * Helm's semantics, and waits until everything is ready.
 *
 * <pre>{@code
 * try (ManifestInstaller installer = ManifestInstaller.builder()
 *     .kubeconfig(Path.of(System.getProperty("user.home"), ".kube", "config"))
 *     .timeout(Duration.ofMinutes(10))
 *     .listener(ConsoleInstallListener.toStdout())
 *     .build()) {
 *   InstallResult result = installer.install(installation);   // INSTALLED, UPGRADED or UNCHANGED
 * }
 * }</pre>
 *
 * <p><b>What it does.</b> {@link #install} validates the installation first (nothing is written when a
 * validator reports an error), takes the release's lock (a Lease), renders the chart (a directory, a
 * {@code .tgz}, an {@code oci://} reference, a URL or {@code repo/chart}), and refuses to take over objects
 * that belong to another Helm release or were created outside this release unless
 * {@link Builder#adoptExisting(boolean)}. It applies CustomResourceDefinitions and namespaces and waits
 * until the CRDs are established; runs the {@code pre-install} (or {@code pre-upgrade}) hooks by weight
 * and delete policy, one at a time as Helm does (a hook Job of one Pod is done as soon as that Pod has
 * succeeded, not up to a second later when the Job controller marks the Job complete), failing with the
 * hook Job's log; applies service accounts, RBAC, configuration and secrets, then services and
 * workloads, then custom resources; waits until Deployments, StatefulSets,
 * DaemonSets and Jobs are ready, reporting what is not ready through the listener; deletes what the
 * previous revision had and this one has not; runs the {@code post-*} hooks. Every object is applied
 * under one field manager and gets Helm's ownership label and annotations, so Helm can adopt it later.
 * One timeout bounds the whole install.
 *
 * <p><b>Inventory.</b> Each revision is recorded in a Secret {@code gitops-runtime.<release>.v<revision>}
 * in the release namespace: the object references and digests, never the values. A second install with
 * the same installation changes nothing and returns {@code UNCHANGED}; {@link #uninstall} deletes exactly
 * the recorded objects.
 *
 * <p><b>What is kept</b> (on uninstall, and when an upgrade no longer renders an object), as Helm does and
 * as every installer of this SDK does: objects of any kind annotated {@code helm.sh/resource-policy: keep},
 * and the CustomResourceDefinitions of the chart's and its subcharts' {@code crds/} directories (which Helm
 * creates once and never updates or deletes). CustomResourceDefinitions rendered from templates are deleted
 * unless they carry the annotation, and deleting a CRD deletes every custom resource of its kind (the real
 * chart's Argo CRDs carry it). {@link UninstallResult#kept()} lists what stayed.
 * Subcharts disabled by their {@code condition} or {@code tags} contribute nothing, not even their
 * {@code crds/}.
 * Failed requests (429 with {@code Retry-After}, 5xx, dropped connections) are retried where safe, and an
 * interrupted install converges when run again.
 *
 * <p><b>Resources.</b> An installer built from a kubeconfig (or the default one) creates its own
 * Kubernetes client and closes it in {@link #close()}; one handed a client with
 * {@link Builder#kubernetesClient(KubernetesClient)} never closes it.
 *
 * <p>Thread-safe: operations may run concurrently; two operations on the same release exclude each other
 * through the release lock (the second fails with {@code LOCKED}, naming the holder, since when it holds the lock
 * and when the lock expires). The lock is released on every exit path the JVM reports: a result, an exception, an
 * interrupt, and a JVM shutdown (Ctrl-C, SIGTERM) while an operation runs; a process killed outright leaves it to
 * expire after {@link #LOCK_DURATION} without renewal.
 */
public final class ManifestInstaller implements Installer {
  /** The field manager of server-side apply unless {@link Builder#fieldManager(String)} says otherwise. */
  public static final String DEFAULT_FIELD_MANAGER = "gitops-runtime";
  /** The time limit of a whole install unless {@link Builder#timeout(Duration)} says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
  /** How many requests run at once within a wave unless {@link Builder#concurrency(int)} says otherwise. */
  public static final int DEFAULT_CONCURRENCY = 16;
  /** How long the release lock outlives its holder when the holder dies without releasing it. */
  public static final Duration LOCK_DURATION = Duration.ofSeconds(60);

  private final KubernetesClient client;
  private final boolean ownsClient;
  private final Engine engine;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ManifestInstaller(KubernetesClient client, boolean ownsClient, Engine engine) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.engine = engine;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Computes what {@link #install} would change: each object created, updated or unchanged (by a
   * server-side dry run) and each recorded object deleted, in apply order, without changing anything.
   * Validation errors are returned in the plan, not thrown.
   *
   * @param installation the installation
   * @return the plan
   * @throws io.gitopsruntime.install.InstallException if the chart cannot be rendered, the cluster cannot be
   *     read, or objects belong to someone else (an install would refuse them too)
   */
  @Override
  public InstallPlan plan(RuntimeInstallation installation) {
    return engine.plan(installation);
  }

  @Override
  public InstallResult install(RuntimeInstallation installation) {
    return engine.install(installation);
  }

  /**
   * Removes the release: runs its {@code pre-delete} hooks (so the installation must render: pass the one
   * it was installed with), deletes the recorded objects and the inventory.
   *
   * @param installation the installation
   * @return what was deleted and kept; {@code found} is false when no release was recorded
   */
  @Override
  public UninstallResult uninstall(RuntimeInstallation installation) {
    return engine.uninstall(installation);
  }

  @Override
  public ReleaseStatus status(RuntimeInstallation installation) {
    return engine.status(installation);
  }

  /** Closes the Kubernetes client if this installer created it; does not throw. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && ownsClient) {
      try {
        client.close();
      } catch (RuntimeException ignored) {
        // closing must not throw
      }
    }
  }

  /**
   * Configures a {@link ManifestInstaller}. Not thread-safe.
   *
   * <pre>{@code
   * ManifestInstaller installer = ManifestInstaller.builder()
   *     .kubernetesClient(client)      // or .kubeconfig(path).kubeContext("prod")
   *     .adoptExisting(true)           // take over CRDs another tool installed
   *     .validate(false)               // skip the built-in validators
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable KubernetesClient client;
    private @Nullable Path kubeconfig;
    private @Nullable String context;
    private Duration timeout = DEFAULT_TIMEOUT;
    private String fieldManager = DEFAULT_FIELD_MANAGER;
    private int concurrency = DEFAULT_CONCURRENCY;
    private InstallListener listener = InstallListener.NONE;
    private @Nullable ValidatorChain validators;
    private boolean validate = true;
    private boolean adoptExisting;
    private boolean plainHttp;
    private RetryPolicy retry = RetryPolicy.DEFAULT;

    private Builder() {}

    /** The retry policy of API requests; package-private, for tests that exhaust retries quickly. */
    Builder retries(RetryPolicy policy) {
      this.retry = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * The cluster, as a client the caller owns: the installer never closes it.
     *
     * @param client the client
     * @return this builder
     */
    public Builder kubernetesClient(KubernetesClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * The cluster, from a kubeconfig file; the installer creates a client and closes it in
     * {@link ManifestInstaller#close()}. Without this or {@link #kubernetesClient}, the default kubeconfig (or the
     * in-cluster service account) is used.
     *
     * @param kubeconfig the file
     * @return this builder
     */
    public Builder kubeconfig(Path kubeconfig) {
      this.kubeconfig = Objects.requireNonNull(kubeconfig, "kubeconfig == null");
      return this;
    }

    /**
     * The kubeconfig context to use instead of the current one.
     *
     * @param context the context name
     * @return this builder
     */
    public Builder kubeContext(String context) {
      this.context = Objects.requireNonNull(context, "context == null");
      return this;
    }

    /**
     * The time limit of a whole install or uninstall: rendering, applying, hooks and waiting together.
     *
     * @param timeout the limit; 10 minutes by default
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, not " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * The server-side apply field manager that owns the applied fields.
     *
     * @param fieldManager the name; {@value ManifestInstaller#DEFAULT_FIELD_MANAGER} by default
     * @return this builder
     */
    public Builder fieldManager(String fieldManager) {
      Objects.requireNonNull(fieldManager, "fieldManager == null");
      if (fieldManager.isBlank() || fieldManager.length() > 128) {
        throw new IllegalArgumentException("fieldManager must have 1 to 128 characters");
      }
      this.fieldManager = fieldManager;
      return this;
    }

    /**
     * How many API requests run at once within a wave (1 applies objects one by one).
     *
     * @param concurrency from 1 to 64; {@value ManifestInstaller#DEFAULT_CONCURRENCY} by default
     * @return this builder
     */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1 || concurrency > 64) {
        throw new IllegalArgumentException("concurrency must be from 1 to 64, not " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /**
     * Where progress goes; it is called from several threads and its exceptions are ignored.
     *
     * @param listener the listener; {@link InstallListener#NONE} by default
     * @return this builder
     */
    public Builder listener(InstallListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * The validators run before anything changes; the built-in ones ({@link Validators#all()}) by default.
     *
     * @param validators the chain
     * @return this builder
     */
    public Builder validators(ValidatorChain validators) {
      this.validators = Objects.requireNonNull(validators, "validators == null");
      this.validate = true;
      return this;
    }

    /**
     * Whether to validate before installing (true by default).
     *
     * @param validate false to skip validation
     * @return this builder
     */
    public Builder validate(boolean validate) {
      this.validate = validate;
      return this;
    }

    /**
     * Whether to take over objects that belong to another Helm release or were created outside this
     * release, giving them this release's Helm ownership (false by default: the install refuses them,
     * naming them).
     *
     * @param adopt true to take them over
     * @return this builder
     */
    public Builder adoptExisting(boolean adopt) {
      this.adoptExisting = adopt;
      return this;
    }

    /**
     * Whether OCI registries are reached over plain HTTP instead of HTTPS, like Helm's
     * {@code --plain-http} (false by default).
     *
     * @param plain true for plain HTTP
     * @return this builder
     */
    public Builder plainHttp(boolean plain) {
      this.plainHttp = plain;
      return this;
    }

    /**
     * Builds the installer; without {@link #kubernetesClient}, creates a client from the kubeconfig (nothing is
     * requested from the cluster yet).
     *
     * @return the installer
     * @throws GitOpsRuntimeException if the kubeconfig cannot be read
     */
    public ManifestInstaller build() {
      if (client != null && (kubeconfig != null || context != null)) {
        throw new IllegalStateException("Set either kubernetesClient(..) or kubeconfig(..)/kubeContext(..), not both.");
      }
      KubernetesClient k8s = client;
      boolean owns = false;
      if (k8s == null) {
        k8s = KubeTarget.newClient(config()); // never logs HTTP bodies, whatever the log level
        owns = true;
      }
      ValidatorChain chain = validate
          ? (validators != null ? validators : ValidatorChain.builder().addAll(Validators.all()).build())
          : null;
      Settings settings = new Settings(fieldManager, concurrency, timeout, adoptExisting, plainHttp,
          retry, LOCK_DURATION);
      return new ManifestInstaller(k8s, owns, new Engine(k8s, settings, chain, SafeListener.of(listener)));
    }

    /**
     * The kubeconfig's configuration, checked by {@link KubeTarget#config()}: a missing or malformed file, a context
     * that does not exist, or no usable context fails here, naming the file and the context, instead of fabric8
     * silently using the current context or {@code kubernetes.default.svc}.
     */
    private Config config() {
      try {
        return KubeTarget.of(kubeconfig, context).config();
      } catch (IllegalArgumentException e) {
        throw new GitOpsRuntimeException(e.getMessage(), e);
      }
    }
  }
}
