package io.gitopsruntime.validators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelmReleasesTest {

  private static Secret record(Map<String, String> labels, String type, String data) {
    return new SecretBuilder().withType(type).withNewMetadata().withName("sh.helm.release.v1.x.v1")
        .withNamespace("team-a").withLabels(labels).endMetadata().addToData("release", data).build();
  }

  private static String twice(String json) {
    Base64.Encoder b64 = Base64.getEncoder();
    return b64.encodeToString(b64.encode(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static final Map<String, String> LABELS =
      Map.of("owner", "helm", "name", "x", "status", "failed", "version", "7");

  @Test
  void readsTheChartOfAnUncompressedRecordAndTheRestFromTheLabels() {
    Secret secret = record(LABELS, "helm.sh/release.v1", twice("{\"config\":{\"chart\":{\"metadata\":{\"name\":\"decoy\"}}},"
        + "\"chart\":{\"values\":{\"metadata\":{\"name\":\"decoy\"}},\"metadata\":{\"version\":\"0.30.1\","
        + "\"name\":\"gitops-runtime\",\"keywords\":[\"a\"]}}}"));

    assertThat(HelmReleases.revision(secret)).hasValue(7);
    assertThat(HelmReleases.read(secret)).isEqualTo(
        new HelmReleases.Release("team-a", "x", 7, "failed", "gitops-runtime", "0.30.1"));
  }

  @Test
  void readsNothingFromARecordThatIsNotJson() {
    Secret secret = record(LABELS, "helm.sh/release.v1", twice("not json at all"));

    assertThat(HelmReleases.read(secret)).isEqualTo(new HelmReleases.Release("team-a", "x", 7, "failed", "", ""));
  }

  @Test
  void readsNothingFromDataThatIsNotBase64() {
    Secret secret = record(LABELS, "helm.sh/release.v1", "%%%");

    assertThat(HelmReleases.read(secret).chart()).isEmpty();
  }

  @Test
  void takesOnlyHelmReleaseRecordsForReleases() {
    assertThat(HelmReleases.revision(record(LABELS, "Opaque", twice("{}")))).isEmpty();
    assertThat(HelmReleases.revision(record(Map.of("owner", "helm"), "helm.sh/release.v1", twice("{}")))).isEmpty();
  }
}
