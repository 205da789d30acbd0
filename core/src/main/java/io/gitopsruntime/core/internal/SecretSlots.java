package io.gitopsruntime.core.internal;

import io.gitopsruntime.core.ValuesPath;
import java.util.List;
import java.util.Optional;

/**
 * The places in the chart's values that hold a literal secret, each with the {@code secretKeyRef}-style
 * key that can hold a reference instead and a friendly name (for Terraform variables and Secret keys).
 */
public final class SecretSlots {
  /**
   * One secret slot.
   *
   * @param literal the path of the literal, such as {@code global.codefresh.userToken.token}
   * @param reference the path of the sibling reference, such as {@code global.codefresh.userToken.secretKeyRef}
   * @param name a friendly name, such as {@code codefresh-api-key}
   * @param description what the secret is
   */
  public record Slot(ValuesPath literal, ValuesPath reference, String name, String description) {}

  /** Every slot, in values order. */
  public static final List<Slot> ALL = List.of(
      new Slot(ValuesPath.parse("global.codefresh.userToken.token"), ValuesPath.parse("global.codefresh.userToken.secretKeyRef"),
          "codefresh-api-key", "Codefresh API key"),
      new Slot(ValuesPath.parse("global.codefresh.tls.caCerts.secret.content"), ValuesPath.parse("global.codefresh.tls.caCerts.secretKeyRef"),
          "codefresh-ca-bundle", "CA bundle of the Codefresh platform"),
      new Slot(ValuesPath.parse("global.runtime.gitCredentials.password.value"), ValuesPath.parse("global.runtime.gitCredentials.password.secretKeyRef"),
          "git-runtime-token", "Git Runtime token"),
      new Slot(ValuesPath.parse("global.integrations.argo-cd.server.auth.password"),
          ValuesPath.parse("global.integrations.argo-cd.server.auth.passwordSecretKeyRef"),
          "argo-cd-password", "external Argo CD password"),
      new Slot(ValuesPath.parse("global.integrations.argo-cd.server.auth.token"),
          ValuesPath.parse("global.integrations.argo-cd.server.auth.tokenSecretKeyRef"),
          "argo-cd-token", "external Argo CD API token"));

  private SecretSlots() {}

  /**
   * The slot of a literal path.
   *
   * @param literal a values path
   * @return the slot, or empty when the path is not a secret slot
   */
  public static Optional<Slot> of(ValuesPath literal) {
    return ALL.stream().filter(s -> s.literal().equals(literal)).findFirst();
  }
}
