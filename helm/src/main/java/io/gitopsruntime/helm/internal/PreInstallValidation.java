package io.gitopsruntime.helm.internal;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.InstallPhase;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidationException;
import io.gitopsruntime.validation.ValidationReport;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Runs an installer's validator chain before anything is changed, tells the listener, and stops the
 * install on an ERROR finding. Every installer calls it first. Immutable and thread-safe.
 */
public final class PreInstallValidation {
  private PreInstallValidation() {}

  /**
   * Validates an installation.
   *
   * @param chain the installer's chain, or null when the caller turned validation off
   * @param installation the installation
   * @param client the cluster the install targets, attached for the cluster checks; may be null
   * @param listener told of the phase and the report
   * @return the report (without errors)
   * @throws ValidationException if the report holds an error; nothing has been changed
   */
  public static ValidationReport run(
      @Nullable ValidatorChain chain, RuntimeInstallation installation, @Nullable KubernetesClient client, InstallListener listener) {
    if (chain == null) {
      return ValidationReport.empty();
    }
    listener.phaseStarted(InstallPhase.VALIDATE);
    long start = System.nanoTime();
    ValidationContext.Builder context = ValidationContext.builder(installation);
    if (client != null) {
      context.service(KubernetesClient.class, client);
    }
    ValidationReport report = chain.validate(context.build());
    listener.validated(report);
    report.throwIfErrors();
    listener.phaseFinished(InstallPhase.VALIDATE, Duration.ofNanos(System.nanoTime() - start));
    return report;
  }
}
