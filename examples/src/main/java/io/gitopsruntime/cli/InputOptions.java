package io.gitopsruntime.cli;

import io.gitopsruntime.RuntimeInstallation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The options every command that reads an installation shares. */
final class InputOptions {
  static final List<Option> OPTIONS = List.of(
      Option.repeatable("FILE", "Values file (repeat to layer several; later files win, as with helm -f).", "-f", "--values"),
      Option.value("NAME", "Helm release name (default: " + RuntimeInstallation.DEFAULT_RELEASE + ").", "--release"),
      Option.value("NS", "Namespace (default: " + RuntimeInstallation.DEFAULT_NAMESPACE + ").", "-n", "--namespace"),
      Option.value("REF", "Chart reference (default: " + RuntimeInstallation.DEFAULT_CHART + ").", "--chart"),
      Option.value("V", "Chart version to pin, such as 0.30.0 (default: the newest).", "--version"));

  final List<Path> valuesFiles = new ArrayList<>();
  String release = RuntimeInstallation.DEFAULT_RELEASE;
  String namespace = RuntimeInstallation.DEFAULT_NAMESPACE;
  String chart = RuntimeInstallation.DEFAULT_CHART;
  @Nullable String version;

  static InputOptions from(Arguments arguments) {
    InputOptions options = new InputOptions();
    if (arguments.all("--values").isEmpty()) {
      throw new UsageException("give the values file with -f FILE.");
    }
    for (String file : arguments.all("--values")) {
      options.valuesFiles.add(Path.of(file));
    }
    options.release = arguments.value("--release", options.release);
    options.namespace = arguments.value("--namespace", options.namespace);
    options.chart = arguments.value("--chart", options.chart);
    options.version = arguments.value("--version").orElse(null);
    return options;
  }

  static List<Option> with(Option... more) {
    List<Option> all = new ArrayList<>(OPTIONS);
    all.addAll(List.of(more));
    all.add(Option.flag("Show this help.", "-h", "--help"));
    return all;
  }
}
