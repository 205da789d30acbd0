package io.gitopsruntime.values;

import io.gitopsruntime.InvalidValuesException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A secret the chart needs (the Codefresh API key, a Git token, a CA bundle): either a literal, or a
 * reference to a key of an existing Kubernetes Secret.
 *
 * <p>A literal never appears in {@link #toString()}, logs, exception messages, exported commands or
 * command lines; reading it takes a deliberate call to {@link #reveal()}. Prefer
 * {@link #fromSecret(String, String)}: the value then never leaves the cluster.
 *
 * <pre>{@code
 * SecretValue token = SecretValue.fromSecret("codefresh-user-token", "token");
 * SecretValue literal = SecretValue.of(System.getenv("CF_API_KEY"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SecretValue {
  private static final String MASK = "****";

  private final @Nullable String literal;
  private final @Nullable SecretKeyRef ref;

  private SecretValue(@Nullable String literal, @Nullable SecretKeyRef ref) {
    this.literal = literal;
    this.ref = ref;
  }

  /**
   * A literal secret.
   *
   * @param literal the secret itself; may be empty (validation reports an empty secret)
   * @return the secret
   * @throws NullPointerException if {@code literal} is null
   */
  public static SecretValue of(String literal) {
    return new SecretValue(Objects.requireNonNull(literal, "literal == null"), null);
  }

  /**
   * A key of an existing Secret in the release namespace.
   *
   * @param name the Secret's name
   * @param key the key inside the Secret
   * @return the secret reference
   */
  public static SecretValue fromSecret(String name, String key) {
    return fromSecret(SecretKeyRef.of(name, key));
  }

  /**
   * A key of an existing Secret in the release namespace.
   *
   * @param ref the reference; it may be incomplete, which validation reports
   * @return the secret reference
   */
  public static SecretValue fromSecret(SecretKeyRef ref) {
    return new SecretValue(null, Objects.requireNonNull(ref, "ref == null"));
  }

  /**
   * Whether this is a literal (as opposed to a Secret reference).
   *
   * @return true for a literal
   */
  public boolean isLiteral() {
    return literal != null;
  }

  /**
   * Whether this is a literal that is empty or blank.
   *
   * @return true for an empty literal; false for a reference
   */
  public boolean isBlankLiteral() {
    return literal != null && literal.isBlank();
  }

  /**
   * The Secret reference.
   *
   * @return the reference, or empty for a literal
   */
  public Optional<SecretKeyRef> secretKeyRef() {
    return Optional.ofNullable(ref);
  }

  /**
   * The literal secret. Call it only to hand the secret to its destination (a values file readable only
   * by its owner, an HTTP header); never log or print the result.
   *
   * @return the literal
   * @throws IllegalStateException if this is a Secret reference
   */
  public String reveal() {
    if (literal == null) {
      throw new IllegalStateException(
          "This secret is a reference to Secret " + describeRef(ref) + ", not a literal; read it from the cluster.");
    }
    return literal;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof SecretValue)) {
      return false;
    }
    SecretValue that = (SecretValue) other;
    return Objects.equals(literal, that.literal) && Objects.equals(ref, that.ref);
  }

  @Override
  public int hashCode() {
    return Objects.hash(literal, ref);
  }

  /** Shows a literal as {@code ****} and a reference as {@code secretKeyRef(name/key)}. */
  @Override
  public String toString() {
    return literal != null ? MASK : "secretKeyRef(" + describeRef(ref) + ")";
  }

  private static String describeRef(@Nullable SecretKeyRef ref) {
    if (ref == null) {
      return "";
    }
    return ref.name().orElse("<no name>") + "/" + ref.key().orElse("<no key>");
  }

  static Optional<SecretValue> effective(Optional<SecretValue> literal, Optional<SecretKeyRef> ref) {
    if (literal.isPresent() && !literal.get().isBlankLiteral()) {
      return literal;
    }
    return ref.map(SecretValue::fromSecret);
  }

  static void requireLiteral(SecretValue value, String attribute) {
    if (!value.isLiteral()) {
      throw new InvalidValuesException(
          "",
          attribute + " holds the literal secret; a Secret reference goes in the sibling secretKeyRef attribute."
              + " Use the node's of(SecretValue) factory, which puts each kind in its place.");
    }
  }
}
