package io.gitopsruntime.helm.images.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads an OCI image layout tar (as {@link OciArchiveWriter} writes it, or any tool that writes the layout in one
 * tar) as a {@link Source}, without unpacking it or holding it in memory: the tar's headers are listed once, then each
 * blob is read from its place in the file and checked against its digest while it is read. A blob that is missing,
 * cut short or damaged fails with a message naming it. Thread-safe; close it to close the file.
 */
public final class OciArchiveReader implements Source, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_MANIFEST = 4L << 20;

  /**
   * An image or chart the archive's {@code index.json} names.
   *
   * @param name its {@code org.opencontainers.image.ref.name}
   * @param digest its manifest's or index's digest
   * @param mediaType its media type
   */
  public record Named(String name, String digest, String mediaType) {}

  private final Path file;
  private final FileChannel channel;
  private final Map<String, Tar.Entry> entries;
  private final List<Named> named;
  private final Optional<String> lock;
  private final Map<String, Boolean> checked = new ConcurrentHashMap<>();

  private OciArchiveReader(Path file, FileChannel channel, Map<String, Tar.Entry> entries, List<Named> named,
      Optional<String> lock) {
    this.file = file;
    this.channel = channel;
    this.entries = entries;
    this.named = List.copyOf(named);
    this.lock = lock;
  }

  /**
   * Opens an archive and reads its index.
   *
   * @param file the tar
   * @return the reader
   * @throws IllegalArgumentException naming the file, if it is not an OCI layout tar or its index is cut short
   */
  public static OciArchiveReader open(Path file) {
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new IllegalArgumentException("Could not read the archive " + file + ": " + e.getMessage(), e);
    }
    try {
      Tar.Listing listing = Tar.list(channel);
      List<Tar.Entry> list = listing.entries();
      Map<String, Tar.Entry> entries = new HashMap<>();
      list.forEach(e -> entries.put(e.name().startsWith("./") ? e.name().substring(2) : e.name(), e));
      Tar.Entry index = entries.get("index.json");
      if (index == null || !index.complete() || !entries.containsKey("oci-layout")) {
        Tar.Entry last = list.isEmpty() ? null : list.get(list.size() - 1);
        if (last != null && !last.complete()) {
          throw new IllegalArgumentException("The archive " + file + " is cut short: it ends " + last.available()
              + " bytes into " + last.name() + " (of " + last.size() + "), before its index.json. Nothing was pushed;"
              + " copy the archive again.");
        }
        if (!listing.ended() && !list.isEmpty()) {
          throw new IllegalArgumentException("The archive " + file + " is cut short: it ends " + (last == null ? ""
              : "after " + last.name() + ", ") + "at byte " + listing.length() + ", before its index.json. Nothing"
              + " was pushed; copy the archive again.");
        }
        throw new IllegalArgumentException("The archive " + file + " is not an OCI image layout: it has no "
            + (index == null ? "index.json" : "oci-layout") + ". Write one with mirror --to-archive.");
      }
      List<Named> named = new ArrayList<>();
      for (JsonNode entry : JSON.readTree(read(channel, index)).path("manifests")) {
        String name = entry.path("annotations").path(OciArchiveWriter.REF_NAME).asText("");
        named.add(new Named(name, entry.path("digest").asText(), entry.path("mediaType").asText("")));
      }
      Tar.Entry lockEntry = entries.get(OciArchiveWriter.LOCK);
      Optional<String> lock = lockEntry == null || !lockEntry.complete() ? Optional.empty()
          : Optional.of(new String(read(channel, lockEntry), StandardCharsets.UTF_8));
      return new OciArchiveReader(file, channel, entries, named, lock);
    } catch (IOException e) {
      close(channel);
      throw new IllegalArgumentException("Could not read the archive " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      close(channel);
      throw e;
    }
  }

  /**
   * What the archive's {@code index.json} names.
   *
   * @return the entries, in order
   */
  public List<Named> named() {
    return named;
  }

  /**
   * The lock file the archive carries.
   *
   * @return its text, if it has one
   */
  public Optional<String> lock() {
    return lock;
  }

  @Override
  public String host() {
    return "archive " + file.getFileName();
  }

  @Override
  public boolean checksFirst() {
    return true;
  }

  @Override
  public Optional<Manifest> manifest(String repository, String reference) {
    Tar.Entry entry = entry(reference);
    if (entry.size() > MAX_MANIFEST) {
      throw damaged(reference, "is " + entry.size() + " bytes, too large for a manifest");
    }
    try {
      byte[] bytes = read(channel, entry);
      String got = Digests.sha256(bytes);
      if (!got.equals(reference)) {
        throw damaged(reference, "has the digest " + got);
      }
      return Optional.of(Manifest.of(bytes, ""));
    } catch (IOException e) {
      throw damaged(reference, "is not a manifest (" + e.getMessage() + ")");
    }
  }

  @Override
  public void check(String digest) {
    if (checked.containsKey(digest)) {
      return;
    }
    copy(digest, OutputStream.nullOutputStream());
    checked.put(digest, true);
  }

  @Override
  public long download(String repository, String digest, Path target) {
    try (OutputStream out = Files.newOutputStream(target)) {
      return copy(digest, out);
    } catch (IOException e) {
      throw new RegistryException("Could not stage blob " + digest + ": " + e.getMessage(), 0, false, e);
    }
  }

  @Override
  public byte[] blob(String repository, String digest) {
    Tar.Entry entry = entry(digest);
    if (entry.size() > MAX_MANIFEST) {
      throw damaged(digest, "is " + entry.size() + " bytes, too large for a config");
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    copy(digest, out);
    return out.toByteArray();
  }

  /** Copies a blob's bytes while hashing them; fails naming the blob when they do not match its digest. */
  private long copy(String digest, OutputStream out) {
    Tar.Entry entry = entry(digest);
    MessageDigest sha = Digests.sha256();
    long size;
    try (InputStream in = Tar.open(channel, entry)) {
      size = in.transferTo(new DigestOutputStream(out, sha));
    } catch (IOException e) {
      throw damaged(digest, "could not be read (" + e.getMessage() + ")");
    }
    String got = Digests.of(sha.digest());
    if (!got.equals(digest)) {
      throw damaged(digest, "has the digest " + got);
    }
    return size;
  }

  private Tar.Entry entry(String digest) {
    Tar.Entry entry = entries.get("blobs/" + digest.replace(':', '/'));
    if (entry == null) {
      throw new RegistryException("The archive " + file + " has no blob " + digest + " (blobs/"
          + digest.replace(':', '/') + "). Nothing was pushed for this image; write the archive again.", 0, false);
    }
    if (!entry.complete()) {
      throw new RegistryException("The archive " + file + " is cut short: it ends " + entry.available() + " bytes into"
          + " blob " + digest + " (of " + entry.size() + "). Nothing was pushed for this image; copy the archive again.",
          0, false);
    }
    return entry;
  }

  private RegistryException damaged(String digest, String why) {
    return new RegistryException("The archive " + file + " is damaged: blob " + digest + " " + why + ". Nothing was"
        + " pushed for this image; copy the archive again.", 0, false);
  }

  private static byte[] read(FileChannel channel, Tar.Entry entry) throws IOException {
    try (InputStream in = Tar.open(channel, entry)) {
      return in.readAllBytes();
    }
  }

  @Override
  public void close() {
    close(channel);
  }

  private static void close(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // read only
    }
  }
}
