package io.gitopsruntime.helm.manifest.internal;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.Redactor;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.helm.internal.PreInstallValidation;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.InstallPlan;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.install.ReleaseStatus;
import io.gitopsruntime.install.UninstallResult;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidationReport;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The manifest installer's operations, each in its own deadline, worker pool and context; internal
 * failures become {@link InstallException}s here, masked. Thread-safe: operations share nothing but the
 * client.
 */
public final class Engine {
  private final KubernetesClient client;
  private final Settings settings;
  private final @Nullable ValidatorChain chain;
  private final InstallListener listener;
  private final ChartFetcher fetcher;

  /**
   * An engine.
   *
   * @param client the cluster's client (not closed here)
   * @param settings the settings
   * @param chain the validators, or null to skip validation
   * @param listener the listener, already made safe
   */
  public Engine(KubernetesClient client, Settings settings, @Nullable ValidatorChain chain, InstallListener listener) {
    this.client = client;
    this.settings = settings;
    this.chain = chain;
    this.listener = listener;
    this.fetcher = new ChartFetcher(settings.plainHttp());
  }

  /**
   * Installs or upgrades.
   *
   * @param installation the installation
   * @return what was done
   */
  public InstallResult install(RuntimeInstallation installation) {
    long start = System.nanoTime();
    PreInstallValidation.run(chain, installation, client, listener);
    return run(installation, "installing", context -> new InstallRun(context, installation, fetcher).install(start));
  }

  /**
   * Plans.
   *
   * @param installation the installation
   * @return the plan
   */
  public InstallPlan plan(RuntimeInstallation installation) {
    ValidationReport report = ValidationReport.empty();
    if (chain != null) {
      report = chain.validate(ValidationContext.builder(installation).service(KubernetesClient.class, client).build());
      listener.validated(report);
    }
    if (report.hasErrors()) {
      return InstallPlan.builder().validation(report).changesKnown(false).build();
    }
    ValidationReport validation = report;
    return run(installation, "planning", context -> new InstallRun(context, installation, fetcher).plan(validation));
  }

  /**
   * Uninstalls.
   *
   * @param installation the installation
   * @return what was removed
   */
  public UninstallResult uninstall(RuntimeInstallation installation) {
    long start = System.nanoTime();
    return run(installation, "uninstalling", context -> new UninstallRun(context, installation, fetcher).uninstall(start));
  }

  /**
   * Reports status.
   *
   * @param installation the installation
   * @return the status
   */
  public ReleaseStatus status(RuntimeInstallation installation) {
    return run(installation, "reading the status", context -> new StatusRun(context).status());
  }

  private <T> T run(RuntimeInstallation installation, String doing, Function<Context, T> body) {
    String release = installation.releaseName();
    String namespace = installation.namespace();
    Redactor redactor = Redactor.of(installation.values());
    try (Parallel parallel = new Parallel(settings.concurrency())) {
      Context context = new Context(release, namespace, settings,
          KubeApi.over(client, settings.retry(), Deadline.in(settings.timeout())), parallel, listener, redactor);
      try {
        return body.apply(context);
      } catch (InstallException e) {
        throw e;
      } catch (KubeApiException e) {
        throw context.apiFailure(doing, e);
      } catch (ChartException e) {
        throw context.failure(FailureKind.CHART, doing.equals("uninstalling")
            ? Messages.chartForUninstall(release, namespace, e.getMessage())
            : Messages.chart(release, namespace, e.getMessage()), e.getCause());
      } catch (Desired.UnservedKinds e) {
        throw context.failure(FailureKind.KUBERNETES_API, Messages.unserved(release, namespace, e.objects()), null);
      } catch (ReleaseLock.Locked e) {
        throw context.failure(FailureKind.LOCKED, e.getMessage(), null);
      } catch (Interrupted e) {
        throw context.failure(FailureKind.OTHER, Messages.interrupted(release, namespace), e.getCause());
      } catch (UncheckedIOException e) {
        throw context.failure(FailureKind.OTHER, Messages.chart(release, namespace, String.valueOf(e.getMessage())), e);
      }
    }
  }
}
