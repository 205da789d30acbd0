package io.gitopsruntime.helm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class StoredReleasesTest {

  @Test
  void decodesHelmsDoublyEncodedGzippedRelease() throws Exception {
    String json = "{\"name\":\"r\",\"version\":2,\"info\":{\"status\":\"deployed\"},\"manifest\":\"---\\nkind: X\\n\"}";
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
    String helm = Base64.getEncoder().encodeToString(gz.toByteArray());
    String secretData = Base64.getEncoder().encodeToString(helm.getBytes(StandardCharsets.US_ASCII));

    JsonNode release = StoredReleases.decode(secretData);

    assertThat(release.path("version").asInt()).isEqualTo(2);
    assertThat(release.path("manifest").asText()).isEqualTo("---\nkind: X\n");
  }
}
