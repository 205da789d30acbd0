package io.gitopsruntime.values;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The Git Runtime token the runtime uses for its Git operations.
 *
 * <p>Values path: {@code global.runtime.gitCredentials}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class GitCredentialsValues implements WithGitCredentialsValues {

  /**
   * The Git username; the chart default is {@code username}.
   *
   * @return the {@code username} key; absent when not set
   */
  public abstract Optional<String> username();

  /**
   * The token or password.
   *
   * @return the {@code password} node; empty when not set
   */
  @Value.Default
  public GitPasswordValues password() {
    return GitPasswordValues.builder().build();
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

  /** Builds {@link GitCredentialsValues}. Not thread-safe. */
  public static final class Builder extends ImmutableGitCredentialsValues.Builder {
    Builder() {}
  }
}
