package io.gitopsruntime.cli;

import io.gitopsruntime.core.HostileValues;
import io.gitopsruntime.testing.TestChart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Runs in a child JVM for {@link CliBadInputCorpusTest}: every case of {@link HostileValues#forTheTool()}, layered
 * over a valid values file, through every command that reads values, each run in-process through the tool's entry point with its
 * output captured (and {@code System.out} and {@code System.err} too, for anything a library prints). Writes one line
 * per run to the report: {@code run<TAB>case<TAB>command<TAB>exit code<TAB>verdict<TAB>time taken<TAB>excerpt}, where the verdict is
 * {@code ok} or what was wrong. Arguments: a scratch directory, the report file, the kubeconfig of an API server the
 * test runs (outside this JVM, so that whatever this JVM prints is the tool's own).
 */
public final class CliBadInputCorpus {
  static final int RUN_SECONDS = 10;
  private static final Pattern TEXT_FINDING = Pattern.compile("(?m)^  (ERROR|WARNING|INFO)\\s+[A-Za-z(]");
  private static final Pattern JSON_FINDING = Pattern.compile("\"path\" : \"[^\"]+\"");
  /** A message that starts with the values path it is about, such as {@code app-proxy.config.x: ...}. */
  private static final Pattern PATH_MESSAGE = Pattern.compile("(?m)^[A-Za-z][\\w-]*(\\.[\\w-]+|\\[\\d+])+: ");

  private CliBadInputCorpus() {}

  /** The commands run for each case, by name; the values files and cluster options are added to each. */
  static Map<String, List<String>> commands() {
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("validate", List.of("validate", "--kubeconfig", "KUBECONFIG"));
    commands.put("validate -o json", List.of("validate", "-o", "json", "--kubeconfig", "KUBECONFIG"));
    commands.put("plan", List.of("plan"));
    commands.put("plan -o json", List.of("plan", "-o", "json"));
    commands.put("export helm", List.of("export", "helm"));
    commands.put("export values", List.of("export", "values"));
    commands.put("export terraform", List.of("export", "terraform"));
    commands.put("export argocd", List.of("export", "argocd"));
    commands.put("install --dry-run --installer manifest", List.of("install", "--dry-run", "--installer", "manifest",
        "--kubeconfig", "KUBECONFIG", "--chart", "CHART", "--no-remote-checks", "--timeout", "8s"));
    commands.put("install --dry-run --installer embedded", List.of("install", "--dry-run", "--installer", "embedded",
        "--kubeconfig", "KUBECONFIG", "--chart", "CHART", "--no-remote-checks", "--timeout", "8s"));
    return commands;
  }

  /**
   * Runs the corpus.
   *
   * @param args scratch directory, report file, kubeconfig
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    Path dir = Path.of(args[0]);
    Path report = Path.of(args[1]);
    Path kubeconfig = Path.of(args[2]);
    // as the tool's main does: libraries' own logging stays off the console
    GitOpsRuntimeCli.quietLibraries();
    CapturedConsole console = CapturedConsole.install();
    ExecutorService executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "corpus-run");
      thread.setDaemon(true);
      return thread;
    });
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(report, StandardCharsets.UTF_8), true)) {
      Path chart = TestChart.writeTo(dir.resolve("chart"));
      Path base = Files.writeString(dir.resolve("base.yaml"), HostileValues.BASE);
      for (Map.Entry<String, byte[]> entry : HostileValues.forTheTool().entrySet()) {
        Path file = Files.write(dir.resolve(HostileValues.fileName(entry.getKey())), entry.getValue());
        for (Map.Entry<String, List<String>> command : commands().entrySet()) {
          List<String> arguments = new ArrayList<>();
          for (String argument : command.getValue()) {
            arguments.add(argument.equals("KUBECONFIG") ? kubeconfig.toString() : argument.equals("CHART") ? chart.toString() : argument);
          }
          arguments.addAll(List.of("-f", base.toString(), "-f", file.toString()));
          console.reset();
          long started = System.nanoTime();
          Future<CliRun> run = executor.submit(() -> CliRun.of(arguments.toArray(String[]::new)));
          String verdict;
          String excerpt = "";
          int exit = -1;
          try {
            CliRun done = run.get(RUN_SECONDS, TimeUnit.SECONDS);
            exit = done.exitCode();
            String text = done.out() + done.err() + console.text();
            verdict = verdict(exit, text, file);
            excerpt = console.text() + (done.err().isEmpty() ? done.out() : done.err());
          } catch (TimeoutException e) {
            run.cancel(true);
            verdict = "hung: did not end within " + RUN_SECONDS + " s";
          } catch (ExecutionException e) {
            verdict = "threw " + e.getCause();
          }
          long millis = (System.nanoTime() - started) / 1_000_000;
          out.println(String.join("\t", "run", entry.getKey(), command.getKey(), String.valueOf(exit), verdict,
              millis + " ms", escape(excerpt.length() > 1000 ? excerpt.substring(0, 1000) : excerpt)));
        }
        Files.delete(file);
      }
    } finally {
      executor.shutdownNow();
    }
    // a run that hung may still hold a thread
    System.exit(0);
  }

  /** {@code ok}, or what is wrong with a run's exit code and output. */
  static String verdict(int exit, String text, Path file) {
    if (exit < 0 || exit > 2) {
      return "exit code " + exit;
    }
    for (String trace : List.of("\tat ", "Exception in thread", "This is a bug")) {
      if (text.contains(trace)) {
        return "printed \"" + escape(trace) + "\"";
      }
    }
    if (exit == 0) {
      return "ok";
    }
    if (text.contains(file.toString())) {
      return text.contains(file + ":") ? "ok" : "names the file without a line";
    }
    if (TEXT_FINDING.matcher(text).find() || JSON_FINDING.matcher(text).find() || PATH_MESSAGE.matcher(text).find()) {
      return "ok";
    }
    return "names neither the file nor a values path";
  }

  static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
  }

  /** {@code System.out} and {@code System.err} captured, so that whatever a library prints is seen with the run that printed it. */
  private static final class CapturedConsole extends OutputStream {
    private ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    static CapturedConsole install() {
      CapturedConsole console = new CapturedConsole();
      PrintStream stream = new PrintStream(console, true, StandardCharsets.UTF_8);
      System.setOut(stream);
      System.setErr(stream);
      return console;
    }

    @Override
    public synchronized void write(int b) {
      buffer.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      buffer.write(b, off, len);
    }

    synchronized void reset() {
      buffer = new ByteArrayOutputStream();
    }

    synchronized String text() {
      return buffer.toString(StandardCharsets.UTF_8);
    }
  }
}
