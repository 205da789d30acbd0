package io.gitopsruntime.core;

import io.gitopsruntime.InvalidValuesException;

/**
 * Thrown when a values file cannot be read as values: it is not well-formed YAML or not UTF-8 text, its
 * top level is not a map, or it is beyond one of the limits of {@link ValuesYaml#read(java.nio.file.Path)}
 * (an alias bomb, too deep, too many keys, too long). The message names the file, line and column (and
 * the limit) and says how to fix it; it never quotes a value that may be a secret. Immutable and
 * thread-safe.
 */
public class ValuesSyntaxException extends InvalidValuesException {
  private static final long serialVersionUID = 1L;

  /** Where the problem is. */
  private final SourceLocation location;

  /**
   * Creates the exception.
   *
   * @param location where the problem is
   * @param valuesPath the values path of the enclosing key, or empty
   * @param message the whole message
   */
  public ValuesSyntaxException(SourceLocation location, String valuesPath, String message) {
    super(valuesPath, message);
    this.location = location;
  }

  /**
   * Where the problem is.
   *
   * @return the file, line and column
   */
  public SourceLocation location() {
    return location;
  }
}
