package io.gitopsruntime.validators;

import io.gitopsruntime.NameRules;

/**
 * The id of every rule the built-in validators report, as {@link io.gitopsruntime.validation.Finding#ruleId()}.
 *
 * <p>Rule ids are API: JSON output exposes them and users suppress findings by them, so an id never changes
 * meaning and is never reused. The module's {@code RULES.md} lists each with its severity, values path and
 * what it checks.
 *
 * <pre>{@code
 * report.findings().stream().filter(f -> !f.ruleId().equals(RuleIds.ACCESS_MODE_IGNORED)).toList();
 * }</pre>
 *
 * <p>Constants only; thread-safe.
 */
public final class RuleIds {
  private RuleIds() {}

  // names (shared with the installation builder)
  /** The runtime name is malformed. */
  public static final String RUNTIME_NAME_FORMAT = NameRules.RUNTIME_NAME;
  /** The namespace is malformed. */
  public static final String NAMESPACE_FORMAT = NameRules.NAMESPACE;
  /** The release name is malformed. */
  public static final String RELEASE_NAME_FORMAT = NameRules.RELEASE_NAME;
  /** The chart version is malformed. */
  public static final String CHART_VERSION_FORMAT = NameRules.CHART_VERSION;
  /** The values file set {@code global.runtime.name} to nothing, so the default name is used. */
  public static final String RUNTIME_NAME_DEFAULTED = "runtime-name.defaulted";

  // access mode
  /** Both the ingress and the HTTPRoute access modes are on. */
  public static final String ACCESS_MODE_AMBIGUOUS = "access-mode.ambiguous";
  /** Ingress mode without a usable {@code hosts[0]}. */
  public static final String ACCESS_MODE_INGRESS_HOSTS = "access-mode.ingress.hosts";
  /** An ingress host or HTTPRoute host name is not a bare host name. */
  public static final String ACCESS_MODE_HOST_FORMAT = "access-mode.host-format";
  /** Ingress mode without an IngressClass name. */
  public static final String ACCESS_MODE_INGRESS_CLASS_NAME = "access-mode.ingress.class-name";
  /** The ingress protocol is neither {@code http} nor {@code https}. */
  public static final String ACCESS_MODE_INGRESS_PROTOCOL = "access-mode.ingress.protocol";
  /** HTTPRoute mode without parent Gateways, or one without a name. */
  public static final String ACCESS_MODE_HTTP_ROUTE_PARENT_REFS = "access-mode.http-route.parent-refs";
  /** HTTPRoute mode without a usable {@code hostnames[0]}. */
  public static final String ACCESS_MODE_HTTP_ROUTE_HOSTNAMES = "access-mode.http-route.hostnames";
  /** The HTTPRoute protocol is neither {@code http} nor {@code https}. */
  public static final String ACCESS_MODE_HTTP_ROUTE_PROTOCOL = "access-mode.http-route.protocol";
  /** Service-mesh mode without {@code global.runtime.ingressUrl}. */
  public static final String ACCESS_MODE_INGRESS_URL = "access-mode.ingress-url";
  /** {@code global.runtime.ingressUrl} is not an absolute http(s) URL. */
  public static final String ACCESS_MODE_INGRESS_URL_FORMAT = "access-mode.ingress-url.format";
  /** An access-mode setting the chart silently ignores in the selected mode. */
  public static final String ACCESS_MODE_IGNORED = "access-mode.ignored";
  /** The tunnel access mode with an on-premises platform. */
  public static final String ACCESS_MODE_TUNNEL_ON_PREM = "access-mode.tunnel.on-prem";

  // account
  /** {@code global.codefresh.accountId} is missing where the chart needs it. */
  public static final String ACCOUNT_ID_MISSING = "account-id.missing";
  /** {@code global.codefresh.accountId} does not look like an account id. */
  public static final String ACCOUNT_ID_FORMAT = "account-id.format";

