package io.gitopsruntime.values;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The chart's pre-install hooks.
 *
 * <p>Values path: {@code installer}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class InstallerValues implements WithInstallerValues {

  /**
   * Drops the {@code validate-values} hook.
   *
   * @return the {@code skipValidation} key; absent when not set
   */
  public abstract Optional<Boolean> skipValidation();

  /**
   * Drops the {@code validate-usage} hook.
   *
   * @return the {@code skipUsageValidation} key; absent when not set
   */
  public abstract Optional<Boolean> skipUsageValidation();

  /**
   * The hook jobs' image.
   *
   * @return the {@code image} node; empty when not set
   */
  @Value.Default
  public ImageValues image() {
    return ImageValues.builder().build();
  }

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

  /** Builds {@link InstallerValues}. Not thread-safe. */
  public static final class Builder extends ImmutableInstallerValues.Builder {
    Builder() {}
  }
}
