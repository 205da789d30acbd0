package io.gitopsruntime.cli;

import io.gitopsruntime.validation.Finding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The steps of {@code gitops-runtime plan -f FILE} as the tool runs them (read, check, print), with or
 * without the offline validators (the problems found while reading the file are printed either way); run
 * by the plan benchmark in its own JVM, on the same class path as the tool, so that the two modes differ
 * only in the validators and their difference is what validation adds. In the tool's package to reach its
 * package-private steps; not part of the tool.
 */
public final class PlanSteps {
  private PlanSteps() {}

  /**
   * Plans a values file.
   *
   * @param args {@code validated} or {@code unvalidated}, then the values file
   */
  public static void main(String[] args) {
    boolean validated = args[0].equals("validated");
    InputOptions options = new InputOptions();
    options.valuesFiles.add(Path.of(args[1]));
    Input in = Input.read(options);
    List<Finding> findings = validated ? OfflineChecks.run(in) : OfflineChecks.ordered(in.problems, in);
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = PlanCommand.print(in, findings, OutputFormat.text, new Command.Io() {
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
