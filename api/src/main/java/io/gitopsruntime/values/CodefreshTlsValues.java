package io.gitopsruntime.values;

import java.util.Map;
import org.immutables.value.Value;

/**
 * The {@code global.codefresh.tls} node.
 *
 * <p>Values path: {@code global.codefresh.tls}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class CodefreshTlsValues implements WithCodefreshTlsValues {

  /**
   * The platform's CA certificates ({@code caCerts}).
   *
   * @return the {@code caCerts} node; empty when not set
   */
  @Value.Default
  public CaCertsValues caCerts() {
    return CaCertsValues.builder().build();
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

  /** Builds {@link CodefreshTlsValues}. Not thread-safe. */
  public static final class Builder extends ImmutableCodefreshTlsValues.Builder {
    Builder() {}
  }
}
