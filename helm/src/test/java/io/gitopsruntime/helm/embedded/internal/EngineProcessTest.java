package io.gitopsruntime.helm.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineProcessTest {

  @Test
  void findsTheFirstLineOfAGoPanicInTheChildsStderr() {
    assertThat(EngineProcess.panic("W1202 warning\npanic: runtime error: invalid memory address or nil pointer "
        + "dereference [recovered]\n\tpanic: again\ngoroutine 1 [running]:\n"))
        .hasValue("panic: runtime error: invalid memory address or nil pointer dereference [recovered]");
    assertThat(EngineProcess.panic("fatal error: unexpected signal during runtime execution\n"))
        .hasValue("fatal error: unexpected signal during runtime execution");
    assertThat(EngineProcess.panic("some warning\n")).isEmpty();
  }

  @Test
  void saysSoWhenTheChildCannotStartFromItsClassPath() {
    try (EngineProcess engine = new EngineProcess("/nonexistent/classes")) {
      EngineCrashed crashed = catchThrowableOfType(EngineCrashed.class, () -> engine.call(Map.of("op", "history")));

      assertThat(crashed.neverStarted()).isTrue();
      assertThat(crashed.exitCode()).isEqualTo(1);
      assertThat(crashed.reason()).hasValue("Error: Could not find or load main class " + EngineMain.class.getName());
      assertThat(crashed).hasMessage("the embedded Helm engine process died during history (exit code 1): Error: Could "
          + "not find or load main class " + EngineMain.class.getName());
      assertThat(engine.pid()).isEqualTo(Optional.empty());
    }
  }
}
