package io.gitopsruntime.helm.images.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The table of images passed outside containers' image fields ({@code image-args.tsv}): which objects, which
 * containers or data keys, and where the image is. Immutable.
 *
 * @param rows the rows
 */
public record ImageArgs(List<Row> rows) {
  /** The built-in table, read from {@code image-args.tsv} next to this class. */
  public static final String RESOURCE = "image-args.tsv";

  /**
   * Copies the rows.
   *
   * @param rows the rows
   */
  public ImageArgs {
    rows = List.copyOf(rows);
  }

  /**
   * One row.
   *
   * @param kind the object's kind
   * @param name a glob of the object's name
   * @param part a glob of the container's name, or of the ConfigMap's data key
   * @param flag the argument flag, such as {@code --executor-image}; empty for a data key
   */
  public record Row(String kind, Pattern name, Pattern part, String flag) {
    /** Whether it is a ConfigMap data row. */
    public boolean data() {
      return flag.isEmpty();
    }
  }

  /**
   * Reads the built-in table.
   *
   * @return the table
   */
  public static ImageArgs standard() {
    try (InputStream in = ImageArgs.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath next to " + ImageArgs.class.getName());
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses a table: tab-separated rows of kind, name glob, container or key glob, and {@code arg FLAG} or
   * {@code data}; {@code #} starts a comment line.
   *
   * @param text the table
   * @return the table
   * @throws IllegalArgumentException naming the line that is malformed
   */
  public static ImageArgs parse(String text) {
    List<Row> rows = new ArrayList<>();
    int number = 0;
    for (String line : text.split("\n", -1)) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.strip().split("\t");
      String where = cells.length == 4 ? cells[3].strip() : "";
      if (cells.length != 4 || !(where.equals("data") || where.matches("arg --?[A-Za-z0-9][A-Za-z0-9-]*"))) {
        throw new IllegalArgumentException(RESOURCE + " line " + number + ": expected KIND<TAB>NAME<TAB>CONTAINER-OR-KEY"
            + "<TAB>\"arg --FLAG\" or \"data\", not \"" + line + "\".");
      }
      if (where.equals("data") && !cells[0].equals("ConfigMap")) {
        throw new IllegalArgumentException(RESOURCE + " line " + number + ": \"data\" rows are for ConfigMaps, not "
            + cells[0] + ".");
      }
      rows.add(new Row(cells[0].strip(), glob(cells[1].strip()), glob(cells[2].strip()),
          where.equals("data") ? "" : where.substring(4).strip()));
    }
    return new ImageArgs(rows);
  }

  private static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*') {
        quote(regex, literal).append(".*");
      } else {
        literal.append(c);
      }
    }
    return Pattern.compile(quote(regex, literal).toString());
  }

  private static StringBuilder quote(StringBuilder regex, StringBuilder literal) {
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
      literal.setLength(0);
    }
    return regex;
  }

}
