package io.gitopsruntime.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** File helpers for tests. */
public final class TestFiles {
  private TestFiles() {}

  /**
   * Copies a directory tree (directories and regular files) into a new or empty directory.
   *
   * @param from the directory to copy
   * @param to where it goes; created with its parents
   * @return {@code to}
   * @throws IOException when a file cannot be read or written, or {@code to} already holds a file of the tree
   */
  public static Path copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    return to;
  }
}
