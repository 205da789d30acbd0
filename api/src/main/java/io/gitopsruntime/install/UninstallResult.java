package io.gitopsruntime.install;

import java.time.Duration;
import java.util.List;
import org.immutables.value.Value;

/** What an uninstall removed and what it kept. Immutable and thread-safe. */
@Value.Immutable
public abstract class UninstallResult {
  /**
   * Whether a release was found to uninstall.
   *
   * @return false when there was nothing to remove
   */
  public abstract boolean found();

  /**
   * The objects that were deleted, when the installer knows them.
   *
   * @return the deleted objects
   */
  public abstract List<ObjectRef> deleted();

  /**
   * The objects deliberately kept (CustomResourceDefinitions, unless asked otherwise).
   *
   * @return the kept objects
   */
  public abstract List<ObjectRef> kept();

  /**
   * How long the uninstall took.
   *
   * @return the duration
   */
  public abstract Duration took();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link UninstallResult}. Not thread-safe. */
  public static final class Builder extends ImmutableUninstallResult.Builder {
    Builder() {}
  }
}
