package io.gitopsruntime.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a whole process and measures its wall time and peak resident memory (Linux {@code VmHWM}). */
final class ProcessRun {
  final long nanos;
  final long peakKb;
  final int exitCode;

  private ProcessRun(long nanos, long peakKb, int exitCode) {
    this.nanos = nanos;
    this.peakKb = peakKb;
    this.exitCode = exitCode;
  }

  static ProcessRun of(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    long start = System.nanoTime();
    Process process = builder.start();
    Path status = Path.of("/proc/" + process.pid() + "/status");
    long peak = 0;
    while (!process.waitFor(2, TimeUnit.MILLISECONDS)) {
      peak = Math.max(peak, peakKb(status));
    }
    long nanos = System.nanoTime() - start;
    return new ProcessRun(nanos, peak, process.exitValue());
  }

  private static long peakKb(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the process ended between two polls
    }
    return 0;
  }
}