  // user token
  /** Neither a literal API key nor a Secret reference. */
  public static final String USER_TOKEN_MISSING = "user-token.missing";
  /** The API key's Secret reference lacks a name or a key. */
  public static final String USER_TOKEN_INCOMPLETE_REF = "user-token.incomplete-ref";
  /** The API key's Secret reference uses the reserved name {@code codefresh-token}. */
  public static final String USER_TOKEN_RESERVED_NAME = "user-token.reserved-name";
  /** Both a literal API key and a Secret reference; the reference is ignored. */
  public static final String USER_TOKEN_AMBIGUOUS = "user-token.ambiguous";
  /** The literal API key has surrounding whitespace or control characters. */
  public static final String USER_TOKEN_WHITESPACE = "user-token.whitespace";
  /** The API key's Secret could not be read from the cluster. */
  public static final String USER_TOKEN_SECRET = "user-token.secret";

  // git credentials
  /** A Git password without a username. */
  public static final String GIT_CREDENTIALS_USERNAME = "git-credentials.username";
  /** The Git password's Secret reference lacks a name or a key. */
  public static final String GIT_CREDENTIALS_INCOMPLETE_REF = "git-credentials.incomplete-ref";
  /** The Git password's Secret reference uses the reserved name {@code codefresh-token}. */
  public static final String GIT_CREDENTIALS_RESERVED_NAME = "git-credentials.reserved-name";
  /** Both a literal Git password and a Secret reference; the reference is ignored. */
  public static final String GIT_CREDENTIALS_AMBIGUOUS = "git-credentials.ambiguous";
  /** The literal Git password has surrounding whitespace or control characters. */
  public static final String GIT_CREDENTIALS_WHITESPACE = "git-credentials.whitespace";
  /** No Git Runtime token is given; it must be added later. */
  public static final String GIT_CREDENTIALS_MISSING = "git-credentials.missing";
  /** The Git password's Secret could not be read from the cluster. */
  public static final String GIT_CREDENTIALS_SECRET = "git-credentials.secret";
  /** A key of {@code argo-cd.configs.tls.certificates} is not a bare host name. */
  public static final String GIT_CA_HOST_KEY = "git-ca.host-key";
  /** A Git server certificate is not a PEM certificate. */
  public static final String GIT_CA_PEM = "git-ca.pem";

  // platform CA
  /** {@code tls.caCerts.secret.create} without content. */
  public static final String PLATFORM_CA_CONTENT_MISSING = "platform-ca.content-missing";
  /** The platform CA content is not a PEM certificate bundle. */
  public static final String PLATFORM_CA_PEM = "platform-ca.pem";
  /** A platform CA certificate has expired. */
  public static final String PLATFORM_CA_EXPIRED = "platform-ca.expired";
  /** Platform CA content that the chart ignores because {@code create} is not true. */
  public static final String PLATFORM_CA_IGNORED_CONTENT = "platform-ca.ignored-content";
  /** The platform CA's Secret reference lacks a name or a key. */
  public static final String PLATFORM_CA_INCOMPLETE_REF = "platform-ca.incomplete-ref";
  /** Both a created CA Secret and a Secret reference; the reference is ignored. */
  public static final String PLATFORM_CA_AMBIGUOUS = "platform-ca.ambiguous";
  /** The platform CA's Secret could not be read from the cluster. */
  public static final String PLATFORM_CA_SECRET = "platform-ca.secret";

  // URLs
  /** {@code global.codefresh.url} is not an absolute http(s) URL. */
  public static final String PLATFORM_URL_FORMAT = "platform-url.format";
  /** {@code global.codefresh.url} uses plain http. */
  public static final String PLATFORM_URL_INSECURE = "platform-url.insecure";
  /** A proxy setting is not a usable proxy URL or list. */
  public static final String PROXY_FORMAT = "proxy.format";
  /** Proxies without {@code global.noProxy}. */
  public static final String PROXY_NO_PROXY = "proxy.no-proxy";

  // skip flags
  /** {@code app-proxy.config.skipGitPermissionValidation} holds neither "true" nor "false". */
  public static final String SKIP_FLAGS_GIT_PERMISSION_VALUE = "skip-flags.git-permission-value";
  /** A skip flag that has no effect with the other values. */
  public static final String SKIP_FLAGS_NO_EFFECT = "skip-flags.no-effect";
  /** {@code installer.skipValidation}: what Codefresh's hook will no longer check. */
  public static final String SKIP_FLAGS_HOOK_SKIPPED = "skip-flags.hook-skipped";

