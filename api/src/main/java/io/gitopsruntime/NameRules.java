package io.gitopsruntime;

import io.gitopsruntime.validation.Finding;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The naming rules an installation must follow (runtime name, namespace, release name, chart version),
 * shared by {@link RuntimeInstallation}'s builder checks and the offline validators so that both say the
 * same thing. Thread-safe; no state.
 */
public final class NameRules {
  /** The rule id of the runtime name format check. */
  public static final String RUNTIME_NAME = "runtime-name.format";
  /** The rule id of the namespace format check. */
  public static final String NAMESPACE = "namespace.format";
  /** The rule id of the release name format check. */
  public static final String RELEASE_NAME = "release-name.format";
  /** The rule id of the chart version format check. */
  public static final String CHART_VERSION = "chart-version.format";

  /** The longest runtime name: {@code <24-character accountId>-<name>} must fit a 63-character DNS label. */
  public static final int RUNTIME_NAME_MAX = 38;

  private static final Pattern RUNTIME = Pattern.compile("[a-z]([a-z0-9-]*[a-z0-9])?");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern RELEASE =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern SEMVER =
      Pattern.compile(
          "v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(-((0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(\\.(0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(\\+([0-9a-zA-Z-]+(\\.[0-9a-zA-Z-]+)*))?");

  private NameRules() {}

  /**
   * Checks a runtime name: it starts with a lower-case letter, holds only lower-case letters, digits and
   * {@code -}, does not end with {@code -}, and has at most 38 characters.
   *
   * @param name the runtime name
   * @return an ERROR finding at {@code global.runtime.name}, or empty when the name is valid
   */
  public static Optional<Finding> checkRuntimeName(String name) {
    if (name.length() <= RUNTIME_NAME_MAX && RUNTIME.matcher(name).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        Finding.error(
            RUNTIME_NAME,
            "global.runtime.name",
            quote(name) + " is not a valid runtime name: it must start with a lower-case letter and contain only"
                + " lower-case letters, digits and '-', at most " + RUNTIME_NAME_MAX + " characters.",
            "Use for example " + quote(suggest(name, RUNTIME_NAME_MAX, "codefresh", true)) + "."));
  }

  /**
   * Checks a namespace: a Kubernetes DNS-1123 label (lower-case letters, digits and {@code -}, starting
   * and ending with a letter or digit, at most 63 characters).
   *
   * @param namespace the namespace
   * @return an ERROR finding at {@code namespace}, or empty when valid
   */
  public static Optional<Finding> checkNamespace(String namespace) {
    if (namespace.length() <= 63 && DNS_LABEL.matcher(namespace).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        Finding.error(
            NAMESPACE,
            "namespace",
            quote(namespace) + " is not a valid namespace: it must be a DNS-1123 label (lower-case letters, digits"
                + " and '-', starting and ending with a letter or digit, at most 63 characters).",
            "Use for example " + quote(suggest(namespace, 63, "codefresh", false)) + "."));
  }

  /**
   * Checks a Helm release name: lower-case letters, digits, {@code -} and {@code .}, starting and ending
   * with a letter or digit, at most 53 characters.
   *
   * @param release the release name
   * @return an ERROR finding at {@code release}, or empty when valid
   */
  public static Optional<Finding> checkReleaseName(String release) {
    if (release.length() <= 53 && RELEASE.matcher(release).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        Finding.error(
            RELEASE_NAME,
            "release",
            quote(release) + " is not a valid Helm release name: it must contain only lower-case letters, digits,"
                + " '-' and '.', start and end with a letter or digit, and have at most 53 characters.",
            "Use for example " + quote(suggest(release, 53, "cf-gitops-runtime", false)) + "."));
  }

  /**
   * Checks a chart version: a SemVer 2 version such as {@code 0.30.0} or {@code 0.30.1-rc.1}.
   *
   * @param version the chart version
   * @return an ERROR finding at {@code chartVersion}, or empty when valid
   */
  public static Optional<Finding> checkChartVersion(String version) {
    if (SEMVER.matcher(version).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        Finding.error(
            CHART_VERSION,
            "chartVersion",
            quote(version) + " is not a chart version: chart versions are SemVer 2 versions"
                + " (MAJOR.MINOR.PATCH with an optional -prerelease and +build).",
            "Use an exact released version, for example \"0.30.0\"."));
  }

  /**
   * Turns an invalid name into a valid one that keeps as much of it as possible.
   *
   * @param raw the invalid name
   * @param max the maximum length
   * @param fallback the name to use when nothing of {@code raw} survives
   * @param letterFirst whether the name must start with a letter
   * @return a valid name
   */
  static String suggest(String raw, int max, String fallback, boolean letterFirst) {
    String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-");
    s = letterFirst ? s.replaceFirst("^[^a-z]+", "") : s.replaceFirst("^-+", "");
    if (s.length() > max) {
      s = s.substring(0, max);
    }
    s = s.replaceFirst("-+$", "");
    return s.isEmpty() ? fallback : s;
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
