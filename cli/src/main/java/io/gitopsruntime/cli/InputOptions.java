package io.gitopsruntime.cli;

import io.gitopsruntime.RuntimeInstallation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The options every command that reads an installation shares. */
final class InputOptions {
  static final Option VALUES =
      Option.repeatable("FILE", "Values file, - for standard input (repeat to layer several; later files win, as with helm -f).",
          "-f", "--values");
  static final List<Option> NAMES = List.of(
      Option.value("NAME", "Helm release name (default: " + RuntimeInstallation.DEFAULT_RELEASE + ").", "--release"),
      Option.value("NS", "Namespace (default: " + RuntimeInstallation.DEFAULT_NAMESPACE + ").", "-n", "--namespace"));
  static final List<Option> CHART = List.of(
      Option.value("REF", "Chart reference (default: " + RuntimeInstallation.DEFAULT_CHART + ").", "--chart"),
      Option.value("V", "Chart version to pin, such as 0.30.0 (default: the newest).", "--version"));
  static final Option HELP = Option.flag("Show this help.", "-h", "--help");
  /** The options of the commands that read values files: values, names and chart. */
  static final List<Option> OPTIONS = join(List.of(VALUES), NAMES, CHART);

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
    if (arguments.all("--values").stream().filter(f -> f.equals("-")).count() > 1) {
      throw new UsageException("-f - (standard input) can be given once.");
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
    return join(OPTIONS, List.of(more), List.of(HELP));
  }

  @SafeVarargs
  static List<Option> join(List<Option>... lists) {
    List<Option> all = new ArrayList<>();
    for (List<Option> list : lists) {
      all.addAll(list);
    }
    return List.copyOf(all);
  }
}
