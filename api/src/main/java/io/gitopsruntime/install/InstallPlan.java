package io.gitopsruntime.install;

import io.gitopsruntime.validation.ValidationReport;
import java.util.List;
import org.immutables.value.Value;

/**
 * What an install would change, computed without changing anything. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class InstallPlan {
  /**
   * The validation findings; an install refuses to proceed when they hold an error.
   *
   * @return the report
   */
  public abstract ValidationReport validation();

  /**
   * The object-level changes, when the installer can compute them.
   *
   * @return the changes, in apply order
   */
  public abstract List<PlannedChange> changes();

  /**
   * Whether the installer computed object-level changes (a Helm binary cannot).
   *
   * @return true when {@link #changes()} is complete
   */
  @Value.Default
  public boolean changesKnown() {
    return true;
  }

  /**
   * Whether an install would change anything.
   *
   * @return true unless every object is {@link ChangeKind#UNCHANGED}
   */
  public boolean hasChanges() {
    return !changesKnown() || changes().stream().anyMatch(c -> c.change() != ChangeKind.UNCHANGED);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link InstallPlan}. Not thread-safe. */
  public static final class Builder extends ImmutableInstallPlan.Builder {
    Builder() {}
  }
}
