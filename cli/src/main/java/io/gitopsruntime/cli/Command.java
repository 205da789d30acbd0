package io.gitopsruntime.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One sub-command of the tool. */
interface Command {
  /** Its name, such as {@code plan}. */
  String name();

  /** One line for the tool's command list. */
  String summary();

  /** The synopsis after the tool's name, such as {@code plan -f FILE [options]}. */
  String synopsis();

  /** A paragraph for its help. */
  String description();

  /** Its options. */
  List<Option> options();

  /** How many arguments that are not options it takes (export: its format); more are a usage error. */
  default int positionals() {
    return 0;
  }

  /** Runs it; returns the exit code. */
  int run(Arguments arguments, Io io);

  /** Standard input, output and error, and the environment the tool looks for a cluster in. */
  interface Io {
    /** Standard input, read for {@code -f -}. */
    default InputStream in() {
      return System.in;
    }

    PrintWriter out();

    PrintWriter err();

    /** The environment variables ($KUBECONFIG, $KUBERNETES_SERVICE_HOST). */
    default Map<String, String> environment() {
      return System.getenv();
    }

    /** The user's home directory, where ~/.kube/config is. */
    default Path home() {
      return Path.of(System.getProperty("user.home"));
    }

    /** Where a pod's service-account token is. */
    default Path serviceAccountToken() {
      return Clusters.SERVICE_ACCOUNT_TOKEN;
    }
  }
}
