package io.gitopsruntime.cli;

import io.gitopsruntime.GitOpsRuntimeException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The {@code gitops-runtime} command-line tool.
 *
 * <p>Exit codes: 0 when all is well, 1 when the input has errors or an operation failed (the message
 * names the values path and the fix), 2 for a usage error. Options are parsed by hand: the tool is run
 * by scripts many times and starts in a fraction of the time an annotation-driven parser takes.
 */
public final class GitOpsRuntimeCli {
  private static final int WIDTH = 100;

  /** By name, so that running one command loads no other (validate's cluster client stays unloaded for plan). */
  private final Map<String, Supplier<Command>> commands = new LinkedHashMap<>();

  {
    commands.put("plan", PlanCommand::new);
    commands.put("validate", ValidateCommand::new);
    commands.put("export", ExportCommand::new);
    commands.put("images", ImagesCommand::new);
    commands.put("mirror", MirrorCommand::new);
    commands.put("install", InstallCommand::new);
    commands.put("uninstall", UninstallCommand::new);
    commands.put("status", StatusCommand::new);
    commands.put("version", VersionCommand::new);
  }

  private GitOpsRuntimeCli() {}

  /**
   * Runs the tool and exits with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    quietLibraries();
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Libraries' own logging stays off the user's console: the tool says what matters itself. Vert.x (fabric8's HTTP
   * client) and the Netty under it log through java.util.logging when SLF4J has no provider, as here: Vert.x's
   * blocked-thread checker prints warnings with stack traces on a loaded machine, and Netty a SEVERE
   * {@code RejectedExecutionException} with its stack trace when a closed client's event loop has shut down.
   */
  static void quietLibraries() {
    VERTX_LOG.setLevel(java.util.logging.Level.OFF);
    NETTY_LOG.setLevel(java.util.logging.Level.OFF);
  }

  /** Held so that java.util.logging, which keeps loggers weakly, does not forget the level. */
  private static final java.util.logging.Logger VERTX_LOG = java.util.logging.Logger.getLogger("io.vertx");
  private static final java.util.logging.Logger NETTY_LOG = java.util.logging.Logger.getLogger("io.netty");

  /**
   * Runs the tool.
   *
   * @param args the command line
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, System.in, out, err);
  }

  /**
   * Runs the tool with the given standard input (read for {@code -f -}).
   *
   * @param args the command line
   * @param in standard input
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
    return run(args, new Command.Io() {
      @Override
      public InputStream in() {
        return in;
      }

      @Override
      public PrintWriter out() {
        return out;
      }

      @Override
      public PrintWriter err() {
        return err;
      }
    });
  }

  /** Runs the tool with the given input, output and environment (tests give their own). */
  static int run(String[] args, Command.Io io) {
    return new GitOpsRuntimeCli().execute(Arrays.asList(args), io);
  }

