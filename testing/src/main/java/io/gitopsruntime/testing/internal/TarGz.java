package io.gitopsruntime.testing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes and reads the gzip-compressed POSIX tar archives Helm uses for packaged charts, so that a chart
 * can be packaged and pushed without Helm. Stateless and thread-safe.
 */
public final class TarGz {

  private static final int BLOCK = 512;

  private TarGz() {}

  /**
   * Packs a directory; entry names start with the directory's own name, as {@code helm package} writes them.
   *
   * @param directory the directory to pack
   * @param archive the {@code .tgz} to write
   * @throws IOException when reading or writing fails
   */
  public static void pack(Path directory, Path archive) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive))) {
      String root = directory.getFileName().toString();
      for (Path file : files) {
        String name = root + "/" + directory.relativize(file).toString().replace('\\', '/');
        byte[] content = Files.readAllBytes(file);
        out.write(header(name, content.length));
        out.write(content);
        int pad = (BLOCK - content.length % BLOCK) % BLOCK;
        out.write(new byte[pad]);
      }
      out.write(new byte[BLOCK * 2]);
    }
  }

  /**
   * Reads every regular file of an archive.
   *
   * @param archive the {@code .tgz} bytes
   * @return entry name to content, in archive order
   * @throws IOException when the archive is not a gzip-compressed tar
   */
  public static Map<String, byte[]> read(byte[] archive) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(archive))) {
      byte[] header = new byte[BLOCK];
      while (in.readNBytes(header, 0, BLOCK) == BLOCK) {
        String name = string(header, 0, 100);
        if (name.isEmpty()) {
          break;
        }
        String prefix = string(header, 345, 155);
        if (!prefix.isEmpty()) {
          name = prefix + "/" + name;
        }
        long size = Long.parseLong(string(header, 124, 12).trim().isEmpty() ? "0" : string(header, 124, 12).trim(), 8);
        byte[] content = in.readNBytes((int) size);
        in.readNBytes((int) ((BLOCK - size % BLOCK) % BLOCK));
        char type = (char) header[156];
        if (type == '0' || type == 0) {
          entries.put(name, content);
        }
      }
    }
    return entries;
  }

  private static byte[] header(String name, long size) {
    byte[] h = new byte[BLOCK];
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    if (nameBytes.length > 100) {
      int split = name.lastIndexOf('/', 154);
      put(h, 345, name.substring(0, split), 155);
      put(h, 0, name.substring(split + 1), 100);
    } else {
      put(h, 0, name, 100);
    }
    put(h, 100, "0000644", 8);
    put(h, 108, "0000000", 8);
    put(h, 116, "0000000", 8);
    put(h, 124, String.format("%011o", size), 12);
    put(h, 136, String.format("%011o", 0L), 12);
    h[156] = '0';
    put(h, 257, "ustar", 6);
    put(h, 263, "00", 2);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum), 7);
    h[155] = ' ';
    return h;
  }

  private static void put(byte[] target, int offset, String value, int length) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(bytes, 0, target, offset, Math.min(bytes.length, length));
  }

  private static String string(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  /**
   * Reads a whole stream.
   *
   * @param in the stream
   * @return its bytes
   * @throws IOException when reading fails
   */
  public static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }
}
