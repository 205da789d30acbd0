package io.gitopsruntime.values;

import java.util.Map;
import org.immutables.value.Value;

/**
 * The {@code global.integrations} node.
 *
 * <p>Values path: {@code global.integrations}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class IntegrationsValues implements WithIntegrationsValues {

  /**
   * An existing Argo CD the runtime uses when {@code argo-cd.enabled} is false.
   *
   * @return the {@code argo-cd} node; empty when not set
   */
  @Value.Default
  public ArgoCdIntegrationValues argoCd() {
    return ArgoCdIntegrationValues.builder().build();
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

  /** Builds {@link IntegrationsValues}. Not thread-safe. */
  public static final class Builder extends ImmutableIntegrationsValues.Builder {
    Builder() {}
  }
}
