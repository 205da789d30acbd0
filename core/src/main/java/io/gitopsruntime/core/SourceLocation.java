package io.gitopsruntime.core;

import java.util.Objects;

/**
 * A place in a values file: file name, line and column, both 1-based. Immutable and thread-safe.
 *
 * @param source the file name as the user gave it, such as {@code values.yaml}
 * @param line the line, from 1
 * @param column the column, from 1
 */
public record SourceLocation(String source, int line, int column) {
  /**
   * Creates a location.
   *
   * @param source the file name as the user gave it
   * @param line the line, from 1
   * @param column the column, from 1
   */
  public SourceLocation {
    Objects.requireNonNull(source, "source == null");
  }

  /** {@code values.yaml:12:5}. */
  @Override
  public String toString() {
    return source + ":" + line + ":" + column;
  }
}
