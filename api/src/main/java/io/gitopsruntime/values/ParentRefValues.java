package io.gitopsruntime.values;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Gateway API {@code ParentReference}: the Gateway an HTTPRoute attaches to.
 *
 * <p>Values path: {@code global.runtime.httpRoute.parentRefs[]}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class ParentRefValues implements WithParentRefValues {

  /**
   * The Gateway's name.
   *
   * @return the {@code name} key; absent when not set
   */
  public abstract Optional<String> name();

  /**
   * The Gateway's namespace.
   *
   * @return the {@code namespace} key; absent when not set
   */
  public abstract Optional<String> namespace();

  /**
   * The Gateway listener.
   *
   * @return the {@code sectionName} key; absent when not set
   */
  public abstract Optional<String> sectionName();

  /**
   * The Gateway port.
   *
   * @return the {@code port} key; absent when not set
   */
  public abstract Optional<Integer> port();

  /**
   * The parent's API group.
   *
   * @return the {@code group} key; absent when not set
   */
  public abstract Optional<String> group();

  /**
   * The parent's kind.
   *
   * @return the {@code kind} key; absent when not set
   */
  public abstract Optional<String> kind();

  /**
   * Keys of this node the model does not type, and typed keys whose source value was null, empty or of
   * another type; kept verbatim so that a round trip loses nothing. A typed attribute that is set wins
   * over an entry of the same key here.
   *
   * @return untyped keys and their values (maps, lists, strings, numbers, booleans or {@link ExplicitNull})
   */
  @Value.Redacted
  public abstract Map<String, Object> additionalValues();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ParentRefValues}. Not thread-safe. */
  public static final class Builder extends ImmutableParentRefValues.Builder {
    Builder() {}
  }
}
