package io.gitopsruntime.validators;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.internal.Chart;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.validators.internal.Paths;
import io.gitopsruntime.validators.internal.Pem;
import io.gitopsruntime.validators.internal.Raw;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.GitPasswordValues;
import io.gitopsruntime.values.SecretKeyRef;
import io.gitopsruntime.values.SecretValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the Git Runtime token ({@code global.runtime.gitCredentials}) and the Git server certificates:
 * a password (literal or complete Secret reference) needs a non-empty username; a reference needs both
 * name and key, as the chart requires, and never the reserved Secret {@code codefresh-token}; the
 * certificates in {@code argo-cd.configs.tls.certificates} and
 * {@code global.codefresh.tls.workflowPipelinesGitWebhooks.certificates} are keyed by bare host names and
 * hold PEM text. Notes when no token is given (it must then be added in the UI).
 *
 * <p>Rules: {@value RuleIds#GIT_CREDENTIALS_USERNAME}, {@value RuleIds#GIT_CREDENTIALS_INCOMPLETE_REF},
 * {@value RuleIds#GIT_CREDENTIALS_RESERVED_NAME}, {@value RuleIds#GIT_CREDENTIALS_AMBIGUOUS},
 * {@value RuleIds#GIT_CREDENTIALS_WHITESPACE}, {@value RuleIds#GIT_CREDENTIALS_MISSING},
 * {@value RuleIds#GIT_CA_HOST_KEY}, {@value RuleIds#GIT_CA_PEM}. Offline. Stateless and thread-safe.
 */
final class GitCredentialsValidator implements Validator {
  /** This validator's id. */
  static final String ID = "offline.git-credentials";

  private static final String ARGO_CD_CERTS = "argo-cd.configs.tls.certificates";
  private static final String WEBHOOK_CERTS = "global.codefresh.tls.workflowPipelinesGitWebhooks.certificates";

  /** Creates the validator. */
  GitCredentialsValidator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> validate(ValidationContext context) {
    GitOpsRuntimeValues values = context.values();
    Findings out = new Findings(ID);
    GitPasswordValues password = values.global().runtime().gitCredentials().password();
    Optional<SecretValue> literal = Chart.nonBlankSecret(password.value());
    Optional<SecretKeyRef> ref = Chart.given(password.secretKeyRef());
    if (literal.isEmpty() && ref.isEmpty()) {
      out.add(GitCredentialsFindings.gitCredentialsMissing());
    }
    if (literal.isEmpty() && ref.isPresent() && !ref.get().isComplete()) {
      out.add(GitCredentialsFindings.gitPasswordIncompleteRef(Chart.hasName(ref.get()), Chart.hasKey(ref.get())));
    }
    if (Chart.namesRuntimeTokenSecret(ref)) {
      out.add(GitCredentialsFindings.gitPasswordReservedName());
    }
    if (literal.isPresent() && ref.isPresent()) {
      out.add(GitCredentialsFindings.gitPasswordAmbiguous());
    }
    if (literal.isPresent() && Chart.hasStrayWhitespace(literal.get().reveal())) {
      out.add(GitCredentialsFindings.gitPasswordWhitespace());
    }
    if ((literal.isPresent() || ref.isPresent()) && Chart.gitUsername(values).isEmpty()) {
      out.add(GitCredentialsFindings.gitUsernameEmpty());
    }
    Optional<Map<String, Object>> argoCdCerts =
        Raw.mapAt(values.argoCd().additionalValues(), "configs", "tls", "certificates");
    if (argoCdCerts.isPresent()) {
      checkCertificates(ARGO_CD_CERTS, argoCdCerts.get(), out);
    }
    Optional<Map<String, Object>> webhookCerts =
        Raw.mapAt(values.global().codefresh().tls().additionalValues(), "workflowPipelinesGitWebhooks", "certificates");
    if (webhookCerts.isPresent()) {
      checkCertificates(WEBHOOK_CERTS, webhookCerts.get(), out);
    }
    return out.list();
  }

  private static void checkCertificates(String parent, Map<String, Object> certificates, Findings out) {
    for (Map.Entry<String, Object> certificate : certificates.entrySet()) {
      String key = certificate.getKey();
      Object raw = certificate.getValue();
      String path = Paths.child(parent, key);
      String host = hostOf(key);
      if (!host.equals(key)) {
        out.add(GitCredentialsFindings.gitCaHostKey(path, key, host));
      }
      if (Raw.isBlank(raw)) {
        continue;
      }
      if (!(raw instanceof String)) {
        out.add(GitCredentialsFindings.gitCaNotText(path, host, raw));
        continue;
      }
      try {
        Pem.parse((String) raw);
      } catch (Pem.BadPemException e) {
        out.add(GitCredentialsFindings.gitCaNotPem(path, host, e));
      }
    }
  }

  private static String hostOf(String key) {
    String s = key.strip();
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    int slash = s.indexOf('/');
    if (slash >= 0) {
      s = s.substring(0, slash);
    }
    int colon = s.lastIndexOf(':');
    if (colon >= 0 && s.indexOf(']') < colon) {
      s = s.substring(0, colon);
    }
    return s;
  }

  @Override
  public String toString() {
    return "Validator(" + ID + ")";
  }
}
