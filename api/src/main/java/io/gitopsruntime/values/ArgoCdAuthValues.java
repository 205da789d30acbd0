package io.gitopsruntime.values;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How the runtime authenticates to an external Argo CD: a password or an API token.
 *
 * <p>Values path: {@code global.integrations.argo-cd.server.auth}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class ArgoCdAuthValues implements WithArgoCdAuthValues {

  /**
   * {@code password} or {@code token}.
   *
   * @return the {@code type} key; absent when not set
   */
  public abstract Optional<String> type();

  /**
   * The user for the password type.
   *
   * @return the {@code username} key; absent when not set
   */
  public abstract Optional<String> username();

  /**
   * A literal password.
   *
   * @return the {@code password} key; absent when not set (a literal {@link SecretValue})
   */
  @Value.Redacted
  public abstract Optional<SecretValue> password();

  /**
   * The Secret holding the password.
   *
   * @return the {@code passwordSecretKeyRef} key; absent when not set
   */
  public abstract Optional<SecretKeyRef> passwordSecretKeyRef();

  /**
   * A literal API token.
   *
   * @return the {@code token} key; absent when not set (a literal {@link SecretValue})
   */
  @Value.Redacted
  public abstract Optional<SecretValue> token();

  /**
   * The Secret holding the API token.
   *
   * @return the {@code tokenSecretKeyRef} key; absent when not set
   */
  public abstract Optional<SecretKeyRef> tokenSecretKeyRef();

  /**
   * Keys of this node the model does not type, and typed keys whose source value was null, empty or of
   * another type; kept verbatim so that a round trip loses nothing. A typed attribute that is set wins
   * over an entry of the same key here.
   *
   * @return untyped keys and their values (maps, lists, strings, numbers, booleans or {@link ExplicitNull})
   */
  @Value.Redacted
  public abstract Map<String, Object> additionalValues();

  @Value.Check
  final void checkSecretSlots() {
    password().ifPresent(s -> SecretValue.requireLiteral(s, "password"));
    token().ifPresent(s -> SecretValue.requireLiteral(s, "token"));
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ArgoCdAuthValues}. Not thread-safe. */
  public static final class Builder extends ImmutableArgoCdAuthValues.Builder {
    Builder() {}
  }
}
