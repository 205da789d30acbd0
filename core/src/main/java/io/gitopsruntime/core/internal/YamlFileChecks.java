package io.gitopsruntime.core.internal;

import io.gitopsruntime.core.SourceLocation;
import io.gitopsruntime.core.ValuesSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The checks of a values file before its YAML is read: its size, its lines' lengths, its encoding. Each failure
 * names the file and the place, never the text. Stateless and thread-safe.
 */
public final class YamlFileChecks {
  private YamlFileChecks() {}

  /**
   * Checks the size of a file before it is read.
   *
   * @param source the file name
   * @param size its size
   * @param unit what the size counts, such as "bytes"
   * @param limits the limits
   * @throws ValuesSyntaxException if the file is too large
   */
  public static void checkSize(String source, long size, String unit, YamlReader.Limits limits) {
    if (size > limits.fileSize()) {
      throw new ValuesSyntaxException(new SourceLocation(source, 1, 1), "", source + ": the file has " + number(size) + " " + unit
          + ", more than the " + number(limits.fileSize()) + " a values file may have. Values files are small (the chart's"
          + " own is 23 KB): check that this is the values file you meant, or split it into several (-f a.yaml -f b.yaml).");
    }
  }

  /**
   * Turns undecodable bytes of a file into an error naming the line and column.
   *
   * @param source the file name
   * @param bytes the file's bytes
   * @param offset the offset of the first byte that is not UTF-8
   * @return the exception to throw
   */
  public static ValuesSyntaxException notUtf8(String source, byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String text = new String(bytes, lineStart, Math.max(0, Math.min(offset, bytes.length) - lineStart), StandardCharsets.UTF_8);
    SourceLocation location = new SourceLocation(source, line, text.codePointCount(0, text.length()) + 1);
    String found = offset < bytes.length ? String.format(Locale.ROOT, " (the byte 0x%02X)", bytes[offset] & 0xff) : "";
    return new ValuesSyntaxException(location, "", location + ": the file is not UTF-8 text" + found
        + ". Save the values file as UTF-8.");
  }

  static void checkLines(String source, String text, YamlReader.Limits limits) {
    if (text.length() <= limits.lineLength()) {
      return;
    }
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > limits.lineLength()) {
          SourceLocation location = new SourceLocation(source, line, 1);
          throw new ValuesSyntaxException(location, "", location + ": line " + line + " has " + number(i - start)
              + " characters, more than the " + number(limits.lineLength()) + " a line of a values file may have."
              + " Write a long value as a block scalar over several lines (key: |), or check that this is the values file you meant.");
        }
        line++;
        start = i + 1;
      }
    }
  }

  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