  // external Argo CD and other chart guards
  /** External Argo CD without a server Service name or port. */
  public static final String EXTERNAL_ARGO_CD_SERVER = "external-argo-cd.server";
  /** External Argo CD without a repo server Service name or port. */
  public static final String EXTERNAL_ARGO_CD_REPO_SERVER = "external-argo-cd.repo-server";
  /** The Argo CD auth type is neither {@code password} nor {@code token}. */
  public static final String EXTERNAL_ARGO_CD_AUTH_TYPE = "external-argo-cd.auth-type";
  /** Token auth without a token or a complete Secret reference. */
  public static final String EXTERNAL_ARGO_CD_TOKEN = "external-argo-cd.token";
  /** Password auth with an incomplete password Secret reference. */
  public static final String EXTERNAL_ARGO_CD_PASSWORD = "external-argo-cd.password";
  /** External Argo CD with the bundled Argo CD's Service names. */
  public static final String EXTERNAL_ARGO_CD_DEFAULTS = "external-argo-cd.defaults";
  /** Image enrichment on while Argo Workflows is off. */
  public static final String CHART_IMAGE_ENRICHMENT = "chart.image-enrichment";
  /** Several app-proxy replicas without Redis. */
  public static final String CHART_APP_PROXY_REDIS = "chart.app-proxy-redis";
  /** A PodDisruptionBudget without minAvailable or maxUnavailable. */
  public static final String CHART_PDB = "chart.pdb";
  /** An env block the chart's templates cannot render. */
  public static final String CHART_ENV = "chart.env";

  // stale keys
  /** A key the current chart no longer reads. */
  public static final String VALUES_DEPRECATED_KEY = "values.deprecated-key";
  /** A key the chart has but never reads. */
  public static final String VALUES_IGNORED_KEY = "values.ignored-key";
  /** A secret slot holds the mask {@code ****} that an export with secrets masked writes. */
  public static final String SECRETS_MASKED = "secrets.masked";

  // the chart's keys
  /** A key of the chart whose value is not of the type of the chart's default. */
  public static final String VALUES_CHART_TYPE = "values.chart-type";
  /** A top-level key that neither the chart nor any subchart reads. */
  public static final String VALUES_UNKNOWN_KEY = "values.unknown-key";

  // Git setup URLs
  /** A Shared Configuration Repository URL that is not of the form {@code <repo_url>.git[/<path>][?ref=<branch>]}. */
  public static final String SHARED_CONFIG_REPO_FORMAT = "shared-config-repo.format";
  /** A Shared Configuration Repository URL without {@code .git}. */
  public static final String SHARED_CONFIG_REPO_GIT_SUFFIX = "shared-config-repo.git-suffix";
  /** A Git API URL that cannot be used. */
  public static final String GIT_API_URL_FORMAT = "git-api-url.format";
  /** A Git API URL whose host contradicts the provider. */
  public static final String GIT_API_URL_PROVIDER = "git-api-url.provider";
  /** A Git API URL whose path is not the provider's usual API path. */
  public static final String GIT_API_URL_PATH = "git-api-url.path";
  /** An on-premises repository without a Git API URL. */
  public static final String GIT_API_URL_MISSING = "git-api-url.missing";

  // Codefresh platform
  /** The platform check was skipped. */
  public static final String PLATFORM_SKIPPED = "platform.skipped";
  /** The platform could not be reached. */
  public static final String PLATFORM_UNREACHABLE = "platform.unreachable";
  /** The platform rejected the API key or runtime token. */
  public static final String PLATFORM_TOKEN_INVALID = "platform.token-invalid";
  /** The platform answered with an error. */
  public static final String PLATFORM_API_ERROR = "platform.api-error";
  /** The API key's user is not an admin of the account. */
  public static final String PLATFORM_ADMIN = "platform.admin";
  /** {@code global.codefresh.accountId} is not the API key's account. */
  public static final String PLATFORM_ACCOUNT_ID = "platform.account-id";
  /** A runtime of this name already exists in the account. */
  public static final String PLATFORM_RUNTIME_EXISTS = "platform.runtime-exists";
  /** Upgrade: the runtime the namespace's {@code codefresh-token} belongs to does not exist. */
  public static final String PLATFORM_RUNTIME_MISSING = "platform.runtime-missing";
  /** Upgrade: the namespace holds a {@code codefresh-token} Secret, so the runtime token was checked. */
  public static final String PLATFORM_UPGRADE = "platform.upgrade";
  /** The account's cluster limit is reached, or the usage check was skipped. */
  public static final String PLATFORM_USAGE = "platform.usage";

