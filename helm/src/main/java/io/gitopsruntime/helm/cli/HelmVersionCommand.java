package io.gitopsruntime.helm.cli;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code helm version --short}, and the parsing of what it prints. Immutable and thread-safe. */
record HelmVersionCommand() implements HelmCommand {
  private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)");

  @Override
  public List<String> arguments() {
    return List.of("version", "--short");
  }

  /**
   * A Helm version.
   *
   * @param major the major version
   * @param minor the minor version
   * @param patch the patch version
   */
  record Version(int major, int minor, int patch) implements Comparable<Version> {
    /** The oldest Helm the installers accept. */
    static final Version MINIMUM = new Version(3, 8, 0);

    @Override
    public int compareTo(Version o) {
      return major != o.major ? Integer.compare(major, o.major)
          : minor != o.minor ? Integer.compare(minor, o.minor) : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
      return major + "." + minor + "." + patch;
    }
  }

  /**
   * Parses the output of {@code helm version --short}, such as {@code v3.21.4+g0e2b5d2}.
   *
   * @param output what helm printed
   * @return the version, or empty when the output holds none
   */
  static Optional<Version> parse(String output) {
    Matcher m = VERSION.matcher(output.strip());
    return m.find() ? Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)))) : Optional.empty();
  }
}
