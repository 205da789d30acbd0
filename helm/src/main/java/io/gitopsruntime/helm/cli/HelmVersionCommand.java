package io.gitopsruntime.helm.cli;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code helm version --template {{.Version}}}, and the parsing of what it prints ({@code v3.22.0},
 * {@code v4.3.1}): the one form that prints the same in Helm 3 and Helm 4. Immutable and thread-safe.
 */
record HelmVersionCommand() implements HelmCommand {
  private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)");

  @Override
  public List<String> arguments() {
    return List.of("version", "--template", "{{.Version}}");
  }

  /**
   * A Helm version.
   *
   * @param major the major version
   * @param minor the minor version
   * @param patch the patch version
   */
  record Version(int major, int minor, int patch) implements Comparable<Version> {
    /**
     * The oldest Helm the installers accept: 3.10.0, the first with {@code --set-json}, which the exported commands
     * use (keep in step with {@link io.gitopsruntime.helm.internal.Remedies#MINIMUM_HELM}).
     */
    static final Version MINIMUM = new Version(3, 10, 0);

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
   * Parses what {@code helm version} prints, such as {@code v3.22.0} or {@code v3.21.4+g0e2b5d2}.
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
