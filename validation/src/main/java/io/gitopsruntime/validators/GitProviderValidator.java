package io.gitopsruntime.validators;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.core.Redactor;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validation.ValidatorKind;
import io.gitopsruntime.validators.GitProviderFindings.GitSkip;
import io.gitopsruntime.validators.internal.Chart;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.validators.internal.Http;
import io.gitopsruntime.validators.internal.Pem;
import io.gitopsruntime.validators.internal.PlatformClient.CallException;
import io.gitopsruntime.validators.internal.PlatformClient;
import io.gitopsruntime.validators.internal.Raw;
import io.gitopsruntime.validators.internal.Secrets;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.SecretValue;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Checks that the Git Runtime token ({@code global.runtime.gitCredentials}) has what the runtime needs on
 * the account's Git provider, as Codefresh's hook does: it asks the platform for the account's
 * {@code gitProvider} and {@code gitApiUrl} ({@code Me}), then GitHub / GitHub Enterprise need the scopes
 * {@code repo} and {@code admin:repo_hook} (fine-grained tokens cannot be checked and are reported with what
 * to do), GitLab the {@code api} scope (project tokens are refused), Bitbucket Cloud its four permission
 * groups, Bitbucket Data Center the Project admin permission. A Git server CA is taken from
 * {@code argo-cd.configs.tls.certificates[<host of the API URL>]}.
 *
 * <p>Runs only when a Git password is given; skipped, with an INFO finding that says what the token still
 * needs, when {@code app-proxy.config.skipGitPermissionValidation} is {@code "true"}, and when
 * {@code installer.skipValidation} is true.
 *
 * <p>Rules: {@value RuleIds#GIT_SKIPPED}, {@value RuleIds#GIT_PROVIDER_UNSUPPORTED}, {@value RuleIds#GIT_API_URL},
 * {@value RuleIds#GIT_TOKEN_FINE_GRAINED}, {@value RuleIds#GIT_TOKEN_INVALID}, {@value RuleIds#GIT_TOKEN_SCOPES},
 * {@value RuleIds#GIT_TOKEN_PROJECT}, {@value RuleIds#GIT_UNREACHABLE}, {@value RuleIds#GIT_API_ERROR},
 * {@value RuleIds#GIT_CREDENTIALS_SECRET}, {@value RuleIds#GIT_CREDENTIALS_WHITESPACE}. Kind
 * {@link ValidatorKind#GIT_PROVIDER}. Stateless and thread-safe.
 */
final class GitProviderValidator implements Validator {
  /** This validator's id. */
  static final String ID = "git.provider";

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** Creates the validator. */
  GitProviderValidator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ValidatorKind kind() {
    return ValidatorKind.GIT_PROVIDER;
  }

  @Override
  public Optional<Duration> timeout() {
    return Optional.of(TIMEOUT);
  }

  @Override
  public List<Finding> validate(ValidationContext context) {
    GitOpsRuntimeValues values = context.values();
    Findings out = new Findings(ID).redacting(Secrets.redactor(values));
    Optional<SecretValue> password = Chart.gitPassword(values);
    if (password.isEmpty()) {
      return out.list();
    }
    if (Chart.skipValidation(values)) {
      return out.add(GitProviderFindings.gitSkipped(GitSkip.HOOK_OFF)).list();
    }
    if (Chart.skipGitPermissionValidation(values)) {
      return out.add(GitProviderFindings.gitPermissionCheckSkipped()).list();
    }
    if (context.offline()) {
      return out.add(GitProviderFindings.gitSkipped(GitSkip.OFFLINE)).list();
    }
    Optional<String> username = Chart.gitUsername(values);
    if (username.isEmpty()) {
      return out.add(GitProviderFindings.gitSkipped(GitSkip.NO_USERNAME)).list();
    }
    Secrets.Resolved resolved = Secrets.resolve(password, context.service(KubernetesClient.class),
        context.installation().namespace());
    if (resolved instanceof Secrets.NeedsCluster) {
      return out.add(GitProviderFindings.gitSkipped(GitSkip.PASSWORD_IN_SECRET)).list();
    }
    if (resolved instanceof Secrets.Unreadable) {
      return out.add(GitProviderFindings.gitPasswordSecretUnreadable(((Secrets.Unreadable) resolved).failure())).list();
    }
    if (resolved instanceof Secrets.Unusable) {
      return out.add(GitProviderFindings.gitSkipped(GitSkip.PASSWORD_UNUSABLE)).list();
    }
    Secrets.Value token = (Secrets.Value) resolved;
    out.redacting(token.value());
    if (token.stripped()) {
      out.add(GitProviderFindings.gitPasswordSecretWhitespace(values.global().runtime().gitCredentials().password()
          .secretKeyRef().flatMap(r -> r.name()).orElse("").strip()));
    }
    try (Http http = Http.from(context, TIMEOUT)) {
      check(context, http, username.get(), token.value(), out);
    }
    return out.list();
  }

  private static void check(ValidationContext context, Http http, String username, String password, Findings out) {
    GitOpsRuntimeValues values = context.values();
    Redactor redactor = Secrets.redactor(values).plus(password);
    PlatformAccess.Outcome endpoint = PlatformAccess.endpoint(context, http);
    Secrets.Resolved apiKey = PlatformAccess.userToken(context);
    if (!(endpoint instanceof PlatformAccess.Endpoint) || !(apiKey instanceof Secrets.Value)) {
      out.add(GitProviderFindings.gitSkipped(GitSkip.NO_PLATFORM));
      return;
    }
    out.redacting(((Secrets.Value) apiKey).value());
    PlatformAccess.Endpoint platform = (PlatformAccess.Endpoint) endpoint;
    PlatformClient.Me me;
    try {
      me = new PlatformClient(platform.http(), platform.url(), ((Secrets.Value) apiKey).value(), redactor).me();
    } catch (CallException e) {
      out.add(GitProviderFindings.gitSkipped(GitSkip.NO_PLATFORM));
      return;
    }
    PlatformClient.Account account = me.account();
    if (account.gitProvider().isEmpty() || account.gitApiUrl().isEmpty()) {
      out.add(GitProviderFindings.gitNoProviderYet(account.name()));
      return;
    }
    Optional<GitProvider> provider = GitProvider.fromPlatformName(account.gitProvider().get());
    if (provider.isEmpty()) {
      out.add(GitProviderFindings.gitProviderUnsupported(account.name(), account.gitProvider().get()));
      return;
    }
    String apiUrl = account.gitApiUrl().get();
    Optional<Finding> urlProblem = GitApiUrl.check(provider.get(), apiUrl).stream()
        .filter(f -> f.severity() == Severity.ERROR).findFirst();
    if (urlProblem.isPresent()) {
      out.add(GitProviderFindings.gitAccountApiUrl(urlProblem.get()));
      return;
    }
    GitApiUrl api = GitApiUrl.of(provider.get(), apiUrl);
    List<X509Certificate> certificates = List.of();
    Optional<Object> pem = Raw.mapAt(values.argoCd().additionalValues(), "configs", "tls", "certificates")
        .flatMap(certs -> Optional.ofNullable(certs.get(api.host())))
        .filter(raw -> !Raw.isBlank(raw));
    if (pem.isPresent()) {
      try {
        if (!(pem.get() instanceof String)) {
          out.add(GitProviderFindings.gitSkipped(GitSkip.CA_UNUSABLE));
          return;
        }
        certificates = Pem.parse((String) pem.get());
      } catch (Pem.BadPemException e) {
        out.add(GitProviderFindings.gitSkipped(GitSkip.CA_UNUSABLE));
        return;
      }
    }
    out.addAll(GitChecks.verify(http.trusting(certificates), api, username, password, redactor));
  }

  @Override
  public String toString() {
    return "Validator(" + ID + ")";
  }
}
