package io.gitopsruntime.values;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The Git Runtime token, either literal ({@code value}) or in a Secret ({@code secretKeyRef}).
 *
 * <p>Values path: {@code global.runtime.gitCredentials.password}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class GitPasswordValues implements WithGitPasswordValues {

  /**
   * The literal token; the chart stores it in the Secret {@code <runtime>-git-password}.
   *
   * @return the {@code value} key; absent when not set (a literal {@link SecretValue})
   */
  @Value.Redacted
  public abstract Optional<SecretValue> value();

  /**
   * The Secret holding the token.
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
    value().ifPresent(s -> SecretValue.requireLiteral(s, "value"));
  }

  /**
   * The password the chart will use: the literal when non-empty, otherwise the Secret reference.
   *
   * @return the effective password, or empty when neither is set
   */
  public final Optional<SecretValue> effective() {
    return SecretValue.effective(value(), secretKeyRef());
  }

  /**
   * Values holding exactly this password.
   *
   * @param password a literal or a Secret reference
   * @return the node
   */
  public static GitPasswordValues of(SecretValue password) {
    return password.secretKeyRef().isPresent()
        ? builder().secretKeyRef(password.secretKeyRef().get()).build()
        : builder().value(password).build();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GitPasswordValues}. Not thread-safe. */
  public static final class Builder extends ImmutableGitPasswordValues.Builder {
    Builder() {}
  }
}
