package io.gitopsruntime.values;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A container image: repository (with or without a separate registry), tag and pull policy.
 *
 * <p>Values path: {@code …image}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class ImageValues implements WithImageValues {

  /**
   * The registry, where the chart splits it from the repository.
   *
   * @return the {@code registry} key; absent when not set
   */
  public abstract Optional<String> registry();

  /**
   * The repository.
   *
   * @return the {@code repository} key; absent when not set
   */
  public abstract Optional<String> repository();

  /**
   * The tag.
   *
   * @return the {@code tag} key; absent when not set
   */
  public abstract Optional<String> tag();

  /**
   * The pull policy.
   *
   * @return the {@code pullPolicy} key; absent when not set
   */
  public abstract Optional<String> pullPolicy();

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

  /** Builds {@link ImageValues}. Not thread-safe. */
  public static final class Builder extends ImmutableImageValues.Builder {
    Builder() {}
  }
}
