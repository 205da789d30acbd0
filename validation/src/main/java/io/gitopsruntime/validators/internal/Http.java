package io.gitopsruntime.validators.internal;

import io.gitopsruntime.validation.ValidationContext;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * The HTTP client of one validation: the {@link OkHttpClient} attached to the context, or one created
 * for the run with sensible timeouts and released afterwards. Whoever creates a client releases it: an
 * attached client is never shut down. Not thread-safe; use one per validation.
 */
public final class Http implements AutoCloseable {
  private final OkHttpClient client;
  private final boolean owned;

  private Http(OkHttpClient client, boolean owned) {
    this.client = client;
    this.owned = owned;
  }

  /**
   * The context's client, or a new one.
   *
   * @param context the validation context
   * @param callTimeout the whole-call timeout of a created client
   * @return the handle; close it when done
   */
  public static Http from(ValidationContext context, Duration callTimeout) {
    return context
        .service(OkHttpClient.class)
        .map(c -> new Http(c, false))
        .orElseGet(
            () ->
                new Http(
                    new OkHttpClient.Builder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .readTimeout(Duration.ofSeconds(30))
                        .writeTimeout(Duration.ofSeconds(30))
                        .callTimeout(callTimeout)
                        .build(),
                    true));
  }

  /**
   * The client, trusting the system's CAs (or whatever the attached client trusts).
   *
   * @return the client
   */
  public OkHttpClient client() {
    return client;
  }

  /**
   * A client that trusts the system's CAs plus some certificates; it shares this client's connection
   * pool, dispatcher and interceptors.
   *
   * @param extra the additional CA certificates; none gives {@link #client()}
   * @return the client
   */
  public OkHttpClient trusting(List<X509Certificate> extra) {
    if (extra.isEmpty()) {
      return client;
    }
    Pem.Trust trust = Pem.systemPlus(extra);
    return client.newBuilder().sslSocketFactory(trust.socketFactory(), trust.trustManager()).build();
  }

  /** Releases the connections and threads of a created client; does nothing to an attached one. */
  @Override
  public void close() {
    if (owned) {
      client.connectionPool().evictAll();
      client.dispatcher().executorService().shutdown();
    }
  }
}
