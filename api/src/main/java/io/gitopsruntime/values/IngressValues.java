package io.gitopsruntime.values;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The ingress access mode: an Ingress in front of the runtime.
 *
 * <p>Values path: {@code global.runtime.ingress}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class IngressValues implements WithIngressValues {

  /**
   * Whether the ingress access mode is on.
   *
   * @return the {@code enabled} key; absent when not set
   */
  public abstract Optional<Boolean> enabled();

  /**
   * Skips the IngressClass lookup and the HTTP probe of the host (the shape checks still run).
   *
   * @return the {@code skipValidation} key; absent when not set
   */
  public abstract Optional<Boolean> skipValidation();

  /**
   * {@code http} or {@code https}; the chart default is {@code https}.
   *
   * @return the {@code protocol} key; absent when not set
   */
  public abstract Optional<String> protocol();

  /**
   * The IngressClass; the chart default is {@code nginx}.
   *
   * @return the {@code className} key; absent when not set
   */
  public abstract Optional<String> className();

  /**
   * The Ingress hosts; {@code hosts[0]} is the URL the platform uses.
   *
   * @return the {@code hosts} key; empty when not set
   */
  public abstract List<String> hosts();

  /**
   * Annotations on the Ingress.
   *
   * @return the {@code annotations} key; empty when not set
   */
  public abstract Map<String, String> annotations();

  /**
   * Extra labels on the Ingress.
   *
   * @return the {@code labels} key; empty when not set
   */
  public abstract Map<String, String> labels();

  /**
   * The Ingress TLS entries.
   *
   * @return the {@code tls} key; empty when not set
   */
  public abstract List<IngressTlsValues> tls();

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

  /** Builds {@link IngressValues}. Not thread-safe. */
  public static final class Builder extends ImmutableIngressValues.Builder {
    Builder() {}
  }
}
