package io.gitopsruntime.values;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One TLS entry of the runtime's Ingress.
 *
 * <p>Values path: {@code global.runtime.ingress.tls[]}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class IngressTlsValues implements WithIngressTlsValues {

  /**
   * The hosts the certificate covers.
   *
   * @return the {@code hosts} key; empty when not set
   */
  public abstract List<String> hosts();

  /**
   * The TLS Secret.
   *
   * @return the {@code secretName} key; absent when not set
   */
  public abstract Optional<String> secretName();

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

  /** Builds {@link IngressTlsValues}. Not thread-safe. */
  public static final class Builder extends ImmutableIngressTlsValues.Builder {
    Builder() {}
  }
}
