package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validators.internal.Pem;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The findings of {@link PlatformCaValidator}: the platform CA given as content or as a Secret reference. Thread-safe; no state. */
final class PlatformCaFindings {
  private PlatformCaFindings() {}

  /**
   * create=true without content.
   *
   * @return the finding
   */
  static Finding platformCaContentMissing() {
    return Finding.error(PLATFORM_CA_CONTENT_MISSING, "global.codefresh.tls.caCerts.secret.content",
        "The chart is asked to create the platform CA Secret (secret.create=true), but no certificate content"
            + " is given: Codefresh's validation hook refuses it, and the runtime would trust an empty bundle.",
        "Paste the platform's CA bundle (PEM) into global.codefresh.tls.caCerts.secret.content, or set"
            + " secret.create=false and use secretKeyRef.");
  }

  /**
   * CA content that is not PEM.
   *
   * @param problem what is wrong with the PEM
   * @return the finding
   */
  static Finding platformCaNotPem(Pem.BadPemException problem) {
    return Finding.error(PLATFORM_CA_PEM, "global.codefresh.tls.caCerts.secret.content",
        "The platform CA content is not a PEM certificate bundle: " + pemReason(problem)
            + "; the runtime and Codefresh's validation hook cannot trust the platform with it.",
        "Paste the CA certificates in PEM form, each from \"-----BEGIN CERTIFICATE-----\" to"
            + " \"-----END CERTIFICATE-----\".");
  }

  /**
   * An expired CA certificate.
   *
   * @param index its position in the bundle, from 1
   * @param subject its subject
   * @param notAfter when it expired
   * @return the finding
   */
  static Finding platformCaExpired(int index, String subject, java.time.Instant notAfter) {
    return Finding.warning(PLATFORM_CA_EXPIRED, "global.codefresh.tls.caCerts.secret.content",
        "Certificate " + index + " of the platform CA bundle (" + q(subject) + ") expired on "
            + LocalDate.ofInstant(notAfter, ZoneOffset.UTC) + ": connections through a chain that uses it fail.",
        "Replace it with the platform's current CA certificate.");
  }

  /**
   * Content while create is not true.
   *
   * @return the finding
   */
  static Finding platformCaContentIgnored() {
    return Finding.warning(PLATFORM_CA_IGNORED_CONTENT, "global.codefresh.tls.caCerts.secret.content",
        "The platform CA content is ignored: secret.create is not true, so the chart creates no Secret from it.",
        "Set global.codefresh.tls.caCerts.secret.create=true to use it, or remove the content.");
  }

  /**
   * An incomplete CA Secret reference.
   *
   * @param hasName whether the name is set
   * @param hasKey whether the key is set
   * @return the finding
   */
  static Finding platformCaIncompleteRef(boolean hasName, boolean hasKey) {
    return Finding.error(PLATFORM_CA_INCOMPLETE_REF,
        refPath("global.codefresh.tls.caCerts.secretKeyRef", hasName, hasKey),
        refGap("The Secret reference for the platform CA", hasName, hasKey)
            + ": the chart needs both to mount the bundle into the runtime's components.",
        "Set both name and key, for example secretKeyRef: {name: \"codefresh-ca\", key: \"ca-bundle.crt\"}.");
  }

  /**
   * create=true plus a complete reference.
   *
   * @return the finding
   */
  static Finding platformCaAmbiguous() {
    return Finding.warning(PLATFORM_CA_AMBIGUOUS, "global.codefresh.tls.caCerts.secretKeyRef",
        "Both secret.create=true and a secretKeyRef are given for the platform CA: Codefresh's validation hook"
            + " then uses only the content, so the two must hold the same bundle.",
        "Keep one: remove the secretKeyRef, or set secret.create=false to use the referenced Secret.");
  }
}
