package io.gitopsruntime.helm.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Puts a release in the state an interrupted Helm leaves it in, by editing Helm's release Secrets the way Helm
 * writes them (gzipped JSON, base64-encoded twice). Tests only.
 */
final class HelmReleaseSecrets {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HelmReleaseSecrets() {}

  /** Marks the latest revision with a status, such as {@code pending-install}. */
  static void markLatest(KubernetesClient client, String namespace, String release, int revision, String status) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name(release, revision)).get();
    ObjectNode json = decode(secret);
    ((ObjectNode) json.get("info")).put("status", status);
    client.secrets().inNamespace(namespace).resource(new SecretBuilder(secret).editMetadata().addToLabels("status", status)
        .endMetadata().withData(java.util.Map.of("release", encode(json))).build()).update();
  }

  /** Adds a revision after the latest, as an upgrade that was interrupted midway leaves it. */
  static void addRevision(KubernetesClient client, String namespace, String release, int latest, String status) {
    Secret secret = client.secrets().inNamespace(namespace).withName(name(release, latest)).get();
    ObjectNode json = decode(secret);
    json.put("version", latest + 1);
    ((ObjectNode) json.get("info")).put("status", status);
    client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata()
        .withName(name(release, latest + 1)).addToLabels(secret.getMetadata().getLabels()).addToLabels("status", status)
        .addToLabels("version", String.valueOf(latest + 1)).endMetadata().withType(secret.getType())
        .withData(java.util.Map.of("release", encode(json))).build()).create();
  }

  private static String name(String release, int revision) {
    return "sh.helm.release.v1." + release + ".v" + revision;
  }

  private static ObjectNode decode(Secret secret) {
    try {
      byte[] helm = Base64.getDecoder().decode(secret.getData().get("release"));
      byte[] gz = Base64.getDecoder().decode(new String(helm, StandardCharsets.US_ASCII));
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
        return (ObjectNode) JSON.readTree(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encode(ObjectNode json) {
    try {
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
        out.write(JSON.writeValueAsBytes(json));
      }
      String helm = Base64.getEncoder().encodeToString(gz.toByteArray());
      return Base64.getEncoder().encodeToString(helm.getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
