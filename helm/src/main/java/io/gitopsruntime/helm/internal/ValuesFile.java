package io.gitopsruntime.helm.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A values file for Helm's {@code -f}, holding literal secrets: created readable and writable by its owner
 * only (POSIX {@code 0600} set atomically at creation, never widened by a later {@code chmod}), and deleted
 * by {@link #close()}. Use it in try-with-resources so that it is deleted whatever happens.
 *
 * <p>On a file system without POSIX permissions (Windows) the file gets the temporary directory's default
 * access, which there is the user's own profile. Not thread-safe; {@link #close()} may be called more than once.
 */
public final class ValuesFile implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ValuesFile.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private final Path path;
  private boolean deleted;

  private ValuesFile(Path path) {
    this.path = path;
  }

  /**
   * Writes the values to a new file that only its owner can read.
   *
   * @param directory where to create the file, or null for {@code java.io.tmpdir}
   * @param yaml the values
   * @return the file; close it to delete it
   * @throws UncheckedIOException if the file cannot be created or written (it is deleted again)
   */
  public static ValuesFile write(@Nullable Path directory, String yaml) {
    Path dir = directory != null ? directory : Path.of(System.getProperty("java.io.tmpdir"));
    Path file;
    try {
      file = posix() ? Files.createTempFile(dir, "gitops-runtime-values-", ".yaml", ownerOnly())
          : Files.createTempFile(dir, "gitops-runtime-values-", ".yaml");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a values file in " + dir + ": " + e.getMessage()
          + ". Check that the directory exists and is writable, or choose another with tempDirectory(...).", e);
    }
    ValuesFile values = new ValuesFile(file);
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(yaml.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      values.close();
      throw new UncheckedIOException("Could not write the values file " + file + ": " + e.getMessage(), e);
    }
    return values;
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
    return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
  }

  /**
   * The file.
   *
   * @return its path
   */
  public Path path() {
    return path;
  }

  /** Deletes the file; logs (without its content) when that fails. */
  @Override
  public void close() {
    if (deleted) {
      return;
    }
    deleted = true;
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      log.warn("could not delete the values file {}: {}; delete it by hand, it holds secrets", path, e.toString());
    }
  }

  @Override
  public String toString() {
    return "ValuesFile[" + path + "]";
  }
}
