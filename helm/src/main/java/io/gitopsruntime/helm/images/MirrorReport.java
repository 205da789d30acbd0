package io.gitopsruntime.helm.images;

import io.gitopsruntime.GitOpsRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of an {@link ImageMirror} run: each image's outcome, in the order of the images given, and the chart's
 * when the run mirrored one. Immutable.
 *
 * @param target the target registry, {@code HOST[/PREFIX]}, or the archive
 * @param images each image's outcome
 * @param plan whether it was a plan (nothing copied)
 * @param elapsed how long the run took
 * @param chart the chart's outcome, when the run mirrored the chart
 */
public record MirrorReport(String target, List<MirroredImage> images, boolean plan, Duration elapsed,
    Optional<MirroredImage> chart) {
  /**
   * Checks and copies.
   *
   * @param target the target registry
   * @param images the outcomes
   * @param plan whether it was a plan
   * @param elapsed the duration
   * @param chart the chart's outcome
   */
  public MirrorReport {
    Objects.requireNonNull(target, "target == null");
    Objects.requireNonNull(elapsed, "elapsed == null");
    Objects.requireNonNull(chart, "chart == null");
    images = List.copyOf(images);
  }

  /**
   * A report of images only.
   *
   * @param target the target registry
   * @param images the outcomes
   * @param plan whether it was a plan
   * @param elapsed the duration
   */
  public MirrorReport(String target, List<MirroredImage> images, boolean plan, Duration elapsed) {
    this(target, images, plan, elapsed, Optional.empty());
  }

  /**
   * The images and the chart, the chart last.
   *
   * @return every outcome
   */
  public List<MirroredImage> all() {
    List<MirroredImage> all = new ArrayList<>(images);
    chart.ifPresent(all::add);
    return all;
  }

  /**
   * The images (and the chart) with an outcome.
   *
   * @param outcome the outcome
   * @return those images, the chart last
   */
  public List<MirroredImage> with(MirroredImage.Outcome outcome) {
    return all().stream().filter(i -> i.outcome() == outcome).toList();
  }

  /**
   * Whether every image and the chart are on the target (or, for a plan, could be read).
   *
   * @return true when none failed
   */
  public boolean succeeded() {
    return with(MirroredImage.Outcome.FAILED).isEmpty();
  }

  /**
   * Throws if an image failed.
   *
   * @return this report
   * @throws GitOpsRuntimeException naming each failed image and why
   */
  public MirrorReport throwIfFailed() {
    List<MirroredImage> failed = with(MirroredImage.Outcome.FAILED);
    if (!failed.isEmpty()) {
      StringBuilder message = new StringBuilder().append(failed.size()).append(" of ").append(all().size())
          .append(chart.isPresent() ? " images and charts" : " images").append(" could not be mirrored to ").append(target).append(':');
      failed.forEach(i -> message.append("\n  ").append(i.source()).append(": ").append(i.failure().orElse("")));
      message.append("\nRun the mirror again: what was copied is kept and skipped.");
      throw new GitOpsRuntimeException(message.toString());
    }
    return this;
  }

  /**
   * One line summing up the run.
   *
   * @return such as {@code 12 images and the chart to registry.example.com/mirror: 11 copied (47 blobs, 123.4 MiB),
   *     2 already present, 0 failed in 3.2 s}
   */
  public String summary() {
    long bytes = all().stream().mapToLong(MirroredImage::bytesCopied).sum();
    int blobs = all().stream().mapToInt(MirroredImage::blobsCopied).sum();
    int moved = with(plan ? MirroredImage.Outcome.TO_COPY : MirroredImage.Outcome.COPIED).size();
    return images.size() + (images.size() == 1 ? " image" : " images") + (chart.isPresent() ? " and the chart" : "")
        + " to " + target + ": " + moved
        + (plan ? " to copy (" : " copied (") + blobs + (blobs == 1 ? " blob, " : " blobs, ") + size(bytes) + "), "
        + with(MirroredImage.Outcome.ALREADY_PRESENT).size() + " already present, "
        + with(MirroredImage.Outcome.FAILED).size() + " failed in "
        + String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }
}
