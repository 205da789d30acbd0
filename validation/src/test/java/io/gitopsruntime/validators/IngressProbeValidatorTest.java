package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.info;
import static io.gitopsruntime.validators.Fixtures.ingress;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.AccessMode;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.net.InetAddress;
import java.util.List;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IngressProbeValidatorTest {
  private static final String ID = IngressProbeValidator.ID;
  private static final String HOST = "global.runtime.ingress.hosts[0]";

  private final IngressProbeValidator validator = new IngressProbeValidator();
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String host() {
    return server.getHostName() + ":" + server.getPort();
  }

  private List<Finding> probe(String host, String protocol) {
    return probe(host, protocol, v -> v);
  }

  private List<Finding> probe(String host, String protocol, UnaryOperator<GitOpsRuntimeValues> edit) {
    return validator.validate(Fixtures.context(v -> edit.apply(ingress(
        v.withAccessMode(AccessMode.ingress(host, "nginx")), i -> i.withProtocol(protocol)))));
  }

  @Nested
  class Valid {
    @Test
    void passesOnAnyHttpStatusAndSendsHeadToTheHostsRoot() throws Exception {
      server.enqueue(new MockResponse.Builder().code(503).build());

      assertThat(probe(host(), "http")).isEmpty();

      RecordedRequest request = server.takeRequest();
      assertThat(request.getMethod()).isEqualTo("HEAD");
      assertThat(request.getTarget()).isEqualTo("/");
    }

    @Test
    void doesNothingOutsideTheIngressMode() {
      assertThat(validator.validate(Fixtures.context(v -> v))).isEmpty();
      assertThat(server.getRequestCount()).isZero();
    }
  }

  @Nested
  class Invalid {
    @Test
    void reportsAHostThatDoesNotResolve() {
      assertThat(probe("runtime.invalid", "https")).containsExactly(error(ID, "ingress.unreachable", HOST,
          "HEAD https://runtime.invalid failed from this machine: the host name \"runtime.invalid\" does not resolve"
              + " (DNS lookup failed); the platform reaches the runtime at this address, and Codefresh's validation"
              + " hook fails when it cannot.",
          "Create a DNS record for \"runtime.invalid\" that points at the ingress controller's load balancer; if the"
              + " host resolves only where the platform runs, set global.runtime.ingress.skipValidation=true."));
    }

    @Test
    void reportsAHostThatRefusesTheConnection() {
      String host = host();
      server.close();

      List<Finding> findings = probe(host, "http");

      assertThat(findings).hasSize(1);
      assertThat(findings.get(0).message()).startsWith("HEAD http://" + host + " failed from this machine: the"
          + " connection was refused or could not be opened (");
      assertThat(findings.get(0).remediation()).isEqualTo("Check that the ingress controller is installed and"
          + " exposed on port " + server.getPort() + ", and that no firewall blocks it.");
    }

    @Test
    void reportsACertificateFromAPrivateCa() throws Exception {
      HeldCertificate ca = new HeldCertificate.Builder().commonName("Private CA").certificateAuthority(0).build();
      HeldCertificate certificate = new HeldCertificate.Builder().commonName("localhost")
          .addSubjectAlternativeName("localhost")
          .addSubjectAlternativeName(InetAddress.getByName("localhost").getCanonicalHostName())
          .signedBy(ca).build();
      try (MockWebServer https = new MockWebServer()) {
        https.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate, ca.certificate()).build()
            .sslSocketFactory());
        https.start();
        String host = https.getHostName() + ":" + https.getPort();

        assertThat(probe(host, "https")).containsExactly(error(ID, "ingress.unreachable", HOST,
            "HEAD https://" + host + " failed from this machine: its TLS certificate is not trusted (unable to find"
                + " valid certification path to requested target); the platform reaches the runtime at this address,"
                + " and Codefresh's validation hook fails when it cannot.",
            "Give the Ingress a certificate for \"" + https.getHostName() + "\" signed by a public CA (Codefresh's"
                + " hook and platform trust only public CAs), or use protocol http."));
      }
    }
  }

  @Nested
  class Skipped {
    @Test
    void skipsWithTheIngressFlag() {
      assertThat(probe(host(), "http", v -> ingress(v, i -> i.withSkipValidation(true)))).containsExactly(
          info(ID, "ingress.probe.skipped", "global.runtime.ingress.skipValidation",
              "The ingress host was not probed: global.runtime.ingress.skipValidation is true.", ""));
      assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void skipsWithTheInstallerFlagOfflineAndWithoutAHost() {
      assertThat(probe(host(), "http", v -> v.withInstaller(v.installer().withSkipValidation(true))))
          .extracting(Finding::path, Finding::message).containsExactly(org.assertj.core.groups.Tuple.tuple(
              "installer.skipValidation", "The ingress host was not probed: installer.skipValidation is true."));
      assertThat(validator.validate(Fixtures.context(v -> v.withAccessMode(AccessMode.ingress(host(), "nginx")))
          .withOffline(true))).extracting(Finding::message)
          .containsExactly("The ingress host was not probed: validation runs offline.");
      assertThat(probe(host(), "http", v -> ingress(v, i -> i.withHosts(List.of())))).containsExactly(
          info(ID, "ingress.probe.skipped", "global.runtime.ingress.hosts",
              "The ingress host was not probed: there is no usable host name in hosts[0] (see"
                  + " access-mode.ingress.hosts and access-mode.host-format).", ""));
      assertThat(server.getRequestCount()).isZero();
    }
  }
}
