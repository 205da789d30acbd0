package io.gitopsruntime.validators.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What differs between versions of the {@code gitops-runtime} chart that the cluster checks care about: the
 * external Argo CD versions each chart line supports (the chart README's table) and whether the chart still
 * bundles Argo Rollouts and Argo Events (removed in 0.27.0). A version outside the table is read as the newest
 * chart. Thread-safe; no state.
 */
public final class ChartVersions {
  private static final Pattern MAJOR_MINOR = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?(?:[-+].*)?");
  private static final Pattern SEMVER = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

  /**
   * The external Argo CD versions a chart line supports: {@code >=lowMajor.lowMinor <=highMajor.highMinor}, where
   * the upper bound takes every patch release, as the hook's Masterminds/semver does.
   *
   * @param firstChartMinor the first 0.x chart line of the row
   * @param lastChartMinor the last 0.x chart line of the row
   * @param lowMajor lower bound, major
   * @param lowMinor lower bound, minor
   * @param highMajor upper bound, major
   * @param highMinor upper bound, minor
   */
  public record ArgoCdRange(int firstChartMinor, int lastChartMinor, int lowMajor, int lowMinor, int highMajor,
      int highMinor) {

    /**
     * The range as the hook writes it.
     *
     * @return such as {@code >=3.2 <=3.4}
     */
    public String text() {
      return ">=" + lowMajor + "." + lowMinor + " <=" + highMajor + "." + highMinor;
    }

    /**
     * The chart lines of the row.
     *
     * @return such as {@code chart 0.30.x} or {@code charts 0.26.x to 0.28.x}
     */
    public String charts() {
      return firstChartMinor == lastChartMinor ? "chart 0." + firstChartMinor + ".x"
          : "charts 0." + firstChartMinor + ".x to 0." + lastChartMinor + ".x";
    }

    /**
     * Whether a version is in the range; pre-releases never are, build metadata is ignored.
     *
     * @param version a parsed version
     * @return true when it satisfies the range
     */
    public boolean accepts(Version version) {
      if (version.preRelease()) {
        return false;
      }
      int low = Integer.compare(version.major(), lowMajor) != 0 ? Integer.compare(version.major(), lowMajor)
          : Integer.compare(version.minor(), lowMinor);
      int high = Integer.compare(version.major(), highMajor) != 0 ? Integer.compare(version.major(), highMajor)
          : Integer.compare(version.minor(), highMinor);
      return low >= 0 && high <= 0;
    }
  }

  /**
   * A version Argo CD reported.
   *
   * @param major major
   * @param minor minor
   * @param patch patch
   * @param preRelease whether it has a pre-release part ({@code -rc1})
   */
  public record Version(int major, int minor, int patch, boolean preRelease) {}

  /** The README's table, oldest first; the last row is the newest chart. */
  private static final List<ArgoCdRange> RANGES = List.of(
      new ArgoCdRange(24, 25, 2, 12, 3, 0),
      new ArgoCdRange(26, 28, 3, 0, 3, 2),
      new ArgoCdRange(29, 29, 3, 1, 3, 3),
      new ArgoCdRange(30, 30, 3, 2, 3, 4));

  private ChartVersions() {}

  /**
   * The Argo CD range of a chart version.
   *
   * @param chartVersion the chart version, empty for the newest
   * @return the range; the newest row when the version is not set or not in the table
   */
  public static ArgoCdRange argoCdRange(Optional<String> chartVersion) {
    Optional<int[]> mm = chartVersion.flatMap(ChartVersions::majorMinor);
    if (mm.isPresent() && mm.get()[0] == 0) {
      for (ArgoCdRange range : RANGES) {
        if (mm.get()[1] >= range.firstChartMinor() && mm.get()[1] <= range.lastChartMinor()) {
          return range;
        }
      }
    }
    return newest();
  }

  /**
   * Whether {@link #argoCdRange} had to fall back to the newest chart's range.
   *
   * @param chartVersion the chart version
   * @return true when the version is not set or not in the table
   */
  public static boolean argoCdRangeIsFallback(Optional<String> chartVersion) {
    Optional<int[]> mm = chartVersion.flatMap(ChartVersions::majorMinor);
    return mm.isEmpty() || mm.get()[0] != 0 || RANGES.stream()
        .noneMatch(r -> mm.get()[1] >= r.firstChartMinor() && mm.get()[1] <= r.lastChartMinor());
  }

  /**
   * The newest chart's range.
   *
   * @return the last row of the table
   */
  public static ArgoCdRange newest() {
    return RANGES.get(RANGES.size() - 1);
  }

  /**
   * Whether a chart version still bundles Argo Rollouts and Argo Events: 0.26.x and older, and the older
   * 1.0 line; not when no version is given (the newest chart).
   *
   * @param chartVersion the chart version
   * @return true when they are bundled
   */
  public static boolean bundlesRolloutsAndEvents(Optional<String> chartVersion) {
    Optional<int[]> mm = chartVersion.flatMap(ChartVersions::majorMinor);
    return mm.isPresent() && (mm.get()[0] >= 1 || mm.get()[1] < 27);
  }

  /**
   * Reads a version Argo CD reported, such as {@code v3.3.6+2d8d8a2}.
   *
   * @param text the version
   * @return the version, or empty when it is not one
   */
  public static Optional<Version> parseVersion(String text) {
    Matcher m = SEMVER.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Version(Integer.parseInt(m.group(1)),
          m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
          m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), m.group(4) != null));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<int[]> majorMinor(String version) {
    Matcher m = MAJOR_MINOR.matcher(version.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
