package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.codefresh;
import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.CaCertSecretValues;
import io.gitopsruntime.values.CaCertsValues;
import io.gitopsruntime.values.SecretKeyRef;
import io.gitopsruntime.values.SecretValue;
import java.time.Instant;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlatformCaValidatorTest {
  private static final String ID = PlatformCaValidator.ID;
  private static final String CONTENT = "global.codefresh.tls.caCerts.secret.content";
  private static final String PEM = new HeldCertificate.Builder().commonName("platform-ca").certificateAuthority(0)
      .build().certificatePem();

  private final PlatformCaValidator validator = new PlatformCaValidator();

  private List<Finding> run(CaCertsValues ca) throws Exception {
    return Fixtures.run(validator, v -> codefresh(v, c -> c.withTls(c.tls().withCaCerts(ca))));
  }

  private static CaCertsValues created(String content) {
    return CaCertsValues.builder()
        .secret(CaCertSecretValues.builder().create(true).content(SecretValue.of(content)).build()).build();
  }

  @Nested
  class Valid {
    @Test
    void acceptsNoCa() throws Exception {
      assertThat(Fixtures.run(validator, v -> v)).isEmpty();
    }

    @Test
    void acceptsACreatedSecretWithPem() throws Exception {
      assertThat(run(created(PEM + PEM))).isEmpty();
    }

    @Test
    void acceptsACompleteSecretReference() throws Exception {
      assertThat(run(CaCertsValues.builder().secretKeyRef(SecretKeyRef.of("codefresh-ca", "ca.crt")).build()))
          .isEmpty();
    }
  }

  @Nested
  class Invalid {
    @Test
    void requiresContentWhenTheChartCreatesTheSecret() throws Exception {
      assertThat(run(CaCertsValues.builder().secret(CaCertSecretValues.builder().create(true).build()).build()))
          .containsExactly(error(ID, "platform-ca.content-missing", CONTENT,
              "The chart is asked to create the platform CA Secret (secret.create=true), but no certificate content"
                  + " is given: Codefresh's validation hook refuses it, and the runtime would trust an empty bundle.",
              "Paste the platform's CA bundle (PEM) into global.codefresh.tls.caCerts.secret.content, or set"
                  + " secret.create=false and use secretKeyRef."));
    }

    @Test
    void rejectsContentThatIsNotPem() throws Exception {
      assertThat(run(created("MIIDdzCCAl+gAwIBAgIE"))).containsExactly(error(ID, "platform-ca.pem", CONTENT,
          "The platform CA content is not a PEM certificate bundle: it has no \"-----BEGIN CERTIFICATE-----\" line;"
              + " the runtime and Codefresh's validation hook cannot trust the platform with it.",
          "Paste the CA certificates in PEM form, each from \"-----BEGIN CERTIFICATE-----\" to"
              + " \"-----END CERTIFICATE-----\"."));
    }

    @Test
    void rejectsAPemBlockThatDoesNotParse() throws Exception {
      assertThat(run(created(PEM + "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n")))
          .extracting(Finding::message).containsExactly(
              "The platform CA content is not a PEM certificate bundle: certificate 2 of the bundle does not parse"
                  + " as X.509; the runtime and Codefresh's validation hook cannot trust the platform with it.");
    }

    @Test
    void warnsAboutAnExpiredCertificate() throws Exception {
      String expired = new HeldCertificate.Builder().commonName("old-ca").certificateAuthority(0)
          .validityInterval(Instant.parse("2020-01-01T00:00:00Z").toEpochMilli(),
              Instant.parse("2025-06-30T00:00:00Z").toEpochMilli())
          .build().certificatePem();

      assertThat(run(created(PEM + expired))).containsExactly(warning(ID, "platform-ca.expired", CONTENT,
          "Certificate 2 of the platform CA bundle (\"CN=old-ca\") expired on 2025-06-30: connections through a"
              + " chain that uses it fail.",
          "Replace it with the platform's current CA certificate."));
    }

    @Test
    void warnsThatContentWithoutCreateIsIgnored() throws Exception {
      assertThat(run(CaCertsValues.builder()
          .secret(CaCertSecretValues.builder().content(SecretValue.of(PEM)).build()).build()))
          .containsExactly(warning(ID, "platform-ca.ignored-content", CONTENT,
              "The platform CA content is ignored: secret.create is not true, so the chart creates no Secret from"
                  + " it.",
              "Set global.codefresh.tls.caCerts.secret.create=true to use it, or remove the content."));
    }

    @Test
    void requiresBothNameAndKeyOfTheReference() throws Exception {
      assertThat(run(CaCertsValues.builder().secretKeyRef(SecretKeyRef.builder().key("ca.crt").build()).build()))
          .containsExactly(error(ID, "platform-ca.incomplete-ref", "global.codefresh.tls.caCerts.secretKeyRef.name",
              "The Secret reference for the platform CA has no name: the chart needs both to mount the bundle into"
                  + " the runtime's components.",
              "Set both name and key, for example secretKeyRef: {name: \"codefresh-ca\", key: \"ca-bundle.crt\"}."));
    }

    @Test
    void warnsWhenBothACreatedSecretAndAReferenceAreGiven() throws Exception {
      assertThat(run(CaCertsValues.builder().secretKeyRef(SecretKeyRef.of("codefresh-ca", "ca.crt"))
          .secret(CaCertSecretValues.builder().create(true).content(SecretValue.of(PEM)).build()).build()))
          .containsExactly(warning(ID, "platform-ca.ambiguous", "global.codefresh.tls.caCerts.secretKeyRef",
              "Both secret.create=true and a secretKeyRef are given for the platform CA: Codefresh's validation"
                  + " hook then uses only the content, so the two must hold the same bundle.",
              "Keep one: remove the secretKeyRef, or set secret.create=false to use the referenced Secret."));
    }
  }
}
