package io.gitopsruntime.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the tool in-process, with what it printed. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = GitOpsRuntimeCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }
}