  private int execute(List<String> args, Command.Io io) {
    if (args.isEmpty()) {
      io.err().print(toolHelp());
      io.err().flush();
      return 2;
    }
    String first = args.get(0);
    if (first.equals("-h") || first.equals("--help") || first.equals("help") && args.size() == 1) {
      io.out().print(toolHelp());
      io.out().flush();
      return 0;
    }
    boolean helpFor = first.equals("help");
    if (helpFor && args.size() > 2) {
      return usage(io, "gitops-runtime help: give one command, not " + args.subList(1, args.size()) + ".",
          "Run 'gitops-runtime --help' for the commands.");
    }
    String name = helpFor ? args.get(1) : first.equals("-V") || first.equals("--version") ? "version" : first;
    Command command = find(name);
    if (command == null) {
      String hint = name.startsWith("-") ? " Options come after the command, such as 'gitops-runtime plan " + name + " ...'."
          : Arguments.suggest(name, new ArrayList<>(commands.keySet())).map(s -> " Did you mean " + s + "?").orElse("");
      return usage(io, "gitops-runtime: unknown command \"" + name + "\"." + hint, "Run 'gitops-runtime --help' for the commands.");
    }
    List<String> rest = args.subList(helpFor ? 2 : 1, args.size());
    if (helpFor || rest.contains("-h") || rest.contains("--help")) {
      io.out().print(commandHelp(command));
      io.out().flush();
      return 0;
    }
    try {
      Arguments arguments = Arguments.parse(command.options(), rest);
      List<String> positionals = arguments.positionals();
      if (positionals.size() > command.positionals()) {
        String extra = positionals.get(command.positionals());
        boolean looksLikeFile = extra.endsWith(".yaml") || extra.endsWith(".yml") || extra.equals("-");
        throw new UsageException("unexpected argument \"" + extra + "\"" + (looksLikeFile ? "; give a values file with -f " + extra
            : command.positionals() == 0 ? "; " + command.name() + " takes only options" : "") + ".");
      }
      return command.run(arguments, io);
    } catch (UsageException e) {
      return usage(io, "gitops-runtime " + command.name() + ": " + e.getMessage(), "Usage: gitops-runtime " + command.synopsis()
          + "\nRun 'gitops-runtime " + command.name() + " --help' for the options.");
    } catch (CliException | GitOpsRuntimeException e) {
      io.err().println(e.getMessage());
      io.err().flush();
      return 1;
    } catch (RuntimeException e) {
      io.err().println("gitops-runtime: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
      io.err().println("This is a bug; please report it with the command you ran (secrets removed).");
      io.err().flush();
      return 1;
    }
  }

  /** A usage error: the problem and what to do, on standard error, exit code 2. */
  private static int usage(Command.Io io, String problem, String help) {
    io.err().println(problem);
    io.err().println(help);
    io.err().flush();
    return 2;
  }

  private @Nullable Command find(String name) {
    Supplier<Command> supplier = commands.get(name);
    return supplier == null ? null : supplier.get();
  }

  private String toolHelp() {
    StringBuilder out = new StringBuilder();
    out.append("Usage: gitops-runtime COMMAND [options]\n\n");
    out.append(wrap("Plan, validate, export and install the Codefresh GitOps Runtime from a values file.", "")).append('\n');
    out.append("Commands:\n");
    for (Supplier<Command> supplier : commands.values()) {
      Command command = supplier.get();
      out.append(String.format("  %-10s %s%n", command.name(), command.summary()));
    }
    out.append(String.format("  %-10s %s%n", "help", "Show the help of a command."));
    out.append("\nOptions:\n  -h, --help     Show this help.\n  -V, --version  Show the version.\n");
    out.append("\nExit codes: 0 fine, 1 the input has errors or an operation failed, 2 usage error.\n");
    return out.toString();
  }

  private static String commandHelp(Command command) {
    StringBuilder out = new StringBuilder();
    out.append("Usage: gitops-runtime ").append(command.synopsis()).append("\n\n");
    out.append(wrap(command.description(), "")).append("\nOptions:\n");
    for (Option option : command.options()) {
      if (option.hidden()) {
        continue;
      }
      String names = String.join(", ", option.names()) + (option.takesValue() ? " " + option.param() : "");
      String head = (option.names().get(0).startsWith("--") ? "      " : "  ") + names;
      head = head.length() < 31 ? String.format("%-32s", head) : head + "\n" + " ".repeat(32);
      out.append(head).append(wrap(option.description(), " ".repeat(32)).stripLeading());
    }
    return out.toString();
  }

  private static String wrap(String text, String indent) {
    StringBuilder out = new StringBuilder(indent);
    int column = indent.length();
    for (String word : text.split(" ")) {
      if (column + word.length() > WIDTH && column > indent.length()) {
        out.append('\n').append(indent);
        column = indent.length();
      } else if (column > indent.length()) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
    }
    return out.append('\n').toString();
  }
}
