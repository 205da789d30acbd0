package io.gitopsruntime.values;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The Secret {@code codefresh-tls-certs} the chart creates for a platform CA bundle.
 *
 * <p>Values path: {@code global.codefresh.tls.caCerts.secret}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class CaCertSecretValues implements WithCaCertSecretValues {

  /**
   * Whether the chart creates the Secret.
   *
   * @return the {@code create} key; absent when not set
   */
  public abstract Optional<Boolean> create();

  /**
   * The key inside the Secret; the chart default is {@code ca-bundle.crt}.
   *
   * @return the {@code key} key; absent when not set
   */
  public abstract Optional<String> key();

  /**
   * The PEM content. Treated as a secret: never printed.
   *
   * @return the {@code content} key; absent when not set (a literal {@link SecretValue})
   */
  @Value.Redacted
  public abstract Optional<SecretValue> content();

  /**
   * Annotations on the created Secret.
   *
   * @return the {@code annotations} key; empty when not set
   */
  public abstract Map<String, String> annotations();

  /**
   * Keys of this node the model does not type, and typed keys whose source value was null, empty or of
   * another type; kept verbatim so that a round trip loses nothing. A typed attribute that is set wins
   * over an entry of the same key here.
   *
   * @return untyped keys and their values (maps, lists, strings, numbers, booleans or {@link ExplicitNull})
   */
  @Value.Redacted
  public abstract Map<String, Object> additionalValues();

  @Value.Check
  final void checkSecretSlots() {
    content().ifPresent(s -> SecretValue.requireLiteral(s, "content"));
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CaCertSecretValues}. Not thread-safe. */
  public static final class Builder extends ImmutableCaCertSecretValues.Builder {
    Builder() {}
  }
}
