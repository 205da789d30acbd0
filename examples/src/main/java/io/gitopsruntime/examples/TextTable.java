package io.gitopsruntime.examples;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned columns two spaces apart, as the fleet examples print. Not thread-safe. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();

  TextTable(String... header) {
    rows.add(header);
  }

  /** Adds a row with one cell per column of the header. */
  TextTable row(String... cells) {
    if (cells.length != rows.get(0).length) {
      throw new IllegalArgumentException("expected " + rows.get(0).length + " cells, not " + cells.length);
    }
    rows.add(cells);
    return this;
  }

  /** The table, one line per row (the header first), each without trailing blanks and ending with a newline. */
  @Override
  public String toString() {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
