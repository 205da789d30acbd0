package io.gitopsruntime.helm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProcessRunnerTest {
  private final ProcessRunner runner = new ProcessRunner(Duration.ofSeconds(2));

  private static List<String> sh(String script) {
    return List.of("/bin/sh", "-c", script);
  }

  @Test
  void returnsExitCodeAndBothStreamsAndHandsOverEveryLine() {
    List<String> lines = new CopyOnWriteArrayList<>();

    ProcessRunner.Result result = runner.run(sh("echo out1; echo err1 >&2; echo out2; exit 3"), Duration.ofSeconds(10),
        (stream, line) -> lines.add(stream + " " + line));

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stdout()).isEqualTo("out1\nout2\n");
    assertThat(result.stderr()).isEqualTo("err1\n");
    assertThat(lines).containsExactlyInAnyOrder("STDOUT out1", "STDOUT out2", "STDERR err1");
  }

  @Test
  void neverBlocksOnAFullPipeWhenBothStreamsAreLarge() {
    String script = "i=0; while [ $i -lt 20000 ]; do echo \"line $i of standard output\"; echo \"line $i of error\" >&2;"
        + " i=$((i+1)); done";

    ProcessRunner.Result result = runner.run(sh(script), Duration.ofSeconds(60), (stream, line) -> { });

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout().lines()).hasSize(20000);
    assertThat(result.stderr().lines()).hasSize(20000);
  }

  @Test
  void stopsAProcessAndItsChildrenThatRunTooLong() {
    long start = System.nanoTime();

    assertThatThrownBy(() -> runner.run(sh("echo started; sleep 30; echo never"), Duration.ofMillis(500),
        (stream, line) -> { }))
        .isInstanceOfSatisfying(ProcessRunner.ProcessException.class, e -> {
          assertThat(e.reason()).isEqualTo(ProcessRunner.ProcessException.Reason.TIMED_OUT);
          assertThat(e.partial().stdout()).isEqualTo("started\n");
        });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void stopsTheProcessAndRestoresTheInterruptFlagWhenInterrupted() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flag = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      try {
        runner.run(sh("sleep 30"), Duration.ofSeconds(60), (stream, line) -> { });
      } catch (ProcessRunner.ProcessException e) {
        thrown.set(e);
        flag.set(Thread.currentThread().isInterrupted());
      }
    });
    thread.start();
    Thread.sleep(300);
    thread.interrupt();
    thread.join(10_000);

    assertThat(thread.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOfSatisfying(ProcessRunner.ProcessException.class,
        e -> assertThat(e.reason()).isEqualTo(ProcessRunner.ProcessException.Reason.INTERRUPTED));
    assertThat(flag.get()).isTrue();
  }

  @Test
  void keepsDrainingWhenTheLineConsumerThrows() {
    ProcessRunner.Result result = runner.run(sh("echo a; echo b"), Duration.ofSeconds(10), (stream, line) -> {
      throw new IllegalStateException("broken listener");
    });

    assertThat(result.stdout()).isEqualTo("a\nb\n");
  }

  @Test
  void saysWhenTheExecutableCannotBeStarted() {
    assertThatThrownBy(() -> runner.run(List.of("/nonexistent/helm", "version"), Duration.ofSeconds(5), (s, l) -> { }))
        .isInstanceOfSatisfying(ProcessRunner.ProcessException.class,
            e -> assertThat(e.reason()).isEqualTo(ProcessRunner.ProcessException.Reason.START_FAILED));
  }
}
