package io.gitopsruntime.install;

import java.time.Duration;
import java.util.List;
import org.immutables.value.Value;

/** What an install did. Immutable and thread-safe. */
@Value.Immutable
public abstract class InstallResult {
  /**
   * The release name.
   *
   * @return the release
   */
  public abstract String releaseName();

  /**
   * The namespace.
   *
   * @return the namespace
   */
  public abstract String namespace();

  /**
   * Installed, upgraded, or unchanged.
   *
   * @return the outcome
   */
  public abstract InstallOutcome outcome();

  /**
   * The release revision after the install (1 for a first install).
   *
   * @return the revision
   */
  public abstract int revision();

  /**
   * The objects that were created, changed, left unchanged or pruned, when the installer knows them.
   *
   * @return the changes
   */
  public abstract List<PlannedChange> changes();

  /**
   * How long the install took.
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

  /** Builds an {@link InstallResult}. Not thread-safe. */
  public static final class Builder extends ImmutableInstallResult.Builder {
    Builder() {}
  }
}
