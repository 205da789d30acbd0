package io.gitopsruntime.validators.internal;

import io.gitopsruntime.core.Redactor;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.values.ArgoCdAuthValues;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.SecretKeyRef;
import io.gitopsruntime.values.SecretValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the secrets of the values (a literal, or a Secret read through the cluster client) and builds
 * the {@link Redactor} that masks every literal secret of the values. Thread-safe; no state.
 */
public final class Secrets {
  private Secrets() {}

  /** A resolved secret, or why there is none. */
  public sealed interface Resolved {}

  /**
   * The secret's value.
   *
   * @param value the value, stripped of surrounding whitespace when read from a Secret; never print it
   * @param stripped whether the Secret's value had surrounding whitespace, which Codefresh's hook would send
   *     as it is
   */
  public record Value(String value, boolean stripped) implements Resolved {
    @Override
    public String toString() {
      return "Value[****]";
    }
  }

  /**
   * The referenced Secret could not be read.
   *
   * @param failure why
   */
  public record Unreadable(ClusterSecrets.Failed failure) implements Resolved {}

  /** The secret is in a Secret, and no cluster client was given. */
  public record NeedsCluster() implements Resolved {}

  /** Nothing usable: no secret, an incomplete reference, or control characters. */
  public record Unusable() implements Resolved {}

  /**
   * Resolves a secret of the values.
   *
   * @param secret the literal or reference; empty when not given
   * @param client the cluster client, if any
   * @param namespace the release namespace, where references point
   * @return the value, or why there is none
   */
  public static Resolved resolve(Optional<SecretValue> secret, Optional<KubernetesClient> client, String namespace) {
    if (secret.isEmpty()) {
      return new Unusable();
    }
    SecretValue s = secret.get();
    if (s.isLiteral()) {
      String value = s.reveal();
      return value.isBlank() || Chart.hasStrayWhitespace(value) ? new Unusable() : new Value(value, false);
    }
    SecretKeyRef ref = s.secretKeyRef().orElseThrow();
    if (!ref.isComplete()) {
      return new Unusable();
    }
    if (client.isEmpty()) {
      return new NeedsCluster();
    }
    ClusterSecrets.Read read =
        ClusterSecrets.read(client.get(), namespace, ref.name().orElseThrow().strip(), ref.key().orElseThrow().strip());
    if (read instanceof ClusterSecrets.Found) {
      String value = ((ClusterSecrets.Found) read).value();
      String stripped = value.strip();
      if (stripped.isEmpty() || Chart.hasStrayWhitespace(stripped)) {
        return new Unusable();
      }
      return new Value(stripped, !stripped.equals(value));
    }
    return new Unreadable((ClusterSecrets.Failed) read);
  }

  /**
   * A redactor of every literal secret in the values: the API key, the Git password, the CA content and the
   * Argo CD password and token.
   *
   * @param values the values
   * @return the redactor
   */
  public static Redactor redactor(GitOpsRuntimeValues values) {
    return Redactor.of(values);
  }

}
