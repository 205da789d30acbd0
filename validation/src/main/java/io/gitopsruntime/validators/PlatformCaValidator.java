package io.gitopsruntime.validators;

import io.gitopsruntime.core.ChartDefaults;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.internal.Chart;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.validators.internal.Pem;
import io.gitopsruntime.validators.internal.Raw;
import io.gitopsruntime.values.CaCertSecretValues;
import io.gitopsruntime.values.CaCertsValues;
import io.gitopsruntime.values.SecretKeyRef;
import io.gitopsruntime.values.SecretValue;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checks the platform's CA settings ({@code global.codefresh.tls.caCerts}): {@code secret.create=true}
 * needs content; content must be a PEM bundle that parses (expired certificates are reported); content
 * without {@code create=true} is ignored by the chart; a Secret reference needs both name and key.
 *
 * <p>Rules: {@value RuleIds#PLATFORM_CA_CONTENT_MISSING}, {@value RuleIds#PLATFORM_CA_PEM},
 * {@value RuleIds#PLATFORM_CA_EXPIRED}, {@value RuleIds#PLATFORM_CA_IGNORED_CONTENT},
 * {@value RuleIds#PLATFORM_CA_INCOMPLETE_REF}, {@value RuleIds#PLATFORM_CA_AMBIGUOUS}. Offline; uses the
 * context's clock for expiry. Stateless and thread-safe.
 */
final class PlatformCaValidator implements Validator {
  /** This validator's id. */
  static final String ID = "offline.platform-ca";

  /** Creates the validator. */
  PlatformCaValidator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> validate(ValidationContext context) {
    CaCertsValues ca = context.values().global().codefresh().tls().caCerts();
    CaCertSecretValues secret = ca.secret();
    Findings out = new Findings(ID);
    boolean create = Raw.bool(secret.create(), secret.additionalValues(), "create",
        ChartDefaults.bool("global.codefresh.tls.caCerts.secret.create"));
    Optional<SecretValue> given = Chart.nonBlankSecret(secret.content());
    Optional<String> content = given.isPresent() ? Optional.of(given.get().reveal()) : Optional.empty();
    Optional<SecretKeyRef> ref = Chart.given(ca.secretKeyRef());
    if (create && content.isEmpty()) {
      out.add(PlatformCaFindings.platformCaContentMissing());
    }
    if (content.isPresent()) {
      try {
        List<X509Certificate> certificates = Pem.parse(content.get());
        Instant now = context.clock().instant();
        for (int i = 0; i < certificates.size(); i++) {
          X509Certificate c = certificates.get(i);
          if (c.getNotAfter().toInstant().isBefore(now)) {
            out.add(PlatformCaFindings.platformCaExpired(i + 1, c.getSubjectX500Principal().getName(),
                c.getNotAfter().toInstant()));
          }
        }
      } catch (Pem.BadPemException e) {
        out.add(PlatformCaFindings.platformCaNotPem(e));
      }
      if (!create) {
        out.add(PlatformCaFindings.platformCaContentIgnored());
      }
    }
    if (ref.isPresent() && !ref.get().isComplete()) {
      out.add(PlatformCaFindings.platformCaIncompleteRef(Chart.hasName(ref.get()), Chart.hasKey(ref.get())));
    }
    if (create && ref.isPresent() && ref.get().isComplete()) {
      out.add(PlatformCaFindings.platformCaAmbiguous());
    }
    return out.list();
  }

  @Override
  public String toString() {
    return "Validator(" + ID + ")";
  }
}