  // Git provider
  /** The Git token check was skipped. */
  public static final String GIT_SKIPPED = "git.skipped";
  /** The account's Git provider is not supported by Codefresh's validation. */
  public static final String GIT_PROVIDER_UNSUPPORTED = "git.provider-unsupported";
  /** The account's Git API URL does not fit its provider. */
  public static final String GIT_API_URL = "git.api-url";
  /** A fine-grained GitHub token, which Codefresh's validation cannot check. */
  public static final String GIT_TOKEN_FINE_GRAINED = "git.token-fine-grained";
  /** The Git provider rejected the token. */
  public static final String GIT_TOKEN_INVALID = "git.token-invalid";
  /** The token lacks required scopes or permissions. */
  public static final String GIT_TOKEN_SCOPES = "git.token-scopes";
  /** A GitLab project access token, which Codefresh refuses. */
  public static final String GIT_TOKEN_PROJECT = "git.token-project";
  /** The Git provider could not be reached. */
  public static final String GIT_UNREACHABLE = "git.unreachable";
  /** The Git provider answered with something unexpected. */
  public static final String GIT_API_ERROR = "git.api-error";

  // ingress probe
  /** The ingress probe was skipped. */
  public static final String INGRESS_PROBE_SKIPPED = "ingress.probe.skipped";
  /** The ingress host could not be reached. */
  public static final String INGRESS_UNREACHABLE = "ingress.unreachable";

  // cluster checks
  /** A cluster check did not run (no Kubernetes client, offline, a skip flag). */
  public static final String CLUSTER_SKIPPED = "cluster.skipped";
  /** A Kubernetes API call a cluster check needed failed. */
  public static final String CLUSTER_API_ERROR = "cluster.api-error";
  /** A Secret a {@code secretKeyRef} of the values names is missing, lacks the key, or the value is empty. */
  public static final String CLUSTER_SECRET_REF = "cluster.secret-ref";
  /** The ingress access mode's IngressClass does not exist. */
  public static final String CLUSTER_INGRESS_CLASS = "cluster.ingress-class";
  /** The Kubernetes server is older than 1.23, or its version cannot be read. */
  public static final String CLUSTER_KUBERNETES_VERSION = "cluster.kubernetes-version";
  /** The installing user lacks permissions the chart needs. */
  public static final String CLUSTER_PERMISSIONS = "cluster.permissions";
  /** No node offers 2 CPUs and 5000 MB of memory. */
  public static final String CLUSTER_NODE_CAPACITY = "cluster.node-capacity";
  /** Another GitOps Runtime is installed in the cluster. */
  public static final String CLUSTER_EXISTING_RUNTIME = "cluster.existing-runtime";
  /** The release namespace holds a runtime token: an upgrade, or a leftover. */
  public static final String CLUSTER_RUNTIME_TOKEN = "cluster.runtime-token";
  /** An Argo Project CRD the chart installs exists without this release's Helm ownership. */
  public static final String CLUSTER_ARGO_CRD_OWNERSHIP = "cluster.argo-crd-ownership";
  /** The external Argo CD's server cannot be found, asked, or understood. */
  public static final String CLUSTER_ARGO_CD_SERVER = "cluster.argo-cd-server";
  /** The external Argo CD's version is outside the chart's supported range. */
  public static final String CLUSTER_ARGO_CD_VERSION = "cluster.argo-cd-version";
  /** The private registry's image pull Secret is missing from the release namespace, or of another type. */
  public static final String CLUSTER_PULL_SECRET = "cluster.pull-secret";

  // private registry
  /** The installation names a private registry whose override values are not in its values. */
  public static final String PRIVATE_REGISTRY_NOT_APPLIED = "private-registry.not-applied";
  /** A private registry with the tunnel access mode, which needs egress to Codefresh. */
  public static final String PRIVATE_REGISTRY_TUNNEL = "private-registry.tunnel";
}
