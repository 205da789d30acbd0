package io.gitopsruntime.helm.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.testing.Fault;
import io.gitopsruntime.testing.registry.FaultProxy;
import io.gitopsruntime.testing.registry.RegistryPair;
import io.gitopsruntime.testing.registry.TestRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link ImageMirror} between two real registries on loopback: a plain "public" one and a private one with auth and TLS. */
class ImageMirrorTest {
  @RegisterExtension
  static final RegistryPair REGISTRIES = RegistryPair.withTarget(b -> b.basicAuth("mirror", "s3cret-password").tls());

  private static ImageMirror.Builder mirror(String prefix) {
    return ImageMirror.builder().to(target().host() + "/" + prefix).plainHttp(source().host())
        .caCertificate(target().caFile().orElseThrow())
        .credentials(RegistryCredentials.none().withLogin(target().host(), "mirror", "s3cret-password"))
        .retries(5, Duration.ofMillis(10));
  }

  private static ImageRef ref(String repository, String tag) {
    return ImageRef.parse(source().host() + "/" + repository + ":" + tag);
  }

  @Nested
  class Copy {
    @Test
    void copiesAWholeIndexByDigestAndAPlainImageToARegistryWithAuthAndTls(@TempDir Path dir) {
      String index = source().pushIndex("codefresh/app-proxy", "1.0", List.of("linux/amd64", "linux/arm64"));
      String single = source().pushImage("argoproj/argocd", "v3.3.10", "linux/amd64", 64 * 1024);
      List<String> events = new CopyOnWriteArrayList<>();
      MirrorReport report = mirror("copy").listener(new MirrorListener() {
        @Override
        public void imageStarted(String image, String to) {
          events.add("started " + image);
        }

        @Override
        public void imageDone(MirroredImage image) {
          events.add(image.outcome() + " " + image.source());
        }
      }).build().copy(List.of(ref("codefresh/app-proxy", "1.0"), ref("argoproj/argocd", "v3.3.10")));

      assertThat(report.succeeded()).isTrue();
      assertThat(report.images()).extracting(MirroredImage::outcome)
          .containsExactly(MirroredImage.Outcome.COPIED, MirroredImage.Outcome.COPIED);
      assertThat(report.images().get(0).platforms()).containsExactly("linux/amd64", "linux/arm64");
      assertThat(report.images().get(0).target()).isEqualTo(target().host() + "/copy/codefresh/app-proxy:1.0");
      assertThat(report.images().get(1).platforms()).containsExactly("linux/amd64");
      assertThat(target().digestOf("copy/codefresh/app-proxy", "1.0")).contains(index);
      assertThat(target().get("copy/codefresh/app-proxy", index)).isEqualTo(source().get("codefresh/app-proxy", index));
      assertThat(target().digestOf("copy/argoproj/argocd", "v3.3.10")).contains(single);
      assertThat(report.images().get(0).blobsCopied() + report.images().get(0).blobsMounted()
          + report.images().get(0).blobsPresent()).isEqualTo(6);
      assertThat(events).contains("started " + source().host() + "/codefresh/app-proxy:1.0",
          "COPIED " + source().host() + "/codefresh/app-proxy:1.0", "COPIED " + source().host() + "/argoproj/argocd:v3.3.10");

      MirrorLock lock = MirrorLock.of(report);
      Path file = lock.write(dir.resolve("images.lock"));
      assertThat(MirrorLock.read(file)).isEqualTo(lock);
      assertThat(lock.toJson()).isEqualTo("{\n"
          + "  \"lockVersion\" : 1,\n"
          + "  \"target\" : \"" + target().host() + "/copy\",\n"
          + "  \"images\" : [ {\n"
          + "    \"source\" : \"" + source().host() + "/argoproj/argocd:v3.3.10\",\n"
          + "    \"mirror\" : \"" + target().host() + "/copy/argoproj/argocd:v3.3.10\",\n"
          + "    \"digest\" : \"" + single + "\",\n"
          + "    \"platforms\" : [ \"linux/amd64\" ]\n"
          + "  }, {\n"
          + "    \"source\" : \"" + source().host() + "/codefresh/app-proxy:1.0\",\n"
          + "    \"mirror\" : \"" + target().host() + "/copy/codefresh/app-proxy:1.0\",\n"
          + "    \"digest\" : \"" + index + "\",\n"
          + "    \"platforms\" : [ \"linux/amd64\", \"linux/arm64\" ]\n"
          + "  } ]\n"
          + "}\n");
    }

