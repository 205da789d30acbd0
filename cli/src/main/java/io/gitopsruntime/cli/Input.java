package io.gitopsruntime.cli;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.NameRules;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ParsedValues;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.SourceLocation;
import io.gitopsruntime.core.ValuesSyntaxException;
import io.gitopsruntime.core.ValuesTree;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.ExplicitNull;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.RuntimeValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An installation read from values files and options, with every problem found on the way: values of
 * the wrong type, duplicate keys, malformed names, and files that cannot be read or are not YAML. Never
 * throws for bad input; commands that print text call {@link #throwIfUnreadable()}.
 */
final class Input {
  /** The source name of values read from standard input ({@code -f -}). */
  static final String STDIN = "<stdin>";
  /** A values file that cannot be read (missing, not UTF-8, no permission). */
  static final String FILE_UNREADABLE = "values.unreadable";
  /** A values file that is not well-formed YAML, or whose top level is not a map. */
  static final String YAML_MALFORMED = "yaml.malformed";

  final InputOptions options;
  final String requestedRuntimeName;
  /** The runtime node as the values files give it, when they gave no name (absent, null or empty); else null. */
  final @Nullable RuntimeValues runtimeWithoutName;
  final List<ParsedValues> files;
  final RuntimeInstallation installation;
  final List<Finding> problems;
  /** The files that could not be read, as findings; when there are any, the installation is not the user's. */
  final List<Finding> readErrors;
  private final Map<Finding, SourceLocation> readErrorLocations;

  private Input(InputOptions options, String requestedRuntimeName, @Nullable RuntimeValues runtimeWithoutName,
      List<ParsedValues> files, RuntimeInstallation installation, List<Finding> problems, List<Finding> readErrors,
      Map<Finding, SourceLocation> readErrorLocations) {
    this.options = options;
    this.requestedRuntimeName = requestedRuntimeName;
    this.runtimeWithoutName = runtimeWithoutName;
    this.files = files;
    this.installation = installation;
    this.problems = problems;
    this.readErrors = readErrors;
    this.readErrorLocations = readErrorLocations;
  }

  /** Reads the installation, with {@code -f -} reading this process's standard input. */
  static Input read(InputOptions options) {
    return read(options, System.in);
  }

  static Input read(InputOptions options, InputStream stdin) {
    List<ParsedValues> files = new ArrayList<>();
    List<Finding> problems = new ArrayList<>();
    List<Finding> readErrors = new ArrayList<>();
    Map<Finding, SourceLocation> readErrorLocations = new IdentityHashMap<>();
    for (Path file : options.valuesFiles) {
      try {
        ParsedValues parsed = file.toString().equals("-") ? ValuesYaml.parse(readStdin(stdin), STDIN) : ValuesYaml.read(file);
        files.add(parsed);
        problems.addAll(parsed.problems());
      } catch (ValuesSyntaxException e) {
        Finding finding = Finding.error(YAML_MALFORMED, "", e.getMessage(), "Fix the YAML at the line shown.");
        readErrors.add(finding);
        readErrorLocations.put(finding, e.location());
      } catch (GitOpsRuntimeException e) {
        readErrors.add(Finding.error(FILE_UNREADABLE, "", e.getMessage(), "Give a readable values file with -f FILE."));
      }
    }
    GitOpsRuntimeValues values = files.isEmpty() || !readErrors.isEmpty() ? GitOpsRuntimeValues.builder().build() : files.get(0).values();
    if (files.size() > 1 && readErrors.isEmpty()) {
      ValuesTree merged = ValuesTree.of(values, SecretHandling.REVEAL);
      for (ParsedValues later : files.subList(1, files.size())) {
        merged = merged.overriddenBy(ValuesTree.of(later.values(), SecretHandling.REVEAL));
      }
      values = merged.toValues().values();
    }

    // An absent, null or empty name is one case: the SDK names the runtime "codefresh", and the kept blank
    // value tells the offline.names validator to say so (the chart itself has no default).
    Optional<String> givenName = values.global().runtime().name();
    String runtimeName = givenName.isPresent() && !givenName.get().isBlank()
        ? givenName.get() : RuntimeInstallation.DEFAULT_RUNTIME_NAME;
    RuntimeValues runtimeWithoutName = null;
    if (!runtimeName.equals(givenName.orElse(null))) {
      RuntimeValues runtime = values.global().runtime();
      runtimeWithoutName = runtime;
      Map<String, Object> kept = new LinkedHashMap<>(runtime.additionalValues());
      kept.putIfAbsent("name", givenName.isPresent() ? givenName.get() : ExplicitNull.INSTANCE);
      values = values.withGlobal(values.global().withRuntime(runtime.withName(runtimeName).withAdditionalValues(kept)));
    }
    List<Finding> naming = new ArrayList<>();
    NameRules.checkRuntimeName(runtimeName).ifPresent(naming::add);
    NameRules.checkNamespace(options.namespace).ifPresent(naming::add);
    NameRules.checkReleaseName(options.release).ifPresent(naming::add);
    if (options.version != null) {
      NameRules.checkChartVersion(options.version).ifPresent(naming::add);
    }
    problems.addAll(naming);

    // Build with safe stand-ins for malformed names so that the other checks can still run; the
    // naming problems above are reported with the real names.
    boolean badRuntimeName = naming.stream().anyMatch(f -> f.ruleId().equals(NameRules.RUNTIME_NAME));
    GitOpsRuntimeValues buildable = badRuntimeName
        ? values.withGlobal(values.global().withRuntime(values.global().runtime().withName(RuntimeInstallation.DEFAULT_RUNTIME_NAME)))
        : values;
    RuntimeInstallation.Builder builder = RuntimeInstallation.builder().values(buildable)
        .releaseName(has(naming, NameRules.RELEASE_NAME) ? RuntimeInstallation.DEFAULT_RELEASE : options.release)
        .namespace(has(naming, NameRules.NAMESPACE) ? RuntimeInstallation.DEFAULT_NAMESPACE : options.namespace)
        .chart(options.chart.isBlank() ? RuntimeInstallation.DEFAULT_CHART : options.chart);
    if (options.version != null && !has(naming, NameRules.CHART_VERSION)) {
      builder.chartVersion(options.version);
    }
    return new Input(options, runtimeName, runtimeWithoutName, files, builder.build(), problems, readErrors,
        readErrorLocations);
  }

  private static String readStdin(InputStream stdin) {
    try {
      return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new GitOpsRuntimeException(STDIN + ": cannot be read (" + e.getMessage() + ").", e);
    }
  }

  /** Whether every values file could be read; when not, {@link #readErrors} says why and nothing else is meaningful. */
  boolean readable() {
    return readErrors.isEmpty();
  }

  /** For commands that print text: the first file that could not be read ends the run with its message (exit code 1). */
  void throwIfUnreadable() {
    if (!readErrors.isEmpty()) {
      throw new CliException(String.join("\n", readErrors.stream().map(Finding::message).toList()));
    }
  }

  /** Where a finding is: the place of a YAML error, or the place of its values path in the files. */
  Optional<SourceLocation> locationOf(Finding finding) {
    SourceLocation location = readErrorLocations.get(finding);
    return location != null ? Optional.of(location) : locationOf(finding.path());
  }

  /**
   * The values as the files give them: without the runtime name the SDK filled in, so that a values file
   * exported from a fragment does not override, when layered, a name another file sets.
   */
  GitOpsRuntimeValues valuesAsGiven() {
    GitOpsRuntimeValues values = installation.values();
    return runtimeWithoutName == null ? values : values.withGlobal(values.global().withRuntime(runtimeWithoutName));
  }

  private static boolean has(List<Finding> findings, String ruleId) {
    return findings.stream().anyMatch(f -> f.ruleId().equals(ruleId));
  }

  /** The installation exactly as the user described it; only valid when there are no naming problems. */
  boolean namesValid() {
    return problems.stream().noneMatch(f -> f.ruleId().endsWith(".format"));
  }

  Optional<SourceLocation> locationOf(String path) {
    if (path.isEmpty()) {
      return Optional.empty();
    }
    for (int i = files.size() - 1; i >= 0; i--) {
      Optional<SourceLocation> location = files.get(i).locationOf(path);
      if (location.isPresent()) {
        return location;
      }
    }
    return Optional.empty();
  }

  String sources() {
    return String.join(", ", files.stream().map(ParsedValues::source).toList());
  }
}
