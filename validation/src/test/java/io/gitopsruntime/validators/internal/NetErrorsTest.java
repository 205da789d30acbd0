package io.gitopsruntime.validators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

class NetErrorsTest {

  @Test
  void classifiesTransportFailures() {
    assertThat(NetErrors.classify(new UnknownHostException("x.invalid")).kind()).isEqualTo(NetErrors.Kind.DNS);
    assertThat(NetErrors.classify(new ConnectException("Connection refused")).kind())
        .isEqualTo(NetErrors.Kind.CONNECT);
    assertThat(NetErrors.classify(new SSLPeerUnverifiedException("Hostname x not verified:\n cert")).kind())
        .isEqualTo(NetErrors.Kind.TLS_HOSTNAME);
    SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
    untrusted.initCause(new CertificateException("unable to find valid certification path"));
    assertThat(NetErrors.classify(untrusted))
        .isEqualTo(new NetErrors.Failure(NetErrors.Kind.TLS_UNTRUSTED, "unable to find valid certification path"));
    assertThat(NetErrors.classify(new SocketTimeoutException("timeout")).kind()).isEqualTo(NetErrors.Kind.TIMEOUT);
  }

  @Test
  void restoresTheInterruptFlagOfAnInterruptedCall() {
    try {
      assertThat(NetErrors.classify(new InterruptedIOException("interrupted")).kind())
          .isEqualTo(NetErrors.Kind.TIMEOUT);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
