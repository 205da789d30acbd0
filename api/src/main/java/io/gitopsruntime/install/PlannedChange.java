package io.gitopsruntime.install;

import org.immutables.value.Value;

/** One object and what an install would do to it. Immutable and thread-safe. */
@Value.Immutable
public abstract class PlannedChange {
  /**
   * The object.
   *
   * @return the object
   */
  @Value.Parameter(order = 0)
  public abstract ObjectRef object();

  /**
   * What would happen to it.
   *
   * @return the change
   */
  @Value.Parameter(order = 1)
  public abstract ChangeKind change();

  @Override
  public String toString() {
    return change() + " " + object();
  }

  /**
   * A planned change.
   *
   * @param object the object
   * @param change what would happen to it
   * @return the change
   */
  public static PlannedChange of(ObjectRef object, ChangeKind change) {
    return ImmutablePlannedChange.of(object, change);
  }
}
