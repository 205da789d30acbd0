package io.gitopsruntime.values;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code global.runtime} node: the runtime's name, how the platform reaches it, and its Git credentials.
 *
 * <p>Values path: {@code global.runtime}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class RuntimeValues implements WithRuntimeValues {

  /**
   * The runtime name, unique in the account ({@code global.runtime.name}).
   *
   * @return the {@code name} key; absent when not set
   */
  public abstract Optional<String> name();

  /**
   * The cluster URL the runtime manages; the chart says it should not be changed.
   *
   * @return the {@code cluster} key; absent when not set
   */
  public abstract Optional<String> cluster();

  /**
   * Whether this is a Codefresh-hosted runtime; keep false for hybrid runtimes.
   *
   * @return the {@code codefreshHosted} key; absent when not set
   */
  public abstract Optional<Boolean> codefreshHosted();

  /**
   * Namespaced (multi-runtime) mode.
   *
   * @return the {@code singleNamespace} key; absent when not set
   */
  public abstract Optional<Boolean> singleNamespace();

  /**
   * Marks the account's configuration runtime.
   *
   * @return the {@code isConfigurationRuntime} key; absent when not set
   */
  public abstract Optional<Boolean> isConfigurationRuntime();

  /**
   * The ingress access mode ({@code global.runtime.ingress}).
   *
   * @return the {@code ingress} node; empty when not set
   */
  @Value.Default
  public IngressValues ingress() {
    return IngressValues.builder().build();
  }

  /**
   * The Gateway API access mode ({@code global.runtime.httpRoute}).
   *
   * @return the {@code httpRoute} node; empty when not set
   */
  @Value.Default
  public HttpRouteValues httpRoute() {
    return HttpRouteValues.builder().build();
  }

  /**
   * The explicit external URL of the service-mesh access mode ({@code global.runtime.ingressUrl}).
   *
   * @return the {@code ingressUrl} key; absent when not set
   */
  public abstract Optional<String> ingressUrl();

  /**
   * The Git Runtime token ({@code global.runtime.gitCredentials}).
   *
   * @return the {@code gitCredentials} node; empty when not set
   */
  @Value.Default
  public GitCredentialsValues gitCredentials() {
    return GitCredentialsValues.builder().build();
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

  /** Builds {@link RuntimeValues}. Not thread-safe. */
  public static final class Builder extends ImmutableRuntimeValues.Builder {
    Builder() {}
  }
}
