package io.gitopsruntime.install;

import org.immutables.value.Value;

/** An object that is not ready yet, and why (for example "1 of 2 replicas available"). Immutable. */
@Value.Immutable
public abstract class NotReady {
  /**
   * The object.
   *
   * @return the object
   */
  @Value.Parameter(order = 0)
  public abstract ObjectRef object();

  /**
   * Why it is not ready.
   *
   * @return a short reason
   */
  @Value.Parameter(order = 1)
  public abstract String reason();

  @Override
  public String toString() {
    return object() + " (" + reason() + ")";
  }

  /**
   * A not-ready object.
   *
   * @param object the object
   * @param reason why it is not ready
   * @return the entry
   */
  public static NotReady of(ObjectRef object, String reason) {
    return ImmutableNotReady.of(object, reason);
  }
}
