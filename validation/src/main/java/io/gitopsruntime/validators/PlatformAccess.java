package io.gitopsruntime.validators;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.core.ChartDefaults;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validators.PlatformFindings.PlatformSkip;
import io.gitopsruntime.validators.internal.Chart;
import io.gitopsruntime.validators.internal.ClusterSecrets;
import io.gitopsruntime.validators.internal.Http;
import io.gitopsruntime.validators.internal.Pem;
import io.gitopsruntime.validators.internal.Raw;
import io.gitopsruntime.validators.internal.Secrets;
import io.gitopsruntime.values.CaCertSecretValues;
import io.gitopsruntime.values.CaCertsValues;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.SecretKeyRef;
import io.gitopsruntime.values.SecretValue;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Everything a call to the Codefresh platform needs from the values: the URL, the HTTP client trusting the
 * platform's CA (a PEM literal, or the referenced Secret read through the cluster), and the API key (a
 * literal or read from its Secret). Thread-safe; no state.
 */
final class PlatformAccess {
  private PlatformAccess() {}

  /** The platform can be called, or why not. */
  public sealed interface Outcome {}

  /**
   * Why the platform cannot be called: skip notes, or errors such as an unreadable Secret.
   *
   * @param findings what to report
   */
  public record Blocked(List<Finding> findings) implements Outcome {}

  /**
   * The platform's URL and an HTTP client that trusts it.
   *
   * @param url the platform URL
   * @param text the URL as configured, for messages
   * @param http the HTTP client
   */
  public record Endpoint(HttpUrl url, String text, OkHttpClient http) implements Outcome {}

  /**
   * The platform's URL and the HTTP client to call it with.
   *
   * @param context the validation context
   * @param http the run's HTTP client
   * @return the endpoint, or why there is none
   */
  public static Outcome endpoint(ValidationContext context, Http http) {
    GitOpsRuntimeValues values = context.values();
    Optional<URI> uri = Chart.platformUri(values);
    HttpUrl url = uri.map(u -> HttpUrl.parse(u.toString())).orElse(null);
    if (url == null) {
      return new Blocked(List.of(PlatformFindings.platformSkipped(PlatformSkip.BAD_URL)));
    }
    CaCertsValues ca = values.global().codefresh().tls().caCerts();
    CaCertSecretValues secret = ca.secret();
    List<X509Certificate> certificates = List.of();
    Optional<String> content = secret.content().filter(c -> !c.isBlankLiteral()).map(SecretValue::reveal);
    Optional<SecretKeyRef> ref = ca.secretKeyRef().filter(SecretKeyRef::isComplete);
    if (Raw.bool(secret.create(), secret.additionalValues(), "create",
        ChartDefaults.bool("global.codefresh.tls.caCerts.secret.create")) && content.isPresent()) {
      try {
        certificates = Pem.parse(content.get());
      } catch (Pem.BadPemException e) {
        return new Blocked(List.of(PlatformFindings.platformSkipped(PlatformSkip.CA_UNUSABLE)));
      }
    } else if (ref.isPresent()) {
      Optional<KubernetesClient> client = context.service(KubernetesClient.class);
      if (client.isEmpty()) {
        return new Blocked(List.of(PlatformFindings.platformSkipped(PlatformSkip.CA_IN_SECRET)));
      }
      String name = ref.get().name().orElseThrow().strip();
      ClusterSecrets.Read read = ClusterSecrets.read(client.get(), context.installation().namespace(), name,
          ref.get().key().orElseThrow().strip());
      if (read instanceof ClusterSecrets.Failed) {
        return new Blocked(List.of(PlatformFindings.platformCaSecretUnreadable((ClusterSecrets.Failed) read)));
      }
      try {
        certificates = Pem.parse(((ClusterSecrets.Found) read).value());
      } catch (Pem.BadPemException e) {
        return new Blocked(List.of(PlatformFindings.platformCaSecretNotPem(name, e)));
      }
    }
    return new Endpoint(url, Chart.platformUrl(values).orElse(url.toString()), http.trusting(certificates));
  }

  /**
   * The Codefresh API key: a literal, or read from its Secret.
   *
   * @param context the validation context
   * @return the key, or why there is none
   */
  public static Secrets.Resolved userToken(ValidationContext context) {
    return Secrets.resolve(Chart.userToken(context.values()), context.service(KubernetesClient.class),
        context.installation().namespace());
  }
}
