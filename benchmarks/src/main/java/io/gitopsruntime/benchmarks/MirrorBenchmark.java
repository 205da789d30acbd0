package io.gitopsruntime.benchmarks;

import io.gitopsruntime.helm.images.ImageMirror;
import io.gitopsruntime.helm.images.ImageRef;
import io.gitopsruntime.helm.images.MirrorListener;
import io.gitopsruntime.helm.images.MirrorReport;
import io.gitopsruntime.helm.images.MirroredImage;
import io.gitopsruntime.helm.images.RegistryCredentials;
import io.gitopsruntime.testing.registry.TestRegistry;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Mirrors 20 images of about 10 MB each (random, incompressible layers; four of them two-platform OCI indexes) between
 * two real distribution registries on loopback: a plain-HTTP source and a target with basic auth and TLS from a test
 * CA. Measures, in one run: the SDK's {@link ImageMirror} copying all 20 at its default concurrency; {@code skopeo copy
 * --all --preserve-digests} copying the same images one after another into another repository path of the target (so
 * that it copies everything too); and a repeat of the SDK's mirror with nothing to copy. After each copy every image's
 * digest is checked on the target, so a run that copied nothing cannot win.
 *
 * <p>{@code --preserve-digests} makes skopeo copy byte for byte, as the SDK does: without it skopeo gzips the test
 * images' uncompressed layers on the way, which changes every digest (and costs it CPU). The SDK runs in the JVM that
 * built the images, so its plain-HTTP and SHA-256 code is partly compiled already; its TLS code is not.
 *
 * <p>Needs the provisioned registry ({@value TestRegistry#PROVISION_COMMAND}) and, for the comparison, skopeo
 * ({@code apt-get install skopeo}); without skopeo only the SDK is measured.
 *
 * <pre>
 * mvn -B -q -DskipTests install &amp;&amp; mvn -B -q -pl benchmarks exec:exec@mirror
 * </pre>
 *
 * <p>The last line reads {@code mirror 20 images (N MB): sdk Xs, skopeo Ys (Zx); repeat: sdk Ws}.
 */
public final class MirrorBenchmark {
  private static final int IMAGES = 20;
  private static final int INDEXES = 4;
  private static final int IMAGE_BYTES = 10_000_000;
  private static final List<String> PLATFORMS = List.of("linux/amd64", "linux/arm64");
  private static final String USER = "mirror";
  private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

  private MirrorBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args unused
   * @throws Exception if a registry does not start, a copy fails or an image is missing on the target afterwards
   */
  public static void main(String[] args) throws Exception {
    if (TestRegistry.binary().isEmpty()) {
      System.err.println(TestRegistry.skipMessage());
      System.exit(2);
    }
    Optional<Path> skopeo = onPath("skopeo");
    if (skopeo.isEmpty()) {
      System.out.println("skopeo is not installed, so only the SDK is measured; install it with: apt-get install skopeo");
    }
    byte[] secret = new byte[18];
    new java.security.SecureRandom().nextBytes(secret);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Path work = Files.createTempDirectory("mirror-benchmark-");
    try (TestRegistry source = TestRegistry.builder().start();
        TestRegistry target = TestRegistry.builder().basicAuth(USER, password).tls().start()) {
      Path ca = target.caFile().orElseThrow();
      System.out.println("source http://" + source.host() + ", target https://" + target.host()
          + " (basic auth, TLS from a test CA)");

      long built = System.nanoTime();
      List<Pushed> images = push(source);
      long bytes = images.stream().mapToLong(Pushed::bytes).sum();
      System.out.printf(Locale.ROOT, "built and pushed %d images (%d indexes of %s), %.0f MB, in %.1f s%n", images.size(),
          INDEXES, String.join(" + ", PLATFORMS), bytes / 1e6, (System.nanoTime() - built) / 1e9);
      List<ImageRef> refs = images.stream().map(i -> ImageRef.parse(source.host() + "/" + i.repository() + ":" + i.tag()))
          .toList();

      AtomicInteger retries = new AtomicInteger();
      ImageMirror mirror = ImageMirror.builder().to(target.host() + "/sdk").plainHttp(source.host()).caCertificate(ca)
          .credentials(RegistryCredentials.none().withLogin(target.host(), USER, password))
          .listener(new MirrorListener() {
            @Override
            public void retrying(String image, String what, int attempt) {
              retries.incrementAndGet();
            }
          }).build();

      long start = System.nanoTime();
      MirrorReport first = mirror.copy(refs).throwIfFailed();
      double sdk = (System.nanoTime() - start) / 1e9;
      System.out.println("sdk:    " + first.summary() + (retries.get() > 0 ? ", " + retries.get() + " retries" : ""));
      requireOutcome(first, MirroredImage.Outcome.COPIED);
      verify(target, "sdk/", images);

      double skopeoSeconds = Double.NaN;
      if (skopeo.isPresent()) {
        skopeoSeconds = skopeo(skopeo.get(), source, target, ca, password, images, work);
        verify(target, "skopeo/", images);
      }

      retries.set(0);
      start = System.nanoTime();
      MirrorReport repeat = mirror.copy(refs).throwIfFailed();
      double again = (System.nanoTime() - start) / 1e9;
      System.out.println("repeat: " + repeat.summary() + (retries.get() > 0 ? ", " + retries.get() + " retries" : ""));
      requireOutcome(repeat, MirroredImage.Outcome.ALREADY_PRESENT);

      String versus = skopeo.isPresent()
          ? String.format(Locale.ROOT, "skopeo %.1fs (%.1fx)", skopeoSeconds, skopeoSeconds / sdk)
          : "skopeo absent (apt-get install skopeo)";
      System.out.printf(Locale.ROOT, "mirror %d images (%.0f MB): sdk %.1fs, %s; repeat: sdk %.2fs%n", images.size(),
          bytes / 1e6, sdk, versus, again);
    } finally {
      deleteTree(work);
    }
  }

  /** An image pushed to the source: its repository, tag, digest and layer bytes. */
  private record Pushed(String repository, String tag, String digest, long bytes) {}

  /** Builds the images in parallel (random layers take a while to make): indexes first, then single-platform images. */
  private static List<Pushed> push(TestRegistry source) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Pushed>> futures = new ArrayList<>();
      for (int i = 1; i <= IMAGES; i++) {
        String repository = String.format(Locale.ROOT, "bench/image-%02d", i);
        boolean index = i <= INDEXES;
        futures.add(pool.submit(() -> index ? pushIndex(source, http, repository) : new Pushed(repository, "1.0",
            source.pushImage(repository, "1.0", "linux/amd64", IMAGE_BYTES), IMAGE_BYTES)));
      }
      List<Pushed> pushed = new ArrayList<>();
      for (Future<Pushed> future : futures) {
        pushed.add(future.get());
      }
      return pushed;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A two-platform index of about {@link #IMAGE_BYTES} in all: each platform's image pushed under its own tag, then
   * an OCI index listing them put under {@code 1.0} (the source speaks plain HTTP without auth).
   */
  private static Pushed pushIndex(TestRegistry source, HttpClient http, String repository) throws Exception {
    StringBuilder manifests = new StringBuilder();
    int layer = IMAGE_BYTES / PLATFORMS.size();
    for (String platform : PLATFORMS) {
      String[] parts = platform.split("/");
      String digest = source.pushImage(repository, "1.0-" + parts[1], platform, layer);
      int size = source.get(repository, digest).length;
      manifests.append(manifests.length() == 0 ? "" : ",").append("{\"mediaType\":\"").append(OCI_MANIFEST)
          .append("\",\"digest\":\"").append(digest).append("\",\"size\":").append(size)
          .append(",\"platform\":{\"architecture\":\"").append(parts[1]).append("\",\"os\":\"").append(parts[0])
          .append("\"}}");
    }
    byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":[" + manifests + "]}")
        .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + source.host() + "/v2/"
        + repository + "/manifests/1.0")).header("Content-Type", OCI_INDEX)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(index)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("PUT the index of " + repository + " answered " + response.statusCode() + " "
          + response.body());
    }
    return new Pushed(repository, "1.0", TestRegistry.digest(index), (long) layer * PLATFORMS.size());
  }

  /**
   * {@code skopeo copy --all}, one image after another, into {@code target/skopeo/...}: credentials from an auth file
   * (never on the command line), the test CA from a certificate directory; the source is plain HTTP.
   *
   * @return the seconds all copies took
   */
  private static double skopeo(Path skopeo, TestRegistry source, TestRegistry target, Path ca, String password,
      List<Pushed> images, Path work) throws Exception {
    Path certs = Files.createDirectories(work.resolve("certs"));
    Files.copy(ca, certs.resolve("ca.crt"));
    Path auth = work.resolve("auth.json");
    Files.createFile(auth, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(auth, "{\"auths\":{\"" + target.host() + "\":{\"auth\":\"" + Base64.getEncoder().encodeToString(
        (USER + ":" + password).getBytes(StandardCharsets.UTF_8)) + "\"}}}");
    long start = System.nanoTime();
    for (Pushed image : images) {
      List<String> command = List.of(skopeo.toString(), "copy", "--all", "--preserve-digests", "--quiet",
          "--src-tls-verify=false",
          "--dest-cert-dir", certs.toString(), "--dest-authfile", auth.toString(),
          "docker://" + source.host() + "/" + image.repository() + ":" + image.tag(),
          "docker://" + target.host() + "/skopeo/" + image.repository() + ":" + image.tag());
      ProcessRun run = ProcessRun.of(command);
      if (run.exitCode != 0) {
        throw new IllegalStateException("skopeo copy of " + image.repository() + " exited with " + run.exitCode);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "skopeo: %d images copied one after another in %.1f s (%.2f s each)%n", images.size(),
        seconds, seconds / images.size());
    return seconds;
  }

  /** Every image's manifest is on the target under its tag, at the source's digest. */
  private static void verify(TestRegistry target, String prefix, List<Pushed> images) {
    for (Pushed image : images) {
      Optional<String> digest = target.digestOf(prefix + image.repository(), image.tag());
      if (!digest.equals(Optional.of(image.digest()))) {
        throw new IllegalStateException("After the copy, " + target.host() + "/" + prefix + image.repository() + ":"
            + image.tag() + " is " + digest.orElse("absent") + ", not " + image.digest());
      }
    }
  }

  private static void requireOutcome(MirrorReport report, MirroredImage.Outcome outcome) {
    List<MirroredImage> other = report.images().stream().filter(i -> i.outcome() != outcome).toList();
    if (!other.isEmpty() || report.images().size() != IMAGES) {
      throw new IllegalStateException("expected " + IMAGES + " images " + outcome + ", got " + report.images());
    }
  }

  private static Optional<Path> onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
