package io.gitopsruntime.helm.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.Redactor;
import io.gitopsruntime.helm.internal.FailureDiagnosis;
import io.gitopsruntime.helm.internal.HelmBackend;
import io.gitopsruntime.helm.internal.HelmRelease;
import io.gitopsruntime.helm.internal.HelmRevision;
import io.gitopsruntime.helm.internal.InstallerOptions;
import io.gitopsruntime.helm.internal.KubeTarget;
import io.gitopsruntime.helm.internal.ReleaseManifest;
import io.gitopsruntime.helm.internal.Remedies;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.PlannedChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Helm calls of {@link HelmCliInstaller}: one {@link HelmCommand} each, run by the {@link ProcessRunner}, with
 * Helm's output streamed (masked) to the listener and its errors diagnosed. Finds and checks the {@code helm}
 * executable once (at least Helm 3.10.0) and uses its major's flags. Thread-safe.
 */
final class HelmCliBackend implements HelmBackend {
  private static final Logger log = LoggerFactory.getLogger(HelmCliInstaller.class);
  private static final Duration VERSION_LIMIT = Duration.ofMinutes(1);

  private final @Nullable Path helmExecutable;
  private final String searchPath;
  private final KubeTarget kube;
  private final Duration timeout;
  private final Duration processTimeout;
  private final InstallListener listener;
  private final boolean plainHttp;
  private final boolean forceConflicts;
  private final ProcessRunner runner;
  private volatile @Nullable Path verifiedHelm;
  private volatile int helmMajor = 3;

  HelmCliBackend(InstallerOptions options, @Nullable Path helmExecutable, String searchPath, Duration processTimeout,
      Duration grace, boolean forceConflicts) {
    this.helmExecutable = helmExecutable;
    this.searchPath = searchPath;
    this.kube = options.kube();
    this.timeout = options.timeout();
    this.processTimeout = processTimeout;
    this.listener = options.listener();
    this.plainHttp = options.plainHttp();
    this.forceConflicts = forceConflicts;
    this.runner = new ProcessRunner(grace);
  }

  @Override
  public Session open(RuntimeInstallation installation, Redactor redactor, @Nullable KubernetesClient client,
      FailureDiagnosis.Context diag) {
    return new CliSession(helm(diag), installation, redactor);
  }

  @Override
  public List<HelmRevision> history(FailureDiagnosis.Operation operation, RuntimeInstallation installation,
      Redactor redactor) {
    Path known = verifiedHelm;
    if (known == null) {
      throw new IllegalStateException("helm has not been verified yet");
    }
    return new CliSession(known, installation, redactor).history(new FailureDiagnosis.Context(operation,
        installation.releaseName(), installation.namespace(), redactor));
  }

  @Override
  public RuntimeException failed(RuntimeException e, FailureDiagnosis.Context diag, RuntimeInstallation installation) {
    return e;
  }

  @Override
  public void close() {
    // each helm process ends with its call
  }

  private Duration shortLimit() {
    return timeout.plusMinutes(1);
  }

  /** The calls on one installation with the verified {@code helm}. */
  private final class CliSession implements Session {
    private final Path helm;
    private final RuntimeInstallation installation;
    private final Redactor redactor;

    CliSession(Path helm, RuntimeInstallation installation, Redactor redactor) {
      this.helm = helm;
      this.installation = installation;
      this.redactor = redactor;
    }

