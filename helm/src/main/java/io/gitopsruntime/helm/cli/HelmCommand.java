package io.gitopsruntime.helm.cli;

import io.gitopsruntime.core.Redactor;
import io.gitopsruntime.core.Shell;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code helm} command: its arguments are a pure function of its fields, so that each command is
 * unit-tested without running anything; {@link ProcessRunner} runs them. Implementations are immutable
 * records.
 */
sealed interface HelmCommand
    permits HelmVersionCommand, HelmUpgradeCommand, HelmTemplateCommand, HelmUninstallCommand, HelmStatusCommand,
        HelmGetCommand, HelmHistoryCommand, HelmShowChartCommand {

  /**
   * The arguments after the executable.
   *
   * @return the arguments, never holding a secret
   */
  List<String> arguments();

  /**
   * Whether the command's standard output is progress a person wants to see. Commands that print a release
   * (its values, manifest or JSON, which hold secrets) return false: their output is read, never shown.
   *
   * @return true to stream standard output to the listener
   */
  default boolean showsOutput() {
    return false;
  }

  /**
   * The full command line.
   *
   * @param helm the executable
   * @return the executable followed by {@link #arguments()}
   */
  default List<String> commandLine(Path helm) {
    List<String> line = new ArrayList<>();
    line.add(helm.toString());
    line.addAll(arguments());
    return line;
  }

  /**
   * The command line for logs and messages: quoted for a POSIX shell and masked.
   *
   * @param redactor masks literal secrets (there should be none)
   * @return {@code helm <arguments>}
   */
  default String display(Redactor redactor) {
    StringBuilder out = new StringBuilder("helm");
    for (String arg : arguments()) {
      out.append(' ').append(Shell.quote(arg));
    }
    return redactor.redact(out.toString());
  }
}
