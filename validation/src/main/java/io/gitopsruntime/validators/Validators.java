package io.gitopsruntime.validators;

import io.gitopsruntime.validation.Validator;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in validators, ready for a validation chain.
 *
 * <pre>{@code
 * List<Validator> validators = Validators.all();          // offline rules, then remote checks
 * List<Validator> noProbe = Validators.all().stream()
 *     .filter(v -> !v.id().equals(IngressProbeValidator.ID)).toList();
 * }</pre>
 *
 * <p>Offline validators ({@link #offline()}) need only the values and always run. Remote validators
 * ({@link #remote()}) call the Codefresh platform, the Git provider and the ingress host; they use the
 * {@code okhttp3.OkHttpClient} and the fabric8 {@code KubernetesClient} attached to the
 * {@link io.gitopsruntime.validation.ValidationContext} when there are, and report an INFO finding for every
 * check they skip (offline, a skip flag, a Secret they cannot read without a cluster). Every validator
 * reports every problem it finds; none stops at the first.
 *
 * <p>Each finding carries a stable rule id: see {@link RuleIds} and the module's {@code RULES.md} for the
 * table of rules, severities and values paths. Each validator has a stable {@code ID} constant, so a chain
 * can remove or replace it. Cluster validators (Secrets exist, IngressClass, Kubernetes version,
 * permissions, capacity, existing runtime, Argo CRDs) will be added here as {@code ValidatorKind.CLUSTER}.
 *
 * <p>Stateless and thread-safe; every call returns a new immutable list of new validators.
 */
public final class Validators {
  private Validators() {}

  /**
   * The offline validators: names, access mode, account ID, API key, Git credentials, platform CA, URLs,
   * skip flags, the chart's render-time guards and stale keys.
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
        new DeprecatedKeysValidator());
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
   * Every built-in validator: {@link #offline()} followed by {@link #remote()}.
   *
   * @return the validators, in report order
   */
  public static List<Validator> all() {
    List<Validator> all = new ArrayList<>(offline());
    all.addAll(remote());
    return List.copyOf(all);
  }
}
