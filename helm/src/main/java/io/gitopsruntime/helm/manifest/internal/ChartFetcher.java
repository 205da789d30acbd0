package io.gitopsruntime.helm.manifest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Brings a chart into a scratch directory as a plain directory tree, whatever the reference: a chart
 * directory (copied), a {@code .tgz} (unpacked), an {@code oci://} reference, an {@code http(s)://} URL
 * of an archive, or {@code repo/chart} from Helm's repositories. Packaged subcharts
 * ({@code charts/*.tgz}) are unpacked too, so the whole tree can be prepared for rendering.
 * Thread-safe.
 */
public final class ChartFetcher {
  /** A fetched chart: its directory, name and version. */
  public record Fetched(Path dir, String name, String version) {}

  private final Downloads downloads;

  /**
   * A fetcher.
   *
   * @param plainHttp whether OCI registries are spoken to over plain HTTP (like Helm's {@code --plain-http})
   */
  public ChartFetcher(boolean plainHttp) {
    this(plainHttp, Downloads.defaultHelmConfigHome());
  }

  ChartFetcher(boolean plainHttp, Path helmConfigHome) {
    this.downloads = new Downloads(plainHttp, helmConfigHome);
  }

  /**
   * Fetches a chart.
   *
   * @param reference the chart reference
   * @param version the version for remote charts, or empty for the newest stable one (ignored for local
   *     charts, as Helm does)
   * @param into an empty scratch directory
   * @return the chart directory with its name and version
   * @throws ChartException if the chart cannot be found or unpacked
   */
  public Fetched fetch(String reference, Optional<String> version, Path into) {
    Path local = Path.of(reference.startsWith("file://") ? reference.substring(7) : reference);
    try {
      Path dir;
      if (!reference.contains("://") && Files.isDirectory(local)) {
        if (!Files.isRegularFile(local.resolve("Chart.yaml"))) {
          throw new ChartException("The directory " + local + " is not a chart: it has no Chart.yaml.");
        }
        dir = into.resolve(local.toAbsolutePath().normalize().getFileName().toString());
        copyTree(local, dir);
      } else if (!reference.contains("://") && Files.isRegularFile(local)) {
        dir = unpack(Files.readAllBytes(local), into, reference);
      } else if (reference.startsWith("oci://")) {
        dir = unpack(downloads.pullOci(reference, version), into, reference);
      } else if (reference.startsWith("https://") || reference.startsWith("http://")) {
        dir = unpack(downloads.fromUrl(reference), into, reference);
      } else if (reference.matches("[A-Za-z0-9._-]+/[A-Za-z0-9._-]+")) {
        String[] parts = reference.split("/", 2);
        dir = unpack(downloads.fromRepository(parts[0], parts[1], version), into, reference);
      } else {
        throw new ChartException("The chart " + reference + " was not found: it is neither a directory, a .tgz file, an "
            + "oci:// reference, a URL nor repo/chart.");
      }
      expandSubcharts(dir);
      Map<String, Object> chart = chartYaml(dir);
      return new Fetched(dir, String.valueOf(chart.getOrDefault("name", dir.getFileName().toString())),
          String.valueOf(chart.getOrDefault("version", "")));
    } catch (IOException e) {
      throw new ChartException("Could not read the chart " + reference + ": " + e.getMessage(), e);
    }
  }

  private static Path unpack(byte[] archive, Path into, String reference) throws IOException {
    Path target = Files.createTempDirectory(into, "chart-");
    try {
      TarGz.unpack(archive, target);
    } catch (IOException e) {
      throw new ChartException("The chart archive " + reference + " is damaged: " + e.getMessage(), e);
    }
    List<Path> tops;
    try (Stream<Path> s = Files.list(target)) {
      tops = s.filter(Files::isDirectory).toList();
    }
    for (Path top : tops) {
      if (Files.isRegularFile(top.resolve("Chart.yaml"))) {
        return top;
      }
    }
    throw new ChartException("The chart archive " + reference + " has no <chart>/Chart.yaml.");
  }

  /** Unpacks every {@code charts/*.tgz} into {@code charts/<name>/}, recursively. */
  static void expandSubcharts(Path chart) throws IOException {
    Path charts = chart.resolve("charts");
    if (!Files.isDirectory(charts)) {
      return;
    }
    List<Path> entries;
    try (Stream<Path> s = Files.list(charts)) {
      entries = s.sorted().toList();
    }
    for (Path entry : entries) {
      String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
      if (Files.isRegularFile(entry) && (name.endsWith(".tgz") || name.endsWith(".tar.gz"))) {
        Path unpacked = unpack(Files.readAllBytes(entry), charts, entry.getFileName().toString());
        Path target = charts.resolve(unpacked.getFileName().toString());
        if (Files.exists(target)) {
          WorkDir.deleteTree(target);
        }
        Files.move(unpacked, target);
        WorkDir.deleteTree(unpacked.getParent());
        Files.delete(entry);
        expandSubcharts(target);
      } else if (Files.isDirectory(entry)) {
        expandSubcharts(entry);
      }
    }
  }

  static Map<String, Object> chartYaml(Path dir) throws IOException {
    return Json.yaml(Files.readString(dir.resolve("Chart.yaml")));
  }

  private static void copyTree(Path source, Path target) throws IOException {
    Path root = source.toAbsolutePath().normalize();
    List<IOException> problems = new ArrayList<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (!dir.equals(root) && name.equals(".git")) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(target.resolve(root.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(file)) {
          Files.copy(file, target.resolve(root.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        problems.add(e);
        return FileVisitResult.CONTINUE;
      }
    });
    if (!problems.isEmpty()) {
      throw new UncheckedIOException(problems.get(0));
    }
  }
}
