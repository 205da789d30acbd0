package io.gitopsruntime.helm;

import io.gitopsruntime.install.ChangeKind;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.InstallPhase;
import io.gitopsruntime.install.NotReady;
import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.validation.ValidationReport;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Shows an installer's progress in a terminal, one line per event: phases with their durations,
 * validation warnings, applied objects (a count per phase unless verbose), what is not ready yet (at
 * most every few seconds), hooks, and Helm's own output.
 *
 * <pre>{@code
 * HelmCliInstaller.builder().listener(ConsoleInstallListener.toStdout()).build();
 * }</pre>
 *
 * <p>Thread-safe: installers call it from several threads.
 */
public final class ConsoleInstallListener implements InstallListener {
  private static final Duration WAIT_EVERY = Duration.ofSeconds(5);

  private final PrintWriter out;
  private final boolean verbose;
  private final Map<ChangeKind, Integer> applied = new EnumMap<>(ChangeKind.class);
  private long lastWaitPrint = Long.MIN_VALUE;

  private ConsoleInstallListener(PrintWriter out, boolean verbose) {
    this.out = out;
    this.verbose = verbose;
  }

  /**
   * A listener printing to standard output, with applied objects counted per phase.
   *
   * @return the listener
   */
  public static ConsoleInstallListener toStdout() {
    return to(System.out, false);
  }

  /**
   * A listener printing to a stream.
   *
   * @param stream where to print
   * @param verbose whether to print every applied object rather than counts
   * @return the listener
   */
  public static ConsoleInstallListener to(PrintStream stream, boolean verbose) {
    return new ConsoleInstallListener(new PrintWriter(Objects.requireNonNull(stream, "stream == null"), true), verbose);
  }

  /**
   * A listener printing to a writer.
   *
   * @param writer where to print
   * @param verbose whether to print every applied object rather than counts
   * @return the listener
   */
  public static ConsoleInstallListener to(PrintWriter writer, boolean verbose) {
    return new ConsoleInstallListener(Objects.requireNonNull(writer, "writer == null"), verbose);
  }

  @Override
  public synchronized void phaseStarted(InstallPhase phase) {
    applied.clear();
    out.println("> " + describe(phase) + " ...");
  }

  @Override
  public synchronized void phaseFinished(InstallPhase phase, Duration took) {
    String counts = applied.isEmpty() ? "" : " (" + applied.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
        .collect(Collectors.joining(", ")) + ")";
    out.println("  done: " + describe(phase) + " in " + format(took) + counts);
  }

  @Override
  public synchronized void validated(ValidationReport report) {
    long errors = report.errors().size();
    long warnings = report.warnings().size();
    out.println("  validation: " + errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings"));
    for (Finding finding : report.findings()) {
      if (finding.severity() != Severity.INFO) {
        out.println("    " + finding.severity() + " " + finding.describe());
      }
    }
  }

  @Override
  public synchronized void objectApplied(ObjectRef object, ChangeKind change) {
    applied.merge(change, 1, Integer::sum);
    if (verbose) {
      out.println("  " + change.name().toLowerCase(java.util.Locale.ROOT) + " " + object);
    }
  }

  @Override
  public synchronized void objectDeleted(ObjectRef object) {
    out.println("  deleted " + object);
  }

  @Override
  public synchronized void waiting(List<NotReady> notReady, Duration elapsed) {
    long now = System.nanoTime();
    if (lastWaitPrint != Long.MIN_VALUE && now - lastWaitPrint < WAIT_EVERY.toNanos()) {
      return;
    }
    lastWaitPrint = now;
    out.println("  waiting " + format(elapsed) + " for " + notReady.size() + " not ready: "
        + notReady.stream().limit(5).map(NotReady::toString).collect(Collectors.joining(", "))
        + (notReady.size() > 5 ? ", ..." : ""));
  }

  @Override
  public synchronized void hookStarted(ObjectRef hook, String event) {
    out.println("  hook " + event + ": " + hook + " started");
  }

  @Override
  public synchronized void hookFinished(ObjectRef hook, boolean succeeded) {
    out.println("  hook " + hook + (succeeded ? " succeeded" : " FAILED"));
  }

  @Override
  public synchronized void helmOutput(String line) {
    out.println("  helm: " + line);
  }

  private static String describe(InstallPhase phase) {
    switch (phase) {
      case VALIDATE:
        return "validating";
      case RENDER:
        return "rendering the chart";
      case CRDS:
        return "applying CustomResourceDefinitions";
      case PRE_HOOKS:
        return "running pre-install hooks";
      case APPLY:
        return "applying objects";
      case WAIT:
        return "waiting for workloads";
      case PRUNE:
        return "pruning removed objects";
      case POST_HOOKS:
        return "running post-install hooks";
      case HELM:
        return "running helm";
      case UNINSTALL:
        return "uninstalling";
      default:
        return phase.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static String format(Duration d) {
    long ms = d.toMillis();
    return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
