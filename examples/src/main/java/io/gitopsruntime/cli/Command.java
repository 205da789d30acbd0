package io.gitopsruntime.cli;

import java.util.List;

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

  /** Runs it; returns the exit code. */
  int run(Arguments arguments, Io io);

  /** Standard output and error. */
  interface Io {
    java.io.PrintWriter out();

    java.io.PrintWriter err();
  }
}
