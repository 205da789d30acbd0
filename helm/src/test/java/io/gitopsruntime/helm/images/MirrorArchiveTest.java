package io.gitopsruntime.helm.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsruntime.testing.registry.RegistryPair;
import io.gitopsruntime.testing.registry.TestRegistry;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The air-gapped bundle: a real "public" registry to an archive ({@link ImageMirror.Builder#toArchive}), then the
 * archive to a second real registry with basic auth and TLS from a test CA ({@link ImageMirror#copyFrom}).
 */
class MirrorArchiveTest {
  @RegisterExtension
  static final RegistryPair REGISTRIES = RegistryPair.withTarget(b -> b.basicAuth("mirror", "s3cret-password").tls());
  private static String index;
  private static String single;

  @TempDir Path dir;
  private MirrorReport written;

  @BeforeAll
  static void pushImages() {
    index = source().pushIndex("codefresh/cap-app-proxy", "1.4124.0", List.of("linux/amd64", "linux/arm64"));
    single = source().pushImage("argoproj/argoexec", "v3.7.2", "linux/amd64", 64 * 1024);
  }

  private static List<ImageRef> images() {
    return List.of(ImageRef.parse(source().host() + "/codefresh/cap-app-proxy:1.4124.0"),
        ImageRef.parse(source().host() + "/argoproj/argoexec:v3.7.2"));
  }

  private Path chart() throws IOException {
    Path chart = Files.createDirectories(dir.resolve("chart"));
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: gitops-runtime\nversion: 0.30.0\n");
    Files.writeString(Files.createDirectories(chart.resolve("templates")).resolve("cm.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
    return chart;
  }

  private static ImageMirror.Builder toTarget(String prefix) {
    return ImageMirror.builder().to(target().host() + "/" + prefix).caCertificate(target().caFile().orElseThrow())
        .credentials(RegistryCredentials.none().withLogin(target().host(), "mirror", "s3cret-password"))
        .retries(2, Duration.ofMillis(10));
  }

  private Path writeArchive() throws IOException {
    Path archive = dir.resolve("bundle.tar");
    written = ImageMirror.builder().toArchive(archive).plainHttp(source().host()).build()
        .copy(images(), ChartArtifact.of(chart().toString(), Optional.empty()));
    assertThat(written.succeeded()).as(written.all().toString()).isTrue();
    return archive;
  }

  @Test
  void aRoundTripThroughAnArchiveKeepsEveryDigest() throws IOException {
    Path archive = writeArchive();

    assertThat(Files.exists(dir.resolve("bundle.tar.partial"))).isFalse();
    MirrorReport pushed = toTarget("air").build().copyFrom(archive);

    assertThat(pushed.succeeded()).as(pushed.all().toString()).isTrue();
    assertThat(pushed.with(MirroredImage.Outcome.COPIED)).hasSize(3);
    assertThat(target().digestOf("air/codefresh/cap-app-proxy", "1.4124.0")).contains(index);
    assertThat(target().digestOf("air/argoproj/argoexec", "v3.7.2")).contains(single);
    assertThat(pushed.images()).extracting(MirroredImage::target).containsExactly(
        target().host() + "/air/argoproj/argoexec:v3.7.2", target().host() + "/air/codefresh/cap-app-proxy:1.4124.0");
    assertThat(pushed.images().get(1).platforms()).containsExactly("linux/amd64", "linux/arm64");
    MirroredImage chart = pushed.chart().orElseThrow();
    assertThat(chart.target()).isEqualTo(target().host() + "/air/gitops-runtime:0.30.0");
    assertThat(target().digestOf("air/gitops-runtime", "0.30.0")).isEqualTo(chart.digest());
    assertThat(MirrorLock.of(pushed).chart().orElseThrow().mirror()).isEqualTo(target().host() + "/air/gitops-runtime:0.30.0");

    MirrorReport again = toTarget("air").build().copyFrom(archive);

    assertThat(again.with(MirroredImage.Outcome.ALREADY_PRESENT)).hasSize(3);
  }

  @Test
  void theArchiveIsAnOciLayoutWithTheLockAndTheSameChartDigestEveryTime() throws IOException {
    Path archive = writeArchive();
    Path second = dir.resolve("again.tar");
    MirrorReport again = ImageMirror.builder().toArchive(second).plainHttp(source().host()).build()
        .copy(images(), ChartArtifact.of(dir.resolve("chart").toString(), Optional.empty()));

    String listing = new String(Files.readAllBytes(archive), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(listing).contains("oci-layout", "index.json", "images.lock", "blobs/sha256/" + index.substring(7),
        "\"org.opencontainers.image.ref.name\" : \"" + source().host() + "/codefresh/cap-app-proxy:1.4124.0\"",
        "\"org.opencontainers.image.ref.name\" : \"gitops-runtime:0.30.0\"", "\"digest\" : \"" + single + "\"");
    assertThat(again.chart().orElseThrow().digest()).isPresent().isEqualTo(written.chart().orElseThrow().digest());
    assertThat(MirrorLock.of(again).toJson()).contains("\"source\" : \"" + dir.resolve("chart") + "\"");
  }

  @Test
  void aPlanOfAnArchiveWritesNothing() throws IOException {
    Path archive = dir.resolve("planned.tar");

    MirrorReport plan = ImageMirror.builder().toArchive(archive).plainHttp(source().host()).build()
        .plan(images(), ChartArtifact.of(chart().toString(), Optional.empty()));

    assertThat(plan.with(MirroredImage.Outcome.TO_COPY)).hasSize(3);
    assertThat(Files.exists(archive)).isFalse();
    assertThat(Files.exists(dir.resolve("planned.tar.partial"))).isFalse();

    MirrorReport pushPlan = toTarget("planned").build().planFrom(writeArchive());

    assertThat(pushPlan.with(MirroredImage.Outcome.TO_COPY)).hasSize(3);
    assertThat(pushPlan.summary()).startsWith("2 images and the chart to " + target().host() + "/planned: 3 to copy (");
    assertThat(target().digestOf("planned/codefresh/cap-app-proxy", "1.4124.0")).isEmpty();
  }

  @Test
  void anArchiveCutShortInABlobNamesItAndPushesNothing() throws IOException {
    Path archive = writeArchive();
    String layer = Manifests.layerOf(source().get("argoproj/argoexec", single));
    long at = offsetOf(archive, "blobs/sha256/" + layer.substring(7));
    try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
      file.setLength(at + 512 + 1000);
    }

    assertThatThrownBy(() -> toTarget("cut").build().copyFrom(archive)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The archive " + archive + " is cut short: it ends 1000 bytes into blobs/sha256/" + layer.substring(7)
            + " (of 65536), before its index.json. Nothing was pushed; copy the archive again.");
    assertThat(target().digestOf("cut/argoproj/argoexec", "v3.7.2")).isEmpty();
    assertThat(target().digestOf("cut/codefresh/cap-app-proxy", "1.4124.0")).isEmpty();
  }

  @Test
  void anArchiveCutExactlyBetweenTwoEntriesIsCutShortToo() throws IOException {
    Path archive = writeArchive();
    String layer = Manifests.layerOf(source().get("argoproj/argoexec", single));
    long end = offsetOf(archive, "blobs/sha256/" + layer.substring(7)) + 512 + 65536;
    try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
      file.setLength(end);
    }

    assertThatThrownBy(() -> toTarget("cut-between").build().copyFrom(archive))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The archive " + archive + " is cut short: it ends after blobs/sha256/" + layer.substring(7)
            + ", at byte " + end + ", before its index.json. Nothing was pushed; copy the archive again.");
    assertThat(target().digestOf("cut-between/argoproj/argoexec", "v3.7.2")).isEmpty();
  }

  @Test
  void aDamagedBlobFailsItsImageNamingTheBlobAndTheOthersArePushed() throws IOException {
    Path archive = writeArchive();
    String layer = Manifests.layerOf(source().get("argoproj/argoexec", single));
    long at = offsetOf(archive, "blobs/sha256/" + layer.substring(7));
    try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
      file.seek(at + 512 + 100);
      int b = file.read();
      file.seek(at + 512 + 100);
      file.write(b ^ 0xff);
    }

    MirrorReport pushed = toTarget("damaged").build().copyFrom(archive);

    MirroredImage failed = pushed.with(MirroredImage.Outcome.FAILED).get(0);
    assertThat(failed.source()).isEqualTo(source().host() + "/argoproj/argoexec:v3.7.2");
    assertThat(failed.failure().orElseThrow()).startsWith("The archive " + archive + " is damaged: blob " + layer
        + " has the digest sha256:").endsWith(". Nothing was pushed for this image; copy the archive again.");
    assertThat(failed.blobsCopied()).isZero();
    assertThat(target().hasBlob("damaged/argoproj/argoexec", layer)).isFalse();
    assertThat(target().digestOf("damaged/argoproj/argoexec", "v3.7.2")).isEmpty();
    assertThat(target().digestOf("damaged/codefresh/cap-app-proxy", "1.4124.0")).contains(index);
    assertThat(pushed.with(MirroredImage.Outcome.COPIED)).hasSize(2);
  }

  @Test
  void anImageThatCannotBeReadLeavesNoArchiveAndKeepsTheFileThatWasThere() throws IOException {
    Path archive = Files.writeString(dir.resolve("bundle.tar"), "last week's bundle");
    List<ImageRef> images = new java.util.ArrayList<>(images());
    images.add(ImageRef.parse(source().host() + "/codefresh/missing:0.0.1"));

    MirrorReport report = ImageMirror.builder().toArchive(archive).plainHttp(source().host()).retries(1, Duration.ofMillis(10))
        .build().copy(images, ChartArtifact.of(chart().toString(), Optional.empty()));

    assertThat(report.with(MirroredImage.Outcome.FAILED)).singleElement()
        .satisfies(failed -> assertThat(failed.source()).isEqualTo(source().host() + "/codefresh/missing:0.0.1"));
    assertThat(report.with(MirroredImage.Outcome.COPIED)).hasSize(3);
    assertThat(Files.readString(archive)).isEqualTo("last week's bundle");
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).doesNotContain("bundle.tar.partial");
    }
  }

  @Test
  void aFileThatIsNotAnArchiveIsRefusedNamingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.tar"), "not a tar");

    assertThatThrownBy(() -> toTarget("x").build().copyFrom(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The archive " + file + " is not an OCI image layout: it has no index.json. Write one with mirror"
            + " --to-archive.");
  }

  /** Where the header of an entry starts. */
  private static long offsetOf(Path archive, String name) throws IOException {
    byte[] bytes = Files.readAllBytes(archive);
    byte[] wanted = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int at = 0; at + 512 <= bytes.length; at += 512) {
      if (java.util.Arrays.equals(bytes, at, at + wanted.length, wanted, 0, wanted.length) && bytes[at + wanted.length] == 0) {
        return at;
      }
    }
    throw new AssertionError(name + " is not in " + archive);
  }

  /** Reads a test image manifest's big layer. */
  private static final class Manifests {
    static String layerOf(byte[] manifest) throws IOException {
      var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest);
      return node.path("layers").get(1).path("digest").asText();
    }
  }

  private static TestRegistry source() {
    return REGISTRIES.source();
  }

  private static TestRegistry target() {
    return REGISTRIES.target();
  }
}
