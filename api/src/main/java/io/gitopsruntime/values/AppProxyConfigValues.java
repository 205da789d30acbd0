package io.gitopsruntime.values;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code app-proxy.config} node; the chart copies every key into a ConfigMap, so values are strings.
 *
 * <p>Values path: {@code app-proxy.config}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class AppProxyConfigValues implements WithAppProxyConfigValues {

  /**
   * Skips the Git token scope check (for fine-grained or custom-scope tokens). Written as the string {@code "true"} or {@code "false"}, as the chart needs.
   *
   * @return the {@code skipGitPermissionValidation} key; absent when not set
   */
  public abstract Optional<Boolean> skipGitPermissionValidation();

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

  /** Builds {@link AppProxyConfigValues}. Not thread-safe. */
  public static final class Builder extends ImmutableAppProxyConfigValues.Builder {
    Builder() {}
  }
}
