package io.gitopsruntime.helm.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A values file for Helm's {@code -f}, holding literal secrets, and deleted on every exit path the JVM can catch.
 *
 * <ul>
 *   <li>It lives in a private directory of its own ({@code gitops-runtime-values-<pid>-<random>}, POSIX
 *       {@code 0700}), and is itself {@code 0600}; both modes are set atomically at creation, never widened by a
 *       later {@code chmod}. A crash (or {@code kill -9}) that leaves them behind leaves nothing others can read.</li>
 *   <li>{@link #close()} deletes file and directory: use it in try-with-resources, so that an exception or an
 *       interrupt deletes them too.</li>
 *   <li>A JVM shutdown hook deletes every file still open when the JVM exits (SIGTERM, Ctrl-C, {@code System.exit}).</li>
 *   <li>Each {@link #write} first removes what earlier runs left behind in the same temporary directory: private
 *       directories whose process is gone, and owner-only {@code gitops-runtime-values-*.yaml} files from SDK
 *       versions before these directories, older than this JVM.</li>
 * </ul>
 *
 * <p>On a file system without POSIX permissions (Windows) the directory and file get the temporary directory's
 * default access, which there is the user's own profile. Not thread-safe; {@link #close()} may be called more than
 * once, also concurrently with the shutdown hook.
 */
public final class ValuesFile implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ValuesFile.class);
  private static final String PREFIX = "gitops-runtime-values-";
  private static final Pattern PRIVATE_DIRECTORY = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-\\d+");
  private static final Pattern LEGACY_FILE = Pattern.compile(Pattern.quote(PREFIX) + "\\d+\\.yaml");
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
  /** The files not closed yet, for the shutdown hook. */
  private static final Set<ValuesFile> OPEN = ConcurrentHashMap.newKeySet();
  private static final Object HOOK_LOCK = new Object();
  private static boolean hookAdded;

  private final Path directory;
  private final Path path;
  private volatile boolean deleted;

  private ValuesFile(Path directory, Path path) {
    this.directory = directory;
    this.path = path;
  }

  /**
   * Writes the values to a new file that only its owner can read, in a new directory only its owner can enter,
   * after removing what earlier runs left behind.
   *
   * @param parent where to create the private directory, or null for {@code java.io.tmpdir}
   * @param yaml the values
   * @return the file; close it to delete it
   * @throws UncheckedIOException if the file cannot be created or written (what was created is deleted again)
   */
  public static ValuesFile write(@Nullable Path parent, String yaml) {
    Path dir = parent != null ? parent : Path.of(System.getProperty("java.io.tmpdir"));
    removeStale(dir);
    Path privateDir;
    Path file;
    try {
      String name = PREFIX + ProcessHandle.current().pid() + "-";
      privateDir = posix() ? Files.createTempDirectory(dir, name,
          PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY)) : Files.createTempDirectory(dir, name);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a values file in " + dir + ": " + e.getMessage()
          + ". Check that the directory exists and is writable, or choose another with tempDirectory(...).", e);
    }
    file = privateDir.resolve("values.yaml");
    ValuesFile values = new ValuesFile(privateDir, file);
    values.register();
    try {
      if (posix()) {
        Files.createFile(file, ownerOnly());
      } else {
        Files.createFile(file);
      }
      try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        out.write(yaml.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      values.close();
      throw new UncheckedIOException("Could not write the values file " + file + ": " + e.getMessage(), e);
    }
    return values;
  }

  private void register() {
    synchronized (HOOK_LOCK) {
      if (!hookAdded) {
        Thread hook = new Thread(() -> OPEN.forEach(ValuesFile::close), "gitops-runtime-values-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        hookAdded = true;
      }
    }
    OPEN.add(this);
  }

  /**
   * Removes the private directories of processes that are gone and legacy values files older than this JVM,
   * owned by the current user, from a temporary directory. Never fails: what cannot be removed is logged.
   */
  static void removeStale(Path dir) {
    Optional<UserPrincipal> me = currentUser(dir);
    Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, PREFIX + "*")) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        Matcher m = PRIVATE_DIRECTORY.matcher(name);
        try {
          if (!ownedBy(entry, me)) {
            continue;
          }
          if (m.matches() && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && !alive(m.group(1))) {
            deleteTree(entry);
            log.debug("removed the values directory {} left by an earlier run", entry);
          } else if (LEGACY_FILE.matcher(name).matches() && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
              && ownerOnly(entry)
              && Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).compareTo(FileTime.from(jvmStart)) < 0) {
            Files.deleteIfExists(entry);
            log.debug("removed the values file {} left by an earlier run", entry);
          }
        } catch (IOException | RuntimeException e) {
          log.warn("could not remove {}, left by an earlier run: {}; delete it by hand, it may hold secrets", entry,
              e.toString());
        }
      }
    } catch (IOException e) {
      log.debug("could not look for values files left by earlier runs in {}: {}", dir, e.toString());
    }
  }

  private static boolean alive(String pid) {
    try {
      long id = Long.parseLong(pid);
      return id == ProcessHandle.current().pid() || ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true;
    }
  }

  private static Optional<UserPrincipal> currentUser(Path dir) {
    try {
      return Optional.of(dir.getFileSystem().getUserPrincipalLookupService()
          .lookupPrincipalByName(System.getProperty("user.name")));
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
  }

  private static boolean ownedBy(Path entry, Optional<UserPrincipal> me) throws IOException {
    return me.isEmpty() || me.get().equals(Files.getOwner(entry, LinkOption.NOFOLLOW_LINKS));
  }

  private static boolean ownerOnly(Path file) throws IOException {
    return !posix() || Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
      for (Path child : children) {
        Files.deleteIfExists(child);
      }
    }
    Files.deleteIfExists(dir);
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

  /** Deletes the file and its private directory; logs (without the content) when that fails. */
  @Override
  public void close() {
    synchronized (this) {
      if (deleted) {
        return;
      }
      deleted = true;
    }
    OPEN.remove(this);
    try {
      Files.deleteIfExists(path);
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      log.warn("could not delete the values file {}: {}; delete it by hand, it holds secrets", path, e.toString());
    }
  }

  @Override
  public String toString() {
    return "ValuesFile[" + path + "]";
  }
}
