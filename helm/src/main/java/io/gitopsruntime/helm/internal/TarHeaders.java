package io.gitopsruntime.helm.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reading the fields of tar headers (ustar, with PAX and GNU long names), for the two tar readers of this module:
 * a chart's {@code .tgz} and an image bundle.
 */
public final class TarHeaders {
  private TarHeaders() {}

  /**
   * Whether a block is all zeros (the end of an archive).
   *
   * @param block a 512-byte block
   * @return true when every byte is zero
   */
  public static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * A NUL-terminated text field.
   *
   * @param header the header block
   * @param offset where the field starts
   * @param length its size
   * @return the text up to the first NUL
   */
  public static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  /**
   * The entry's name: the ustar prefix, if any, and the name.
   *
   * @param header the header block
   * @return the name
   */
  public static String name(byte[] header) {
    String name = field(header, 0, 100);
    if (field(header, 257, 6).startsWith("ustar")) {
      String prefix = field(header, 345, 155);
      if (!prefix.isEmpty()) {
        name = prefix + "/" + name;
      }
    }
    return name;
  }

  /**
   * An octal number field.
   *
   * @param header the header block
   * @param offset where the field starts
   * @param length its size
   * @param damaged the message of the exception when the field is not a number
   * @return the number, 0 for an empty field
   * @throws IOException when the field is not an octal number
   */
  public static long octal(byte[] header, int offset, int length, String damaged) throws IOException {
    String text = field(header, offset, length).trim();
    if (text.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(text, 8);
    } catch (NumberFormatException e) {
      throw new IOException(damaged);
    }
  }

  /**
   * The {@code path} record of a PAX extended header ({@code "<length> path=<value>\n"} records).
   *
   * @param data the extended header's content
   * @return the path, or null when it has none or is malformed
   */
  public static @Nullable String paxPath(byte[] data) {
    // lengths count bytes, not characters
    int i = 0;
    while (i < data.length) {
      int space = i;
      int length = 0;
      while (space < data.length && data[space] >= '0' && data[space] <= '9' && length < 1_000_000) {
        length = length * 10 + (data[space] - '0');
        space++;
      }
      if (space == i || space >= data.length || data[space] != ' ' || length <= space - i + 1
          || i + length > data.length) {
        break;
      }
      String record = new String(data, space + 1, i + length - 1 - (space + 1), StandardCharsets.UTF_8);
      if (record.startsWith("path=")) {
        return record.substring(5);
      }
      i += length;
    }
    return null;
  }

}
