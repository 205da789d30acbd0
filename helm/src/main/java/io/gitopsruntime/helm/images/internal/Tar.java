package io.gitopsruntime.helm.images.internal;

import java.io.EOFException;
import io.gitopsruntime.helm.internal.TarHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The POSIX tar format, as much as charts and OCI layout archives need: regular files written with ustar headers (a
 * PAX header for a name longer than ustar holds), a fixed mode and time so that the same files give the same bytes;
 * and the entries of an archive on disk listed by offset without reading their contents. Stateless.
 */
public final class Tar {
  /** The tar block size. */
  public static final int BLOCK = 512;

  private Tar() {}

  /**
   * A regular file of an archive on disk.
   *
   * @param name its name
   * @param offset where its content starts
   * @param size its size, as its header says
   * @param available how many of those bytes the file holds (less than {@code size} when the archive is cut short)
   */
  public record Entry(String name, long offset, long size, long available) {
    /**
     * Whether the archive holds all of it.
     *
     * @return true when complete
     */
    public boolean complete() {
      return available == size;
    }
  }

  /**
   * Writes a regular file's header; its content and {@link #pad} follow.
   *
   * @param out the archive
   * @param name its name, {@code /}-separated
   * @param size its size
   * @param mtime its modification time, seconds since the epoch
   * @throws IOException if writing fails
   */
  public static void header(OutputStream out, String name, long size, long mtime) throws IOException {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    String shortName = name;
    if (bytes.length > 100) {
      byte[] record = pax("path", name);
      out.write(block("././@PaxHeader", record.length, mtime, 'x'));
      out.write(record);
      pad(out, record.length);
      shortName = name.substring(Math.max(0, name.length() - 99)).replaceAll("^[^/]*/", "");
    }
    out.write(block(shortName, size, mtime, '0'));
  }

  /**
   * Pads an entry's content to a whole block.
   *
   * @param out the archive
   * @param size the content's size
   * @throws IOException if writing fails
   */
  public static void pad(OutputStream out, long size) throws IOException {
    out.write(new byte[(int) ((BLOCK - size % BLOCK) % BLOCK)]);
  }

  /**
   * Ends an archive (two zero blocks).
   *
   * @param out the archive
   * @throws IOException if writing fails
   */
  public static void end(OutputStream out) throws IOException {
    out.write(new byte[2 * BLOCK]);
  }

  private static byte[] pax(String key, String value) {
    String body = " " + key + "=" + value + "\n";
    int length = body.getBytes(StandardCharsets.UTF_8).length;
    int digits = String.valueOf(length).length();
    while (String.valueOf(length + digits).length() != digits) {
      digits++;
    }
    return ((length + digits) + body).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] block(String name, long size, long mtime, char type) {
    byte[] header = new byte[BLOCK];
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(nameBytes, 0, header, 0, Math.min(100, nameBytes.length));
    octal(header, 100, 8, 0644);
    octal(header, 108, 8, 0);
    octal(header, 116, 8, 0);
    octal(header, 124, 12, size);
    octal(header, 136, 12, mtime);
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    header[156] = (byte) type;
    byte[] magic = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, header, 257, magic.length);
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    octal(header, 148, 7, sum);
    return header;
  }

  private static void octal(byte[] header, int offset, int length, long value) {
    String text = Long.toOctalString(value);
    if (text.length() > length - 1) {
      throw new IllegalArgumentException("a tar field of " + length + " bytes cannot hold " + value);
    }
    text = "0".repeat(length - 1 - text.length()) + text;
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
    header[offset + length - 1] = 0;
  }

  /**
   * The regular files of an archive, and whether it is whole.
   *
   * @param entries the entries, in order; an archive cut inside an entry ends with that entry ({@link
   *     Entry#complete()} false)
   * @param ended whether the archive ends with its end-of-archive blocks (the writer always writes them, so an
   *     archive without them was cut, perhaps exactly between two entries)
   * @param length the archive's length in bytes
   */
  public record Listing(List<Entry> entries, boolean ended, long length) {}

  /**
   * Lists the regular files of an archive on disk, reading only headers.
   *
   * @param channel the archive
   * @return the entries and whether the archive is whole
   * @throws IOException if it cannot be read or a header is damaged
   */
  public static Listing list(FileChannel channel) throws IOException {
    List<Entry> entries = new ArrayList<>();
    long length = channel.size();
    long position = 0;
    String longName = null;
    ByteBuffer buffer = ByteBuffer.allocate(BLOCK);
    while (position + BLOCK <= length) {
      buffer.clear();
      readFully(channel, buffer, position);
      byte[] header = buffer.array();
      if (TarHeaders.isZero(header)) {
        return new Listing(entries, true, length);
      }
      if (!checksumMatches(header)) {
        throw new IOException("the tar header at byte " + position + " is damaged (its checksum does not match)");
      }
      String name = longName != null ? longName : TarHeaders.name(header);
      longName = null;
      long size = TarHeaders.octal(header, 124, 12, "the tar header at byte " + position + " is damaged");
      char type = (char) header[156];
      long data = position + BLOCK;
      long available = Math.max(0, Math.min(size, length - data));
      if (type == 'x' || type == 'L') {
        if (available < size) {
          throw new EOFException("the archive ends inside a tar header");
        }
        ByteBuffer record = ByteBuffer.allocate((int) size);
        readFully(channel, record, data);
        longName = type == 'L' ? new String(record.array(), StandardCharsets.UTF_8).replace("\u0000", "")
            : TarHeaders.paxPath(record.array());
      } else if (type == '0' || type == '\0' || type == '7') {
        entries.add(new Entry(name, data, size, available));
        if (available < size) {
          return new Listing(entries, false, length);
        }
      }
      position = data + size + (BLOCK - size % BLOCK) % BLOCK;
    }
    return new Listing(entries, false, length);
  }

  /**
   * Reads an entry's content.
   *
   * @param channel the archive
   * @param entry the entry
   * @return a stream of its bytes (the available ones); closing it leaves the channel open
   */
  public static InputStream open(FileChannel channel, Entry entry) {
    return new InputStream() {
      private long position = entry.offset();
      private final long end = entry.offset() + entry.available();

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (position >= end) {
          return -1;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
        if (n < 0) {
          return -1;
        }
        position += n;
        return n;
      }
    };
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        throw new EOFException("the archive ends inside a tar header");
      }
      at += n;
    }
  }

  private static boolean checksumMatches(byte[] header) throws IOException {
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
    }
    return sum == TarHeaders.octal(header, 148, 8, "the tar header at byte 0 is damaged");
  }
}
