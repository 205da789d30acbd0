package io.gitopsruntime.helm.images;

/**
 * Told the progress of an {@link ImageMirror} run, image by image. Called from the mirror's worker threads,
 * possibly concurrently: implementations must be thread-safe. Methods do nothing by default.
 */
public interface MirrorListener {
  /** A listener that does nothing. */
  MirrorListener NONE = new MirrorListener() {};

  /**
   * An image's copy (or plan) starts.
   *
   * @param source the image, normalized
   * @param target where it goes
   */
  default void imageStarted(String source, String target) {}

  /**
   * A request is tried again after a failure that may pass (a 5xx, a 429, a dropped connection).
   *
   * @param source the image it is for
   * @param what what failed and why, without credentials
   * @param attempt the attempt that failed, from 1
   */
  default void retrying(String source, String what, int attempt) {}

  /**
   * An image is done: copied, already present, planned or failed ({@link MirroredImage#outcome()}).
   *
   * @param image the result
   */
  default void imageDone(MirroredImage image) {}
}
