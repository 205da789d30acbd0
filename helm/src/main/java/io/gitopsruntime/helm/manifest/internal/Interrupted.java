package io.gitopsruntime.helm.manifest.internal;

/**
 * The thread was interrupted while waiting on the API server or a worker; the interrupt flag is set
 * again before this is thrown. The installer turns it into an
 * {@link io.gitopsruntime.install.InstallException}. Not shared between threads.
 */
public final class Interrupted extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Wraps the interruption.
   *
   * @param cause the interruption
   */
  public Interrupted(InterruptedException cause) {
    super("interrupted", cause);
  }
}
