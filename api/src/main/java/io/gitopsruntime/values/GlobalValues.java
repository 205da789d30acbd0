package io.gitopsruntime.values;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The chart's {@code global} node.
 *
 * <p>Values path: {@code global}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class GlobalValues implements WithGlobalValues {

  /**
   * The {@code global.codefresh} node: platform URL, account and user token.
   *
   * @return the {@code codefresh} node; empty when not set
   */
  @Value.Default
  public CodefreshValues codefresh() {
    return CodefreshValues.builder().build();
  }

  /**
   * The {@code global.runtime} node: name, access mode and Git credentials.
   *
   * @return the {@code runtime} node; empty when not set
   */
  @Value.Default
  public RuntimeValues runtime() {
    return RuntimeValues.builder().build();
  }

  /**
   * The {@code global.integrations} node: an external Argo CD.
   *
   * @return the {@code integrations} node; empty when not set
   */
  @Value.Default
  public IntegrationsValues integrations() {
    return IntegrationsValues.builder().build();
  }

  /**
   * The {@code global.imageRegistry} key: replaces the registry of some of the chart's images (not all of them; see the chart reference).
   *
   * @return the {@code imageRegistry} key; absent when not set
   */
  public abstract Optional<String> imageRegistry();

  /**
   * The {@code global.nodeSelector} key: the fallback node selector of every workload.
   *
   * @return the {@code nodeSelector} key; empty when not set
   */
  public abstract Map<String, String> nodeSelector();

  /**
   * The {@code global.tolerations} key: the fallback tolerations of every workload.
   *
   * @return the {@code tolerations} key; empty when not set
   */
  public abstract List<TolerationValues> tolerations();

  /**
   * The {@code global.httpProxy} key, passed as {@code HTTP_PROXY}.
   *
   * @return the {@code httpProxy} key; absent when not set
   */
  public abstract Optional<String> httpProxy();

  /**
   * The {@code global.httpsProxy} key, passed as {@code HTTPS_PROXY}.
   *
   * @return the {@code httpsProxy} key; absent when not set
   */
  public abstract Optional<String> httpsProxy();

  /**
   * The {@code global.noProxy} key, passed as {@code NO_PROXY}.
   *
   * @return the {@code noProxy} key; absent when not set
   */
  public abstract Optional<String> noProxy();

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

  /** Builds {@link GlobalValues}. Not thread-safe. */
  public static final class Builder extends ImmutableGlobalValues.Builder {
    Builder() {}
  }
}
