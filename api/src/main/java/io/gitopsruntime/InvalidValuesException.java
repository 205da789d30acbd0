package io.gitopsruntime;

/**
 * Thrown when values or an installation are unusable as given: a malformed name, a missing required
 * part, a value of the wrong type.
 *
 * <p>{@link #valuesPath()} names the offending key (for example {@code global.runtime.name}) and the
 * message ends with how to fix it. Immutable and thread-safe.
 */
public class InvalidValuesException extends GitOpsRuntimeException {
  private static final long serialVersionUID = 1L;

  /** The offending values path. */
  private final String valuesPath;

  /**
   * Creates an exception for a values path.
   *
   * @param valuesPath the offending key, such as {@code global.runtime.name}; empty when not known
   * @param message the whole message, starting with the values path
   */
  public InvalidValuesException(String valuesPath, String message) {
    super(message);
    this.valuesPath = valuesPath;
  }

  /**
   * Creates an exception that names no values path; used by generated builders for missing attributes.
   *
   * @param message the whole message
   */
  public InvalidValuesException(String message) {
    this("", message);
  }

  /**
   * The values path of the offending key, for example {@code global.runtime.ingress.hosts[0]}.
   *
   * @return the path, or an empty string when the problem is not tied to one key
   */
  public String valuesPath() {
    return valuesPath;
  }
}
