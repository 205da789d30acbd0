package io.gitopsruntime.helm.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.Redactor;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.helm.internal.ClusterDiagnostics;
import io.gitopsruntime.helm.internal.FailureDiagnosis;
import io.gitopsruntime.helm.internal.FailureDiagnosis.Operation;
import io.gitopsruntime.helm.internal.HelmRelease;
import io.gitopsruntime.helm.internal.HelmRevision;
import io.gitopsruntime.helm.internal.KubeTarget;
import io.gitopsruntime.helm.internal.PreInstallValidation;
import io.gitopsruntime.helm.internal.ReleaseManifest;
import io.gitopsruntime.helm.internal.Remedies;
import io.gitopsruntime.helm.internal.SafeListener;
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
import io.gitopsruntime.install.ReleaseStatus;
import io.gitopsruntime.install.UninstallResult;
import io.gitopsruntime.validation.ValidationException;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validators.Validators;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
public final class HelmCliInstaller implements Installer {
  private static final Logger log = LoggerFactory.getLogger(HelmCliInstaller.class);
  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration VERSION_LIMIT = Duration.ofMinutes(1);

  private final @Nullable Path helmExecutable;
  private final String searchPath;
  private final KubeTarget kube;
  private final Duration timeout;
  private final Duration processTimeout;
  private final InstallListener listener;
  private final @Nullable ValidatorChain chain;
  private final @Nullable KubernetesClient givenClient;
  private final @Nullable Path tempDirectory;
  private final boolean plainHttp;
  private final boolean forceConflicts;
  private final ProcessRunner runner;
  private final Object clientLock = new Object();
  private @Nullable KubernetesClient ownClient;
  private boolean clientFailed;
  private boolean closed;
  private volatile @Nullable Path verifiedHelm;
  private volatile int helmMajor = 3;

