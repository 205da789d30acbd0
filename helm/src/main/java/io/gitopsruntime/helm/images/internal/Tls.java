package io.gitopsruntime.helm.images.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/** TLS that trusts the JDK's certificate authorities plus those of PEM files. Stateless. */
public final class Tls {
  private Tls() {}

  /**
   * An SSL context trusting the JDK's CAs and the certificates in the files.
   *
   * @param pemFiles PEM files of CA certificates
   * @return the context
   * @throws IllegalArgumentException if a file cannot be read or holds no certificate (naming the file)
   */
  public static SSLContext trusting(List<Path> pemFiles) {
    try {
      List<X509TrustManager> managers = new ArrayList<>();
      managers.add(managerOf(null));
      if (!pemFiles.isEmpty()) {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int n = 0;
        for (Path file : pemFiles) {
          Collection<? extends Certificate> certificates;
          try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
          } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("Could not read the CA certificate file " + file + ": " + e.getMessage()
                + ". Give a PEM file of one or more certificates.", e);
          }
          if (certificates.isEmpty()) {
            throw new IllegalArgumentException("The CA certificate file " + file + " holds no certificate. Give a PEM"
                + " file of one or more certificates.");
          }
          for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + n++, certificate);
          }
        }
        managers.add(managerOf(store));
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new AnyOf(managers)}, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Could not set up TLS: " + e.getMessage(), e);
    }
  }

  private static X509TrustManager managerOf(@Nullable KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("the JDK has no X.509 trust manager");
  }

  /** Trusts what any of its managers trusts. */
  private record AnyOf(List<X509TrustManager> managers) implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      managers.get(0).checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      @Nullable CertificateException last = null;
      for (X509TrustManager manager : managers) {
        try {
          manager.checkServerTrusted(chain, authType);
          return;
        } catch (CertificateException e) {
          last = e;
        }
      }
      throw last == null ? new CertificateException("no trust manager") : last;
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return managers.stream().flatMap(m -> java.util.Arrays.stream(m.getAcceptedIssuers())).toArray(X509Certificate[]::new);
    }
  }
}
