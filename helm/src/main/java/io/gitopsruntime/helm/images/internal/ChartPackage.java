package io.gitopsruntime.helm.images.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A chart of this machine as Helm's OCI chart artifact: the packaged chart ({@code .tgz}) as its one layer
 * ({@value #CHART_LAYER}), {@code Chart.yaml}'s metadata as JSON as its config ({@value #CHART_CONFIG}). A chart
 * directory is packaged as {@code helm package} does (entries under a top directory named after the chart,
 * {@code Chart.yaml} first, {@code .helmignore} honoured) and deterministically (sorted, fixed mode and time), so the
 * same files give the same digest and a second mirror finds the chart present; a {@code .tgz} is taken as it is.
 * Serves the artifact as a {@link Source} of one repository. Immutable and thread-safe.
 */
public final class ChartPackage implements Source {
  /** The media type of a Helm chart's config. */
  public static final String CHART_CONFIG = "application/vnd.cncf.helm.config.v1+json";
  /** The media type of a Helm chart's content layer. */
  public static final String CHART_LAYER = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  /** The time of every entry of a packaged chart: 2000-01-01T00:00:00Z, so that packaging is repeatable. */
  private static final long MTIME = 946_684_800L;

  private final String reference;
  private final String name;
  private final String version;
  private final Path archive;
  private final byte[] config;
  private final Manifest manifest;

  private ChartPackage(String reference, String name, String version, Path archive, byte[] config) throws IOException {
    this.reference = reference;
    this.name = name;
    this.version = version;
    this.archive = archive;
    this.config = config;
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", 2);
    root.put("mediaType", Manifest.OCI_MANIFEST);
    ObjectNode configNode = root.putObject("config");
    configNode.put("mediaType", CHART_CONFIG);
    configNode.put("digest", Digests.sha256(config));
    configNode.put("size", config.length);
    ObjectNode layer = root.putArray("layers").addObject();
    layer.put("mediaType", CHART_LAYER);
    layer.put("digest", digestOf(archive));
    layer.put("size", Files.size(archive));
    ObjectNode annotations = root.putObject("annotations");
    annotations.put("org.opencontainers.image.title", name);
    annotations.put("org.opencontainers.image.version", version);
    this.manifest = Manifest.of(JSON.writeValueAsBytes(root), Manifest.OCI_MANIFEST);
  }

  /**
   * Packages a chart directory, or takes a chart archive.
   *
   * @param chart a chart directory or a {@code .tgz}
   * @param staging where a directory's package is written
   * @return the chart artifact
   * @throws IOException if the chart cannot be read or has no name and version in its {@code Chart.yaml}
   */
  public static ChartPackage of(Path chart, Path staging) throws IOException {
    if (Files.isDirectory(chart)) {
      JsonNode metadata = metadata(Files.readAllBytes(chart.resolve("Chart.yaml")), chart.toString());
      String name = metadata.path("name").asText();
      String version = metadata.path("version").asText();
      Path archive = staging.resolve(name + "-" + version + ".tgz");
      pack(chart, name, archive);
      return new ChartPackage(chart.toString(), name, version, archive, JSON.writeValueAsBytes(metadata));
    }
    JsonNode metadata = metadata(chartYamlOf(chart), chart.toString());
    return new ChartPackage(chart.toString(), metadata.path("name").asText(), metadata.path("version").asText(), chart,
        JSON.writeValueAsBytes(metadata));
  }

  /**
   * The chart's name.
   *
   * @return from {@code Chart.yaml}
   */
  public String name() {
    return name;
  }

  /**
   * The chart's version.
   *
   * @return from {@code Chart.yaml}
   */
  public String version() {
    return version;
  }

  /**
   * The artifact's manifest.
   *
   * @return the OCI manifest
   */
  public Manifest manifest() {
    return manifest;
  }

  @Override
  public String host() {
    return "chart " + reference;
  }

  @Override
  public Optional<Manifest> manifest(String repository, String ref) {
    return ref.equals(manifest.digest()) || ref.equals(version) || ref.equals(version.replace('+', '_'))
        ? Optional.of(manifest) : Optional.empty();
  }

  @Override
  public long download(String repository, String digest, Path file) {
    try {
      if (digest.equals(Digests.sha256(config))) {
        Files.write(file, config);
        return config.length;
      }
      Files.copy(archive, file, StandardCopyOption.REPLACE_EXISTING);
      String got = digestOf(file);
      if (!got.equals(digest)) {
        throw new RegistryException("The chart archive " + archive + " changed while it was mirrored (its digest is "
            + got + ", not " + digest + ").", 0, false);
      }
      return Files.size(file);
    } catch (IOException e) {
      throw new RegistryException("Could not read the chart " + reference + ": " + e.getMessage(), 0, false, e);
    }
  }

  @Override
  public byte[] blob(String repository, String digest) {
    return config.clone();
  }

  /** {@code Chart.yaml} as Helm's chart config: its metadata as JSON, scalars that Helm reads as strings as strings. */
  private static JsonNode metadata(byte[] chartYaml, String where) throws IOException {
    JsonNode node = YAML.readTree(chartYaml);
    if (!(node instanceof ObjectNode object)) {
      throw new IOException("the Chart.yaml of " + where + " is not a mapping");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getValue().isNumber() || field.getValue().isBoolean() && !field.getKey().equals("deprecated")) {
        field.setValue(JSON.getNodeFactory().textNode(field.getValue().asText()));
      }
    }
    if (object.path("name").asText("").isEmpty() || object.path("version").asText("").isEmpty()) {
      throw new IOException("the Chart.yaml of " + where + " has no name or no version");
    }
    return object;
  }

  private static byte[] chartYamlOf(Path archive) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
      byte[] header = new byte[Tar.BLOCK];
      while (in.readNBytes(header, 0, Tar.BLOCK) == Tar.BLOCK && header[0] != 0) {
        int end = 0;
        while (end < 100 && header[end] != 0) {
          end++;
        }
        String entry = new String(header, 0, end, StandardCharsets.UTF_8);
        long size = Long.parseLong(new String(header, 124, 11, StandardCharsets.US_ASCII).trim(), 8);
        if (entry.matches("[^/]+/Chart\\.yaml")) {
          return in.readNBytes((int) size);
        }
        in.skipNBytes(size + (Tar.BLOCK - size % Tar.BLOCK) % Tar.BLOCK);
      }
    } catch (NumberFormatException e) {
      throw new IOException("the chart archive " + archive + " is damaged");
    }
    throw new IOException("the chart archive " + archive + " has no <chart>/Chart.yaml");
  }

  /** Packs the directory's files that {@code .helmignore} keeps, under {@code name/}, {@code Chart.yaml} first. */
  static void pack(Path dir, String name, Path archive) throws IOException {
    List<Path> files = files(dir);
    files.sort((a, b) -> {
      boolean chartA = dir.relativize(a).toString().equals("Chart.yaml");
      boolean chartB = dir.relativize(b).toString().equals("Chart.yaml");
      return chartA != chartB ? (chartA ? -1 : 1) : slashed(dir, a).compareTo(slashed(dir, b));
    });
    try (OutputStream file = Files.newOutputStream(archive); OutputStream out = new GZIPOutputStream(file)) {
      for (Path path : files) {
        long size = Files.size(path);
        Tar.header(out, name + "/" + slashed(dir, path), size, MTIME);
        Files.copy(path, out);
        Tar.pad(out, size);
      }
      Tar.end(out);
    }
  }

  private static String slashed(Path dir, Path file) {
    return dir.relativize(file).toString().replace('\\', '/');
  }

  private static List<Path> files(Path dir) throws IOException {
    List<Rule> rules = new ArrayList<>();
    rules.add(new Rule(false, false, FileSystems.getDefault().getPathMatcher("glob:templates/.?*"), true));
    Path ignore = dir.resolve(".helmignore");
    if (Files.isRegularFile(ignore)) {
      for (String line : Files.readAllLines(ignore, StandardCharsets.UTF_8)) {
        Rule.parse(line).ifPresent(rules::add);
      }
    }
    List<Path> kept = new ArrayList<>();
    walk(dir, dir, rules, kept);
    return kept;
  }

  private static void walk(Path root, Path dir, List<Rule> rules, List<Path> kept) throws IOException {
    List<Path> children;
    try (Stream<Path> list = Files.list(dir)) {
      children = list.sorted().toList();
    }
    for (Path child : children) {
      String relative = slashed(root, child);
      boolean directory = Files.isDirectory(child);
      if (ignored(rules, relative, directory)) {
        continue;
      }
      if (directory) {
        walk(root, child, rules, kept);
      } else if (Files.isRegularFile(child)) {
        kept.add(child);
      }
    }
  }

  /** Helm's {@code ignore.Rules.Ignore}: the first matching rule ignores; a negated rule keeps only what it matches. */
  private static boolean ignored(List<Rule> rules, String path, boolean directory) {
    for (Rule rule : rules) {
      if (rule.negate()) {
        if (rule.directoryOnly() && !directory || !rule.matches(path)) {
          return true;
        }
        continue;
      }
      if (rule.directoryOnly() && !directory) {
        continue;
      }
      if (rule.matches(path)) {
        return true;
      }
    }
    return false;
  }

  /** One {@code .helmignore} line: a glob on the base name, or on the path when it has a {@code /}. */
  private record Rule(boolean negate, boolean directoryOnly, PathMatcher glob, boolean onPath) {
    static Optional<Rule> parse(String line) {
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#") || text.equals("!") || text.contains("**")) {
        return Optional.empty();
      }
      boolean negate = text.startsWith("!");
      if (negate) {
        text = text.substring(1);
      }
      boolean directoryOnly = text.endsWith("/");
      if (directoryOnly) {
        text = text.substring(0, text.length() - 1);
      }
      boolean onPath = text.contains("/");
      if (text.startsWith("/")) {
        text = text.substring(1);
      }
      String glob = text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("[^", "[!");
      return Optional.of(new Rule(negate, directoryOnly, FileSystems.getDefault().getPathMatcher("glob:" + glob), onPath));
    }

    boolean matches(String path) {
      String candidate = onPath ? path : path.substring(path.lastIndexOf('/') + 1);
      return glob.matches(Path.of(candidate));
    }
  }

  private static String digestOf(Path file) throws IOException {
    java.security.MessageDigest sha = Digests.sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
    }
    return Digests.of(sha.digest());
  }
}
