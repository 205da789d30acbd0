package io.gitopsruntime.values;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The Gateway API access mode: an HTTPRoute attached to an existing Gateway.
 *
 * <p>Values path: {@code global.runtime.httpRoute}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class HttpRouteValues implements WithHttpRouteValues {

  /**
   * Whether the HTTPRoute access mode is on.
   *
   * @return the {@code enabled} key; absent when not set
   */
  public abstract Optional<Boolean> enabled();

  /**
   * {@code http} or {@code https}, used with {@code hostnames[0]}.
   *
   * @return the {@code protocol} key; absent when not set
   */
  public abstract Optional<String> protocol();

  /**
   * The Gateways the route attaches to; required when enabled.
   *
   * @return the {@code parentRefs} key; empty when not set
   */
  public abstract List<ParentRefValues> parentRefs();

  /**
   * The route's host names; {@code hostnames[0]} is the URL the platform uses.
   *
   * @return the {@code hostnames} key; empty when not set
   */
  public abstract List<String> hostnames();

  /**
   * Annotations on the HTTPRoute.
   *
   * @return the {@code annotations} key; empty when not set
   */
  public abstract Map<String, String> annotations();

  /**
   * Labels on the HTTPRoute.
   *
   * @return the {@code labels} key; empty when not set
   */
  public abstract Map<String, String> labels();

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

  /** Builds {@link HttpRouteValues}. Not thread-safe. */
  public static final class Builder extends ImmutableHttpRouteValues.Builder {
    Builder() {}
  }
}
