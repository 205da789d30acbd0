package io.gitopsruntime.helm.images.internal;

import io.gitopsruntime.helm.images.MirrorListener;
import io.gitopsruntime.helm.images.MirroredImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mirror run's copying, from any {@link Source} to one {@link Target}: an image's (or chart's) whole tree of
 * manifests and blobs, children before parents, by digest, skipping what the target has, mounting what it has in
 * another repository, retrying what may pass, and reporting {@code COPIED} only once the target holds it by digest and
 * name. A plan reads and checks and writes nothing. Thread-safe: items are copied concurrently, blobs on the pool given.
 */
public final class Copier {
  private static final Logger LOG = LoggerFactory.getLogger(Copier.class);

  /**
   * What to copy.
   *
   * @param source the source reference, as reported
   * @param sourceRepository the repository it is read from
   * @param reference the tag or digest it is read by
   * @param targetRepository the repository it goes to
   * @param tag the tag it gets on the target, if any
   * @param target the target reference, as reported
   * @param name its full name, for an archive's index
   * @param chart whether it is the chart
   */
  public record Item(String source, String sourceRepository, String reference, String targetRepository,
      Optional<String> tag, String target, String name, boolean chart) {}

  private final Target dest;
  private final Path staging;
  private final ExecutorService blobs;
  private final boolean plan;
  private final MirrorListener listener;
  private final Retry retry;
  /** Blob digest to a target repository known to hold it, or an upload under way. */
  private final Map<String, CompletableFuture<String>> onTarget = new ConcurrentHashMap<>();
  private final AtomicInteger files = new AtomicInteger();

  /**
   * A run's copier.
   *
   * @param dest the target
   * @param staging a directory for blobs in transit
   * @param blobs the pool blobs are copied on
   * @param plan whether to write nothing
   * @param listener told each item's progress
   * @param retry how failures that may pass are retried
   */
  public Copier(Target dest, Path staging, ExecutorService blobs, boolean plan, MirrorListener listener, Retry retry) {
    this.dest = dest;
    this.staging = staging;
    this.blobs = blobs;
    this.plan = plan;
    this.listener = listener;
    this.retry = retry;
  }

  /**
   * Copies one item; never throws for a failure of the item, which is in the result.
   *
   * @param item what
   * @param source where from
   * @return the outcome, also told to the listener
   */
  public MirroredImage copy(Item item, Source source) {
    listener.imageStarted(item.source(), item.target());
    Counts counts = new Counts();
    Optional<String> digest = Optional.empty();
    List<String> platforms = List.of();
    MirroredImage result;
    try {
      Manifest top = call(item, "reading " + item.source(), () -> source.manifest(item.sourceRepository(), item.reference()))
          .orElseThrow(() -> new RegistryException("The " + where(source) + " has no manifest " + item.reference()
              + " in " + item.sourceRepository() + ".", 404, false));
      digest = Optional.of(top.digest());
      platforms = item.chart() ? List.of() : platforms(item, source, top);
      if (source.checksFirst()) {
        checkTree(item, source, top);
      }
      if (holds(item, top.digest())) {
        result = outcome(item, digest, platforms, MirroredImage.Outcome.ALREADY_PRESENT, new Counts(), Optional.empty());
      } else {
        copyManifest(item, source, top, counts);
        if (!plan) {
          call(item, "naming " + item.target(), () -> {
            dest.name(item.targetRepository(), item.tag(), top, item.name());
            return null;
          });
          if (!holds(item, top.digest())) {
            throw new RegistryException("After the copy, the " + where(dest.host()) + " does not have " + item.target()
                + " at " + top.digest() + ".", 0, false);
          }
        }
        result = outcome(item, digest, platforms, plan ? MirroredImage.Outcome.TO_COPY : MirroredImage.Outcome.COPIED,
            counts, Optional.empty());
      }
    } catch (RegistryException e) {
      result = outcome(item, digest, platforms, MirroredImage.Outcome.FAILED, counts, Optional.of(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result = outcome(item, digest, platforms, MirroredImage.Outcome.FAILED, counts, Optional.of("interrupted"));
    } catch (RuntimeException e) {
      LOG.debug("copying {} failed", item.source(), e);
      result = outcome(item, digest, platforms, MirroredImage.Outcome.FAILED, counts,
          Optional.of(e.getMessage() == null ? e.toString() : e.getMessage()));
    }
    listener.imageDone(result);
    return result;
  }

  private static String where(Source source) {
    return where(source.host());
  }

  /** "registry HOST" for a registry; an archive's name already says what it is. */
  private static String where(String host) {
    return host.contains(" ") ? host : "registry " + host;
  }

  private static MirroredImage outcome(Item item, Optional<String> digest, List<String> platforms,
      MirroredImage.Outcome outcome, Counts counts, Optional<String> failure) {
    return new MirroredImage(item.source(), item.target(), digest, platforms, outcome, counts.copied.get(),
        counts.mounted.get(), counts.present.get(), counts.bytes.get(), failure, item.chart());
  }

  /** Whether the target has the manifest by digest and, if the item has a tag, the tag points at it. */
  private boolean holds(Item item, String digest) throws InterruptedException {
    String repo = item.targetRepository();
    if (call(item, "checking " + item.target(), () -> dest.manifestDigest(repo, digest)).isEmpty()) {
      return false;
    }
    return item.tag().isEmpty()
        || call(item, "checking the tag", () -> dest.manifestDigest(repo, item.tag().get())).equals(Optional.of(digest));
  }

  private List<String> platforms(Item item, Source source, Manifest top) throws InterruptedException {
    Set<String> found = new TreeSet<>();
    if (top.isIndex()) {
      top.manifests().forEach(d -> d.platform().filter(p -> !p.equals("unknown/unknown")).ifPresent(found::add));
    } else {
      Optional<Manifest.Descriptor> config = top.config();
      if (config.isPresent() && config.get().mediaType().contains("image.config")) {
        byte[] bytes = call(item, "reading the config of " + item.source(),
            () -> source.blob(item.sourceRepository(), config.get().digest()));
        Manifest.platformOfConfig(bytes).ifPresent(found::add);
      }
    }
    return List.copyOf(found);
  }

  /** Checks every blob of the tree before anything of it is written, so that a damaged source writes nothing. */
  private void checkTree(Item item, Source source, Manifest manifest) throws InterruptedException {
    if (manifest.isIndex()) {
      for (Manifest.Descriptor child : manifest.manifests()) {
        checkTree(item, source, read(item, source, manifest, child));
      }
    } else {
      for (Manifest.Descriptor blob : manifest.blobs()) {
        source.check(blob.digest());
      }
    }
  }

  private Manifest read(Item item, Source source, Manifest parent, Manifest.Descriptor child)
      throws InterruptedException {
    return call(item, "reading " + child.digest(), () -> source.manifest(item.sourceRepository(), child.digest()))
        .orElseThrow(() -> new RegistryException("The " + where(source) + " has no manifest " + child.digest() + " in "
            + item.sourceRepository() + ", which its index " + parent.digest() + " lists.", 404, false));
  }

  /** Children first, then the manifest itself by digest: a registry accepts a manifest only when its parts are there. */
  private void copyManifest(Item item, Source source, Manifest manifest, Counts counts) throws InterruptedException {
    if (manifest.isIndex()) {
      for (Manifest.Descriptor child : manifest.manifests()) {
        boolean there = call(item, "checking " + child.digest(),
            () -> dest.manifestDigest(item.targetRepository(), child.digest())).isPresent();
        if (!there) {
          copyManifest(item, source, read(item, source, manifest, child), counts);
        }
      }
    } else {
      List<CompletableFuture<Void>> parts = new ArrayList<>();
      for (Manifest.Descriptor blob : manifest.blobs()) {
        parts.add(CompletableFuture.runAsync(() -> {
          try {
            copyBlob(item, source, blob, counts);
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
      call(item, "writing manifest " + manifest.digest(), () -> {
        dest.putManifest(item.targetRepository(), manifest);
        return null;
      });
    }
  }

  private void copyBlob(Item item, Source source, Manifest.Descriptor blob, Counts counts) throws InterruptedException {
    String digest = blob.digest();
    String targetRepo = item.targetRepository();
    if (call(item, "checking blob " + digest, () -> dest.hasBlob(targetRepo, digest))) {
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
      if (from != null && call(item, "mounting blob " + digest, () -> dest.mount(targetRepo, digest, from))) {
        counts.mounted.incrementAndGet();
        return;
      }
    }
    if (source.host().equals(dest.host())
        && call(item, "mounting blob " + digest, () -> dest.mount(targetRepo, digest, item.sourceRepository()))) {
      counts.mounted.incrementAndGet();
      mine.complete(targetRepo);
      return;
    }
    Path file = staging.resolve("blob-" + files.incrementAndGet());
    try {
      long size = call(item, "downloading blob " + digest, () -> source.download(item.sourceRepository(), digest, file));
      call(item, "uploading blob " + digest, () -> {
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

  private static String waitFor(CompletableFuture<String> other) throws InterruptedException {
    try {
      return other.get();
    } catch (ExecutionException e) {
      return null;
    }
  }

  private <T> T call(Item item, String what, Callable<T> operation) throws InterruptedException {
    return retry.run(what, operation, attempt -> listener.retrying(item.source(), what, attempt));
  }

  /** Blob counts of one item; shared by its blob tasks. */
  private static final class Counts {
    final AtomicInteger copied = new AtomicInteger();
    final AtomicInteger mounted = new AtomicInteger();
    final AtomicInteger present = new AtomicInteger();
    final AtomicLong bytes = new AtomicLong();
  }
}
