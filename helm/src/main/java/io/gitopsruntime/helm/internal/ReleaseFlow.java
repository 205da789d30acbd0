package io.gitopsruntime.helm.internal;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.core.Redactor;
import io.gitopsruntime.helm.internal.FailureDiagnosis.Operation;
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
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one algorithm of the Helm installers, whichever way they run Helm ({@link HelmBackend}): validate first; read
 * the release; render the chart and compare it with the deployed objects; report "unchanged" without an upgrade when
 * the release is deployed from the same chart version with the same values and objects; otherwise upgrade (or
 * install), with the namespace created only when missing; uninstall reporting what Helm deleted and kept; status with
 * what is not ready. Every failure is explained through {@link FailureDiagnosis}.
 *
 * <p>Thread-safe as far as its backend is: one installer may run operations for different releases concurrently.
 * It owns the Kubernetes client it builds from the kubeconfig (never one handed in) and closes it in {@link #close()}.
 */
public abstract class ReleaseFlow implements Installer {
  private final Logger log = LoggerFactory.getLogger(getClass());
  private final InstallerOptions options;
  private final InstallListener listener;
  private final HelmBackend backend;
  private final Object clientLock = new Object();
  private @Nullable KubernetesClient ownClient;
  private boolean clientFailed;
  private boolean closed;

  /**
   * For the installers.
   *
   * @param options the options their builder collected
   * @param backend how Helm is run
   */
  protected ReleaseFlow(InstallerOptions options, HelmBackend backend) {
    this.options = options;
    this.listener = options.listener();
    this.backend = backend;
  }

  @Override
  public final InstallPlan plan(RuntimeInstallation installation) {
    Objects.requireNonNull(installation, "installation == null");
    Redactor redactor = Redactor.of(installation.values());
    KubernetesClient client = client();
    ValidationReport report;
    try {
      report = PreInstallValidation.run(options.chain(), installation, client, listener);
    } catch (ValidationException e) {
      return InstallPlan.builder().validation(e.report()).changesKnown(false).build();
    }
    FailureDiagnosis.Context diag = diagnosis(Operation.PLAN, installation, redactor, client);
    try (HelmBackend.Session helm = backend.open(installation, redactor, client, diag);
        ValuesFile values = ValuesFile.write(options.tempDirectory(), valuesYaml(installation))) {
      Optional<HelmRelease> current = helm.release(diag);
      listener.phaseStarted(InstallPhase.RENDER);
      long start = System.nanoTime();
      ReleaseManifest desired = helm.render(values.path(), current.isPresent(), diag);
      List<PlannedChange> changes = new ArrayList<>(helm.crdsDirectories(values.path(), desired, diag));
      Optional<ReleaseManifest> deployed = current.isEmpty() ? Optional.of(ReleaseManifest.EMPTY) : helm.deployed(diag);
      listener.phaseFinished(InstallPhase.RENDER, since(start));
      changes.addAll(changes(deployed, desired));
      return InstallPlan.builder().validation(report).changes(changes).changesKnown(deployed.isPresent()).build();
    } catch (UncheckedIOException e) {
      throw FailureDiagnosis.exception(diag, FailureKind.OTHER, e.getMessage(), e);
    } catch (RuntimeException e) {
      throw backend.failed(e, diag, installation);
    }
  }

  @Override
  public final InstallResult install(RuntimeInstallation installation) {
    Objects.requireNonNull(installation, "installation == null");
    long start = System.nanoTime();
    Redactor redactor = Redactor.of(installation.values());
    KubernetesClient client = client();
    PreInstallValidation.run(options.chain(), installation, client, listener);
    FailureDiagnosis.Context diag = diagnosis(Operation.INSTALL, installation, redactor, client);
    String valuesYaml = valuesYaml(installation);
    boolean firstInstallStarted = false;
    try (HelmBackend.Session helm = backend.open(installation, redactor, client, diag);
        ValuesFile values = ValuesFile.write(options.tempDirectory(), valuesYaml)) {
      Optional<HelmRelease> before = helm.release(diag);
      if (before.isPresent()) {
        diag = diagnosis(Operation.UPGRADE, installation, redactor, client);
        if (before.get().isPending()) {
          throw FailureDiagnosis.diagnose(diag, "another operation (install/upgrade/rollback) is in progress", null);
        }
      }
      boolean adopted = options.adoptExisting() && client != null
          && adopt(helm, client, values.path(), before.isPresent(), installation, diag);
      listener.phaseStarted(InstallPhase.RENDER);
      long renderStart = System.nanoTime();
      ReleaseManifest desired = helm.render(values.path(), before.isPresent(), diag);
      Optional<ReleaseManifest> deployed = before.isEmpty() ? Optional.of(ReleaseManifest.EMPTY) : helm.deployed(diag);
      List<PlannedChange> changes = changes(deployed, desired);
      listener.phaseFinished(InstallPhase.RENDER, since(renderStart));
      if (before.isPresent() && deployed.isPresent() && unchanged(helm, before.get(), changes, valuesYaml, diag)) {
        changes.forEach(c -> listener.objectApplied(c.object(), ChangeKind.UNCHANGED));
        log.debug("release {} in {} is unchanged at revision {}", installation.releaseName(), installation.namespace(),
            before.get().revision());
        return result(installation, InstallOutcome.UNCHANGED, before.get().revision(), changes, start);
      }
      boolean createNamespace = before.isEmpty() && namespaceMissing(client, installation.namespace());
      FailureDiagnosis.Context upgradeDiag = diag.rendered(desired.refs());
      listener.phaseStarted(InstallPhase.HELM);
      long helmStart = System.nanoTime();
      firstInstallStarted = before.isEmpty();
      OptionalInt revision = helm.upgrade(values.path(), before, createNamespace, adopted, upgradeDiag);
      listener.phaseFinished(InstallPhase.HELM, since(helmStart));
      for (PlannedChange change : changes) {
        if (change.change() == ChangeKind.DELETE) {
          listener.objectDeleted(change.object());
        } else {
          listener.objectApplied(change.object(), change.change());
        }
      }
      int now = revision.isPresent() ? revision.getAsInt() : helm.release(diag).map(HelmRelease::revision)
          .orElse(before.map(r -> r.revision() + 1).orElse(1));
      return result(installation, before.isEmpty() ? InstallOutcome.INSTALLED : InstallOutcome.UPGRADED, now, changes,
          start);
    } catch (UncheckedIOException e) {
      throw FailureDiagnosis.exception(diag, FailureKind.OTHER, e.getMessage(), e);
    } catch (RuntimeException e) {
      // clean up first, so that what the failure says of the release is already true
      String cleanedUp = firstInstallStarted ? abandonedFirstInstall(e, installation, redactor, client, diag) : null;
      RuntimeException failure = backend.failed(e, diag, installation);
      if (cleanedUp == null || !(failure instanceof InstallException)) {
        throw failure;
      }
      InstallException f = (InstallException) failure;
      throw new InstallException(f.failure(), f.releaseName(), f.namespace(), f.getMessage() + "\n" + cleanedUp,
          f.getCause() != null ? f.getCause() : f);
    }
  }

  /**
   * Gives the rendered objects that exist without this release's ownership metadata that metadata
   * ({@code adoptExisting}).
   *
   * @return whether any object was adopted
   */
  private boolean adopt(HelmBackend.Session helm, KubernetesClient client, java.nio.file.Path values, boolean upgrade,
      RuntimeInstallation installation, FailureDiagnosis.Context diag) {
    try {
      String kubeVersion = client.getKubernetesVersion().getGitVersion();
      ReleaseManifest rendered = helm.renderWithoutTheCluster(values, upgrade, kubeVersion, diag);
      return !Adoption.adopt(client, rendered.refs(), installation.releaseName(), installation.namespace(), listener)
          .isEmpty();
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      throw FailureDiagnosis.exception(diag, FailureKind.KUBERNETES_API, "adopting the release's existing objects"
          + " failed (" + e.getCode() + (e.getStatus() == null || e.getStatus().getMessage() == null ? ""
              : ": " + e.getStatus().getMessage()) + "); nothing was installed. The installer's user needs get and"
          + " patch on the objects it adopts (cluster-scoped ones such as CRDs included); fix the access or adopt"
          + " them with kubectl, then run the install again.", e);
    }
  }

  /**
   * After a first install that did not finish: when Helm was stopped midway (its process killed, the engine gone, the
   * thread interrupted), the release stays {@code pending-install} and every later install is refused as "another
   * operation is in progress". No other installer can own that revision (this one started it), so it is uninstalled
   * here, and the next install starts afresh. A release left {@code failed} is not touched: Helm can install over it.
   * The interrupt flag is kept.
   *
   * @return what was done, for the failure's message, or null when nothing was
   */
  private @Nullable String abandonedFirstInstall(RuntimeException failure, RuntimeInstallation installation,
      Redactor redactor, @Nullable KubernetesClient client, FailureDiagnosis.Context diag) {
    boolean interrupted = Thread.interrupted();
    try (HelmBackend.Session helm = backend.open(installation, redactor, client, diag)) {
      Optional<HelmRelease> left = helm.release(diag);
      if (left.isEmpty() || !left.get().isPending()) {
        return null;
      }
      log.debug("the first install of {} in {} stopped while {}; uninstalling it", installation.releaseName(),
          installation.namespace(), left.get().status());
      helm.uninstall(false, diag);
      return "The install stopped before Helm finished, so the release it left " + left.get().status()
          + " was uninstalled: run the install again.";
    } catch (RuntimeException cleanup) {
      log.debug("could not uninstall the unfinished release {}: {}", installation.releaseName(), cleanup.toString());
      failure.addSuppressed(cleanup);
      return null;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public final UninstallResult uninstall(RuntimeInstallation installation) {
    Objects.requireNonNull(installation, "installation == null");
    long start = System.nanoTime();
    Redactor redactor = Redactor.of(installation.values());
    KubernetesClient client = client();
    FailureDiagnosis.Context diag = diagnosis(Operation.UNINSTALL, installation, redactor, client);
    ReleaseManifest manifest;
    try (HelmBackend.Session helm = backend.open(installation, redactor, client, diag)) {
      if (helm.release(diag).isEmpty()) {
        return UninstallResult.builder().found(false).took(since(start)).build();
      }
      manifest = helm.deployed(diag).orElse(ReleaseManifest.EMPTY);
      listener.phaseStarted(InstallPhase.UNINSTALL);
      long helmStart = System.nanoTime();
      if (!helm.uninstall(true, diag)) {
        return UninstallResult.builder().found(false).took(since(start)).build();
      }
      listener.phaseFinished(InstallPhase.UNINSTALL, since(helmStart));
    } catch (RuntimeException e) {
      throw backend.failed(e, diag, installation);
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
  public final ReleaseStatus status(RuntimeInstallation installation) {
    Objects.requireNonNull(installation, "installation == null");
    Redactor redactor = Redactor.of(installation.values());
    KubernetesClient client = client();
    FailureDiagnosis.Context diag = diagnosis(Operation.STATUS, installation, redactor, client);
    ReleaseStatus.Builder status = ReleaseStatus.builder().releaseName(installation.releaseName())
        .namespace(installation.namespace());
    try (HelmBackend.Session helm = backend.open(installation, redactor, client, diag)) {
      Optional<HelmRelease> release = helm.release(diag);
      if (release.isEmpty()) {
        return status.state(ReleaseState.NOT_INSTALLED).build();
      }
      status.state(release.get().state()).revision(release.get().revision());
      HelmRelease.splitChart(deployedChart(helm, release.get(), diag)).ifPresent(chart -> status.chartVersion(chart[1]));
    } catch (RuntimeException e) {
      throw backend.failed(e, diag, installation);
    }
    if (client != null) {
      status.notReady(new ClusterDiagnostics(client).notReady(installation.releaseName(), installation.namespace()));
    }
    return status.build();
  }

  /**
   * Closes the Kubernetes client this installer built, never one handed to its builder's {@code kubernetesClient},
   * and ends what it keeps between operations (the embedded Helm engine's child JVM).
   */
  @Override
  public final void close() {
    synchronized (clientLock) {
      closed = true;
      if (ownClient != null) {
        ownClient.close();
        ownClient = null;
      }
    }
    backend.close();
  }

  /**
   * Whether an upgrade would change nothing: same objects, same chart name and version, same values. Reading the
   * values is the last check: they hold secrets and are compared in memory only.
   */
  private boolean unchanged(HelmBackend.Session helm, HelmRelease deployed, List<PlannedChange> changes,
      String valuesYaml, FailureDiagnosis.Context diag) {
    if (deployed.state() != ReleaseState.DEPLOYED || changes.stream().anyMatch(c -> c.change() != ChangeKind.UNCHANGED)) {
      return false;
    }
    Optional<String> chart = helm.chart(diag);
    if (chart.isEmpty() || !chart.get().equals(deployedChart(helm, deployed, diag))) {
      return false;
    }
    String values = helm.values(diag);
    try {
      return ValuesComparison.sameValues(valuesYaml, values);
    } catch (IllegalArgumentException e) {
      log.debug("could not compare the deployed values: {}", e.getMessage());
      return false;
    }
  }

  /** The deployed revision's chart as {@code name-version}: from the release read, else as the backend finds it. */
  private static String deployedChart(HelmBackend.Session helm, HelmRelease deployed, FailureDiagnosis.Context diag) {
    if (!deployed.chartName().isEmpty() && !deployed.chartVersion().isEmpty()) {
      return deployed.chart();
    }
    return helm.deployedChart(deployed, diag);
  }

  /** The changes; when the deployed manifest is unknown, every desired object counts as updated. */
  private static List<PlannedChange> changes(Optional<ReleaseManifest> deployed, ReleaseManifest desired) {
    if (deployed.isPresent()) {
      return deployed.get().changesTo(desired);
    }
    return desired.refs().stream().map(ref -> PlannedChange.of(ref, ChangeKind.UPDATE)).toList();
  }

  private FailureDiagnosis.Context diagnosis(Operation operation, RuntimeInstallation installation, Redactor redactor,
      @Nullable KubernetesClient client) {
    return new FailureDiagnosis.Context(operation, installation.releaseName(), installation.namespace(), redactor)
        .chart(installation.chart() + installation.chartVersion().map(v -> " " + v).orElse(""))
        .timeout(options.timeout())
        .cluster(client == null ? null : new ClusterDiagnostics(client))
        .listener(listener)
        .kube(options.kube())
        .history(() -> backend.history(operation, installation, redactor));
  }

  private static String valuesYaml(RuntimeInstallation installation) {
    return ValuesYaml.write(installation.values(), SecretHandling.REVEAL);
  }

  private static boolean namespaceMissing(@Nullable KubernetesClient client, String namespace) {
    return client == null || !new ClusterDiagnostics(client).namespaceExists(namespace).orElse(false);
  }

  /** The client handed in, else the installer's own, built when first needed; null when none can be built. */
  private @Nullable KubernetesClient client() {
    synchronized (clientLock) {
      if (closed) {
        throw new IllegalStateException("This installer is closed; build a new one.");
      }
      if (options.client() != null) {
        return options.client();
      }
      if (ownClient == null && !clientFailed) {
        try {
          ownClient = options.kube().newClient();
        } catch (RuntimeException e) {
          clientFailed = true;
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
}