  private HelmCliInstaller(Builder b) {
    this.helmExecutable = b.helmExecutable;
    this.searchPath = b.searchPath != null ? b.searchPath : Objects.requireNonNullElse(System.getenv("PATH"), "");
    this.kube = new KubeTarget(Optional.ofNullable(b.kubeconfig), Optional.ofNullable(b.kubeContext));
    kube.check();
    this.timeout = b.timeout;
    this.processTimeout = b.processTimeout != null ? b.processTimeout : b.timeout.multipliedBy(4).plusMinutes(1);
    this.listener = SafeListener.of(b.listener);
    this.chain = !b.validate ? null
        : b.chain != null ? b.chain : ValidatorChain.builder().addAll(Validators.all()).build();
    this.givenClient = b.client;
    this.tempDirectory = b.tempDirectory;
    this.plainHttp = b.plainHttp;
    this.forceConflicts = b.forceConflicts;
    this.runner = new ProcessRunner(b.grace);
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
    Path helm = helm(diag);
    try (ValuesFile values = ValuesFile.write(tempDirectory, ValuesYaml.write(installation.values(), SecretHandling.REVEAL))) {
      Optional<HelmRelease> current = status(helm, installation, redactor, diag);
      listener.phaseStarted(InstallPhase.RENDER);
      long start = System.nanoTime();
      ReleaseManifest desired = render(helm, installation, values.path(), current.isPresent(), redactor, diag);
      ReleaseManifest deployed = current.isPresent() ? manifest(helm, installation, redactor, diag) : ReleaseManifest.EMPTY;
      listener.phaseFinished(InstallPhase.RENDER, since(start));
      return InstallPlan.builder().validation(report).changes(deployed.changesTo(desired)).changesKnown(true).build();
    } catch (UncheckedIOException e) {
      throw FailureDiagnosis.exception(diag, FailureKind.OTHER, e.getMessage(), e);
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
    Path helm = helm(diag);
    String valuesYaml = ValuesYaml.write(installation.values(), SecretHandling.REVEAL);
    try (ValuesFile values = ValuesFile.write(tempDirectory, valuesYaml)) {
      Optional<HelmRelease> before = status(helm, installation, redactor, diag);
      if (before.isPresent()) {
        diag = diagnosis(Operation.UPGRADE, installation, redactor, client);
        if (before.get().isPending()) {
          throw FailureDiagnosis.diagnose(diag, "another operation (install/upgrade/rollback) is in progress", null);
        }
      }
      listener.phaseStarted(InstallPhase.RENDER);
      long renderStart = System.nanoTime();
      ReleaseManifest desired = render(helm, installation, values.path(), before.isPresent(), redactor, diag);
      ReleaseManifest deployed = before.isPresent() ? manifest(helm, installation, redactor, diag) : ReleaseManifest.EMPTY;
      List<PlannedChange> changes = deployed.changesTo(desired);
      listener.phaseFinished(InstallPhase.RENDER, since(renderStart));
      if (before.isPresent() && unchanged(helm, installation, before.get(), changes, valuesYaml, redactor, diag)) {
        changes.forEach(c -> listener.objectApplied(c.object(), ChangeKind.UNCHANGED));
        log.debug("release {} in {} is unchanged at revision {}", installation.releaseName(), installation.namespace(),
            before.get().revision());
        return result(installation, InstallOutcome.UNCHANGED, before.get().revision(), changes, start);
      }
      boolean createNamespace = before.isEmpty() && namespaceMissing(client, installation.namespace());
      HelmUpgradeCommand upgrade = new HelmUpgradeCommand(installation.releaseName(), installation.chart(),
          installation.namespace(), installation.chartVersion(), values.path(), timeout, createNamespace, plainHttp, kube,
          helmMajor, forceConflicts);
      listener.phaseStarted(InstallPhase.HELM);
      long helmStart = System.nanoTime();
      ProcessRunner.Result run = exec(helm, upgrade, processTimeout, redactor, diag.rendered(desired.refs()));
      if (run.exitCode() != 0) {
        throw FailureDiagnosis.diagnose(diag.command(upgrade.display(redactor), run.exitCode()), run.stderr(), null);
      }
      listener.phaseFinished(InstallPhase.HELM, since(helmStart));
      for (PlannedChange change : changes) {
        if (change.change() == ChangeKind.DELETE) {
          listener.objectDeleted(change.object());
        } else {
          listener.objectApplied(change.object(), change.change());
        }
      }
      int revision = status(helm, installation, redactor, diag).map(HelmRelease::revision)
          .orElse(before.map(r -> r.revision() + 1).orElse(1));
      return result(installation, before.isEmpty() ? InstallOutcome.INSTALLED : InstallOutcome.UPGRADED, revision, changes,
          start);
    } catch (UncheckedIOException e) {
      throw FailureDiagnosis.exception(diag, FailureKind.OTHER, e.getMessage(), e);
    }
  }

  @Override
  public UninstallResult uninstall(RuntimeInstallation installation) {
    Objects.requireNonNull(installation, "installation == null");
    long start = System.nanoTime();
    Redactor redactor = Redactor.of(installation.values());
    FailureDiagnosis.Context diag = diagnosis(Operation.UNINSTALL, installation, redactor, client());
    Path helm = helm(diag);
    Optional<HelmRelease> current = status(helm, installation, redactor, diag);
    if (current.isEmpty()) {
      return UninstallResult.builder().found(false).took(since(start)).build();
    }
    ReleaseManifest manifest = manifest(helm, installation, redactor, diag);
    HelmUninstallCommand uninstall = new HelmUninstallCommand(installation.releaseName(), installation.namespace(), timeout,
        kube, helmMajor);
    listener.phaseStarted(InstallPhase.UNINSTALL);
    long helmStart = System.nanoTime();
    ProcessRunner.Result run = exec(helm, uninstall, processTimeout, redactor, diag);
    if (run.exitCode() != 0) {
      if (HelmStatusCommand.notFound(run.stderr())) {
        return UninstallResult.builder().found(false).took(since(start)).build();
      }
      throw FailureDiagnosis.diagnose(diag.command(uninstall.display(redactor), run.exitCode()), run.stderr(), null);
    }
    listener.phaseFinished(InstallPhase.UNINSTALL, since(helmStart));
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
    Path helm = helm(diag);
    Optional<HelmRelease> release = status(helm, installation, redactor, diag);
    ReleaseStatus.Builder status = ReleaseStatus.builder().releaseName(installation.releaseName())
        .namespace(installation.namespace());
    if (release.isEmpty()) {
      return status.state(io.gitopsruntime.install.ReleaseState.NOT_INSTALLED).build();
    }
    status.state(release.get().state()).revision(release.get().revision());
    HelmRelease.splitChart(deployedChart(helm, installation, release.get(), redactor, diag))
        .ifPresent(chart -> status.chartVersion(chart[1]));
    if (client != null) {
      status.notReady(new ClusterDiagnostics(client).notReady(installation.releaseName(), installation.namespace()));
    }
    return status.build();
  }

  /** Closes the Kubernetes client this installer built; never one handed to {@link Builder#kubernetesClient}. */
  @Override
  public void close() {
    synchronized (clientLock) {
      closed = true;
      if (ownClient != null) {
        ownClient.close();
        ownClient = null;
      }
    }
  }

  // --- helm calls

  private Optional<HelmRelease> status(Path helm, RuntimeInstallation installation, Redactor redactor,
      FailureDiagnosis.Context diag) {
    HelmStatusCommand status = new HelmStatusCommand(installation.releaseName(), installation.namespace(), kube);
    ProcessRunner.Result run = exec(helm, status, shortLimit(), redactor, diag);
    if (run.exitCode() != 0) {
      if (HelmStatusCommand.notFound(run.stderr())) {
        return Optional.empty();
      }
      throw FailureDiagnosis.diagnose(diag.command(status.display(redactor), run.exitCode()), run.stderr(), null);
    }
    try {
      return Optional.of(HelmStatusCommand.parse(run.stdout(), installation.namespace()));
    } catch (IllegalArgumentException e) {
      throw FailureDiagnosis.exception(diag.command(status.display(redactor), 0), FailureKind.OTHER,
          e.getMessage() + "; is this really helm?", e);
    }
  }

  private List<HelmRevision> history(Path helm, RuntimeInstallation installation, Redactor redactor,
      FailureDiagnosis.Context diag) {
    HelmHistoryCommand history = new HelmHistoryCommand(installation.releaseName(), installation.namespace(), kube);
    ProcessRunner.Result run = exec(helm, history, shortLimit(), redactor, diag);
    if (run.exitCode() != 0) {
      throw new IllegalStateException("helm history failed: " + redactor.redact(run.stderr().strip()));
    }
    return HelmHistoryCommand.parse(run.stdout());
  }

  /**
   * The deployed revision's chart as {@code name-version}. Real Helm's {@code status -o json} has no chart (Helm 3
   * and 4 strip it), so it comes from the history; an empty string when Helm says nothing about it.
   */
  private String deployedChart(Path helm, RuntimeInstallation installation, HelmRelease deployed, Redactor redactor,
      FailureDiagnosis.Context diag) {
    if (!deployed.chartName().isEmpty() && !deployed.chartVersion().isEmpty()) {
      return deployed.chart();
    }
    List<HelmRevision> revisions;
    try {
      revisions = history(helm, installation, redactor, diag);
    } catch (IllegalStateException | IllegalArgumentException e) {
      log.debug("could not read the deployed chart from the history: {}", e.getMessage());
      return "";
    }
    return revisions.stream().filter(r -> r.revision() == deployed.revision()).map(HelmRevision::chart).findFirst()
        .orElse("");
  }

  private ReleaseManifest render(Path helm, RuntimeInstallation installation, Path values, boolean upgrade,
      Redactor redactor, FailureDiagnosis.Context diag) {
    HelmTemplateCommand template = new HelmTemplateCommand(installation.releaseName(), installation.chart(),
        installation.namespace(), installation.chartVersion(), values, upgrade, plainHttp, kube, helmMajor);
    ProcessRunner.Result run = exec(helm, template, processTimeout, redactor, diag);
    if (run.exitCode() != 0) {
      throw FailureDiagnosis.diagnose(diag.command(template.display(redactor), run.exitCode()), run.stderr(), null);
    }
    return parse(run.stdout(), installation, template, redactor, diag);
  }

  private ReleaseManifest manifest(Path helm, RuntimeInstallation installation, Redactor redactor,
      FailureDiagnosis.Context diag) {
    HelmGetCommand get = new HelmGetCommand(HelmGetCommand.What.MANIFEST, installation.releaseName(),
        installation.namespace(), kube);
    ProcessRunner.Result run = exec(helm, get, shortLimit(), redactor, diag);
    if (run.exitCode() != 0) {
      throw FailureDiagnosis.diagnose(diag.command(get.display(redactor), run.exitCode()), run.stderr(), null);
    }
    return parse(run.stdout(), installation, get, redactor, diag);
  }

  private ReleaseManifest parse(String yaml, RuntimeInstallation installation, HelmCommand command, Redactor redactor,
      FailureDiagnosis.Context diag) {
    try {
      return ReleaseManifest.parse(yaml, installation.namespace());
    } catch (IllegalArgumentException e) {
      throw FailureDiagnosis.exception(diag.command(command.display(redactor), 0), FailureKind.CHART,
          e.getMessage() + ".", e);
    }
  }

  /**
   * Whether an upgrade would change nothing: same objects, same chart name and version, same values. Reading
   * the values is the last check: they hold secrets and are compared in memory only.
   */
  private boolean unchanged(Path helm, RuntimeInstallation installation, HelmRelease deployed, List<PlannedChange> changes,
      String valuesYaml, Redactor redactor, FailureDiagnosis.Context diag) {
    if (deployed.state() != io.gitopsruntime.install.ReleaseState.DEPLOYED
        || changes.stream().anyMatch(c -> c.change() != ChangeKind.UNCHANGED)) {
      return false;
    }
    HelmShowChartCommand show = new HelmShowChartCommand(installation.chart(), installation.chartVersion(), plainHttp);
    ProcessRunner.Result shown = exec(helm, show, processTimeout, redactor, diag);
    if (shown.exitCode() != 0) {
      throw FailureDiagnosis.diagnose(diag.command(show.display(redactor), shown.exitCode()), shown.stderr(), null);
    }
    try {
      if (!HelmShowChartCommand.nameAndVersion(shown.stdout()).equals(deployedChart(helm, installation, deployed,
          redactor, diag))) {
        return false;
      }
    } catch (IllegalArgumentException e) {
      return false;
    }
    HelmGetCommand get = new HelmGetCommand(HelmGetCommand.What.VALUES, installation.releaseName(),
        installation.namespace(), kube);
    ProcessRunner.Result values = exec(helm, get, shortLimit(), redactor, diag);
    if (values.exitCode() != 0) {
      throw FailureDiagnosis.diagnose(diag.command(get.display(redactor), values.exitCode()), values.stderr(), null);
    }
    try {
      return ValuesComparison.sameValues(valuesYaml, values.stdout());
    } catch (IllegalArgumentException e) {
      log.debug("could not compare the deployed values: {}", e.getMessage());
      return false;
    }
  }

  private ProcessRunner.Result exec(Path helm, HelmCommand command, Duration limit, Redactor redactor,
      FailureDiagnosis.Context diag) {
    String display = command.display(redactor);
    log.debug("running {}", display);
    try {
      ProcessRunner.Result result = runner.run(command.commandLine(helm), limit, (stream, line) -> {
        if (command.showsOutput()) {
          String masked = redactor.redact(line);
          log.debug("helm: {}", masked);
          listener.helmOutput(masked);
        }
      });
      log.debug("{} exited with {} after {} ms", display, result.exitCode(), result.took().toMillis());
      return result;
    } catch (ProcessRunner.ProcessException e) {
      switch (e.reason()) {
        case START_FAILED:
          verifiedHelm = null;
          throw FailureDiagnosis.exception(diag.command(display, null), FailureKind.HELM_UNAVAILABLE,
              "helm could not be started from " + helm + ": " + e.getMessage() + ". " + Remedies.installHelm(), e);
        case TIMED_OUT:
          throw FailureDiagnosis.stopped(diag.command(display, null), limit, e);
        default:
          throw FailureDiagnosis.exception(diag.command(display, null), FailureKind.OTHER,
              "the calling thread was interrupted, so helm was stopped. If it was changing the release, Helm marked it"
                  + " failed (or left it pending); run the install again to continue.", e);
      }
    }
  }

  /** The verified executable: found, runnable, and at least Helm 3.10.0. Checked once per installer. */
  private Path helm(FailureDiagnosis.Context diag) {
    Path verified = verifiedHelm;
    if (verified != null) {
      return verified;
    }
    Path helm;
    if (helmExecutable != null) {
      if (!Files.isRegularFile(helmExecutable) || !Files.isExecutable(helmExecutable)) {
        throw FailureDiagnosis.exception(diag, FailureKind.HELM_UNAVAILABLE, "helm was not found at " + helmExecutable
            + " (set with helmExecutable(...)): the file does not exist or is not executable. " + Remedies.installHelm(),
            null);
      }
      helm = helmExecutable;
    } else {
      helm = HelmExecutable.find(searchPath).orElseThrow(() -> FailureDiagnosis.exception(diag,
          FailureKind.HELM_UNAVAILABLE, "helm was not found: looked for an executable \"helm\" in each directory of PATH ("
              + searchPath + "). " + Remedies.installHelm(), null));
    }
    HelmVersionCommand version = new HelmVersionCommand();
    ProcessRunner.Result run = exec(helm, version, VERSION_LIMIT, Redactor.ofLiterals(List.of()), diag);
    String display = version.display(Redactor.ofLiterals(List.of()));
    if (run.exitCode() != 0) {
      throw FailureDiagnosis.exception(diag.command(display, run.exitCode()), FailureKind.HELM_UNAVAILABLE,
          helm + " does not work: " + run.stderr().strip() + ". " + Remedies.installHelm(), null);
    }
    Optional<HelmVersionCommand.Version> parsed = HelmVersionCommand.parse(run.stdout());
    if (parsed.isEmpty()) {
      throw FailureDiagnosis.exception(diag.command(display, 0), FailureKind.HELM_UNAVAILABLE,
          helm + " printed no version (\"" + run.stdout().strip() + "\"); is it Helm? " + Remedies.installHelm(), null);
    }
    if (parsed.get().compareTo(HelmVersionCommand.Version.MINIMUM) < 0) {
      throw FailureDiagnosis.exception(diag, FailureKind.HELM_UNAVAILABLE, "helm " + parsed.get() + " at " + helm
          + " is too old: the installers need Helm " + Remedies.MINIMUM_HELM + " or newer. " + Remedies.installHelm(), null);
    }
    log.debug("using helm {} at {}", parsed.get(), helm);
    helmMajor = parsed.get().major();
    verifiedHelm = helm;
    return helm;
  }

  // --- helpers

  private FailureDiagnosis.Context diagnosis(Operation operation, RuntimeInstallation installation, Redactor redactor,
      @Nullable KubernetesClient client) {
    FailureDiagnosis.Context diag = new FailureDiagnosis.Context(operation, installation.releaseName(),
        installation.namespace(), redactor)
        .chart(installation.chart() + installation.chartVersion().map(v -> " " + v).orElse(""))
        .timeout(timeout)
        .cluster(client == null ? null : new ClusterDiagnostics(client))
        .listener(listener)
        .kube(kube);
    diag.history(() -> {
      Path known = verifiedHelm;
      if (known == null) {
        throw new IllegalStateException("helm has not been verified yet");
      }
      return history(known, installation, redactor, new FailureDiagnosis.Context(operation, installation.releaseName(),
          installation.namespace(), redactor));
    });
    return diag;
  }

  private static boolean namespaceMissing(@Nullable KubernetesClient client, String namespace) {
    return client == null || !new ClusterDiagnostics(client).namespaceExists(namespace).orElse(false);
  }

  private @Nullable KubernetesClient client() {
    synchronized (clientLock) {
      if (closed) {
        throw new IllegalStateException("This installer is closed; build a new one.");
      }
      if (givenClient != null) {
        return givenClient;
      }
      if (ownClient == null && !clientFailed) {
        try {
          ownClient = kube.newClient();
        } catch (RuntimeException e) {
          clientFailed = true;
          log.debug("no Kubernetes client for validation and diagnosis: {}", e.toString());
        }
      }
      return ownClient;
    }
  }

  private Duration shortLimit() {
    return timeout.plusMinutes(1);
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
    return "HelmCliInstaller[" + (helmExecutable != null ? helmExecutable : "helm on PATH") + "]";
  }

  /** Configures a {@link HelmCliInstaller}. Not thread-safe. */
  public static final class Builder {
    private @Nullable Path helmExecutable;
    private @Nullable String searchPath;
    private @Nullable Path kubeconfig;
    private @Nullable String kubeContext;
    private Duration timeout = DEFAULT_TIMEOUT;
    private @Nullable Duration processTimeout;
    private Duration grace = ProcessRunner.GRACE;
    private InstallListener listener = InstallListener.NONE;
    private @Nullable ValidatorChain chain;
    private boolean validate = true;
    private @Nullable KubernetesClient client;
    private @Nullable Path tempDirectory;
    private boolean plainHttp;
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

    /**
     * The kubeconfig file, passed to helm as {@code --kubeconfig}.
     *
     * <p>Unless a client is handed to {@link #kubernetesClient}, the installer also builds its own Kubernetes client
     * from this kubeconfig and {@link #kubeContext} (for validation and diagnosis) when first needed: it owns that
     * client and closes it in {@link HelmCliInstaller#close()}.
     *
     * @param kubeconfig the file; by default {@code KUBECONFIG}, then {@code ~/.kube/config}
     * @return this builder
     */
    public Builder kubeconfig(Path kubeconfig) {
      this.kubeconfig = Objects.requireNonNull(kubeconfig, "kubeconfig == null");
      return this;
    }

    /**
     * The kubeconfig context, passed to helm as {@code --kube-context}.
     *
     * @param context the context; by default the kubeconfig's current context
     * @return this builder
     */
    public Builder kubeContext(String context) {
      this.kubeContext = Objects.requireNonNull(context, "context == null");
      return this;
    }

    /**
     * Helm's {@code --timeout}: how long Helm waits for each hook and for the release's workloads to become
     * ready. The {@code helm} process as a whole may take four times as long, plus a minute, before it is stopped.
     *
     * @param timeout a positive duration; 10 minutes by default (Codefresh recommends more than Helm's 5)
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, not " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** The limit for the {@code helm} process itself (for tests). */
    Builder processTimeout(Duration limit, Duration stopGrace) {
      this.processTimeout = limit;
      this.grace = stopGrace;
      return this;
    }

    /**
     * Receives progress: phases, validation, Helm's output (masked), objects, failed hooks.
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
     * The Kubernetes client used for cluster validation and to diagnose failures. The installer never closes a
     * client handed in here. Without one, it builds its own from {@link #kubeconfig} and {@link #kubeContext}
     * when first needed, and closes it in {@link HelmCliInstaller#close()}.
     *
     * @param client a client for the same cluster as helm's kubeconfig and context
     * @return this builder
     */
    public Builder kubernetesClient(KubernetesClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * Where the values file is written while helm runs (it is deleted afterwards).
     *
     * @param directory an existing directory; by default {@code java.io.tmpdir}
     * @return this builder
     */
    public Builder tempDirectory(Path directory) {
      this.tempDirectory = Objects.requireNonNull(directory, "directory == null");
      return this;
    }

    /**
     * Whether an {@code oci://} chart registry is spoken to over plain HTTP ({@code --plain-http}, Helm 3.13 or
     * newer), for a local registry.
     *
     * @param plainHttp true for plain HTTP
     * @return this builder
     */
    public Builder plainHttp(boolean plainHttp) {
      this.plainHttp = plainHttp;
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
    public HelmCliInstaller build() {
      return new HelmCliInstaller(this);
    }
  }
}
