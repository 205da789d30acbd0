package io.gitopsruntime.helm.manifest.internal;

/**
 * The chart could not be fetched, unpacked or rendered; the message says why in the user's terms.
 * Internal; the installer turns it into an {@link io.gitopsruntime.install.InstallException} of kind
 * {@code CHART}. Not shared between threads.
 */
public final class ChartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ChartException(String message) {
    super(message);
  }

  ChartException(String message, Throwable cause) {
    super(message, cause);
  }
}
