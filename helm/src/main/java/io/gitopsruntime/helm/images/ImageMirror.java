package io.gitopsruntime.helm.images;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.helm.images.internal.Manifest;
import io.gitopsruntime.helm.images.internal.RegistryClient;
import io.gitopsruntime.helm.images.internal.RegistryException;
import io.gitopsruntime.helm.images.internal.Retry;
import io.gitopsruntime.helm.images.internal.Tls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies images, by digest, to a private registry: each image's whole multi-platform index (the index, each platform's
 * manifest, their config and layer blobs), byte for byte so that every digest stays the same, under the name
 * {@link RegistryOverrides} gives it ({@code HOST[/PREFIX]/REPOSITORY[:TAG]}, so the override values find it).
 *
 * <p>Resumable: a blob the target already has is not sent again (a {@code HEAD} first), a blob it has in another
 * repository is mounted from there, and an image whose manifest and tag are already there is not touched. Requests
 * that may pass on a second try (a 5xx, a 429 after its {@code Retry-After}, a connection dropped mid-blob) are
 * tried again; a downloaded blob is checked against its digest. An image is reported {@code COPIED} only once its
 * manifest is found on the target by digest (and its tag points at that digest). {@link #plan} reads the same way
 * and writes nothing.
 *
 * <pre>{@code
 * List<ImageRef> images = RuntimeImages.builder().build().of(installation);
 * MirrorReport report = ImageMirror.builder().to("registry.example.com/mirror")
 *     .credentials(RegistryCredentials.fromDockerConfig()).build().copy(images);
 * System.out.println(report.summary());
 * MirrorLock.of(report.throwIfFailed()).write(Path.of("images.lock"));
 * }</pre>
 *
 * <p>Threads: each run uses two bounded pools of {@code concurrency} threads (images, and blobs), created and shut
 * down by the run; blobs are staged in a temporary directory deleted at the end. Immutable and thread-safe.
 */
public final class ImageMirror {
  private static final Logger LOG = LoggerFactory.getLogger(ImageMirror.class);

  private final RegistryOverrides naming;
  private final String targetHost;
  private final String targetPrefix;
  private final RegistryCredentials credentials;
  private final List<Path> caFiles;
  private final Set<String> plainHttp;
  private final boolean plainHttpEverywhere;
  private final int concurrency;
  private final MirrorListener listener;
  private final Retry retry;

  private ImageMirror(Builder builder) {
    this.naming = RegistryOverrides.builder().registry(builder.target).build();
    String target = naming.registry();
    int slash = target.indexOf('/');
    this.targetHost = slash < 0 ? target : target.substring(0, slash);
    this.targetPrefix = slash < 0 ? "" : target.substring(slash + 1) + "/";
    this.credentials = builder.credentials;
    this.caFiles = List.copyOf(builder.caFiles);
    this.plainHttp = Set.copyOf(builder.plainHttp);
    this.plainHttpEverywhere = builder.plainHttpEverywhere;
    this.concurrency = builder.concurrency;
    this.listener = builder.listener;
    this.retry = builder.retry;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The target registry.
   *
   * @return {@code HOST[/PREFIX]}
   */
  public String target() {
    return naming.registry();
  }

  /**
   * Where an image goes.
   *
   * @param image the image
   * @return {@code HOST[/PREFIX]/REPOSITORY[:TAG][@DIGEST]}, as {@link RegistryOverrides#mirrorOf(String)}
   */
  public String targetOf(ImageRef image) {
    return naming.mirrorOf(image.reference());
  }

  /**
   * Copies the images to the target registry.
   *
   * @param images the images, such as {@link RuntimeImages#of}'s; duplicates are copied once
   * @return each image's outcome, in the order given; failures are in it, not thrown ({@link MirrorReport#throwIfFailed()})
   * @throws GitOpsRuntimeException if interrupted (the interrupt flag is kept)
   */
  public MirrorReport copy(List<ImageRef> images) {
    return run(images, false);
  }

  /**
   * What {@link #copy} would copy: reads the source manifests and checks the target, writes nothing.
   *
   * @param images the images
   * @return each image as {@code TO_COPY} (with the blobs and bytes missing on the target), {@code ALREADY_PRESENT}
   *     or {@code FAILED}
   */
  public MirrorReport plan(List<ImageRef> images) {
    return run(images, true);
  }

  private MirrorReport run(List<ImageRef> images, boolean plan) {
    long started = System.nanoTime();
    List<ImageRef> unique = images.stream().distinct().toList();
    Path staging;
    try {
      staging = Files.createTempDirectory("gitops-runtime-mirror-");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a temporary directory for the mirror's blobs", e);
    }
    ExecutorService imagePool = Executors.newFixedThreadPool(concurrency, daemon("mirror-image-"));
    ExecutorService blobPool = Executors.newFixedThreadPool(concurrency, daemon("mirror-blob-"));
    try {
      Run run = new Run(clients(), staging, blobPool, plan);
      List<Future<MirroredImage>> futures = new ArrayList<>();
      for (ImageRef image : unique) {
        futures.add(imagePool.submit(() -> run.image(image)));
      }
      List<MirroredImage> done = new ArrayList<>();
      for (Future<MirroredImage> future : futures) {
        done.add(future.get());
      }
      return new MirrorReport(target(), done, plan, Duration.ofNanos(System.nanoTime() - started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitOpsRuntimeException("Mirroring to " + target() + " was interrupted; run it again to resume.", e);
    } catch (ExecutionException e) {
      throw new GitOpsRuntimeException("Mirroring to " + target() + " failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      imagePool.shutdownNow();
      blobPool.shutdownNow();
      deleteTree(staging);
    }
  }

  private Clients clients() {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30))
        .followRedirects(HttpClient.Redirect.NEVER).sslContext(Tls.trusting(caFiles)).build();
    return new Clients(http);
  }

  /** One client per registry host, made on first use. */
  private final class Clients {
    private final HttpClient http;
    private final Map<String, RegistryClient> byHost = new ConcurrentHashMap<>();

    Clients(HttpClient http) {
      this.http = http;
    }

    RegistryClient get(String host) {
      return byHost.computeIfAbsent(host, h -> new RegistryClient(h, plainHttpEverywhere || plainHttp.contains(h), http,
          credentials.basicFor(h)));
    }
  }

  /** One run's state: clients, staging, and which blobs the target has where. */
  private final class Run {
    private final Clients clients;
    private final Path staging;
    private final ExecutorService blobs;
    private final boolean plan;
    /** Blob digest to a target repository known to hold it, or an upload under way. */
    private final Map<String, CompletableFuture<String>> onTarget = new ConcurrentHashMap<>();
    private final AtomicInteger files = new AtomicInteger();

    Run(Clients clients, Path staging, ExecutorService blobs, boolean plan) {
      this.clients = clients;
      this.staging = staging;
      this.blobs = blobs;
      this.plan = plan;
    }

    MirroredImage image(ImageRef image) {
      String target = naming.mirrorOf(image.reference());
      String targetRepo = targetPrefix + image.repository();
      listener.imageStarted(image.reference(), target);
      Counts counts = new Counts();
      Optional<String> digest = Optional.empty();
      List<String> platforms = List.of();
      MirroredImage result;
      try {
        RegistryClient source = clients.get(image.registry());
        RegistryClient dest = clients.get(targetHost);
        String reference = image.digest().orElseGet(() -> image.tag().orElse("latest"));
        Manifest top = call(image, "reading " + image.reference(), () -> source.manifest(image.repository(), reference))
            .orElseThrow(() -> new RegistryException("The registry " + image.registry() + " has no manifest "
                + reference + " in " + image.repository() + ".", 404, false));
        digest = Optional.of(top.digest());
        platforms = platforms(image, source, top);
        boolean present = call(image, "checking " + target, () -> dest.manifestDigest(targetRepo, top.digest()))
            .isPresent() && tagPoints(image, dest, targetRepo, top.digest());
        if (present) {
          result = new MirroredImage(image.reference(), target, digest, platforms, MirroredImage.Outcome.ALREADY_PRESENT,
              0, 0, 0, 0, Optional.empty());
        } else {
          copyManifest(image, source, dest, targetRepo, top, counts);
          if (!plan) {
            for (String tag : image.tag().stream().toList()) {
              call(image, "tagging " + target, () -> {
                dest.putManifest(targetRepo, tag, top);
                return null;
              });
            }
            verify(image, dest, targetRepo, top.digest(), target);
          }
          result = new MirroredImage(image.reference(), target, digest, platforms,
              plan ? MirroredImage.Outcome.TO_COPY : MirroredImage.Outcome.COPIED, counts.copied.get(),
              counts.mounted.get(), counts.present.get(), counts.bytes.get(), Optional.empty());
        }
      } catch (RegistryException e) {
        result = failed(image, target, digest, platforms, counts, e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        result = failed(image, target, digest, platforms, counts, "interrupted");
      } catch (RuntimeException e) {
        LOG.debug("mirroring {} failed", image.reference(), e);
        result = failed(image, target, digest, platforms, counts, e.getMessage() == null ? e.toString() : e.getMessage());
      }
      listener.imageDone(result);
      return result;
    }

    private MirroredImage failed(ImageRef image, String target, Optional<String> digest, List<String> platforms,
        Counts counts, String why) {
      return new MirroredImage(image.reference(), target, digest, platforms, MirroredImage.Outcome.FAILED,
          counts.copied.get(), counts.mounted.get(), counts.present.get(), counts.bytes.get(), Optional.of(why));
    }

    private boolean tagPoints(ImageRef image, RegistryClient dest, String repo, String digest) throws InterruptedException {
      if (image.tag().isEmpty()) {
        return true;
      }
      return call(image, "checking the tag", () -> dest.manifestDigest(repo, image.tag().get())).equals(Optional.of(digest));
    }

    private void verify(ImageRef image, RegistryClient dest, String repo, String digest, String target)
        throws InterruptedException {
      Optional<String> stored = call(image, "verifying " + target, () -> dest.manifestDigest(repo, digest));
      if (!stored.equals(Optional.of(digest)) || !tagPoints(image, dest, repo, digest)) {
        throw new RegistryException("After the copy, the registry " + targetHost + " does not have " + target
            + " at " + digest + ".", 0, false);
      }
    }

    private List<String> platforms(ImageRef image, RegistryClient source, Manifest top) throws InterruptedException {
      Set<String> found = new TreeSet<>();
      if (top.isIndex()) {
        top.manifests().forEach(d -> d.platform().filter(p -> !p.equals("unknown/unknown")).ifPresent(found::add));
      } else {
        Optional<Manifest.Descriptor> config = top.config();
        if (config.isPresent() && config.get().mediaType().contains("image.config")) {
          byte[] bytes = call(image, "reading the config of " + image.reference(),
              () -> source.blob(image.repository(), config.get().digest()));
          Manifest.platformOfConfig(bytes).ifPresent(found::add);
        }
      }
      return List.copyOf(found);
    }

    /** Children first, then the manifest itself by digest: a registry accepts a manifest only when its parts are there. */
    private void copyManifest(ImageRef image, RegistryClient source, RegistryClient dest, String targetRepo,
        Manifest manifest, Counts counts) throws InterruptedException {
      if (manifest.isIndex()) {
        for (Manifest.Descriptor child : manifest.manifests()) {
          boolean there = call(image, "checking " + child.digest(),
              () -> dest.manifestDigest(targetRepo, child.digest())).isPresent();
          if (there) {
            continue;
          }
          Manifest read = call(image, "reading " + child.digest(), () -> source.manifest(image.repository(), child.digest()))
              .orElseThrow(() -> new RegistryException("The registry " + image.registry() + " has no manifest "
                  + child.digest() + " in " + image.repository() + ", which its index " + manifest.digest()
                  + " lists.", 404, false));
          copyManifest(image, source, dest, targetRepo, read, counts);
        }
      } else {
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        for (Manifest.Descriptor blob : manifest.blobs()) {
          parts.add(CompletableFuture.runAsync(() -> {
            try {
              copyBlob(image, source, dest, targetRepo, blob, counts);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new RegistryException("interrupted", 0, false);
            }
          }, blobs));
        }
        try {
          CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
      if (!plan) {
        call(image, "writing manifest " + manifest.digest(), () -> {
          dest.putManifest(targetRepo, manifest.digest(), manifest);
          return null;
        });
      }
    }

    private void copyBlob(ImageRef image, RegistryClient source, RegistryClient dest, String targetRepo,
        Manifest.Descriptor blob, Counts counts) throws InterruptedException {
      String digest = blob.digest();
      if (call(image, "checking blob " + digest, () -> dest.hasBlob(targetRepo, digest))) {
        counts.present.incrementAndGet();
        onTarget.putIfAbsent(digest, CompletableFuture.completedFuture(targetRepo));
        return;
      }
      if (plan) {
        counts.copied.incrementAndGet();
        counts.bytes.addAndGet(Math.max(0, blob.size()));
        return;
      }
      CompletableFuture<String> mine = new CompletableFuture<>();
      CompletableFuture<String> other = onTarget.putIfAbsent(digest, mine);
      if (other != null) {
        String from = waitFor(other);
        if (from != null && call(image, "mounting blob " + digest, () -> dest.mount(targetRepo, digest, from))) {
          counts.mounted.incrementAndGet();
          return;
        }
      }
      if (source.host().equals(dest.host())
          && call(image, "mounting blob " + digest, () -> dest.mount(targetRepo, digest, image.repository()))) {
        counts.mounted.incrementAndGet();
        mine.complete(targetRepo);
        return;
      }
      Path file = staging.resolve("blob-" + files.incrementAndGet());
      try {
        long size = call(image, "downloading blob " + digest, () -> source.download(image.repository(), digest, file));
        call(image, "uploading blob " + digest, () -> {
          dest.upload(targetRepo, digest, file);
          return null;
        });
        counts.copied.incrementAndGet();
        counts.bytes.addAndGet(size);
        mine.complete(targetRepo);
        if (other != null) {
          onTarget.put(digest, mine);
        }
      } catch (RuntimeException | InterruptedException e) {
        mine.complete(null);
        onTarget.remove(digest, mine);
        throw e;
      } finally {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          LOG.debug("could not delete {}", file, e);
        }
      }
    }

    private String waitFor(CompletableFuture<String> other) throws InterruptedException {
      try {
        return other.get();
      } catch (ExecutionException e) {
        return null;
      }
    }

    private <T> T call(ImageRef image, String what, java.util.concurrent.Callable<T> operation)
        throws InterruptedException {
      return retry.run(what, operation, attempt -> listener.retrying(image.reference(), what, attempt));
    }
  }

  /** Blob counts of one image; shared by its blob tasks. */
  private static final class Counts {
    final AtomicInteger copied = new AtomicInteger();
    final AtomicInteger mounted = new AtomicInteger();
    final AtomicInteger present = new AtomicInteger();
    final AtomicLong bytes = new AtomicLong();
  }

  private static java.util.concurrent.ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          LOG.debug("could not delete {}", p, e);
        }
      });
    } catch (IOException e) {
      LOG.debug("could not delete {}", dir, e);
    }
  }

  /** Configures {@link ImageMirror}. Not thread-safe. */
  public static final class Builder {
    private String target = "";
    private RegistryCredentials credentials = RegistryCredentials.none();
    private final List<Path> caFiles = new ArrayList<>();
    private final Set<String> plainHttp = new HashSet<>();
    private boolean plainHttpEverywhere;
    private int concurrency = 4;
    private MirrorListener listener = MirrorListener.NONE;
    private Retry retry = Retry.STANDARD;

    private Builder() {}

    /**
     * The target registry (required).
     *
     * @param registry {@code HOST[:PORT][/PREFIX]}, as {@link RegistryOverrides.Builder#registry(String)} takes it
     * @return this builder
     * @throws IllegalArgumentException if it is not such a registry
     */
    public Builder to(String registry) {
      RegistryOverrides.builder().registry(registry);
      this.target = registry;
      return this;
    }

    /**
     * The credentials for the source and target registries.
     *
     * @param credentials such as {@link RegistryCredentials#fromDockerConfig()}; none by default
     * @return this builder
     */
    public Builder credentials(RegistryCredentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials == null");
      return this;
    }

    /**
     * Trusts the CA certificates of a PEM file as well as the JDK's, for every registry (a private registry's own CA).
     *
     * @param pemFile a PEM file of one or more certificates
     * @return this builder
     */
    public Builder caCertificate(Path pemFile) {
      caFiles.add(Objects.requireNonNull(pemFile, "pemFile == null"));
      return this;
    }

    /**
     * Speaks plain HTTP, not HTTPS, to one registry (Docker's "insecure registry").
     *
     * @param host the registry host, with its port if any
     * @return this builder
     */
    public Builder plainHttp(String host) {
      plainHttp.add(Objects.requireNonNull(host, "host == null"));
      return this;
    }

    /**
     * Speaks plain HTTP to every registry, like Helm's {@code --plain-http}.
     *
     * @param plain true for plain HTTP everywhere (false by default)
     * @return this builder
     */
    public Builder plainHttpEverywhere(boolean plain) {
      this.plainHttpEverywhere = plain;
      return this;
    }

    /**
     * How many images, and how many blobs, are copied at once.
     *
     * @param threads 1 to 32; 4 by default
     * @return this builder
     */
    public Builder concurrency(int threads) {
      if (threads < 1 || threads > 32) {
        throw new IllegalArgumentException("concurrency must be 1 to 32, not " + threads);
      }
      this.concurrency = threads;
      return this;
    }

    /**
     * Told each image's progress.
     *
     * @param listener the listener; {@link MirrorListener#NONE} by default
     * @return this builder
     */
    public Builder listener(MirrorListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * How often and how long a failure that may pass is retried.
     *
     * @param attempts attempts per request, 1 to 10 (5 by default)
     * @param firstDelay the first back-off, doubled each time (200 ms by default)
     * @return this builder
     */
    public Builder retries(int attempts, Duration firstDelay) {
      if (attempts < 1 || attempts > 10) {
        throw new IllegalArgumentException("attempts must be 1 to 10, not " + attempts);
      }
      this.retry = new Retry(attempts, Objects.requireNonNull(firstDelay, "firstDelay == null"), Retry.STANDARD.maxDelay());
      return this;
    }

    /**
     * Builds it.
     *
     * @return the mirror
     * @throws IllegalStateException if no target was given
     */
    public ImageMirror build() {
      if (target.isEmpty()) {
        throw new IllegalStateException("to(HOST[/PREFIX]) is required");
      }
      return new ImageMirror(this);
    }
  }
}
