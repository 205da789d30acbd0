package io.gitopsruntime.values;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A chart component that is switched on or off with an {@code enabled} key, such as {@code tunnel-client} or {@code argo-workflows}.
 *
 * <p>Values path: {@code tunnel-client, argo-cd, argo-workflows, …}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class ComponentValues implements WithComponentValues {

  /**
   * Whether the component is installed; absent means the chart default.
   *
   * @return the {@code enabled} key; absent when not set
   */
  public abstract Optional<Boolean> enabled();

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

  /** Builds {@link ComponentValues}. Not thread-safe. */
  public static final class Builder extends ImmutableComponentValues.Builder {
    Builder() {}
  }
}
