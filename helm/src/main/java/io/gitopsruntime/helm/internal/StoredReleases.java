package io.gitopsruntime.helm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a release the way Helm stores it by default: a Secret {@code sh.helm.release.v1.<name>.v<revision>}
 * labelled {@code owner=helm}, whose {@code release} key holds the release as gzipped, base64-encoded JSON.
 * The embedded installer uses it for what helm-java cannot return (the deployed manifest). Returns nothing
 * when Helm stores releases elsewhere ({@code HELM_DRIVER=configmap} or {@code sql}). The decoded release
 * holds the user's values, secrets included: only the manifest and metadata leave this class.
 * Stateless and thread-safe.
 */
public final class StoredReleases {
  private static final Logger log = LoggerFactory.getLogger(StoredReleases.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoredReleases() {}

  /**
   * The latest revision of a release, with its manifest. Immutable and thread-safe.
   *
   * @param release what {@code helm status} would say
   * @param manifest the rendered objects (without hooks)
   */
  public record Stored(HelmRelease release, String manifest) {}

  /**
   * Reads the latest stored revision of a release.
   *
   * @param client the client
   * @param release the release name
   * @param namespace its namespace
   * @return the revision, or empty when none is stored as a Secret or it cannot be read
   */
  public static Optional<Stored> latest(KubernetesClient client, String release, String namespace) {
    try {
      Optional<Secret> latest = client.secrets().inNamespace(namespace).withLabel("owner", "helm").withLabel("name", release)
          .list().getItems().stream()
          .max(Comparator.comparingInt(StoredReleases::version));
      if (latest.isEmpty() || latest.get().getData() == null || latest.get().getData().get("release") == null) {
        return Optional.empty();
      }
      JsonNode json = decode(latest.get().getData().get("release"));
      JsonNode metadata = json.path("chart").path("metadata");
      HelmRelease info = new HelmRelease(json.path("name").asText(release), json.path("namespace").asText(namespace),
          json.path("version").asInt(), json.path("info").path("status").asText("unknown"),
          metadata.path("name").asText(""), metadata.path("version").asText(""));
      return Optional.of(new Stored(info, json.path("manifest").asText("")));
    } catch (KubernetesClientException | IOException | IllegalArgumentException e) {
      log.debug("could not read the stored release {} in {}: {}", release, namespace, e.toString());
      return Optional.empty();
    }
  }

  private static int version(Secret secret) {
    String v = secret.getMetadata().getLabels() == null ? null : secret.getMetadata().getLabels().get("version");
    try {
      return v == null ? 0 : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Secret data is base64 (Kubernetes); inside, Helm's own base64 of a gzip stream of JSON. */
  static JsonNode decode(String secretData) throws IOException {
    byte[] helmText = Base64.getDecoder().decode(secretData);
    byte[] payload = Base64.getDecoder().decode(new String(helmText, StandardCharsets.US_ASCII).strip());
    InputStream in = new ByteArrayInputStream(payload);
    if (payload.length > 2 && (payload[0] & 0xff) == 0x1f && (payload[1] & 0xff) == 0x8b) {
      in = new GZIPInputStream(in);
    }
    try (InputStream json = in) {
      return JSON.readTree(json);
    }
  }
}