    @Override
    public Optional<HelmRelease> release(FailureDiagnosis.Context diag) {
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

    List<HelmRevision> history(FailureDiagnosis.Context diag) {
      HelmHistoryCommand history = new HelmHistoryCommand(installation.releaseName(), installation.namespace(), kube);
      ProcessRunner.Result run = exec(helm, history, shortLimit(), redactor, diag);
      if (run.exitCode() != 0) {
        throw new IllegalStateException("helm history failed: " + redactor.redact(run.stderr().strip()));
      }
      return HelmHistoryCommand.parse(run.stdout());
    }

    /**
     * Real Helm's {@code status -o json} has no chart (Helm 3 and 4 strip it), so it comes from the history; an empty
     * string when Helm says nothing about it.
     */
    @Override
    public String deployedChart(HelmRelease deployed, FailureDiagnosis.Context diag) {
      List<HelmRevision> revisions;
      try {
        revisions = history(diag);
      } catch (IllegalStateException | IllegalArgumentException e) {
        log.debug("could not read the deployed chart from the history: {}", e.getMessage());
        return "";
      }
      return revisions.stream().filter(r -> r.revision() == deployed.revision()).map(HelmRevision::chart).findFirst()
          .orElse("");
    }

    @Override
    public ReleaseManifest render(Path values, boolean upgrade, FailureDiagnosis.Context diag) {
      HelmTemplateCommand template = new HelmTemplateCommand(installation.releaseName(), installation.chart(),
          installation.namespace(), installation.chartVersion(), values, upgrade, plainHttp, kube, helmMajor);
      return parse(succeeded(template, processTimeout, diag), template, diag);
    }

    @Override
    public ReleaseManifest renderWithoutTheCluster(Path values, boolean upgrade, String kubeVersion,
        FailureDiagnosis.Context diag) {
      HelmTemplateCommand template = new HelmTemplateCommand(installation.releaseName(), installation.chart(),
          installation.namespace(), installation.chartVersion(), values, upgrade, plainHttp, kube, helmMajor,
          Optional.of(kubeVersion));
      return parse(succeeded(template, processTimeout, diag), template, diag);
    }

    @Override
    public List<PlannedChange> crdsDirectories(Path values, ReleaseManifest desired, FailureDiagnosis.Context diag) {
      return List.of();
    }

    @Override
    public Optional<ReleaseManifest> deployed(FailureDiagnosis.Context diag) {
      HelmGetCommand get = new HelmGetCommand(HelmGetCommand.What.MANIFEST, installation.releaseName(),
          installation.namespace(), kube);
      return Optional.of(parse(succeeded(get, shortLimit(), diag), get, diag));
    }

    @Override
    public Optional<String> chart(FailureDiagnosis.Context diag) {
      HelmShowChartCommand show = new HelmShowChartCommand(installation.chart(), installation.chartVersion(), plainHttp);
      String shown = succeeded(show, processTimeout, diag);
      try {
        return Optional.of(HelmShowChartCommand.nameAndVersion(shown));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }

    @Override
    public String values(FailureDiagnosis.Context diag) {
      return succeeded(new HelmGetCommand(HelmGetCommand.What.VALUES, installation.releaseName(),
          installation.namespace(), kube), shortLimit(), diag);
    }

    @Override
    public OptionalInt upgrade(Path values, Optional<HelmRelease> before, boolean createNamespace,
        boolean takeOverFields, FailureDiagnosis.Context diag) {
      succeeded(new HelmUpgradeCommand(installation.releaseName(), installation.chart(), installation.namespace(),
          installation.chartVersion(), values, timeout, createNamespace, plainHttp, kube, helmMajor,
          forceConflicts || takeOverFields),
          processTimeout, diag);
      return OptionalInt.empty();
    }

    @Override
    public boolean uninstall(boolean runHooks, FailureDiagnosis.Context diag) {
      HelmUninstallCommand uninstall = new HelmUninstallCommand(installation.releaseName(), installation.namespace(),
          timeout, kube, helmMajor, runHooks);
      ProcessRunner.Result run = exec(helm, uninstall, processTimeout, redactor, diag);
      if (run.exitCode() != 0) {
        if (HelmStatusCommand.notFound(run.stderr())) {
          return false;
        }
        throw FailureDiagnosis.diagnose(diag.command(uninstall.display(redactor), run.exitCode()), run.stderr(), null);
      }
      return true;
    }

    @Override
    public void close() {
      // nothing is kept between the calls
    }

    /** Runs a command; its standard output, or its failure diagnosed. */
    private String succeeded(HelmCommand command, Duration limit, FailureDiagnosis.Context diag) {
      ProcessRunner.Result run = exec(helm, command, limit, redactor, diag);
      if (run.exitCode() != 0) {
        throw FailureDiagnosis.diagnose(diag.command(command.display(redactor), run.exitCode()), run.stderr(), null);
      }
      return run.stdout();
    }

    private ReleaseManifest parse(String yaml, HelmCommand command, FailureDiagnosis.Context diag) {
      try {
        return ReleaseManifest.parse(yaml, installation.namespace());
      } catch (IllegalArgumentException e) {
        throw FailureDiagnosis.exception(diag.command(command.display(redactor), 0), FailureKind.CHART,
            e.getMessage() + ".", e);
      }
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
}
