package io.gitopsruntime.validators;

import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.validation.Validator;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in validators, ready for a validation chain.
 *
 * <pre>{@code
 * List<Validator> validators = Validators.all();          // offline rules, cluster checks, remote checks
 * List<Validator> noProbe = Validators.all().stream()
 *     .filter(v -> !v.id().equals(Validators.INGRESS_PROBE_ID)).toList();
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
 * table of rules, severities and values paths. Each validator has a stable id, a constant here such as
 * {@link #PLATFORM_CA_ID}, so a chain can remove or replace it.
 *
 * <p>Stateless and thread-safe; every call returns a new immutable list of new validators.
 */
public final class Validators {
  private Validators() {}

  // the id of each built-in validator (Validator.id(), Finding.validatorId()), to remove or replace it
  /** The id of the names check: {@value}. */
  public static final String NAMES_ID = NamesValidator.ID;
  /** The id of the access mode check: {@value}. */
  public static final String ACCESS_MODE_ID = AccessModeValidator.ID;
  /** The id of the account ID check: {@value}. */
  public static final String ACCOUNT_ID_ID = AccountIdValidator.ID;
  /** The id of the user token check: {@value}. */
  public static final String USER_TOKEN_ID = UserTokenValidator.ID;
  /** The id of the Git credentials check: {@value}. */
  public static final String GIT_CREDENTIALS_ID = GitCredentialsValidator.ID;
  /** The id of the platform CA check: {@value}. */
  public static final String PLATFORM_CA_ID = PlatformCaValidator.ID;
  /** The id of the URLs check: {@value}. */
  public static final String URLS_ID = UrlsValidator.ID;
  /** The id of the skip flags check: {@value}. */
  public static final String SKIP_FLAGS_ID = SkipFlagsValidator.ID;
  /** The id of the chart guards check: {@value}. */
  public static final String CHART_GUARDS_ID = ChartGuardsValidator.ID;
  /** The id of the deprecated keys check: {@value}. */
  public static final String DEPRECATED_KEYS_ID = DeprecatedKeysValidator.ID;
  /** The id of the masked secrets check: {@value}. */
  public static final String MASKED_SECRETS_ID = MaskedSecretsValidator.ID;
  /** The id of the chart keys check: {@value}. */
  public static final String CHART_KEYS_ID = ChartKeysValidator.ID;
  /** The id of the Secret references check: {@value}. */
  public static final String SECRET_REFS_ID = SecretRefsValidator.ID;
  /** The id of the IngressClass check: {@value}. */
  public static final String INGRESS_CLASS_ID = IngressClassValidator.ID;
  /** The id of the Kubernetes version check: {@value}. */
  public static final String KUBERNETES_VERSION_ID = KubernetesVersionValidator.ID;
  /** The id of the permissions check: {@value}. */
  public static final String PERMISSIONS_ID = PermissionsValidator.ID;
  /** The id of the node capacity check: {@value}. */
  public static final String NODE_CAPACITY_ID = NodeCapacityValidator.ID;
  /** The id of the existing runtime check: {@value}. */
  public static final String EXISTING_RUNTIME_ID = ExistingRuntimeValidator.ID;
  /** The id of the Argo CRD ownership check: {@value}. */
  public static final String ARGO_CRD_OWNERSHIP_ID = ArgoCrdOwnershipValidator.ID;
  /** The id of the external Argo CD version check: {@value}. */
  public static final String EXTERNAL_ARGO_CD_VERSION_ID = ExternalArgoCdVersionValidator.ID;
  /** The id of the private registry check: {@value}. */
  public static final String PRIVATE_REGISTRY_ID = PrivateRegistryValidator.ID;
  /** The id of the image pull Secret check: {@value}. */
  public static final String PULL_SECRET_ID = PullSecretValidator.ID;
  /** The id of the platform check: {@value}. */
  public static final String PLATFORM_ID = PlatformValidator.ID;
  /** The id of the Git provider check: {@value}. */
  public static final String GIT_PROVIDER_ID = GitProviderValidator.ID;
  /** The id of the ingress probe check: {@value}. */
  public static final String INGRESS_PROBE_ID = IngressProbeValidator.ID;

  /**
   * The offline validators: names, access mode, account ID, API key, Git credentials, platform CA, URLs,
   * skip flags, the chart's render-time guards, stale keys, masked secrets, the types and names of the chart's
   * keys, and the private registry.
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
        new ChartKeysValidator(),
        new PrivateRegistryValidator());
  }

  /**
   * The cluster validators ({@code ValidatorKind.CLUSTER}): the referenced Secrets, the IngressClass, the
   * Kubernetes version, the installing user's permissions, node capacity, other runtimes and the runtime token,
   * Argo CRD ownership, the external Argo CD's version and the private registry's image pull Secret.
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
        new ExternalArgoCdVersionValidator(),
        new PullSecretValidator());
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
