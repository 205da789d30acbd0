package io.gitopsruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Libraries' logging (Vert.x's blocked-thread warnings, Netty's shutdown errors, both with stack traces) never reaches the user's console. */
class QuietLibrariesTest {
  @Test
  void theToolTurnsVertxLoggingOffBeforeAnyClientIsMade() {
    GitOpsRuntimeCli.quietLibraries();

    assertThat(Logger.getLogger("io.vertx.core.impl.BlockedThreadChecker").isLoggable(Level.SEVERE)).isFalse();
    assertThat(Logger.getLogger("io.vertx.core.impl.BlockedThreadChecker").isLoggable(Level.WARNING)).isFalse();
  }

  @Test
  void theToolTurnsNettyLoggingOffSoThatAClosedClientsEventLoopPrintsNoStackTrace() {
    GitOpsRuntimeCli.quietLibraries();

    assertThat(Logger.getLogger("io.netty.util.concurrent.DefaultPromise").isLoggable(Level.SEVERE)).isFalse();
  }
}
