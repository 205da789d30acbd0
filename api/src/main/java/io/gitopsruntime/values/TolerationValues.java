package io.gitopsruntime.values;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Kubernetes toleration.
 *
 * <p>Values path: {@code …tolerations[]}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class TolerationValues implements WithTolerationValues {

  /**
   * The taint key.
   *
   * @return the {@code key} key; absent when not set
   */
  public abstract Optional<String> key();

  /**
   * {@code Exists} or {@code Equal}.
   *
   * @return the {@code operator} key; absent when not set
   */
  public abstract Optional<String> operator();

  /**
   * The taint value.
   *
   * @return the {@code value} key; absent when not set
   */
  public abstract Optional<String> value();

  /**
   * The taint effect.
   *
   * @return the {@code effect} key; absent when not set
   */
  public abstract Optional<String> effect();

  /**
   * How long a {@code NoExecute} taint is tolerated.
   *
   * @return the {@code tolerationSeconds} key; absent when not set
   */
  public abstract Optional<Long> tolerationSeconds();

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

  /** Builds {@link TolerationValues}. Not thread-safe. */
  public static final class Builder extends ImmutableTolerationValues.Builder {
    Builder() {}
  }
}
