package io.gitopsruntime.helm.images.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitopsruntime.helm.images.ChartArtifact;
import io.gitopsruntime.helm.images.ImageRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a mirror run copies, as {@link Copier} items with their sources: the chart (packaged here, or read by digest
 * from its {@code oci://} registry) and what an archive's index names (images by their reference, the chart by its
 * config). Stateless.
 */
public final class Jobs {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Jobs() {}

  /**
   * One thing to copy, or why it cannot be.
   *
   * @param item what
   * @param source where from, absent when it failed already
   * @param failure why it cannot be copied
   */
  public record Job(Copier.Item item, @Nullable Source source, Optional<String> failure) {
    /**
     * A job.
     *
     * @param item what
     * @param source where from
     * @return the job
     */
    public static Job of(Copier.Item item, Source source) {
      return new Job(item, source, Optional.empty());
    }

    /**
     * A job that failed before it started.
     *
     * @param item what
     * @param why why
     * @return the job
     */
    public static Job failed(Copier.Item item, String why) {
      return new Job(item, null, Optional.of(why));
    }
  }

  /**
   * The job of an image or chart an archive names.
   *
   * @param reader the archive
   * @param named the entry of its index
   * @param registry the target registry, {@code HOST[/PREFIX]}
   * @param prefix the target's {@code PREFIX/}, or empty
   * @param mirrorOf an image's target reference
   * @return the job
   */
  public static Job archived(OciArchiveReader reader, OciArchiveReader.Named named, String registry, String prefix,
      Function<ImageRef, String> mirrorOf) {
    Optional<ChartConfig> chart;
    try {
      chart = ChartConfig.of(reader, reader.manifest("", named.digest()).orElseThrow());
    } catch (RegistryException e) {
      chart = Optional.empty();
    }
    if (chart.isPresent()) {
      String tag = chart.get().version().replace('+', '_');
      return Job.of(new Copier.Item(named.name(), "", named.digest(), prefix + chart.get().name(), Optional.of(tag),
          registry + "/" + chart.get().name() + ":" + tag, named.name(), true), reader);
    }
    try {
      ImageRef image = ImageRef.parse(named.name());
      return Job.of(new Copier.Item(image.reference(), image.repository(), named.digest(),
          prefix + image.repository(), image.tag(), mirrorOf.apply(image), named.name(), false), reader);
    } catch (IllegalArgumentException e) {
      return Job.failed(new Copier.Item(named.name(), "", named.digest(), "", Optional.empty(), registry, named.name(),
          false), "The archive names " + named.digest() + " \"" + named.name() + "\", which is not an image reference"
          + " (org.opencontainers.image.ref.name must be the image's full reference): " + e.getMessage());
    }
  }

  /** A chart's name and version, from its config, when a manifest is a Helm chart's. */
  private record ChartConfig(String name, String version) {
    static Optional<ChartConfig> of(OciArchiveReader source, Manifest manifest) {
      Optional<Manifest.Descriptor> config = manifest.config();
      if (config.isEmpty() || !config.get().mediaType().equals(ChartPackage.CHART_CONFIG)) {
        return Optional.empty();
      }
      try {
        var node = JSON.readTree(source.blob("", config.get().digest()));
        return Optional.of(new ChartConfig(node.path("name").asText(), node.path("version").asText()));
      } catch (IOException e) {
        return Optional.empty();
      }
    }
  }
  /**
   * The chart's job.
   *
   * @param chart the chart
   * @param clients a client per registry host
   * @param staging where a chart directory is packaged
   * @param retry how failures that may pass are retried
   * @param registry the target registry, {@code HOST[/PREFIX]}, or empty for an archive
   * @param prefix the target's {@code PREFIX/}, or empty
   * @return the job
   */
  public static Job chart(ChartArtifact chart, Function<String, RegistryClient> clients, Path staging, Retry retry,
      Optional<String> registry, String prefix) {
    boolean toRegistry = registry.isPresent();
    String target = registry.orElse("");
    String reference = chart.reference();
    Copier.Item unknown = new Copier.Item(reference, "", "", "", Optional.empty(), toRegistry ? target : reference,
        reference, true);
    try {
      if (reference.startsWith("oci://")) {
        String rest = reference.substring("oci://".length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
          return Job.failed(unknown, "The chart reference " + reference + " has no repository path; use"
              + " oci://HOST/PATH/NAME.");
        }
        String host = rest.substring(0, slash);
        String repository = rest.substring(slash + 1);
        Optional<String> version = chart.version();
        int colon = repository.lastIndexOf(':');
        if (colon > repository.lastIndexOf('/')) {
          version = version.or(() -> Optional.of(repository.substring(colon + 1)));
        }
        String repo = colon > repository.lastIndexOf('/') ? repository.substring(0, colon) : repository;
        RegistryClient source = clients.apply(host);
        if (version.isEmpty()) {
          version = newestStable(retry.run("listing the versions of " + reference, () -> source.tags(repo), a -> { }));
        }
        if (version.isEmpty()) {
          return Job.failed(unknown, "The OCI repository " + reference + " has no released chart version; give one"
              + " (--version).");
        }
        String tag = version.get().replace('+', '_');
        String name = repo.substring(repo.lastIndexOf('/') + 1);
        String targetRepo = toRegistry ? prefix + name : host + "/" + repo;
        return Job.of(new Copier.Item("oci://" + host + "/" + repo + ":" + version.get(), repo, tag, targetRepo,
            Optional.of(tag), toRegistry ? target + "/" + name + ":" + tag : host + "/" + repo + ":" + tag,
            host + "/" + repo + ":" + tag, true), source);
      }
      Path local = Path.of(reference.startsWith("file://") ? reference.substring(7) : reference);
      if (reference.contains("://") || !Files.exists(local)) {
        return Job.failed(unknown, "The chart " + reference + " cannot be mirrored: mirror copies a chart directory, a"
            + " .tgz or an oci:// chart. Pull it first (helm pull " + reference + " --version V) and pass the .tgz.");
      }
      ChartPackage pkg = ChartPackage.of(local, staging);
      String tag = pkg.version().replace('+', '_');
      return Job.of(new Copier.Item(reference, pkg.name(), pkg.manifest().digest(), prefix + pkg.name(),
          Optional.of(tag), toRegistry ? target + "/" + pkg.name() + ":" + tag : pkg.name() + ":" + tag,
          pkg.name() + ":" + tag, true), pkg);
    } catch (IOException e) {
      return Job.failed(unknown, "Could not package the chart " + reference + ": " + e.getMessage());
    } catch (RegistryException e) {
      return Job.failed(unknown, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Job.failed(unknown, "interrupted");
    }
  }

  private static Optional<String> newestStable(List<String> tags) {
    Comparator<int[]> order = Comparator.<int[]>comparingInt(v -> v[0]).thenComparingInt(v -> v[1])
        .thenComparingInt(v -> v[2]);
    return tags.stream().filter(t -> t.matches("v?\\d{1,9}\\.\\d{1,9}\\.\\d{1,9}(_[0-9A-Za-z.-]+)?"))
        .max(Comparator.comparing(t -> java.util.Arrays.stream(t.replaceFirst("^v", "").replaceFirst("_.*", "")
            .split("\\.")).mapToInt(Integer::parseInt).toArray(), order))
        .map(t -> t.replace('_', '+'));
  }

}
