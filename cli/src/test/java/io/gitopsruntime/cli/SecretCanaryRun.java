package io.gitopsruntime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Runs in a child JVM for {@link SecretCanaryEndToEndTest}, with logging at TRACE ({@link RecordingLogs}), its own
 * temporary and working directories: runs the tool in-process as the steps of a phase say, writes each step's
 * standard output and error to files, and records the command line of every process started meanwhile.
 * Arguments: the phase ({@code commands}, {@code cluster}), the input directory (values files, chart,
 * kubeconfigs, as {@link SecretCanaryEndToEndTest} writes them), the output directory.
 */
public final class SecretCanaryRun {
  private final Path in;
  private final Path out;
  private final Path work = Path.of("").toAbsolutePath();
  private final Set<String> processes = ConcurrentHashMap.newKeySet();
  /** A real helm binary for {@code --installer helm}, when the test found one ({@value #HELM_PROPERTY}). */
  private final @Nullable String helm = System.getProperty(HELM_PROPERTY, "").isBlank() ? null : System.getProperty(HELM_PROPERTY);
  /** The system property that names the real helm binary. */
  static final String HELM_PROPERTY = "canary.helm";
  private int step;

  private SecretCanaryRun(Path in, Path out) {
    this.in = in;
    this.out = out;
  }

  /**
   * Runs a phase.
   *
   * @param args phase, input directory, output directory
   */
  public static void main(String[] args) throws Exception {
    RecordingLogs.start();
    SecretCanaryRun run = new SecretCanaryRun(Path.of(args[1]), Path.of(args[2]));
    Thread sampler = new Thread(run::sampleProcesses, "process-sampler");
    sampler.setDaemon(true);
    sampler.start();
    try {
      if (args[0].equals("commands")) {
        run.commands();
      } else {
        run.cluster();
      }
    } finally {
      sampler.interrupt();
      sampler.join();
      Files.write(run.out.resolve("processes-" + args[0] + ".txt"), run.processes, StandardCharsets.UTF_8);
      RecordingLogs.flush();
    }
    System.exit(0);
  }

