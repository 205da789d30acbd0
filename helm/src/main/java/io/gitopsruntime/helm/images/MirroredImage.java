package io.gitopsruntime.helm.images;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one image in an {@link ImageMirror} run. Immutable.
 *
 * @param source the image, normalized, such as {@code quay.io/codefresh/cap-app-proxy:1.4124.0}
 * @param target where it went, such as {@code registry.example.com/mirror/codefresh/cap-app-proxy:1.4124.0}
 * @param digest the digest of its manifest or index, the same on both registries (empty if it could not be read)
 * @param platforms its platforms ({@code os/architecture[/variant]}), sorted; empty when unknown
 * @param outcome what happened
 * @param blobsCopied blobs transferred to the target
 * @param blobsMounted blobs mounted from another repository of the target, without a transfer
 * @param blobsPresent blobs the target already had
 * @param bytesCopied bytes transferred to the target (or, for a plan, that would be)
 * @param failure why it failed, for {@link Outcome#FAILED}
 * @param chart whether this is the chart (Helm's OCI chart artifact) rather than an image
 */
public record MirroredImage(String source, String target, Optional<String> digest, List<String> platforms,
    Outcome outcome, int blobsCopied, int blobsMounted, int blobsPresent, long bytesCopied, Optional<String> failure,
    boolean chart) {

  /** What happened to an image. */
  public enum Outcome {
    /** Copied, and its manifest found by digest on the target afterwards. */
    COPIED,
    /** The target had it already, under its digest and tag: nothing was copied. */
    ALREADY_PRESENT,
    /** A plan: it would be copied ({@code blobsCopied} blobs, {@code bytesCopied} bytes). */
    TO_COPY,
    /** It failed; {@link MirroredImage#failure()} says why. The target may hold some of its blobs. */
    FAILED
  }

  /**
   * Checks and copies.
   *
   * @param source the image
   * @param target where it went
   * @param digest its digest
   * @param platforms its platforms
   * @param outcome what happened
   * @param blobsCopied blobs transferred
   * @param blobsMounted blobs mounted
   * @param blobsPresent blobs present
   * @param bytesCopied bytes transferred
   * @param failure why it failed
   * @param chart whether it is the chart
   */
  public MirroredImage {
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(target, "target == null");
    Objects.requireNonNull(digest, "digest == null");
    Objects.requireNonNull(outcome, "outcome == null");
    Objects.requireNonNull(failure, "failure == null");
    platforms = List.copyOf(platforms);
  }

  /**
   * An image's outcome.
   *
   * @param source the image
   * @param target where it went
   * @param digest its digest
   * @param platforms its platforms
   * @param outcome what happened
   * @param blobsCopied blobs transferred
   * @param blobsMounted blobs mounted
   * @param blobsPresent blobs present
   * @param bytesCopied bytes transferred
   * @param failure why it failed
   */
  public MirroredImage(String source, String target, Optional<String> digest, List<String> platforms, Outcome outcome,
      int blobsCopied, int blobsMounted, int blobsPresent, long bytesCopied, Optional<String> failure) {
    this(source, target, digest, platforms, outcome, blobsCopied, blobsMounted, blobsPresent, bytesCopied, failure, false);
  }

  /** One line: the outcome, the image (or {@code chart} and the chart) and what was moved. */
  @Override
  public String toString() {
    String what = chart ? "chart " : "";
    return switch (outcome) {
      case COPIED -> "copied " + what + source + " -> " + target + " (" + blobs() + ")";
      case ALREADY_PRESENT -> "present " + what + target + " (nothing to copy)";
      case TO_COPY -> "would copy " + what + source + " -> " + target + " (" + blobs() + ")";
      case FAILED -> "FAILED " + what + source + " -> " + target + ": " + failure.orElse("");
    };
  }

  private String blobs() {
    return blobsCopied + (blobsCopied == 1 ? " blob, " : " blobs, ") + MirrorReport.size(bytesCopied)
        + (blobsMounted > 0 ? "; " + blobsMounted + " mounted" : "") + (blobsPresent > 0 ? "; " + blobsPresent + " present" : "");
  }
}
