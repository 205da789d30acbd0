package io.gitopsruntime.helm.images;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The lock file of a mirror: each image's source reference, its mirror, its digest and its platforms, and the chart's,
 * so that what was mirrored can be checked and pulled by digest later. Stable JSON: images sorted by source, two-space indent,
 * a final newline; the same images give the same bytes.
 *
 * <pre>{@code
 * {
 *   "lockVersion" : 1,
 *   "target" : "registry.example.com/mirror",
 *   "images" : [ {
 *     "source" : "quay.io/codefresh/cap-app-proxy:1.4124.0",
 *     "mirror" : "registry.example.com/mirror/codefresh/cap-app-proxy:1.4124.0",
 *     "digest" : "sha256:...",
 *     "platforms" : [ "linux/amd64", "linux/arm64" ]
 *   } ],
 *   "chart" : {
 *     "source" : "oci://quay.io/codefresh/gitops-runtime:0.30.0",
 *     "mirror" : "registry.example.com/mirror/gitops-runtime:0.30.0",
 *     "digest" : "sha256:...",
 *     "platforms" : [ ]
 *   }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param target the target registry, {@code HOST[/PREFIX]}
 * @param images the images, sorted by source
 * @param chart the chart, when it was mirrored ({@code "chart"}, absent otherwise)
 */
public record MirrorLock(String target, List<Entry> images, Optional<Entry> chart) {
  /** The format version written and read. */
  public static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One image.
   *
   * @param source the source reference, normalized
   * @param mirror its reference on the target registry
   * @param digest the digest of its manifest or index
   * @param platforms its platforms, sorted
   */
  public record Entry(String source, String mirror, String digest, List<String> platforms) {
    /**
     * Checks and copies.
     *
     * @param source the source
     * @param mirror the mirror
     * @param digest the digest
     * @param platforms the platforms
     */
    public Entry {
      Objects.requireNonNull(source, "source == null");
      Objects.requireNonNull(mirror, "mirror == null");
      Objects.requireNonNull(digest, "digest == null");
      platforms = List.copyOf(platforms);
    }
  }

  /**
   * Sorts and copies.
   *
   * @param target the target registry
   * @param images the images
   * @param chart the chart
   */
  public MirrorLock {
    Objects.requireNonNull(target, "target == null");
    Objects.requireNonNull(chart, "chart == null");
    List<Entry> sorted = new ArrayList<>(images);
    sorted.sort(Comparator.comparing(Entry::source));
    images = List.copyOf(sorted);
  }

  /**
   * A lock of images only.
   *
   * @param target the target registry
   * @param images the images
   */
  public MirrorLock(String target, List<Entry> images) {
    this(target, images, Optional.empty());
  }

  /**
   * The lock of a mirror run: the images on the target (copied or already present).
   *
   * @param report the run's report
   * @return the lock
   * @throws IllegalArgumentException if the report is a plan
   */
  public static MirrorLock of(MirrorReport report) {
    if (report.plan()) {
      throw new IllegalArgumentException("A plan copies nothing, so it has no lock file; run the mirror to write one.");
    }
    List<Entry> entries = new ArrayList<>();
    for (MirroredImage image : report.images()) {
      entry(image).ifPresent(entries::add);
    }
    return new MirrorLock(report.target(), entries, report.chart().flatMap(MirrorLock::entry));
  }

  private static Optional<Entry> entry(MirroredImage image) {
    if ((image.outcome() == MirroredImage.Outcome.COPIED || image.outcome() == MirroredImage.Outcome.ALREADY_PRESENT)
        && image.digest().isPresent()) {
      return Optional.of(new Entry(image.source(), image.target(), image.digest().get(), image.platforms()));
    }
    return Optional.empty();
  }

  /**
   * The lock as JSON.
   *
   * @return the text, ending with a newline
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("lockVersion", VERSION);
    root.put("target", target);
    ArrayNode list = root.putArray("images");
    for (Entry entry : images) {
      write(list.addObject(), entry);
    }
    chart.ifPresent(entry -> write(root.putObject("chart"), entry));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a lock file is plain JSON", e);
    }
  }

  private static void write(ObjectNode node, Entry entry) {
    node.put("source", entry.source());
    node.put("mirror", entry.mirror());
    node.put("digest", entry.digest());
    ArrayNode platforms = node.putArray("platforms");
    entry.platforms().forEach(platforms::add);
  }

  /**
   * Writes the lock file.
   *
   * @param file where; replaced
   * @return the file
   */
  public Path write(Path file) {
    try {
      return Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the lock file " + file, e);
    }
  }

  /**
   * Reads a lock file.
   *
   * @param file the file
   * @return the lock
   * @throws IllegalArgumentException if it is not a lock file of this version (naming the file)
   */
  public static MirrorLock read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException("Could not read the lock file " + file + ": " + e.getMessage(), e);
    }
    if (root.path("lockVersion").asInt(-1) != VERSION) {
      throw new IllegalArgumentException("The lock file " + file + " is not a version " + VERSION
          + " image lock (its lockVersion is " + root.path("lockVersion") + ").");
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode node : root.path("images")) {
      entries.add(read(node));
    }
    Optional<Entry> chart = root.path("chart").isObject() ? Optional.of(read(root.path("chart"))) : Optional.empty();
    return new MirrorLock(root.path("target").asText(), entries, chart);
  }

  private static Entry read(JsonNode node) {
    List<String> platforms = new ArrayList<>();
    node.path("platforms").forEach(p -> platforms.add(p.asText()));
    return new Entry(node.path("source").asText(), node.path("mirror").asText(), node.path("digest").asText(), platforms);
  }
}