  /** Every command and output format that reads values, for every values file; the installs' dry runs; an install and its status. */
  private void commands() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(in.resolve("values"))) {
      files = list.sorted().toList();
    }
    String cluster = in.resolve("cluster.kubeconfig").toString();
    for (Path file : files) {
      String name = file.getFileName().toString().replace(".yaml", "");
      String f = file.toString();
      run(name, "validate", "validate", "--kubeconfig", cluster, "-f", f);
      run(name, "validate-json", "validate", "-o", "json", "--kubeconfig", cluster, "-f", f);
      run(name, "validate-offline", "validate", "--offline", "-f", f);
      run(name, "plan", "plan", "-f", f);
      run(name, "plan-json", "plan", "-o", "json", "-f", f);
      for (String format : List.of("values", "helm", "terraform", "argocd")) {
        run(name, "export-" + format, "export", format, "--no-validate", "-f", f);
        run(name, "export-" + format + "-reveal", "export", format, "--no-validate", "--reveal-secrets", "-f", f);
      }
      run(name, "export-terraform-2", "export", "terraform", "--terraform-provider", "2", "--no-validate", "-f", f);
      run(name, "export-values-reveal-file", "export", "values", "--no-validate", "--reveal-secrets", "--output-file",
          work.resolve("revealed-" + name + ".yaml").toString(), "-f", f);
      run(name, "export-values-file", "export", "values", "--no-validate", "--output-file",
          work.resolve("masked-" + name + ".yaml").toString(), "-f", f);
    }
    String install = in.resolve("install.yaml").toString();
    String chart = in.resolve("chart").resolve("gitops-runtime").toString();
    for (String installer : List.of("manifest", "embedded")) {
      run("install", "install-dry-run-" + installer, "install", "--dry-run", "--installer", installer, "--kubeconfig", cluster,
          "--chart", chart, "--no-remote-checks", "-f", install);
    }
    if (helm != null) {
      run("install", "install-dry-run-helm", "install", "--dry-run", "--installer", "helm", "--helm", helm,
          "--kubeconfig", cluster, "--chart", chart, "--no-remote-checks", "-f", install);
    }
    run("install", "install", "install", "--installer", "manifest", "--kubeconfig", cluster, "--chart", chart,
        "--no-remote-checks", "-f", install);
    run("install", "status", "status", "--installer", "manifest", "--kubeconfig", cluster, "-f", install);
  }

  /** After the test looked at the cluster: uninstall, and an install interrupted midway against a slow API server. */
  private void cluster() throws Exception {
    String cluster = in.resolve("cluster.kubeconfig").toString();
    String install = in.resolve("install.yaml").toString();
    String chart = in.resolve("chart").resolve("gitops-runtime").toString();
    run("install", "uninstall", "uninstall", "--installer", "manifest", "--kubeconfig", cluster, "--chart", chart, "-f", install);
    if (helm != null) {
      // real Helm: its values file, its command lines and its own output are searched like everything else
      run("install", "install-helm", "install", "--installer", "helm", "--helm", helm, "--kubeconfig", cluster,
          "--chart", chart, "--no-remote-checks", "-f", install);
      run("install", "status-helm", "status", "--installer", "helm", "--helm", helm, "--kubeconfig", cluster,
          "-f", install);
      run("install", "uninstall-helm", "uninstall", "--installer", "helm", "--helm", helm, "--kubeconfig", cluster,
          "-f", install);
    }

    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    PrintWriter o = new PrintWriter(stdout, true);
    PrintWriter e = new PrintWriter(stderr, true);
    int[] exit = {-1};
    String[] args = {"install", "--installer", "manifest", "--kubeconfig", in.resolve("slow.kubeconfig").toString(),
        "--chart", chart, "--no-remote-checks", "-f", install};
    Thread installing = new Thread(() -> exit[0] = GitOpsRuntimeCli.run(args, new Command.Io() {
      @Override
      public PrintWriter out() {
        return o;
      }

      @Override
      public PrintWriter err() {
        return e;
      }
    }), "interrupted-install");
    installing.start();
    long deadline = System.nanoTime() + 60_000_000_000L;
    // midway: once objects are being applied
    while (!text(stdout).contains("> applying") && !text(stdout).contains("> installing") && installing.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(300);
    boolean wasRunning = installing.isAlive();
    installing.interrupt();
    installing.join(60_000);
    write("install", "interrupted-install", args, installing.isAlive() ? -2 : exit[0],
        (wasRunning ? "" : "NOT INTERRUPTED MIDWAY\n") + text(stdout), text(stderr));
  }

  private static String text(StringWriter writer) {
    synchronized (writer.getBuffer()) {
      return writer.toString();
    }
  }

  private void run(String values, String name, String... args) {
    CliRun result = CliRun.of(args);
    write(values, name, args, result.exitCode(), result.out(), result.err());
  }

  private void write(String values, String name, String[] args, int exit, String stdout, String stderr) {
    step++;
    String base = String.format("%03d-%s-%s", step, values, name);
    try {
      Files.writeString(out.resolve(base + ".out"), stdout);
      Files.writeString(out.resolve(base + ".err"), stderr);
      Files.writeString(out.resolve("steps.tsv"), String.join("\t", base, values, name, String.valueOf(exit),
          String.join(" ", Arrays.asList(args))) + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** A process's whole command line: from /proc where there is one (ProcessHandle.Info leaves out a long one's arguments). */
  private static String commandLine(ProcessHandle process) {
    Path proc = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
    try {
      if (Files.isReadable(proc)) {
        return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ').strip();
      }
    } catch (IOException e) {
      // the process ended
      return "";
    }
    List<String> line = new ArrayList<>();
    process.info().command().ifPresent(line::add);
    process.info().arguments().ifPresent(a -> line.addAll(Arrays.asList(a)));
    return String.join(" ", line);
  }

  /** Samples the command lines of this JVM's descendants until interrupted. */
  private void sampleProcesses() {
    while (!Thread.currentThread().isInterrupted()) {
      ProcessHandle.current().descendants().forEach(p -> {
        String line = commandLine(p);
        if (!line.isEmpty()) {
          processes.add(line);
        }
      });
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