    @Test
    void aSecondRunCopiesNothingAndSaysSo() {
      source().pushIndex("codefresh/tunnel", "2.0", List.of("linux/amd64", "linux/arm64"));
      List<ImageRef> images = List.of(ref("codefresh/tunnel", "2.0"));
      assertThat(mirror("again").build().copy(images).with(MirroredImage.Outcome.COPIED)).hasSize(1);

      MirrorReport again = mirror("again").build().copy(images);

      assertThat(again.images()).extracting(MirroredImage::outcome).containsExactly(MirroredImage.Outcome.ALREADY_PRESENT);
      assertThat(again.summary()).startsWith("1 image to " + target().host() + "/again: 0 copied (0 blobs, 0 B), 1 already"
          + " present, 0 failed in ");
      assertThat(again.images().get(0)).hasToString("present " + target().host() + "/again/codefresh/tunnel:2.0 (nothing to copy)");
    }

    @Test
    void aPlanListsWhatWouldBeCopiedAndCopiesNothing() {
      String index = source().pushIndex("codefresh/planned", "3.0", List.of("linux/amd64"));

      MirrorReport plan = mirror("plan").build().plan(List.of(ref("codefresh/planned", "3.0")));

      assertThat(plan.images()).extracting(MirroredImage::outcome).containsExactly(MirroredImage.Outcome.TO_COPY);
      assertThat(plan.images().get(0).blobsCopied()).isEqualTo(3);
      assertThat(plan.images().get(0).digest()).contains(index);
      assertThat(plan.summary()).startsWith("1 image to " + target().host() + "/plan: 1 to copy (3 blobs, ");
      assertThat(target().digestOf("plan/codefresh/planned", "3.0")).isEmpty();
    }

    @Test
    void refusedCredentialsFailTheImageWithoutNamingThePassword() {
      source().pushImage("codefresh/denied", "1", "linux/amd64", 1024);
      MirrorReport report = mirror("denied")
          .credentials(RegistryCredentials.none().withLogin(target().host(), "mirror", "wrong-password")).build()
          .copy(List.of(ref("codefresh/denied", "1")));

      assertThat(report.images().get(0).outcome()).isEqualTo(MirroredImage.Outcome.FAILED);
      assertThat(report.images().get(0).failure()).contains("HEAD https://" + target().host()
          + "/v2/denied/codefresh/denied/manifests/" + report.images().get(0).digest().orElseThrow()
          + ": 401 Unauthorized. The registry " + target().host() + " refused the credentials for it.");
      assertThat(report.toString()).doesNotContain("wrong-password");
    }
  }

  @Nested
  class Faults {
    @Test
    void retriesA500A429AndABlobCutShortAndStillCopiesEverything() {
      String index = source().pushIndex("codefresh/faulty", "1.0", List.of("linux/amd64", "linux/arm64"));
      try (FaultProxy proxy = FaultProxy.inFrontOf(source())) {
        proxy.inject(Fault.status(500).on("GET", "/v2/codefresh/faulty/manifests/1.0"))
            .inject(Fault.tooManyRequests(Duration.ofSeconds(1)).on("GET", "/v2/codefresh/faulty/manifests/sha256:.*"))
            .inject(Fault.dropConnection().on("GET", "/v2/codefresh/faulty/blobs/sha256:.*"));
        List<String> retries = new CopyOnWriteArrayList<>();
        MirrorReport report = mirror("faults").plainHttp(proxy.host()).listener(new MirrorListener() {
          @Override
          public void retrying(String image, String what, int attempt) {
            retries.add(what);
          }
        }).build().copy(List.of(ImageRef.parse(proxy.host() + "/codefresh/faulty:1.0")));

        assertThat(proxy.played()).hasSize(3);
        assertThat(retries).hasSize(3);
        assertThat(report.images()).extracting(MirroredImage::outcome).containsExactly(MirroredImage.Outcome.COPIED);
        assertThat(target().digestOf("faults/codefresh/faulty", "1.0")).contains(index);
      }
    }

