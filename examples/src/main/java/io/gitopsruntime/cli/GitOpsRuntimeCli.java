package io.gitopsruntime.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gitops-runtime} command-line tool.
 *
 * <p>Exit codes: 0 when all is well, 1 when the input has errors or an operation failed (the message
 * says which values path and how to fix it), 2 for a usage error.
 */
@Command(
    name = "gitops-runtime",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Plan, validate, export and install the Codefresh GitOps Runtime from a values file.",
    subcommands = {PlanCommand.class, ExportCommand.class, CommandLine.HelpCommand.class})
public final class GitOpsRuntimeCli {
  private GitOpsRuntimeCli() {}

  /**
   * Runs the tool and exits with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the tool.
   *
   * @param args the command line
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new GitOpsRuntimeCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      Throwable reported = e;
      if (!(e instanceof CliException) && !(e instanceof io.gitopsruntime.GitOpsRuntimeException)) {
        commandLine.getErr().println("gitops-runtime: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
        commandLine.getErr().println("This is a bug; please report it with the command you ran (secrets removed).");
        return 1;
      }
      commandLine.getErr().println(reported.getMessage());
      return 1;
    });
    return cli.execute(args);
  }
}
