package io.gitopsruntime.validators.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Reads PEM certificate bundles and builds TLS trust from the system's CAs plus such a bundle, as
 * Codefresh's CLI does. Thread-safe; no state.
 */
public final class Pem {
  /** The line every PEM certificate starts with. */
  public static final String BEGIN = "-----BEGIN CERTIFICATE-----";

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);

  private Pem() {}

  /** Why a bundle could not be read; {@link Wording#pemReason} words it, never quoting the bundle. */
  public static final class BadPemException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public enum Kind {
      /** No BEGIN CERTIFICATE line. */
      NO_BLOCK,
      /** A BEGIN line without its END line. */
      INCOMPLETE_BLOCK,
      /** A block that is not an X.509 certificate. */
      UNPARSEABLE
    }

    private final Kind kind;
    private final int index;

    BadPemException(Kind kind, int index) {
      super(kind + (index > 0 ? " at certificate " + index : ""));
      this.kind = kind;
      this.index = index;
    }

    /**
     * What is wrong.
     *
     * @return the kind
     */
    public Kind kind() {
      return kind;
    }

    /**
     * Which certificate does not parse.
     *
     * @return its position from 1, or 0
     */
    public int index() {
      return index;
    }
  }

  /**
   * Whether the text holds at least one PEM certificate block.
   *
   * @param text the text
   * @return true when it contains {@value #BEGIN}
   */
  public static boolean looksLikePem(String text) {
    return text.contains(BEGIN);
  }

  /**
   * Parses every certificate of a PEM bundle.
   *
   * @param pem the bundle
   * @return the certificates, at least one
   * @throws BadPemException when there is no certificate block, or one does not parse
   */
  public static List<X509Certificate> parse(String pem) throws BadPemException {
    Matcher m = BLOCK.matcher(pem);
    List<X509Certificate> certificates = new ArrayList<>();
    CertificateFactory factory;
    try {
      factory = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("The JVM has no X.509 certificate factory", e);
    }
    int index = 0;
    while (m.find()) {
      index++;
      String block = BEGIN + m.group(1) + "-----END CERTIFICATE-----\n";
      try {
        Certificate certificate =
            factory.generateCertificate(new ByteArrayInputStream(block.getBytes(StandardCharsets.US_ASCII)));
        certificates.add((X509Certificate) certificate);
      } catch (CertificateException | ClassCastException e) {
        throw new BadPemException(BadPemException.Kind.UNPARSEABLE, index);
      }
    }
    if (certificates.isEmpty()) {
      throw new BadPemException(
          pem.contains(BEGIN) ? BadPemException.Kind.INCOMPLETE_BLOCK : BadPemException.Kind.NO_BLOCK, 0);
    }
    return certificates;
  }

  /** TLS trust: a socket factory and the trust manager it uses. */
  public record Trust(SSLSocketFactory socketFactory, X509TrustManager trustManager) {}

  /**
   * Trust in the JVM's default CAs plus the certificates of a bundle.
   *
   * @param extra the additional certificates
   * @return the trust
   */
  public static Trust systemPlus(List<X509Certificate> extra) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (X509Certificate ca : defaultTrustManager().getAcceptedIssuers()) {
        store.setCertificateEntry("system-" + i++, ca);
      }
      for (X509Certificate ca : extra) {
        store.setCertificateEntry("extra-" + i++, ca);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      X509TrustManager trustManager = x509(factory.getTrustManagers());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager}, null);
      return new Trust(context.getSocketFactory(), trustManager);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("Cannot build TLS trust from the JVM's CAs: " + e.getMessage(), e);
    }
  }

  private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    return x509(factory.getTrustManagers());
  }

  private static X509TrustManager x509(TrustManager[] managers) {
    return Arrays.stream(managers)
        .filter(X509TrustManager.class::isInstance)
        .map(X509TrustManager.class::cast)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("The JVM has no X.509 trust manager"));
  }
}
