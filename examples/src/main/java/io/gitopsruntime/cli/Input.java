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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An installation read from values files and options, with every problem found on the way: values of
 * the wrong type, duplicate keys, malformed names. Never throws for bad input except malformed YAML.
 */
final class Input {
  final InputOptions options;
  final String requestedRuntimeName;
  /** The runtime node as the values files give it, when they gave no name (absent, null or empty); else null. */
  final @Nullable RuntimeValues runtimeWithoutName;
  final List<ParsedValues> files;
  final RuntimeInstallation installation;
  final List<Finding> problems;

  private Input(InputOptions options, String requestedRuntimeName, @Nullable RuntimeValues runtimeWithoutName,
      List<ParsedValues> files, RuntimeInstallation installation, List<Finding> problems) {
    this.options = options;
    this.requestedRuntimeName = requestedRuntimeName;
    this.runtimeWithoutName = runtimeWithoutName;
    this.files = files;
    this.installation = installation;
    this.problems = problems;
  }

  static Input read(InputOptions options) {
    List<ParsedValues> files = new ArrayList<>();
    List<Finding> problems = new ArrayList<>();
    for (Path file : options.valuesFiles) {
      ParsedValues parsed;
      try {
        parsed = ValuesYaml.read(file);
      } catch (ValuesSyntaxException e) {
        throw new CliException(e.getMessage(), e);
      } catch (GitOpsRuntimeException e) {
        throw new CliException(e.getMessage(), e);
      }
      files.add(parsed);
      problems.addAll(parsed.problems());
    }
    GitOpsRuntimeValues values = files.get(0).values();
    if (files.size() > 1) {
      ValuesTree merged = ValuesTree.of(values, SecretHandling.REVEAL);
      for (ParsedValues later : files.subList(1, files.size())) {
        merged = ValuesTree.of(later.values(), SecretHandling.REVEAL).coalesce(merged);
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
    return new Input(options, runtimeName, runtimeWithoutName, files, builder.build(), problems);
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
