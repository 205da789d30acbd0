package io.gitopsruntime.values;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code global.codefresh} node: how the runtime reaches the Codefresh platform.
 *
 * <p>Values path: {@code global.codefresh}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class CodefreshValues implements WithCodefreshValues {

  /**
   * The platform URL ({@code global.codefresh.url}); the chart default is {@code https://g.codefresh.io}.
   *
   * @return the {@code url} key; absent when not set
   */
  public abstract Optional<String> url();

  /**
   * The Codefresh account ID ({@code global.codefresh.accountId}).
   *
   * @return the {@code accountId} key; absent when not set
   */
  public abstract Optional<String> accountId();

  /**
   * The {@code global.codefresh.userToken} node: the Codefresh API key.
   *
   * @return the {@code userToken} node; empty when not set
   */
  @Value.Default
  public UserTokenValues userToken() {
    return UserTokenValues.builder().build();
  }

  /**
   * The {@code global.codefresh.tls} node: the platform's CA certificates.
   *
   * @return the {@code tls} node; empty when not set
   */
  @Value.Default
  public CodefreshTlsValues tls() {
    return CodefreshTlsValues.builder().build();
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

  /** Builds {@link CodefreshValues}. Not thread-safe. */
  public static final class Builder extends ImmutableCodefreshValues.Builder {
    Builder() {}
  }
}
