package io.gitopsruntime.helm.images;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.helm.images.internal.Copier;
import io.gitopsruntime.helm.images.internal.Jobs;
import io.gitopsruntime.helm.images.internal.OciArchiveReader;
import io.gitopsruntime.helm.images.internal.OciArchiveWriter;
import io.gitopsruntime.helm.images.internal.RegistryClient;
import io.gitopsruntime.helm.images.internal.RegistryTarget;
import io.gitopsruntime.helm.images.internal.Retry;
import io.gitopsruntime.helm.images.internal.Target;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies images, by digest, to a private registry or into an air-gapped bundle: each image's whole multi-platform
 * index (the index, each platform's manifest, their config and layer blobs), byte for byte so that every digest stays
 * the same, under the name {@link RegistryOverrides} gives it ({@code HOST[/PREFIX]/REPOSITORY[:TAG]}, so the
 * override values find it); and the chart itself as Helm's OCI chart artifact at {@code HOST[/PREFIX]/NAME:VERSION}
 * ({@link ChartArtifact}).
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
 *     .credentials(RegistryCredentials.fromDockerConfig()).build().copy(images, ChartArtifact.of(installation));
 * System.out.println(report.summary());
 * MirrorLock.of(report.throwIfFailed()).write(Path.of("images.lock"));
 * }</pre>
 *
 * <p>Air gap: a mirror built with {@link Builder#toArchive(Path)} writes one tar instead, an OCI image layout
 * ({@code oci-layout}, {@code index.json} naming each image and the chart by its source reference in
 * {@code org.opencontainers.image.ref.name}, {@code blobs/sha256/...}) with the lock file as {@code images.lock}; inside
 * the air gap, a mirror to the registry pushes it with {@link #copyFrom(Path)}, reading the tar in place (never whole
 * into memory) and checking every blob of an image against its digest before it pushes any of that image. The tar is
 * put in place only when every image and the chart were read: if one failed, the report says which and no archive is
 * written (a file already at that path is left as it was).
 *
 * <p>Threads: each run uses two bounded pools of {@code concurrency} threads (images, and blobs), created and shut
 * down by the run; blobs are staged in a temporary directory deleted at the end. Immutable and thread-safe.
 */
public final class ImageMirror {
  private static final Logger LOG = LoggerFactory.getLogger(ImageMirror.class);

  private final @Nullable RegistryOverrides naming;
  private final @Nullable Path archive;
  private final String targetHost;
  private final String targetPrefix;
  private final RegistryCredentials credentials;
  private final List<Path> caFiles;
  private final Set<String> plainHttp;
  private final boolean plainHttpEverywhere;
  private final int concurrency;
  private final MirrorListener listener;
  private final Retry retry;
  private @Nullable HttpClient http; // made on the first copy, guarded by this

  private ImageMirror(Builder builder) {
    this.archive = builder.archive;
    this.naming = builder.target.isEmpty() ? null : RegistryOverrides.builder().registry(builder.target).build();
    String target = naming == null ? "" : naming.registry();
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
   * The target.
   *
   * @return the registry, {@code HOST[/PREFIX]}, or the archive's path
   */
  public String target() {
    return naming != null ? naming.registry() : String.valueOf(archive);
  }

  /**
   * Where an image goes.
   *
   * @param image the image
   * @return {@code HOST[/PREFIX]/REPOSITORY[:TAG][@DIGEST]}, as {@link RegistryOverrides#mirrorOf(String)}; for an
   *     archive, the image's own reference (its name in the archive)
   */
  public String targetOf(ImageRef image) {
    return naming != null ? naming.mirrorOf(image.reference()) : image.reference();
  }

  /**
   * Copies the images to the target.
   *
   * @param images the images, such as {@link RuntimeImages#of}'s; duplicates are copied once
   * @return each image's outcome, in the order given; failures are in it, not thrown ({@link MirrorReport#throwIfFailed()})
   * @throws GitOpsRuntimeException if interrupted (the interrupt flag is kept), or if an archive cannot be written
   */
  public MirrorReport copy(List<ImageRef> images) {
    return run(images, Optional.empty(), false);
  }

  /**
   * Copies the images and the chart to the target.
   *
   * @param images the images, such as {@link RuntimeImages#of}'s; duplicates are copied once
   * @param chart the chart, such as {@link ChartArtifact#of(io.gitopsruntime.RuntimeInstallation)}
   * @return each image's outcome and the chart's ({@link MirrorReport#chart()})
   * @throws GitOpsRuntimeException if interrupted, or if an archive cannot be written
   */
  public MirrorReport copy(List<ImageRef> images, ChartArtifact chart) {
    return run(images, Optional.of(chart), false);
  }

  /**
   * What {@link #copy} would copy: reads the source manifests and checks the target, writes nothing.
   *
   * @param images the images
   * @return each image as {@code TO_COPY} (with the blobs and bytes missing on the target), {@code ALREADY_PRESENT}
   *     or {@code FAILED}
   */
  public MirrorReport plan(List<ImageRef> images) {
    return run(images, Optional.empty(), true);
  }

  /**
   * What {@link #copy(List, ChartArtifact)} would copy; writes nothing.
   *
   * @param images the images
   * @param chart the chart
   * @return each image's and the chart's plan
   */
  public MirrorReport plan(List<ImageRef> images, ChartArtifact chart) {
    return run(images, Optional.of(chart), true);
  }

  /**
   * Pushes an archive {@link Builder#toArchive(Path)} wrote (or any OCI image layout tar whose index names images by
   * reference) to the target registry: every image under the name {@link #targetOf} gives it, and the chart at
   * {@code HOST[/PREFIX]/NAME:VERSION}. Resumable like {@link #copy}. Each image's blobs are checked against their
   * digests before any of them is pushed: a blob that is missing, cut short or damaged fails that image, naming the
   * blob, and nothing of it is pushed.
   *
   * @param archive the tar
   * @return each image's outcome and the chart's
   * @throws IllegalArgumentException naming the file, if it is not an OCI layout tar or its index cannot be read
   * @throws IllegalStateException if this mirror writes an archive
   */
  public MirrorReport copyFrom(Path archive) {
    return runArchive(archive, false);
  }

  /**
   * What {@link #copyFrom} would push: reads and checks the archive and the target, writes nothing.
   *
   * @param archive the tar
   * @return each image's and the chart's plan
   */
  public MirrorReport planFrom(Path archive) {
    return runArchive(archive, true);
  }

  private MirrorReport run(List<ImageRef> images, Optional<ChartArtifact> chart, boolean plan) {
    return execute(plan, null, (clients, staging) -> {
      List<Jobs.Job> jobs = new ArrayList<>();
      for (ImageRef image : images.stream().distinct().toList()) {
        String repo = naming != null ? targetPrefix + image.repository() : image.registry() + "/" + image.repository();
        jobs.add(Jobs.Job.of(new Copier.Item(image.reference(), image.repository(),
            image.digest().orElseGet(() -> image.tag().orElse("latest")), repo, image.tag(), targetOf(image),
            image.reference(), false), clients.get(image.registry())));
      }
      chart.ifPresent(c -> jobs.add(Jobs.chart(c, clients::get, staging, retry, Optional.ofNullable(naming)
          .map(RegistryOverrides::registry), targetPrefix)));
      return jobs;
    });
  }

  private MirrorReport runArchive(Path file, boolean plan) {
    if (naming == null) {
      throw new IllegalStateException("An archive is pushed to a registry: build the mirror with to(HOST[/PREFIX]).");
    }
    try (OciArchiveReader reader = OciArchiveReader.open(file)) {
      return execute(plan, reader, (clients, staging) -> {
        List<Jobs.Job> jobs = new ArrayList<>();
        for (OciArchiveReader.Named named : reader.named()) {
          jobs.add(Jobs.archived(reader, named, target(), targetPrefix, this::targetOf));
        }
        return jobs;
      });
    }
  }

  /** The jobs of a run, made once its clients and staging directory exist. */
  private interface MakeJobs {
    List<Jobs.Job> make(Clients clients, Path staging) throws InterruptedException;
  }

  private MirrorReport execute(boolean plan, @Nullable OciArchiveReader reader, MakeJobs make) {
    long started = System.nanoTime();
    Path staging;
    try {
      staging = Files.createTempDirectory("gitops-runtime-mirror-");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a temporary directory for the mirror's blobs", e);
    }
    ExecutorService imagePool = Executors.newFixedThreadPool(concurrency, daemon("mirror-image-"));
    ExecutorService blobPool = Executors.newFixedThreadPool(concurrency, daemon("mirror-blob-"));
    OciArchiveWriter writer = null;
    try {
      Clients clients = clients();
      Target target;
      if (archive != null) {
        writer = plan ? OciArchiveWriter.planning(archive) : OciArchiveWriter.create(archive);
        target = writer;
      } else {
        target = new RegistryTarget(clients.get(targetHost));
      }
      Copier copier = new Copier(target, staging, blobPool, plan, listener, retry);
      List<Jobs.Job> jobs = make.make(clients, staging);
      List<Future<MirroredImage>> futures = new ArrayList<>();
      for (Jobs.Job job : jobs) {
        futures.add(imagePool.submit(() -> job.source() == null ? failed(job) : copier.copy(job.item(), job.source())));
      }
      List<MirroredImage> images = new ArrayList<>();
      Optional<MirroredImage> chart = Optional.empty();
      for (Future<MirroredImage> future : futures) {
        MirroredImage done = future.get();
        if (done.chart()) {
          chart = Optional.of(done);
        } else {
          images.add(done);
        }
      }
      MirrorReport report = new MirrorReport(target(), images, plan, Duration.ofNanos(System.nanoTime() - started), chart);
      if (writer != null && !plan && report.succeeded()) {
        // a bundle without every image would fail inside the air gap, where nothing can be fetched again: only a
        // complete one is put in place (the writer's close deletes the partial file otherwise)
        writer.finish(MirrorLock.of(report).toJson());
      }
      return report;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitOpsRuntimeException("Mirroring to " + target() + " was interrupted; run it again to resume.", e);
    } catch (ExecutionException e) {
      throw new GitOpsRuntimeException("Mirroring to " + target() + " failed: " + e.getCause().getMessage(), e.getCause());
    } catch (IOException e) {
      throw new GitOpsRuntimeException("Could not write the archive " + archive + ": " + e.getMessage()
          + ". Check the free space and the directory's permissions, then run the mirror again.", e);
    } finally {
      imagePool.shutdownNow();
      blobPool.shutdownNow();
      if (writer != null) {
        writer.close();
      }
      deleteTree(staging);
    }
  }

  private MirroredImage failed(Jobs.Job job) {
    listener.imageStarted(job.item().source(), job.item().target());
    MirroredImage result = new MirroredImage(job.item().source(), job.item().target(), Optional.empty(), List.of(),
        MirroredImage.Outcome.FAILED, 0, 0, 0, 0, job.failure(), job.item().chart());
    listener.imageDone(result);
    return result;
  }

  private Clients clients() {
    // one HTTP client (its connection pool and selector thread) for every copy this mirror makes: Java 17's
    // client cannot be closed, so one per copy would leave idle connections behind until it is collected
    synchronized (this) {
      if (http == null) {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NEVER).sslContext(Tls.trusting(caFiles)).build();
      }
      return new Clients(http);
    }
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
    private @Nullable Path archive;
    private RegistryCredentials credentials = RegistryCredentials.none();
    private final List<Path> caFiles = new ArrayList<>();
    private final Set<String> plainHttp = new HashSet<>();
    private boolean plainHttpEverywhere;
    private int concurrency = 4;
    private MirrorListener listener = MirrorListener.NONE;
    private Retry retry = Retry.STANDARD;

    private Builder() {}

    /**
     * The target registry (this or {@link #toArchive(Path)} is required).
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
     * Writes an air-gapped bundle instead of copying to a registry: one tar holding an OCI image layout with the
     * images and the chart, and the lock file ({@link ImageMirror}). Push it with a mirror built with {@link #to} and
     * {@link ImageMirror#copyFrom(Path)}.
     *
     * @param archive the tar to write; replaced only once it is complete, and left as it was if an image or the chart
     *     could not be read
     * @return this builder
     */
    public Builder toArchive(Path archive) {
      this.archive = Objects.requireNonNull(archive, "archive == null");
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
     * @throws IllegalStateException if no target, or both a registry and an archive, were given
     */
    public ImageMirror build() {
      if (target.isEmpty() == (archive == null)) {
        throw new IllegalStateException(target.isEmpty() ? "to(HOST[/PREFIX]) or toArchive(PATH) is required"
            : "to(HOST[/PREFIX]) and toArchive(PATH) exclude each other: a mirror writes to one target");
      }
      return new ImageMirror(this);
    }
  }
}
