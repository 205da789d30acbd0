package io.gitopsruntime.validators;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Helm 3 release records as Helm writes them: Secret data of base64 of gzipped JSON. */
final class HelmRecords {
  private HelmRecords() {}

  /**
   * A release record.
   *
   * @param config the release's values as JSON, such as {@code {"global":{"codefresh":{"userToken":{"token":"x"}}}}}
   */
  static Secret release(String namespace, String name, int revision, String status, String chart,
      String chartVersion, String config) {
    String json = "{\"name\":\"" + name + "\",\"namespace\":\"" + namespace + "\",\"version\":" + revision
        + ",\"info\":{\"status\":\"" + status + "\",\"description\":\"Install complete\"},"
        + "\"config\":" + config + ","
        + "\"chart\":{\"templates\":[{\"name\":\"templates/x.yaml\",\"data\":\"e30=\"}],"
        + "\"values\":{\"global\":{\"runtime\":{\"name\":null}}},"
        + "\"metadata\":{\"name\":\"" + chart + "\",\"version\":\"" + chartVersion + "\",\"apiVersion\":\"v2\","
        + "\"annotations\":{\"name\":\"not-the-chart\"},\"maintainers\":[{\"name\":\"codefresh\"}]}},"
        + "\"manifest\":\"---\\nkind: ConfigMap\\n\"}";
    return new SecretBuilder().withType("helm.sh/release.v1")
        .withNewMetadata().withName("sh.helm.release.v1." + name + ".v" + revision).withNamespace(namespace)
        .withLabels(Map.of("owner", "helm", "name", name, "status", status, "version", String.valueOf(revision)))
        .endMetadata()
        .addToData("release", Base64.getEncoder().encodeToString(
            Base64.getEncoder().encode(gzip(json.getBytes(StandardCharsets.UTF_8)))))
        .build();
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
