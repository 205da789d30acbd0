package io.gitopsruntime.helm.manifest.internal;

import io.gitopsruntime.core.Redactor;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.InstallPhase;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What every step of one install, upgrade, uninstall or plan shares: the release, the settings, the API
 * bounded by the operation's deadline, the worker pool, the (safe) listener and the redactor of the
 * installation's secrets. Builds every {@link InstallException}, masked. Thread-safe.
 */
public final class Context {
  private final String release;
  private final String namespace;
  private final Settings settings;
  private final KubeApi api;
  private final Parallel parallel;
  private final InstallListener listener;
  private final Redactor redactor;

  /**
   * A context.
   *
   * @param release the release
   * @param namespace the release namespace
   * @param settings the settings
   * @param api the API (with the operation's deadline)
   * @param parallel the worker pool
   * @param listener the listener, already made safe
   * @param redactor masks the installation's secrets
   */
  public Context(String release, String namespace, Settings settings, KubeApi api, Parallel parallel,
      InstallListener listener, Redactor redactor) {
    this.release = release;
    this.namespace = namespace;
    this.settings = settings;
    this.api = api;
    this.parallel = parallel;
    this.listener = listener;
    this.redactor = redactor;
  }

  /** @return the release name */
  public String release() {
    return release;
  }

  /** @return the release namespace */
  public String namespace() {
    return namespace;
  }

  /** @return the settings */
  public Settings settings() {
    return settings;
  }

  /** @return the API */
  public KubeApi api() {
    return api;
  }

  /** @return the worker pool */
  public Parallel parallel() {
    return parallel;
  }

  /** @return the listener */
  public InstallListener listener() {
    return listener;
  }

  /** @return the operation's deadline */
  public Deadline deadline() {
    return api.deadline();
  }

  /**
   * Masks the installation's secrets in a text.
   *
   * @param text the text
   * @return the masked text
   */
  public String redact(String text) {
    return redactor.redact(text);
  }

  /**
   * An exception for this release, its message masked.
   *
   * @param kind why it failed
   * @param message the message
   * @param cause the cause, or null
   * @return the exception
   */
  public InstallException failure(FailureKind kind, String message, @Nullable Throwable cause) {
    return new InstallException(kind, release, namespace, redact(message), cause == null ? null : masked(cause));
  }

  /**
   * An exception for a failed API request.
   *
   * @param doing what the installer was doing, such as {@code applying Deployment/codefresh/app}
   * @param e the failure
   * @return the exception
   */
  public InstallException apiFailure(String doing, KubeApiException e) {
    return failure(FailureKind.KUBERNETES_API, Messages.api(release, namespace, doing, e), e);
  }

  /** A cause whose message is masked too (causes end up in logs and stack traces). */
  private Throwable masked(Throwable cause) {
    String message = String.valueOf(cause.getMessage());
    String masked = redact(message);
    if (masked.equals(message)) {
      return cause;
    }
    RuntimeException copy = new RuntimeException(cause.getClass().getName() + ": " + masked, null);
    copy.setStackTrace(cause.getStackTrace());
    return copy;
  }

  /**
   * Runs a phase, telling the listener when it starts and ends.
   *
   * @param phase the phase
   * @param body what the phase does
   */
  public void phase(InstallPhase phase, Runnable body) {
    listener.phaseStarted(phase);
    long start = System.nanoTime();
    body.run();
    listener.phaseFinished(phase, Duration.ofNanos(System.nanoTime() - start));
  }
}
