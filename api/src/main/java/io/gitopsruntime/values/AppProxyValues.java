package io.gitopsruntime.values;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code app-proxy} node: the runtime's API server.
 *
 * <p>Values path: {@code app-proxy}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class AppProxyValues implements WithAppProxyValues {

  /**
   * The number of replicas; more than one needs {@code redis} or {@code redis-ha}.
   *
   * @return the {@code replicaCount} key; absent when not set
   */
  public abstract Optional<Integer> replicaCount();

  /**
   * The {@code app-proxy.config} node, copied into a ConfigMap.
   *
   * @return the {@code config} node; empty when not set
   */
  @Value.Default
  public AppProxyConfigValues config() {
    return AppProxyConfigValues.builder().build();
  }

  /**
   * The image enrichment workflows; they need {@code argo-workflows}.
   *
   * @return the {@code image-enrichment} node; empty when not set
   */
  @Value.Default
  public ComponentValues imageEnrichment() {
    return ComponentValues.builder().build();
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

  /** Builds {@link AppProxyValues}. Not thread-safe. */
  public static final class Builder extends ImmutableAppProxyValues.Builder {
    Builder() {}
  }
}
