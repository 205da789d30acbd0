package io.gitopsruntime.helm.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds the {@code helm} executable on a search path, as a shell would. Stateless and thread-safe. */
final class HelmExecutable {
  private HelmExecutable() {}

  /**
   * Looks for {@code helm} (and {@code helm.exe} on Windows) in each directory of a search path, in order.
   *
   * @param searchPath a {@code PATH} value, directories separated by {@link File#pathSeparator}
   * @return the first executable regular file found
   */
  static Optional<Path> find(String searchPath) {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    List<String> names = windows ? List.of("helm.exe", "helm") : List.of("helm");
    for (String dir : searchPath.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      for (String name : names) {
        try {
          Path candidate = Path.of(dir, name);
          if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
            return Optional.of(candidate);
          }
        } catch (InvalidPathException ignored) {
          // a malformed PATH entry; a shell skips it too
        }
      }
    }
    return Optional.empty();
  }
}
