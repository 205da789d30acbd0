package io.gitopsruntime.values;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Kubernetes Service name and port.
 *
 * <p>Values path: {@code …repoServer}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class ServiceEndpointValues implements WithServiceEndpointValues {

  /**
   * The Service name.
   *
   * @return the {@code svc} key; absent when not set
   */
  public abstract Optional<String> svc();

  /**
   * The Service port.
   *
   * @return the {@code port} key; absent when not set
   */
  public abstract Optional<Integer> port();

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

  /** Builds {@link ServiceEndpointValues}. Not thread-safe. */
  public static final class Builder extends ImmutableServiceEndpointValues.Builder {
    Builder() {}
  }
}
