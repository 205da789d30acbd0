package io.gitopsruntime.examples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the Maven that runs this build on another project, with the same local repository, so that the
 * project sees the SDK artifacts this build installed and nothing else of this build. Maven Central is
 * its only remote repository, and it serves no snapshots, so the SDK's {@code -SNAPSHOT} artifacts can only
 * come from the local repository.
 */
final class Maven {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private Maven() {}

  static ProcessRun run(Path pom, String... arguments) {
    List<String> command = new ArrayList<>(List.of(BuildEnvironment.mvn().toString(), "-B", "-ntp",
        "-f", pom.toString(), "-Dmaven.repo.local=" + BuildEnvironment.localRepository()));
    command.addAll(List.of(arguments));
    return ProcessRun.run(command, pom.getParent(), Map.of(), TIMEOUT);
  }
}
