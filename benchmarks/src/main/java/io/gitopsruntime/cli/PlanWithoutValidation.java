package io.gitopsruntime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code gitops-runtime plan -f FILE} exactly as the tool runs it, but without the offline validators
 * (the problems found while reading the file are still printed); run by the plan benchmark in its own
 * JVM, on the same class path as the tool, to measure what validation adds. In the tool's package to
 * reach its package-private steps; not part of the tool.
 */
public final class PlanWithoutValidation {
  private PlanWithoutValidation() {}

  /**
   * Plans the values file given as the only argument.
   *
   * @param args the values file
   */
  public static void main(String[] args) {
    InputOptions options = new InputOptions();
    options.valuesFiles.add(Path.of(args[0]));
    Input in = Input.read(options);
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = PlanCommand.print(in, OfflineChecks.ordered(in.problems, in), OutputFormat.text, new Command.Io() {
      @Override
      public PrintWriter out() {
        return out;
      }

      @Override
      public PrintWriter err() {
        return err;
      }
    });
    System.exit(code);
  }
}
