package io.gitopsruntime.validators;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.core.Redactor;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validation.ValidatorKind;
import io.gitopsruntime.validators.PlatformFindings.PlatformSkip;
import io.gitopsruntime.validators.PlatformFindings.TokenKind;
import io.gitopsruntime.validators.internal.Chart;
import io.gitopsruntime.validators.internal.ClusterSecrets;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.validators.internal.Http;
import io.gitopsruntime.validators.internal.NetErrors;
import io.gitopsruntime.validators.internal.PlatformClient.CallException;
import io.gitopsruntime.validators.internal.PlatformClient;
import io.gitopsruntime.validators.internal.Secrets;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Checks the installation against the Codefresh platform the way {@code cf helm validate} and
 * {@code cf account validate-usage} do, over GraphQL ({@code POST <global.codefresh.url>/2.0/api/graphql},
 * the raw API key in {@code Authorization}):
 *
 * <ul>
 *   <li>upgrade: when the namespace holds a {@code codefresh-token} Secret (read through the
 *       {@link KubernetesClient} attached to the context), the runtime of that token must exist
 *       ({@code GetRuntime}), and nothing else is checked;
 *   <li>otherwise the API key (a literal, or read from its Secret through the cluster) must be valid
 *       ({@code Me}), its user an admin of the active account, {@code global.codefresh.accountId} that
 *       account, and the runtime name not taken ({@code GetRuntime});
 *   <li>unless {@code installer.skipUsageValidation}, the account's plan must have room for another cluster
 *       ({@code LimitsStatus}, when the account's plan is enforced).
 * </ul>
 *
 * <p>The platform CA in {@code global.codefresh.tls.caCerts} is trusted on top of the system CAs.
 * {@code installer.skipValidation} skips all but the usage check; each skip is reported as an INFO finding
 * that says how to run the check. The HTTP client is the {@code OkHttpClient} attached to the context, or
 * one created and released for the run. The API key never appears in a finding or a log line.
 *
 * <p>Rules: {@value RuleIds#PLATFORM_SKIPPED}, {@value RuleIds#PLATFORM_UNREACHABLE},
 * {@value RuleIds#PLATFORM_TOKEN_INVALID}, {@value RuleIds#PLATFORM_API_ERROR}, {@value RuleIds#PLATFORM_ADMIN},
 * {@value RuleIds#PLATFORM_ACCOUNT_ID}, {@value RuleIds#PLATFORM_RUNTIME_EXISTS},
 * {@value RuleIds#PLATFORM_RUNTIME_MISSING}, {@value RuleIds#PLATFORM_UPGRADE}, {@value RuleIds#PLATFORM_USAGE},
 * {@value RuleIds#USER_TOKEN_SECRET}, {@value RuleIds#USER_TOKEN_WHITESPACE}, {@value RuleIds#PLATFORM_CA_SECRET}.
 * Kind {@link ValidatorKind#PLATFORM}. Stateless and thread-safe.
 */
final class PlatformValidator implements Validator {
  /** This validator's id. */
  static final String ID = "codefresh.platform";

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** Creates the validator. */
  PlatformValidator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ValidatorKind kind() {
    return ValidatorKind.PLATFORM;
  }

  @Override
  public Optional<Duration> timeout() {
    return Optional.of(TIMEOUT);
  }

  @Override
  public List<Finding> validate(ValidationContext context) {
    GitOpsRuntimeValues values = context.values();
    Findings out = new Findings(ID).redacting(Secrets.redactor(values));
    boolean identityOff = Chart.skipValidation(values);
    boolean usageOff = Chart.skipUsageValidation(values);
    if (identityOff && usageOff) {
      return out.add(PlatformFindings.platformSkipped(PlatformSkip.FLAGS)).list();
    }
    if (context.offline()) {
      return out.add(PlatformFindings.platformSkipped(PlatformSkip.OFFLINE)).list();
    }
    try (Http http = Http.from(context, TIMEOUT)) {
      PlatformAccess.Outcome endpoint = PlatformAccess.endpoint(context, http);
      if (endpoint instanceof PlatformAccess.Blocked) {
        return out.addAll(((PlatformAccess.Blocked) endpoint).findings()).list();
      }
      check(context, (PlatformAccess.Endpoint) endpoint, identityOff, usageOff, out);
    }
    return out.list();
  }

  private static void check(ValidationContext context, PlatformAccess.Endpoint endpoint, boolean identityOff,
      boolean usageOff, Findings out) {
    GitOpsRuntimeValues values = context.values();
    String namespace = context.installation().namespace();
    String name = context.installation().runtimeName();
    Redactor redactor = Secrets.redactor(values);
    Optional<KubernetesClient> cluster = context.service(KubernetesClient.class);

    if (cluster.isPresent()) {
      ClusterSecrets.Read runtimeToken =
          ClusterSecrets.read(cluster.get(), namespace, Chart.RUNTIME_TOKEN_SECRET, "token");
      if (runtimeToken instanceof ClusterSecrets.Found) {
        String token = ((ClusterSecrets.Found) runtimeToken).value().strip();
        out.redacting(token);
        PlatformClient platform = new PlatformClient(endpoint.http(), endpoint.url(), token, redactor);
        try {
          if (platform.runtime(name).isPresent()) {
            out.add(PlatformFindings.platformUpgrade(name, namespace));
          } else {
            out.add(PlatformFindings.platformRuntimeMissing(name, namespace));
          }
        } catch (CallException e) {
          out.add(callFailed(endpoint, "GetRuntime", e, TokenKind.RUNTIME_TOKEN, namespace));
        }
        return;
      }
    }

    Secrets.Resolved resolved = PlatformAccess.userToken(context);
    if (resolved instanceof Secrets.NeedsCluster) {
      out.add(PlatformFindings.platformSkipped(PlatformSkip.TOKEN_IN_SECRET));
      return;
    }
    if (resolved instanceof Secrets.Unreadable) {
      out.add(PlatformFindings.userTokenSecretUnreadable(((Secrets.Unreadable) resolved).failure()));
      return;
    }
    if (resolved instanceof Secrets.Unusable) {
      boolean literal = values.global().codefresh().userToken().token().filter(t -> !t.isBlankLiteral()).isPresent();
      out.add(PlatformFindings.platformSkipped(literal ? PlatformSkip.TOKEN_UNUSABLE : PlatformSkip.NO_TOKEN));
      return;
    }
    Secrets.Value token = (Secrets.Value) resolved;
    out.redacting(token.value());
    if (token.stripped()) {
      out.add(PlatformFindings.userTokenSecretWhitespace(
          values.global().codefresh().userToken().secretKeyRef().flatMap(r -> r.name()).orElse("").strip()));
    }
    PlatformClient platform = new PlatformClient(endpoint.http(), endpoint.url(), token.value(), redactor);
    PlatformClient.Me me;
    try {
      me = platform.me();
    } catch (CallException e) {
      out.add(callFailed(endpoint, "Me", e, TokenKind.API_KEY, namespace));
      return;
    }
    PlatformClient.Account account = me.account();
    if (identityOff) {
      out.add(PlatformFindings.platformIdentitySkipped());
    } else {
      if (!me.isAccountAdmin()) {
        out.add(PlatformFindings.platformNotAdmin(me.name(), account.name()));
      }
      Optional<String> accountId = values.global().codefresh().accountId().map(String::strip).filter(s -> !s.isEmpty());
      if (accountId.isPresent() && !accountId.get().equals(account.id())) {
        out.add(PlatformFindings.platformAccountMismatch(accountId.get(), account.name(), account.id()));
      } else if (accountId.isEmpty()) {
        out.add(PlatformFindings.platformAccountHint(account.name(), account.id()));
      }
      try {
        platform.runtime(name).ifPresent(existing -> out.add(PlatformFindings.platformRuntimeExists(name, account.name(),
            PlatformFindings.runtimeLocation(existing.namespace().orElse(""), existing.cluster().orElse("")),
            cluster.isPresent())));
      } catch (CallException e) {
        out.add(callFailed(endpoint, "GetRuntime", e, TokenKind.API_KEY, namespace));
      }
    }
    if (usageOff) {
      out.add(PlatformFindings.platformUsageSkipped());
    } else if (account.planEnforcement()) {
      try {
        PlatformClient.Limits limits = platform.limitsStatus();
        if (limits.limited() && limits.clusterLimit().isPresent()) {
          if (limits.usedClusters().isEmpty()) {
            out.add(PlatformFindings.platformUsageMissing(account.name()));
          } else if (limits.usedClusters().get() >= limits.clusterLimit().get()) {
            out.add(PlatformFindings.platformUsageLimit(account.name(), limits.usedClusters().get(),
                limits.clusterLimit().get()));
          }
        }
      } catch (CallException e) {
        out.add(callFailed(endpoint, "LimitsStatus", e, TokenKind.API_KEY, namespace));
      }
    }
  }

  private static Finding callFailed(PlatformAccess.Endpoint endpoint, String operation, CallException e,
      TokenKind token, String namespace) {
    switch (e.kind()) {
      case UNAUTHORIZED:
        return PlatformFindings.platformTokenRejected(endpoint.text(), token, namespace, e.getMessage());
      case TRANSPORT:
        return PlatformFindings.platformUnreachable(endpoint.text(), endpoint.url().host(),
            NetErrors.classify(e.transport().orElseThrow()));
      default:
        return PlatformFindings.platformApiError(endpoint.text(), operation, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "Validator(" + ID + ")";
  }
}
