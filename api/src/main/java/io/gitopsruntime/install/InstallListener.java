package io.gitopsruntime.install;

import io.gitopsruntime.validation.ValidationReport;
import java.time.Duration;
import java.util.List;

/**
 * Receives progress from an {@link Installer}: phases, applied objects, what is not ready yet, hooks
 * and the Helm binary's output.
 *
 * <p>Every method has a no-op default, so implement only what you need. Callbacks must be fast and must
 * not throw (an installer logs and ignores an exception from a listener). Installers may call a listener
 * from several threads at once: implementations must be thread-safe.
 */
public interface InstallListener {
  /** A listener that ignores everything. */
  InstallListener NONE = new InstallListener() {};

  /**
   * A phase started.
   *
   * @param phase the phase
   */
  default void phaseStarted(InstallPhase phase) {}

  /**
   * A phase finished successfully.
   *
   * @param phase the phase
   * @param took how long it took
   */
  default void phaseFinished(InstallPhase phase, Duration took) {}

  /**
   * Validation ran before anything was changed.
   *
   * @param report every finding
   */
  default void validated(ValidationReport report) {}

  /**
   * An object was created, changed or found unchanged by server-side apply.
   *
   * @param object the object
   * @param change what happened to it
   */
  default void objectApplied(ObjectRef object, ChangeKind change) {}

  /**
   * An object was deleted (pruned, or removed by an uninstall).
   *
   * @param object the object
   */
  default void objectDeleted(ObjectRef object) {}

  /**
   * Still waiting for objects to become ready.
   *
   * @param notReady the objects that are not ready yet, each with why
   * @param elapsed how long the wait has lasted
   */
  default void waiting(List<NotReady> notReady, Duration elapsed) {}

  /**
   * A hook started.
   *
   * @param hook the hook object (usually a Job)
   * @param event the hook event, such as {@code pre-install}
   */
  default void hookStarted(ObjectRef hook, String event) {}

  /**
   * A hook finished.
   *
   * @param hook the hook object
   * @param succeeded whether it succeeded
   */
  default void hookFinished(ObjectRef hook, boolean succeeded) {}

  /**
   * A line the Helm binary printed (secrets masked).
   *
   * @param line the line, without its line terminator
   */
  default void helmOutput(String line) {}
}
