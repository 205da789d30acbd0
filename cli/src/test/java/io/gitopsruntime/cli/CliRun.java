package io.gitopsruntime.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * One run of the tool in-process, with what it printed. Runs see no environment variables, a home directory
 * without {@code .kube/config} and no pod service-account token unless a test gives them, so that the machine
 * running the tests never decides which cluster a test reaches.
 */
record CliRun(int exitCode, String out, String err) {
  private static final Path NOWHERE = Path.of("/nonexistent-gitops-runtime-test-home");

  static CliRun of(String... args) {
    return with(Map.of(), NOWHERE, NOWHERE, "", args);
  }

  /** A run that reads {@code stdin} as its standard input. */
  static CliRun withStdin(String stdin, String... args) {
    return with(Map.of(), NOWHERE, NOWHERE, stdin, args);
  }

  /** A run with these environment variables, home directory and service-account token path. */
  static CliRun with(Map<String, String> environment, Path home, Path serviceAccountToken, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    int code = GitOpsRuntimeCli.run(args, new Command.Io() {
      @Override
      public InputStream in() {
        return in;
      }

      @Override
      public PrintWriter out() {
        return outWriter;
      }

      @Override
      public PrintWriter err() {
        return errWriter;
      }

      @Override
      public Map<String, String> environment() {
        return environment;
      }

      @Override
      public Path home() {
        return home;
      }

      @Override
      public Path serviceAccountToken() {
        return serviceAccountToken;
      }
    });
    return new CliRun(code, out.toString(), err.toString());
  }
}
