package io.gitopsruntime.validators.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class PemTest {
  private static final String PEM = new HeldCertificate.Builder().commonName("ca").certificateAuthority(0).build()
      .certificatePem();

  @Test
  void parsesEveryCertificateOfABundleAndIgnoresTextAround() throws Exception {
    assertThat(Pem.parse("# platform CAs\n" + PEM + "\n" + PEM)).hasSize(2);
  }

  @Test
  void saysWhatIsWrongWithoutQuotingTheBundle() {
    assertThatThrownBy(() -> Pem.parse("secret-ish text")).isInstanceOfSatisfying(Pem.BadPemException.class,
        e -> assertThat(e.kind()).isEqualTo(Pem.BadPemException.Kind.NO_BLOCK));
    assertThatThrownBy(() -> Pem.parse(PEM.substring(0, 80))).isInstanceOfSatisfying(Pem.BadPemException.class,
        e -> assertThat(e.kind()).isEqualTo(Pem.BadPemException.Kind.INCOMPLETE_BLOCK));
  }

  @Test
  void trustsTheSystemCasPlusTheBundle() throws Exception {
    var trust = Pem.systemPlus(Pem.parse(PEM));
    assertThat(trust.trustManager().getAcceptedIssuers()).hasSizeGreaterThan(1)
        .anyMatch(c -> c.getSubjectX500Principal().getName().equals("CN=ca"));
  }
}
