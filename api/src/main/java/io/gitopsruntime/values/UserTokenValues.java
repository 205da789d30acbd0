package io.gitopsruntime.values;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The Codefresh API key, either literal ({@code token}) or in a Secret ({@code secretKeyRef}).
 *
 * <p>Values path: {@code global.codefresh.userToken}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class UserTokenValues implements WithUserTokenValues {

  /**
   * The literal API key ({@code token}); the chart stores it in the Secret {@code codefresh-user-token}.
   *
   * @return the {@code token} key; absent when not set (a literal {@link SecretValue})
   */
  @Value.Redacted
  public abstract Optional<SecretValue> token();

  /**
   * The Secret holding the API key ({@code secretKeyRef}).
   *
   * @return the {@code secretKeyRef} key; absent when not set
   */
  public abstract Optional<SecretKeyRef> secretKeyRef();

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
    token().ifPresent(s -> SecretValue.requireLiteral(s, "token"));
  }

  /**
   * The token the chart will use: the literal when it is non-empty, otherwise the Secret reference.
   *
   * @return the effective token, or empty when neither is set
   */
  public final Optional<SecretValue> effective() {
    return SecretValue.effective(token(), secretKeyRef());
  }

  /**
   * Values holding exactly this token.
   *
   * @param token a literal or a Secret reference
   * @return the node
   */
  public static UserTokenValues of(SecretValue token) {
    return token.secretKeyRef().isPresent()
        ? builder().secretKeyRef(token.secretKeyRef().get()).build()
        : builder().token(token).build();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link UserTokenValues}. Not thread-safe. */
  public static final class Builder extends ImmutableUserTokenValues.Builder {
    Builder() {}
  }
}
