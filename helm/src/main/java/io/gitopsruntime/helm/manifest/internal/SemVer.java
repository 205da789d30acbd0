package io.gitopsruntime.helm.manifest.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the newest chart version from a list the way Helm does without {@code --version}: the highest
 * SemVer 2 version that is not a pre-release. Stateless and thread-safe.
 */
final class SemVer {
  private static final Pattern SEMVER = Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z._-]+)?");

  private SemVer() {}

  static Optional<String> newestStable(List<String> versions) {
    return versions.stream().filter(v -> {
      Matcher m = SEMVER.matcher(v);
      return m.matches() && m.group(4) == null;
    }).max(Comparator.comparing(SemVer::key));
  }

  private static String key(String version) {
    Matcher m = SEMVER.matcher(version);
    if (!m.matches()) {
      return "";
    }
    return String.format("%010d.%010d.%010d", Long.parseLong(m.group(1)),
        m.group(2) == null ? 0 : Long.parseLong(m.group(2)), m.group(3) == null ? 0 : Long.parseLong(m.group(3)));
  }
}
