package io.gitopsruntime.cli;

/** A failure the tool reports with its message alone (no stack trace) and exit code 1. */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
