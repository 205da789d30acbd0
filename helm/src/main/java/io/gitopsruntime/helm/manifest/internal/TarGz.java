package io.gitopsruntime.helm.manifest.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import io.gitopsruntime.helm.internal.TarHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks a chart archive ({@code .tgz}): regular files and directories of a ustar archive with PAX and
 * GNU long names; links and devices are skipped, and no entry may land outside the target directory.
 * Stateless and thread-safe.
 */
final class TarGz {
  private static final int BLOCK = 512;
  private static final long MAX_TOTAL = 512L * 1024 * 1024;

  private TarGz() {}

  /**
   * Unpacks an archive into a directory.
   *
   * @param archive the gzip-compressed tar
   * @param target the directory, created when absent
   * @throws IOException if the archive is damaged or unsafe
   */
  static void unpack(byte[] archive, Path target) throws IOException {
    Files.createDirectories(target);
    Path root = target.toAbsolutePath().normalize();
    long total = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(archive))) {
      byte[] header = new byte[BLOCK];
      String longName = null;
      while (readFully(in, header)) {
        if (TarHeaders.isZero(header)) {
          break;
        }
        String name = longName != null ? longName : TarHeaders.name(header);
        longName = null;
        long size = TarHeaders.octal(header, 124, 12, "the archive has a damaged header");
        char type = (char) header[156];
        byte[] data = readData(in, size);
        total += size;
        if (total > MAX_TOTAL) {
          throw new IOException("the archive unpacks to more than " + (MAX_TOTAL >> 20) + " MB");
        }
        if (type == 'x') {
          String path = TarHeaders.paxPath(data);
          if (path != null) {
            longName = path;
          }
          continue;
        }
        if (type == 'L') {
          longName = new String(data, StandardCharsets.UTF_8).replace("\u0000", "");
          continue;
        }
        if (type == 'g') {
          continue;
        }
        Path out = root.resolve(name).normalize();
        if (!out.startsWith(root) || out.equals(root)) {
          if (out.equals(root)) {
            continue;
          }
          throw new IOException("the archive has an entry outside its root: " + name);
        }
        if (type == '5') {
          Files.createDirectories(out);
        } else if (type == '0' || type == '\0' || type == '7') {
          Files.createDirectories(out.getParent());
          Files.write(out, data);
        }
      }
    }
  }

  private static byte[] readData(InputStream in, long size) throws IOException {
    if (size < 0 || size > MAX_TOTAL) {
      throw new IOException("the archive has an entry of impossible size " + size);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
    byte[] buffer = new byte[8192];
    long left = size;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("the archive ends in the middle of an entry");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
    long padding = (BLOCK - size % BLOCK) % BLOCK;
    in.skipNBytes(padding);
    return out.toByteArray();
  }

  private static boolean readFully(InputStream in, byte[] block) throws IOException {
    int read = 0;
    while (read < block.length) {
      int n = in.read(block, read, block.length - read);
      if (n < 0) {
        if (read == 0) {
          return false;
        }
        throw new IOException("the archive ends in the middle of a header");
      }
      read += n;
    }
    return true;
  }
}
