package io.gitopsruntime.values;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The CA bundle of an on-premises Codefresh platform: created from content, or read from an existing Secret.
 *
 * <p>Values path: {@code global.codefresh.tls.caCerts}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class CaCertsValues implements WithCaCertsValues {

  /**
   * An existing Secret holding the CA bundle.
   *
   * @return the {@code secretKeyRef} key; absent when not set
   */
  public abstract Optional<SecretKeyRef> secretKeyRef();

  /**
   * The Secret {@code codefresh-tls-certs} that the chart creates.
   *
   * @return the {@code secret} node; empty when not set
   */
  @Value.Default
  public CaCertSecretValues secret() {
    return CaCertSecretValues.builder().build();
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

  /** Builds {@link CaCertsValues}. Not thread-safe. */
  public static final class Builder extends ImmutableCaCertsValues.Builder {
    Builder() {}
  }
}
