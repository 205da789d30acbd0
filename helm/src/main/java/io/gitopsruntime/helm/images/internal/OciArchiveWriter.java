package io.gitopsruntime.helm.images.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes an OCI image layout as one tar, as a {@link Target}: {@code oci-layout} first, each blob and manifest once
 * under {@code blobs/sha256/HEX} as it arrives, and at the end {@code index.json} (each named image or chart with
 * {@code org.opencontainers.image.ref.name}, sorted) and the lock file. Written to {@code NAME.partial}, renamed to
 * {@code NAME} only by {@link #finish}; {@link #close} without it deletes the partial file. A planning writer writes
 * nothing. Thread-safe: entries are appended one at a time.
 */
public final class OciArchiveWriter implements Target, AutoCloseable {
  /** The lock file's name in the archive. */
  public static final String LOCK = "images.lock";
  /** The annotation naming an image in an OCI layout. */
  public static final String REF_NAME = "org.opencontainers.image.ref.name";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path archive;
  private final Path partial;
  private final OutputStream out;
  private final Set<String> written = ConcurrentHashMap.newKeySet();
  private final List<ObjectNode> index = new ArrayList<>();
  private boolean finished;

  private OciArchiveWriter(Path archive, Path partial, OutputStream out) {
    this.archive = archive;
    this.partial = partial;
    this.out = out;
  }

  /**
   * Starts an archive.
   *
   * @param archive the tar to write; replaced by {@link #finish}
   * @return the writer
   * @throws IOException if the partial file cannot be written
   */
  public static OciArchiveWriter create(Path archive) throws IOException {
    Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
    OciArchiveWriter writer = new OciArchiveWriter(archive, partial, out);
    writer.entry("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
    return writer;
  }

  /**
   * A writer for a plan: it has nothing and writes nothing.
   *
   * @param archive the tar a copy would write
   * @return the writer
   */
  public static OciArchiveWriter planning(Path archive) {
    return new OciArchiveWriter(archive, archive, OutputStream.nullOutputStream());
  }

  @Override
  public String host() {
    return "archive " + archive.getFileName();
  }

  @Override
  public Optional<String> manifestDigest(String repository, String reference) {
    if (reference.contains(":")) {
      return written.contains(reference) ? Optional.of(reference) : Optional.empty();
    }
    synchronized (index) {
      String name = repository + ":" + reference;
      return index.stream().map(e -> e.path("annotations").path(REF_NAME).asText().equals(name)
              || e.path("annotations").path(REF_NAME).asText().startsWith(name + "@") ? e : null)
          .filter(java.util.Objects::nonNull)
          .map(e -> e.path("digest").asText()).findFirst();
    }
  }

  @Override
  public boolean hasBlob(String repository, String digest) {
    return written.contains(digest);
  }

  @Override
  public boolean mount(String repository, String digest, String from) {
    return written.contains(digest);
  }

  @Override
  public void upload(String repository, String digest, Path file) {
    synchronized (out) {
      if (written.contains(digest)) {
        return;
      }
      try {
        long size = Files.size(file);
        Tar.header(out, path(digest), size, 0);
        Files.copy(file, out);
        Tar.pad(out, size);
      } catch (IOException e) {
        throw new RegistryException("Could not write blob " + digest + " to " + partial + ": " + e.getMessage(), 0, false, e);
      }
      written.add(digest);
    }
  }

  @Override
  public void putManifest(String repository, Manifest manifest) {
    synchronized (out) {
      if (!written.contains(manifest.digest())) {
        try {
          entry(path(manifest.digest()), manifest.bytes());
        } catch (IOException e) {
          throw new RegistryException("Could not write manifest " + manifest.digest() + " to " + partial + ": "
              + e.getMessage(), 0, false, e);
        }
        written.add(manifest.digest());
      }
    }
  }

  @Override
  public void name(String repository, Optional<String> tag, Manifest top, String name) {
    ObjectNode entry = JSON.createObjectNode();
    entry.put("mediaType", top.mediaType());
    entry.put("digest", top.digest());
    entry.put("size", top.bytes().length);
    entry.putObject("annotations").put(REF_NAME, name).put("io.containerd.image.name", name);
    synchronized (index) {
      index.add(entry);
    }
  }

  /**
   * Ends the archive: writes {@code index.json} and the lock file, then renames it into place.
   *
   * @param lockJson the lock file's content
   * @throws IOException if writing or renaming fails
   */
  public void finish(String lockJson) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", 2);
    root.put("mediaType", Manifest.OCI_INDEX);
    ArrayNode manifests = root.putArray("manifests");
    synchronized (index) {
      index.stream().sorted(Comparator.comparing(e -> e.path("annotations").path(REF_NAME).asText()))
          .forEach(manifests::add);
    }
    synchronized (out) {
      entry("index.json", (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
      entry(LOCK, lockJson.getBytes(StandardCharsets.UTF_8));
      Tar.end(out);
      out.close();
    }
    Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
    finished = true;
  }

  /** Deletes the partial archive unless {@link #finish} renamed it. */
  @Override
  public void close() {
    if (finished || partial.equals(archive)) {
      return;
    }
    try {
      out.close();
    } catch (IOException e) {
      // deleted below
    }
    try {
      Files.deleteIfExists(partial);
    } catch (IOException e) {
      // a partial file left behind says what it is
    }
  }

  private void entry(String name, byte[] bytes) throws IOException {
    Tar.header(out, name, bytes.length, 0);
    out.write(bytes);
    Tar.pad(out, bytes.length);
  }

  private static String path(String digest) {
    return "blobs/" + digest.replace(':', '/');
  }
}