    @Test
    void aTargetThatKeepsFailingIsNeverReportedCopiedAndASecondRunResumes() {
      String digest = source().pushImage("codefresh/resumed", "1.0", "linux/amd64", 128 * 1024);
      try (TestRegistry plainTarget = TestRegistry.builder().start(); FaultProxy proxy = FaultProxy.inFrontOf(plainTarget)) {
        proxy.inject(Fault.status(503).on("PUT", "/v2/resumed/codefresh/resumed/manifests/.*").always());
        ImageMirror failing = ImageMirror.builder().to(proxy.host() + "/resumed").plainHttp(source().host())
            .plainHttp(proxy.host()).retries(2, Duration.ofMillis(10)).build();

        MirrorReport first = failing.copy(List.of(ref("codefresh/resumed", "1.0")));

        assertThat(first.images()).extracting(MirroredImage::outcome).containsExactly(MirroredImage.Outcome.FAILED);
        assertThat(first.images().get(0).failure()).contains("PUT http://" + proxy.host()
            + "/v2/resumed/codefresh/resumed/manifests/" + digest + ": 503 UNAVAILABLE injected fault.");
        assertThat(first.images().get(0).blobsCopied()).isEqualTo(3);
        assertThat(plainTarget.digestOf("resumed/codefresh/resumed", digest)).isEmpty();

        MirrorReport second = ImageMirror.builder().to(plainTarget.host() + "/resumed").plainHttp(source().host())
            .plainHttp(plainTarget.host()).build().copy(List.of(ref("codefresh/resumed", "1.0")));

        assertThat(second.images().get(0).outcome()).isEqualTo(MirroredImage.Outcome.COPIED);
        assertThat(second.images().get(0).blobsCopied()).isZero();
        assertThat(second.images().get(0).blobsPresent()).isEqualTo(3);
        assertThat(plainTarget.digestOf("resumed/codefresh/resumed", "1.0")).isEqualTo(Optional.of(digest));
      }
    }

    @Test
    void aRegistryOutOfSpaceIsNamedNotRetriedAndTheNextRunResumes() {
      String digest = source().pushImage("codefresh/full", "1.0", "linux/amd64", 64 * 1024);
      try (TestRegistry plainTarget = TestRegistry.builder().start(); FaultProxy proxy = FaultProxy.inFrontOf(plainTarget)) {
        proxy.diskFull(true);
        ImageMirror mirror = ImageMirror.builder().to(proxy.host() + "/full").plainHttp(source().host())
            .plainHttp(proxy.host()).retries(3, Duration.ofMillis(10)).build();

        MirrorReport full = mirror.copy(List.of(ref("codefresh/full", "1.0")));

        assertThat(full.images()).extracting(MirroredImage::outcome).containsExactly(MirroredImage.Outcome.FAILED);
        assertThat(full.images().get(0).failure()).get().asString()
            .contains(": 500 UNKNOWN unknown error: write /var/lib/registry/docker/registry/v2/repositories/full/"
                + "codefresh/full/blobs/uploads/")
            .endsWith("/data: no space left on device. The registry " + proxy.host() + " has no storage left: free"
                + " space on it (or run its garbage collection), then mirror again; blobs already copied are skipped.");
        // one upload started per blob (the image has three), none retried: retries(3) would have made it nine
        assertThat(proxy.requests()).as("a full disk is not retried").filteredOn(r -> r.startsWith("POST "))
            .hasSize(3);
        assertThat(plainTarget.digestOf("full/codefresh/full", "1.0")).isEmpty();

        proxy.diskFull(false);
        MirrorReport freed = mirror.copy(List.of(ref("codefresh/full", "1.0")));

        assertThat(freed.images().get(0).outcome()).isEqualTo(MirroredImage.Outcome.COPIED);
        assertThat(plainTarget.digestOf("full/codefresh/full", "1.0")).isEqualTo(Optional.of(digest));
      }
    }
  }

  private static TestRegistry source() {
    return REGISTRIES.source();
  }

  private static TestRegistry target() {
    return REGISTRIES.target();
  }
}
