package io.gitopsruntime.helm;

import io.gitopsruntime.install.ChangeKind;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.InstallPhase;
import io.gitopsruntime.install.NotReady;
import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.validation.ValidationReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records every event as a line of text, for assertions. Thread-safe. */
public final class RecordingListener implements InstallListener {
  private final List<String> events = new ArrayList<>();

  private synchronized void add(String event) {
    events.add(event);
  }

  /** Every event so far, oldest first. */
  public synchronized List<String> events() {
    return List.copyOf(events);
  }

  /** The events that start with a prefix, such as {@code "helm: "}. */
  public synchronized List<String> events(String prefix) {
    return events.stream().filter(e -> e.startsWith(prefix)).toList();
  }

  @Override
  public void phaseStarted(InstallPhase phase) {
    add("started " + phase);
  }

  @Override
  public void phaseFinished(InstallPhase phase, Duration took) {
    add("finished " + phase);
  }

  @Override
  public void validated(ValidationReport report) {
    add("validated " + report);
  }

  @Override
  public void objectApplied(ObjectRef object, ChangeKind change) {
    add(change + " " + object);
  }

  @Override
  public void objectDeleted(ObjectRef object) {
    add("deleted " + object);
  }

  @Override
  public void waiting(List<NotReady> notReady, Duration elapsed) {
    add("waiting " + notReady);
  }

  @Override
  public void hookStarted(ObjectRef hook, String event) {
    add("hook started " + event + " " + hook);
  }

  @Override
  public void hookFinished(ObjectRef hook, boolean succeeded) {
    add("hook " + (succeeded ? "succeeded " : "failed ") + hook);
  }

  @Override
  public void helmOutput(String line) {
    add("helm: " + line);
  }
}
