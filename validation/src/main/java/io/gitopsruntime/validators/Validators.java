package io.gitopsruntime.validators;

import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.core.ValidatorChain;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in validators, ready for a validation chain.
 *
 * <pre>{@code
 * List<Validator> validators = Validators.all();          // offline rules, cluster checks, remote checks
 * List<Validator> noProbe = Validators.all().stream()
 *     .filter(v -> !v.id().equals(IngressProbeValidator.ID)).toList();
 * }</pre>
 *
 * <p>Offline validators ({@link #offline()}) need only the values and always run. Cluster validators
 * ({@link #cluster()}) read the target cluster through the fabric8 {@code KubernetesClient} attached to the
 * {@link io.gitopsruntime.validation.ValidationContext}. Remote validators ({@link #remote()}) call the Codefresh
 * platform, the Git provider and the ingress host; they use the {@code okhttp3.OkHttpClient} and the
 * {@code KubernetesClient} attached to the context when there are. Every validator that needs something it
 * lacks (a cluster client, the network, a check a skip flag turns off) reports an INFO finding that says so and
 * how to run it. Every validator reports every problem it finds; none stops at the first.
 *
 * <p>Each finding carries a stable rule id: see {@link RuleIds} and the module's {@code RULES.md} for the
 * table of rules, severities and values paths. Each validator has a stable {@code ID} constant, so a chain
 * can remove or replace it.
 *
 * <p>Stateless and thread-safe; every call returns a new immutable list of new validators.
 */
public final class Validators {
  private Validators() {}

  /**
   * The offline validators: names, access mode, account ID, API key, Git credentials, platform CA, URLs,
   * skip flags, the chart's render-time guards, stale keys, masked secrets, and the types and names of the chart's
   * keys.
   *
   * @return the validators, in report order
   */
  public static List<Validator> offline() {
    return List.of(
        new NamesValidator(),
        new AccessModeValidator(),
        new AccountIdValidator(),
        new UserTokenValidator(),
        new GitCredentialsValidator(),
        new PlatformCaValidator(),
        new UrlsValidator(),
        new SkipFlagsValidator(),
        new ChartGuardsValidator(),
        new DeprecatedKeysValidator(),
        new MaskedSecretsValidator(),
        new ChartKeysValidator());
  }

  /**
   * The cluster validators ({@code ValidatorKind.CLUSTER}): the referenced Secrets, the IngressClass, the
   * Kubernetes version, the installing user's permissions, node capacity, other runtimes and the runtime token,
   * Argo CRD ownership and the external Argo CD's version.
   *
   * @return the validators, in report order
   */
  public static List<Validator> cluster() {
    return List.of(
        new SecretRefsValidator(),
        new IngressClassValidator(),
        new KubernetesVersionValidator(),
        new PermissionsValidator(),
        new NodeCapacityValidator(),
        new ExistingRuntimeValidator(),
        new ArgoCrdOwnershipValidator(),
        new ExternalArgoCdVersionValidator());
  }

  /**
   * The remote validators: the Codefresh platform, the Git provider and the ingress probe.
   *
   * @return the validators, in report order
   */
  public static List<Validator> remote() {
    return List.of(new PlatformValidator(), new GitProviderValidator(), new IngressProbeValidator());
  }

  /**
   * A validator chain of every built-in validator, ready to run.
   *
   * <pre>{@code
   * Validators.standard().validateOffline(installation).throwIfErrors();
   * }</pre>
   *
   * @return the chain; reopen it with {@code toBuilder()} to add, remove or replace validators
   */
  public static ValidatorChain standard() {
    return ValidatorChain.builder().addAll(all()).build();
  }

  /**
   * Every built-in validator: {@link #offline()}, then {@link #cluster()}, then {@link #remote()}.
   *
   * @return the validators, in report order
   */
  public static List<Validator> all() {
    List<Validator> all = new ArrayList<>(offline());
    all.addAll(cluster());
    all.addAll(remote());
    return List.copyOf(all);
  }
}
