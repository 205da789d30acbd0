package io.gitopsruntime.helm.embedded;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.Redactor;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.helm.embedded.internal.EngineCrashed;
import io.gitopsruntime.helm.embedded.internal.EnginePool;
import io.gitopsruntime.helm.internal.ClusterDiagnostics;
import io.gitopsruntime.helm.internal.FailureDiagnosis;
import io.gitopsruntime.helm.internal.FailureDiagnosis.Operation;
import io.gitopsruntime.helm.internal.HelmRelease;
import io.gitopsruntime.helm.internal.KubeTarget;
import io.gitopsruntime.helm.internal.PreInstallValidation;
import io.gitopsruntime.helm.internal.ReleaseManifest;
import io.gitopsruntime.helm.internal.SafeListener;
import io.gitopsruntime.helm.internal.StoredReleases;
import io.gitopsruntime.helm.internal.ValuesComparison;
import io.gitopsruntime.helm.internal.ValuesFile;
import io.gitopsruntime.install.ChangeKind;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.InstallOutcome;
import io.gitopsruntime.install.InstallPhase;
import io.gitopsruntime.install.InstallPlan;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.install.Installer;
import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.install.PlannedChange;
import io.gitopsruntime.install.ReleaseState;
import io.gitopsruntime.install.ReleaseStatus;
import io.gitopsruntime.install.UninstallResult;
import io.gitopsruntime.validation.ValidationException;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validators.Validators;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
public final class EmbeddedHelmInstaller implements Installer {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedHelmInstaller.class);
  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private final KubeTarget kube;
  private final Duration timeout;
  private final InstallListener listener;
  private final @Nullable ValidatorChain chain;
  private final @Nullable KubernetesClient givenClient;
  private final @Nullable Path tempDirectory;
  private final boolean plainHttp;
  private final Object clientLock = new Object();
  /** The engine child JVMs kept between operations; ended by {@link #close()}. */
  private final EnginePool engines = new EnginePool();
  private @Nullable KubernetesClient ownClient;
  private boolean closed;

  private EmbeddedHelmInstaller(Builder b) {
    this.kube = new KubeTarget(Optional.ofNullable(b.kubeconfig), Optional.ofNullable(b.kubeContext));
    if (b.client == null) {
      kube.check(); // a context that does not exist is refused now, never replaced by the current one
    }
    this.timeout = b.timeout;
    this.listener = SafeListener.of(b.listener);
    this.chain = !b.validate ? null
        : b.chain != null ? b.chain : ValidatorChain.builder().addAll(Validators.all()).build();
    this.givenClient = b.client;
    this.tempDirectory = b.tempDirectory;
    this.plainHttp = b.plainHttp;
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
  public InstallPlan plan(RuntimeInstallation installation) {
    Objects.requireNonNull(installation, "installation == null");
    Redactor redactor = Redactor.of(installation.values());
    KubernetesClient client = client();
    ValidationReport report;
    try {
      report = PreInstallValidation.run(chain, installation, client, listener);
    } catch (ValidationException e) {
      return InstallPlan.builder().validation(e.report()).changesKnown(false).build();
    }
    FailureDiagnosis.Context diag = diagnosis(Operation.PLAN, installation, redactor, client);
    try (HelmJava helm = helm(diag);
        ValuesFile values = ValuesFile.write(tempDirectory, ValuesYaml.write(installation.values(), SecretHandling.REVEAL))) {
      Optional<HelmRelease> current = call(diag, redactor, () -> helm.release(installation.releaseName(), installation.namespace()));
      listener.phaseStarted(InstallPhase.RENDER);
      long start = System.nanoTime();
      String kubeVersion = kubeVersion(client);
      ReleaseManifest desired = render(helm, installation, values.path(), kubeVersion, redactor, diag);
      List<PlannedChange> crds = crdsDirectories(helm, installation, values.path(), kubeVersion, client, desired, redactor,
          diag);
      Optional<ReleaseManifest> deployed = current.isEmpty() ? Optional.of(ReleaseManifest.EMPTY) : stored(client, installation);
      listener.phaseFinished(InstallPhase.RENDER, since(start));
      List<PlannedChange> changes = new ArrayList<>(crds);
      changes.addAll(changes(deployed, desired));
      return InstallPlan.builder().validation(report).changes(changes).changesKnown(deployed.isPresent()).build();
    } catch (UncheckedIOException e) {
      throw FailureDiagnosis.exception(diag, FailureKind.OTHER, e.getMessage(), e);
    } catch (EngineCrashed e) {
      throw crashed(diag, installation, e);
    }
  }

  /**
   * The CRDs of the chart's and its enabled subcharts' {@code crds/} directories, which Helm creates before
   * anything else and never updates: each is created, or unchanged when the cluster has it already.
   */
  private List<PlannedChange> crdsDirectories(HelmJava helm, RuntimeInstallation installation, Path values,
      @Nullable String kubeVersion, @Nullable KubernetesClient client, ReleaseManifest desired, Redactor redactor,
      FailureDiagnosis.Context diag) {
    List<Map<String, Object>> crds = call(diag, redactor, () -> helm.crds(installation.releaseName(), installation.chart(),
        installation.namespace(), installation.chartVersion(), values, kubeVersion));
    List<PlannedChange> changes = new ArrayList<>();
    for (Map<String, Object> crd : crds) {
      Object metadata = crd.get("metadata");
      Object name = metadata instanceof Map ? ((Map<?, ?>) metadata).get("name") : null;
      if (name == null || !"CustomResourceDefinition".equals(crd.get("kind"))) {
        continue;
      }
      ObjectRef ref = ObjectRef.clusterScoped(String.valueOf(crd.get("apiVersion")), "CustomResourceDefinition",
          name.toString());
      if (!desired.refs().contains(ref) && changes.stream().noneMatch(c -> c.object().equals(ref))) {
        changes.add(PlannedChange.of(ref, crdExists(client, ref.name()) ? ChangeKind.UNCHANGED : ChangeKind.CREATE));
      }
    }
    return changes;
  }

  private static boolean crdExists(@Nullable KubernetesClient client, String name) {
    if (client == null) {
      return false;
    }
    try {
      return client.apiextensions().v1().customResourceDefinitions().withName(name).get() != null;
    } catch (KubernetesClientException e) {
      log.debug("could not read CRD {}: {}", name, e.toString());
      return false;
    }
  }

  @Override
  public InstallResult install(RuntimeInstallation installation) {
    Objects.requireNonNull(installation, "installation == null");
    long start = System.nanoTime();
    Redactor redactor = Redactor.of(installation.values());
    KubernetesClient client = client();
    PreInstallValidation.run(chain, installation, client, listener);
    FailureDiagnosis.Context diag = diagnosis(Operation.INSTALL, installation, redactor, client);
    String valuesYaml = ValuesYaml.write(installation.values(), SecretHandling.REVEAL);
    try (HelmJava helm = helm(diag); ValuesFile values = ValuesFile.write(tempDirectory, valuesYaml)) {
      Optional<HelmRelease> before = call(diag, redactor, () -> helm.release(installation.releaseName(), installation.namespace()));
      if (before.isPresent()) {
        diag = diagnosis(Operation.UPGRADE, installation, redactor, client);
        if (before.get().isPending()) {
          throw FailureDiagnosis.diagnose(diag, "another operation (install/upgrade/rollback) is in progress", null);
        }
      }
      listener.phaseStarted(InstallPhase.RENDER);
      long renderStart = System.nanoTime();
      ReleaseManifest desired = render(helm, installation, values.path(), kubeVersion(client), redactor, diag);
      Optional<ReleaseManifest> deployed = before.isEmpty() ? Optional.of(ReleaseManifest.EMPTY) : stored(client, installation);
      List<PlannedChange> changes = changes(deployed, desired);
      listener.phaseFinished(InstallPhase.RENDER, since(renderStart));
      if (before.isPresent() && deployed.isPresent()
          && unchanged(helm, installation, before.get(), changes, valuesYaml, redactor, diag)) {
        changes.forEach(c -> listener.objectApplied(c.object(), ChangeKind.UNCHANGED));
        return result(installation, InstallOutcome.UNCHANGED, before.get().revision(), changes, start);
      }
      boolean createNamespace = before.isEmpty() && (client == null
          || !new ClusterDiagnostics(client).namespaceExists(installation.namespace()).orElse(false));
      FailureDiagnosis.Context upgradeDiag = diag.rendered(desired.refs());
      listener.phaseStarted(InstallPhase.HELM);
      long helmStart = System.nanoTime();
      HelmJava.Released release = call(upgradeDiag, redactor, () -> before.isEmpty()
          ? helm.install(installation.releaseName(), installation.chart(), installation.namespace(),
              installation.chartVersion(), values.path(), timeout, createNamespace)
          : helm.upgrade(installation.releaseName(), installation.chart(), installation.namespace(),
              installation.chartVersion(), values.path(), timeout));
      HelmJava.emit(HelmJava.logLines(release.output()), redactor, listener::helmOutput);
      listener.phaseFinished(InstallPhase.HELM, since(helmStart));
      for (PlannedChange change : changes) {
        if (change.change() == ChangeKind.DELETE) {
          listener.objectDeleted(change.object());
        } else {
          listener.objectApplied(change.object(), change.change());
        }
      }
      return result(installation, before.isEmpty() ? InstallOutcome.INSTALLED : InstallOutcome.UPGRADED,
          release.revision(), changes, start);
    } catch (UncheckedIOException e) {
      throw FailureDiagnosis.exception(diag, FailureKind.OTHER, e.getMessage(), e);
    } catch (EngineCrashed e) {
      throw crashed(diag, installation, e);
    }
  }

  @Override
  public UninstallResult uninstall(RuntimeInstallation installation) {
    Objects.requireNonNull(installation, "installation == null");
    long start = System.nanoTime();
    Redactor redactor = Redactor.of(installation.values());
    KubernetesClient client = client();
    FailureDiagnosis.Context diag = diagnosis(Operation.UNINSTALL, installation, redactor, client);
    ReleaseManifest manifest;
    try (HelmJava helm = helm(diag)) {
      Optional<HelmRelease> current = call(diag, redactor, () -> helm.release(installation.releaseName(), installation.namespace()));
      if (current.isEmpty()) {
        return UninstallResult.builder().found(false).took(since(start)).build();
      }
      manifest = stored(client, installation).orElse(ReleaseManifest.EMPTY);
      listener.phaseStarted(InstallPhase.UNINSTALL);
      long helmStart = System.nanoTime();
      String output = call(diag, redactor, () -> helm.uninstall(installation.releaseName(), installation.namespace()));
      HelmJava.emit(HelmJava.logLines(output), redactor, listener::helmOutput);
      listener.phaseFinished(InstallPhase.UNINSTALL, since(helmStart));
    } catch (EngineCrashed e) {
      throw crashed(diag, installation, e);
    }
    List<ObjectRef> deleted = new ArrayList<>();
    List<ObjectRef> kept = new ArrayList<>();
    for (ObjectRef ref : manifest.refs()) {
      if (manifest.isKept(ref)) {
        kept.add(ref);
      } else {
        deleted.add(ref);
        listener.objectDeleted(ref);
      }
    }
    return UninstallResult.builder().found(true).deleted(deleted).kept(kept).took(since(start)).build();
  }

  @Override
  public ReleaseStatus status(RuntimeInstallation installation) {
    Objects.requireNonNull(installation, "installation == null");
    Redactor redactor = Redactor.of(installation.values());
    KubernetesClient client = client();
    FailureDiagnosis.Context diag = diagnosis(Operation.STATUS, installation, redactor, client);
    Optional<HelmRelease> release;
    try (HelmJava helm = helm(diag)) {
      release = call(diag, redactor, () -> helm.release(installation.releaseName(), installation.namespace()));
    } catch (EngineCrashed e) {
      throw crashed(diag, installation, e);
    }
    ReleaseStatus.Builder status = ReleaseStatus.builder().releaseName(installation.releaseName())
        .namespace(installation.namespace());
    if (release.isEmpty()) {
      return status.state(ReleaseState.NOT_INSTALLED).build();
    }
    status.state(release.get().state()).revision(release.get().revision());
    if (!release.get().chartVersion().isEmpty()) {
      status.chartVersion(release.get().chartVersion());
    }
    if (client != null) {
      status.notReady(new ClusterDiagnostics(client).notReady(installation.releaseName(), installation.namespace()));
    }
    return status.build();
  }

  /**
   * Ends the engine's child JVM kept between operations, and closes the Kubernetes client this installer built;
   * never one handed to {@link Builder#kubernetesClient}.
   */
  @Override
  public void close() {
    synchronized (clientLock) {
      closed = true;
      if (ownClient != null) {
        ownClient.close();
        ownClient = null;
      }
    }
    engines.close();
  }

  // --- helm-java calls

  /** Runs a helm-java call; its failure is diagnosed, with Helm's buffered log sent to the listener first. */
  private <T> T call(FailureDiagnosis.Context diag, Redactor redactor, Supplier<T> call) {
    try {
      return call.get();
    } catch (LinkageError e) {
      throw FailureDiagnosis.exception(diag, FailureKind.HELM_UNAVAILABLE, unavailable(String.valueOf(e)), e);
    } catch (IllegalStateException e) {
      if (HelmJava.isLoadFailure(e)) {
        throw FailureDiagnosis.exception(diag, FailureKind.HELM_UNAVAILABLE, unavailable(e.getMessage()), e);
      }
      HelmJava.Failure failure = HelmJava.split(e.getMessage());
      HelmJava.emit(failure.log(), redactor, listener::helmOutput);
      log.debug("embedded helm failed: {}", redactor.redact(failure.error()));
      throw FailureDiagnosis.diagnose(diag, failure.error(), masked(e, failure.error(), redactor));
    }
  }

  private static String unavailable(@Nullable String why) {
    return "the embedded Helm (helm-java's native library) could not be loaded: " + why + ". It needs Linux with glibc"
        + " (not Alpine or another musl system), macOS or Windows, on amd64 or arm64, and the helm-java platform JAR on"
        + " the class path (or access to Maven Central to fetch it). Use HelmCliInstaller with a helm binary instead.";
  }

  /** helm-java's exception with its message masked, so that a logged stack trace cannot leak a secret. */
  private static RuntimeException masked(RuntimeException e, String error, Redactor redactor) {
    RuntimeException copy = new IllegalStateException("helm-java: " + redactor.redact(error));
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }

  private static @Nullable String kubeVersion(@Nullable KubernetesClient client) {
    if (client != null) {
      try {
        return client.getKubernetesVersion().getGitVersion();
      } catch (KubernetesClientException e) {
        log.debug("could not read the Kubernetes version; rendering with Helm's default: {}", e.toString());
      }
    }
    return null;
  }

  private ReleaseManifest render(HelmJava helm, RuntimeInstallation installation, Path values,
      @Nullable String kubeVersion, Redactor redactor, FailureDiagnosis.Context diag) {
    String manifest = call(diag, redactor, () -> helm.template(installation.releaseName(), installation.chart(),
        installation.namespace(), installation.chartVersion(), values, kubeVersion));
    try {
      return ReleaseManifest.parse(manifest, installation.namespace());
    } catch (IllegalArgumentException e) {
      throw FailureDiagnosis.exception(diag, FailureKind.CHART, e.getMessage() + ".", e);
    }
  }

  private Optional<ReleaseManifest> stored(@Nullable KubernetesClient client, RuntimeInstallation installation) {
    if (client == null) {
      return Optional.empty();
    }
    return StoredReleases.latest(client, installation.releaseName(), installation.namespace())
        .map(s -> ReleaseManifest.parse(s.manifest(), installation.namespace()));
  }

  /** The changes; when the deployed manifest is unknown, every desired object counts as updated. */
  private static List<PlannedChange> changes(Optional<ReleaseManifest> deployed, ReleaseManifest desired) {
    if (deployed.isPresent()) {
      return deployed.get().changesTo(desired);
    }
    return desired.refs().stream().map(ref -> PlannedChange.of(ref, ChangeKind.UPDATE)).toList();
  }

  private boolean unchanged(HelmJava helm, RuntimeInstallation installation, HelmRelease deployed,
      List<PlannedChange> changes, String valuesYaml, Redactor redactor, FailureDiagnosis.Context diag) {
    if (deployed.state() != ReleaseState.DEPLOYED || changes.stream().anyMatch(c -> c.change() != ChangeKind.UNCHANGED)) {
      return false;
    }
    String chart = call(diag, redactor, () -> helm.showChart(installation.chart(), installation.chartVersion()));
    if (!chartNameAndVersion(chart).equals(deployed.chart())) {
      return false;
    }
    String values = call(diag, redactor, () -> helm.values(installation.releaseName(), installation.namespace()));
    try {
      return ValuesComparison.sameValues(valuesYaml, values);
    } catch (IllegalArgumentException e) {
      log.debug("could not compare the deployed values: {}", e.getMessage());
      return false;
    }
  }

  private static String chartNameAndVersion(String chartYaml) {
    String name = "";
    String version = "";
    for (String line : chartYaml.split("\n")) {
      if (line.startsWith("name:")) {
        name = line.substring(5).strip();
      } else if (line.startsWith("version:")) {
        version = line.substring(8).strip();
      }
    }
    return name + "-" + version;
  }

  private HelmJava helm(FailureDiagnosis.Context diag) {
    try {
      return new HelmJava(kube, plainHttp, engines);
    } catch (UncheckedIOException | IllegalStateException e) {
      throw FailureDiagnosis.exception(diag, FailureKind.KUBERNETES_API, e.getMessage(), e);
    }
  }

  private FailureDiagnosis.Context diagnosis(Operation operation, RuntimeInstallation installation, Redactor redactor,
      @Nullable KubernetesClient client) {
    return new FailureDiagnosis.Context(operation, installation.releaseName(), installation.namespace(), redactor)
        .chart(installation.chart() + installation.chartVersion().map(v -> " " + v).orElse(""))
        .timeout(timeout)
        .cluster(client == null ? null : new ClusterDiagnostics(client))
        .listener(listener)
        .kube(kube)
        .history(() -> {
          try (HelmJava helm = new HelmJava(kube, plainHttp, engines)) {
            return helm.history(installation.releaseName(), installation.namespace());
          }
        });
  }

  /**
   * The engine's child JVM died (a Go panic inside helm-java, or a signal): this JVM goes on, and the failure says
   * what happened and the state the release was left in, read by a new engine.
   */
  private InstallException crashed(FailureDiagnosis.Context diag, RuntimeInstallation installation, EngineCrashed e) {
    if (e.neverStarted()) {
      return FailureDiagnosis.exception(diag, FailureKind.HELM_UNAVAILABLE, "the embedded Helm engine could not start ("
          + e.reason().orElse("") + "). It runs in a child JVM started with this JVM's java and class path "
          + "(java.class.path), which must list JAR files and directories, as java -cp, JBang and Maven do; a class path "
          + "of nested JARs cannot be passed on. Use HelmCliInstaller with a helm binary instead.", e);
    }
    String state;
    try (HelmJava helm = new HelmJava(kube, plainHttp, engines)) {
      state = helm.release(installation.releaseName(), installation.namespace())
          .map(r -> "The release is now " + r.status() + " (revision " + r.revision() + ")"
              + (r.isPending() ? ": roll it back (helm rollback " + installation.releaseName() + " -n "
                  + installation.namespace() + ") or uninstall it before installing again." : "."))
          .orElse("The release does not exist.");
    } catch (RuntimeException | LinkageError again) {
      log.debug("could not read the release after the engine died: {}", again.toString());
      state = "Its state could not be read: " + again.getMessage() + ".";
    }
    String why = e.reason().map(r -> " (" + r + ")").orElse("");
    String exit = e.exitCode() < 0 ? "" : ", exit code " + e.exitCode();
    return FailureDiagnosis.exception(diag, FailureKind.OTHER, "the embedded Helm engine crashed during " + e.operation()
        + why + exit + "; it runs in a separate process, so this one is unaffected. " + state
        + " If it happens again, use HelmCliInstaller with a helm binary.", e);
  }

  private @Nullable KubernetesClient client() {
    synchronized (clientLock) {
      if (closed) {
        throw new IllegalStateException("This installer is closed; build a new one.");
      }
      if (givenClient != null) {
        return givenClient;
      }
      if (ownClient == null) {
        try {
          ownClient = kube.newClient();
        } catch (RuntimeException e) {
          log.debug("no Kubernetes client for validation and diagnosis: {}", e.toString());
        }
      }
      return ownClient;
    }
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static InstallResult result(RuntimeInstallation installation, InstallOutcome outcome, int revision,
      List<PlannedChange> changes, long start) {
    return InstallResult.builder().releaseName(installation.releaseName()).namespace(installation.namespace())
        .outcome(outcome).revision(revision).changes(changes).took(since(start)).build();
  }

  @Override
  public String toString() {
    return "EmbeddedHelmInstaller" + kube.kubeconfig().map(p -> "[" + p + "]").orElse("");
  }

  /** Configures an {@link EmbeddedHelmInstaller}. Not thread-safe. */
  public static final class Builder {
    private @Nullable Path kubeconfig;
    private @Nullable String kubeContext;
    private Duration timeout = DEFAULT_TIMEOUT;
    private InstallListener listener = InstallListener.NONE;
    private @Nullable ValidatorChain chain;
    private boolean validate = true;
    private @Nullable KubernetesClient client;
    private @Nullable Path tempDirectory;
    private boolean plainHttp;

    private Builder() {}

    /**
     * The kubeconfig file Helm uses.
     *
     * <p>Unless a client is handed to {@link #kubernetesClient}, the installer also builds its own Kubernetes client
     * from this kubeconfig and {@link #kubeContext} (for validation and diagnosis) when first needed: it owns that
     * client and closes it in {@link EmbeddedHelmInstaller#close()}.
     *
     * @param kubeconfig the file; by default {@code KUBECONFIG}, then {@code ~/.kube/config}
     * @return this builder
     */
    public Builder kubeconfig(Path kubeconfig) {
      this.kubeconfig = Objects.requireNonNull(kubeconfig, "kubeconfig == null");
      return this;
    }

    /**
     * The kubeconfig context. helm-java has no context option: the installer passes it the kubeconfig's contents
     * with this context made current (so the kubeconfig must be one file).
     *
     * @param context the context; by default the kubeconfig's current context
     * @return this builder
     */
    public Builder kubeContext(String context) {
      this.kubeContext = Objects.requireNonNull(context, "context == null");
      return this;
    }

    /**
     * Helm's timeout: how long Helm waits for each hook and for the workloads to become ready.
     *
     * @param timeout a positive duration; 10 minutes by default
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, not " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Receives progress: phases, validation, Helm's log (masked; at the end of each call), objects, failed hooks.
     *
     * @param listener the listener; exceptions it throws are logged and ignored
     * @return this builder
     */
    public Builder listener(InstallListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * The validators run before anything changes.
     *
     * @param chain the chain; by default {@link Validators#all()}
     * @return this builder
     */
    public Builder validators(ValidatorChain chain) {
      this.chain = Objects.requireNonNull(chain, "chain == null");
      return this;
    }

    /**
     * Whether to validate before installing.
     *
     * @param validate false to skip validation (the chart's own hooks still run)
     * @return this builder
     */
    public Builder validate(boolean validate) {
      this.validate = validate;
      return this;
    }

    /**
     * The Kubernetes client used for cluster validation, to read the deployed release and to diagnose failures.
     * The installer never closes a client handed in here. Without one, it builds its own from {@link #kubeconfig}
     * and {@link #kubeContext} when first needed, and closes it in {@link EmbeddedHelmInstaller#close()}.
     *
     * @param client a client for the same cluster as the kubeconfig and context
     * @return this builder
     */
    public Builder kubernetesClient(KubernetesClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * Where the values file is written while Helm runs (it is deleted afterwards).
     *
     * @param directory an existing directory; by default {@code java.io.tmpdir}
     * @return this builder
     */
    public Builder tempDirectory(Path directory) {
      this.tempDirectory = Objects.requireNonNull(directory, "directory == null");
      return this;
    }

    /**
     * Whether an {@code oci://} chart registry is spoken to over plain HTTP, for a local registry.
     *
     * @param plainHttp true for plain HTTP
     * @return this builder
     */
    public Builder plainHttp(boolean plainHttp) {
      this.plainHttp = plainHttp;
      return this;
    }

    /**
     * Builds the installer; nothing is loaded or run until an operation is called.
     *
     * @return the installer
     */
    public EmbeddedHelmInstaller build() {
      return new EmbeddedHelmInstaller(this);
    }
  }
}
