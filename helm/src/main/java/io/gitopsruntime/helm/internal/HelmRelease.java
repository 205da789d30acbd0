package io.gitopsruntime.helm.internal;

import io.gitopsruntime.install.ReleaseState;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Helm reports about the latest revision of a release, whichever way it was read (the {@code helm}
 * binary's JSON, helm-java, or the release's storage Secret). Immutable and thread-safe.
 *
 * @param name the release name
 * @param namespace the namespace
 * @param revision the latest revision
 * @param status Helm's status word, such as {@code deployed} or {@code pending-upgrade}
 * @param chartName the chart's name, empty when unknown
 * @param chartVersion the chart's version, empty when unknown
 */
public record HelmRelease(String name, String namespace, int revision, String status, String chartName, String chartVersion) {

  private static final Pattern NAME_VERSION = Pattern.compile("^(.+?)-(v?\\d+\\.\\d+\\.\\d+.*)$");

  /**
   * The state this release is in.
   *
   * @return the state
   */
  public ReleaseState state() {
    return state(status);
  }

  /**
   * Whether an interrupted operation left the release pending.
   *
   * @return true for {@code pending-install}, {@code pending-upgrade} and {@code pending-rollback}
   */
  public boolean isPending() {
    return status.startsWith("pending-");
  }

  /**
   * The chart as Helm prints it.
   *
   * @return {@code name-version}
   */
  public String chart() {
    return chartName + "-" + chartVersion;
  }

  /**
   * Maps Helm's status word to a state.
   *
   * @param status such as {@code deployed}
   * @return the state; {@link ReleaseState#UNKNOWN} for a word the SDK does not know
   */
  public static ReleaseState state(String status) {
    switch (status.toLowerCase(Locale.ROOT)) {
      case "deployed":
        return ReleaseState.DEPLOYED;
      case "failed":
        return ReleaseState.FAILED;
      case "pending-install":
        return ReleaseState.PENDING_INSTALL;
      case "pending-upgrade":
        return ReleaseState.PENDING_UPGRADE;
      case "pending-rollback":
        return ReleaseState.PENDING_ROLLBACK;
      case "uninstalling":
        return ReleaseState.UNINSTALLING;
      case "uninstalled":
        return ReleaseState.NOT_INSTALLED;
      default:
        return ReleaseState.UNKNOWN;
    }
  }

  /**
   * Splits Helm's {@code name-version} chart column, such as {@code gitops-runtime-0.30.0-rc.1}.
   *
   * @param chart the column
   * @return name and version, or empty when the text has no version
   */
  public static Optional<String[]> splitChart(String chart) {
    Matcher m = NAME_VERSION.matcher(chart);
    return m.matches() ? Optional.of(new String[] {m.group(1), m.group(2)}) : Optional.empty();
  }
}
