package io.gitopsruntime.cli;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.SourceLocation;
import io.gitopsruntime.core.ValuesFiles;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An installation read from values files and options, with every problem found on the way (the SDK's
 * {@link ValuesFiles} reads them); {@code -f -} is standard input. Never throws for bad input; commands that
 * print text call {@link #throwIfUnreadable()}.
 */
final class Input {
  /** The source name of values read from standard input ({@code -f -}). */
  static final String STDIN = "<stdin>";

  final InputOptions options;
  final ValuesFiles files;
  final String requestedRuntimeName;
  final RuntimeInstallation installation;
  final List<Finding> problems;
  /** The files that could not be read, as findings; when there are any, the installation is not the user's. */
  final List<Finding> readErrors;

  private Input(InputOptions options, ValuesFiles files) {
    this(options, files, files.installation());
  }

  private Input(InputOptions options, ValuesFiles files, RuntimeInstallation installation) {
    this.options = options;
    this.files = files;
    this.requestedRuntimeName = files.runtimeName();
    this.installation = installation;
    this.problems = files.problems();
    this.readErrors = files.readErrors();
  }

  /** The same input with another installation, such as the one with a private registry's overrides applied. */
  Input with(RuntimeInstallation changed) {
    return new Input(options, files, changed);
  }

  /** Reads the installation, with {@code -f -} reading this process's standard input. */
  static Input read(InputOptions options) {
    return read(options, System.in);
  }

  static Input read(InputOptions options, InputStream stdin) {
    ValuesFiles.Builder builder = ValuesFiles.builder()
        .releaseName(options.release).namespace(options.namespace).chart(options.chart).chartVersion(options.version);
    for (Path file : options.valuesFiles) {
      if (file.toString().equals("-")) {
        builder.input(STDIN, stdin);
      } else {
        builder.file(file);
      }
    }
    return new Input(options, builder.read());
  }

  /** Whether every values file could be read; when not, {@link #readErrors} says why and nothing else is meaningful. */
  boolean readable() {
    return files.readable();
  }

  /** For commands that print text: the first file that could not be read ends the run with its message (exit code 1). */
  void throwIfUnreadable() {
    if (!readErrors.isEmpty()) {
      throw new CliException(String.join("\n", readErrors.stream().map(Finding::message).toList()));
    }
  }

  /** Where a finding is: the place of a YAML error, or the place of its values path in the files. */
  Optional<SourceLocation> locationOf(Finding finding) {
    return files.locationOf(finding);
  }

  /** The values as the files give them, without the runtime name the SDK filled in. */
  GitOpsRuntimeValues valuesAsGiven() {
    return files.valuesAsGiven();
  }

  /** The installation exactly as the user described it; only valid when there are no naming problems. */
  boolean namesValid() {
    return files.namesValid();
  }

  String sources() {
    return files.sources();
  }
}
