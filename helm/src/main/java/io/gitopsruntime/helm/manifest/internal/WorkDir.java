package io.gitopsruntime.helm.manifest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private scratch directory for one render (the fetched chart, the values file), readable only by
 * this user, deleted with everything in it on {@link #close()}. Files holding values are created
 * {@code 0600} before anything is written to them. Not thread-safe.
 */
public final class WorkDir implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkDir.class);
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  /** Names this process's scratch directories: {@code gitops-runtime-<pid>-}, so that one left behind says whose it is. */
  public static final String PREFIX = "gitops-runtime-" + ProcessHandle.current().pid() + "-";

  private final Path dir;

  private WorkDir(Path dir) {
    this.dir = dir;
  }

  /**
   * Creates a directory under the system's temporary directory, {@code 0700}, named {@link #PREFIX}{@code <random>}.
   *
   * @return the directory
   */
  public static WorkDir create() {
    try {
      Path dir = POSIX
          ? Files.createTempDirectory(PREFIX,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
          : Files.createTempDirectory(PREFIX);
      if (!POSIX) {
        ownerOnly(dir);
      }
      return new WorkDir(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a temporary directory: " + e.getMessage(), e);
    }
  }

  /**
   * The directory.
   *
   * @return the path
   */
  public Path path() {
    return dir;
  }

  /**
   * Writes a file only this user can read ({@code 0600}), creating it with those permissions.
   *
   * @param name the file name inside the directory
   * @param content the content
   * @return the file
   */
  public Path writePrivate(String name, String content) {
    Path file = dir.resolve(name);
    try {
      if (POSIX) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
        ownerOnly(file);
      }
      Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      return file;
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException("The scratch file " + name + " exists already.", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write a scratch file: " + e.getMessage(), e);
    }
  }

  private static void ownerOnly(Path path) {
    java.io.File f = path.toFile();
    boolean ok = f.setReadable(false, false) && f.setReadable(true, true)
        && f.setWritable(false, false) && f.setWritable(true, true);
    if (!ok) {
      log.debug("could not restrict the permissions of a scratch file to its owner");
    }
  }

  @Override
  public void close() {
    deleteTree(dir);
  }

  /**
   * Deletes a directory tree; what cannot be deleted is logged at DEBUG.
   *
   * @param root the directory
   */
  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          Files.deleteIfExists(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      log.debug("could not delete the scratch directory completely: {}", e.toString());
    }
  }
}
