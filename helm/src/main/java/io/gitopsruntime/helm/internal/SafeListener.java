package io.gitopsruntime.helm.internal;

import io.gitopsruntime.install.ChangeKind;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.InstallPhase;
import io.gitopsruntime.install.NotReady;
import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.validation.ValidationReport;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a caller's listener so that an exception it throws is logged at WARN and ignored, as the
 * {@link InstallListener} contract promises: a broken progress display must never break an install.
 * Thread-safe when the wrapped listener is.
 */
public final class SafeListener implements InstallListener {
  private static final Logger log = LoggerFactory.getLogger(SafeListener.class);

  private final InstallListener delegate;

  private SafeListener(InstallListener delegate) {
    this.delegate = delegate;
  }

  /**
   * Wraps a listener (once).
   *
   * @param listener the caller's listener
   * @return a listener that never throws
   */
  public static InstallListener of(InstallListener listener) {
    return listener instanceof SafeListener || listener == InstallListener.NONE ? listener : new SafeListener(listener);
  }

  private void guard(String callback, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      log.warn("install listener {} threw from {}; ignoring it: {}", delegate.getClass().getName(), callback, e.toString());
    }
  }

  @Override
  public void phaseStarted(InstallPhase phase) {
    guard("phaseStarted", () -> delegate.phaseStarted(phase));
  }

  @Override
  public void phaseFinished(InstallPhase phase, Duration took) {
    guard("phaseFinished", () -> delegate.phaseFinished(phase, took));
  }

  @Override
  public void validated(ValidationReport report) {
    guard("validated", () -> delegate.validated(report));
  }

  @Override
  public void objectApplied(ObjectRef object, ChangeKind change) {
    guard("objectApplied", () -> delegate.objectApplied(object, change));
  }

  @Override
  public void objectDeleted(ObjectRef object) {
    guard("objectDeleted", () -> delegate.objectDeleted(object));
  }

  @Override
  public void waiting(List<NotReady> notReady, Duration elapsed) {
    guard("waiting", () -> delegate.waiting(notReady, elapsed));
  }

  @Override
  public void hookStarted(ObjectRef hook, String event) {
    guard("hookStarted", () -> delegate.hookStarted(hook, event));
  }

  @Override
  public void hookFinished(ObjectRef hook, boolean succeeded) {
    guard("hookFinished", () -> delegate.hookFinished(hook, succeeded));
  }

  @Override
  public void helmOutput(String line) {
    guard("helmOutput", () -> delegate.helmOutput(line));
  }
}
