package io.gitopsruntime;

/**
 * The root of every exception this SDK throws; unchecked.
 *
 * <p>Subtypes carry their context as accessors (the values path, the command with secrets masked, the
 * failing object). Messages say what failed, for what and why, then how to fix it, and never contain a
 * secret value. Immutable and thread-safe.
 */
public class GitOpsRuntimeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what failed, for what, why, and how to fix it
   */
  public GitOpsRuntimeException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the exception it translates.
   *
   * @param message what failed, for what, why, and how to fix it
   * @param cause the original exception
   */
  public GitOpsRuntimeException(String message, Throwable cause) {
    super(message, cause);
  }
}
