package io.gitopsruntime.values;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A reference to a key of an existing Kubernetes Secret in the release namespace, the chart's {@code secretKeyRef: {name, key}}.
 *
 * <p>Values path: {@code …secretKeyRef}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class SecretKeyRef implements WithSecretKeyRef {

  /**
   * The Secret's name.
   *
   * @return the {@code name} key; absent when not set
   */
  public abstract Optional<String> name();

  /**
   * The key inside the Secret.
   *
   * @return the {@code key} key; absent when not set
   */
  public abstract Optional<String> key();

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
   * Whether both {@code name} and {@code key} are set and non-blank, which the chart needs.
   *
   * @return true when the reference is usable
   */
  public final boolean isComplete() {
    Optional<String> name = name();
    Optional<String> key = key();
    return name.isPresent() && !name.get().isBlank() && key.isPresent() && !key.get().isBlank();
  }

  /**
   * A complete reference.
   *
   * @param name the Secret's name
   * @param key the key inside the Secret
   * @return the reference
   */
  public static SecretKeyRef of(String name, String key) {
    return builder().name(name).key(key).build();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SecretKeyRef}. Not thread-safe. */
  public static final class Builder extends ImmutableSecretKeyRef.Builder {
    Builder() {}
  }
}
