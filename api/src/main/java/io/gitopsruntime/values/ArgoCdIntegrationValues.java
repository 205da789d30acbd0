package io.gitopsruntime.values;

import java.util.Map;
import org.immutables.value.Value;

/**
 * An existing (external) Argo CD, used when the bundled one is disabled.
 *
 * <p>Values path: {@code global.integrations.argo-cd}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class ArgoCdIntegrationValues implements WithArgoCdIntegrationValues {

  /**
   * The Argo CD API server.
   *
   * @return the {@code server} node; empty when not set
   */
  @Value.Default
  public ArgoCdServerValues server() {
    return ArgoCdServerValues.builder().build();
  }

  /**
   * The Argo CD repo server.
   *
   * @return the {@code repoServer} node; empty when not set
   */
  @Value.Default
  public ServiceEndpointValues repoServer() {
    return ServiceEndpointValues.builder().build();
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

  /** Builds {@link ArgoCdIntegrationValues}. Not thread-safe. */
  public static final class Builder extends ImmutableArgoCdIntegrationValues.Builder {
    Builder() {}
  }
}
