package io.gitopsruntime.cli;

import java.util.List;

/** {@code gitops-runtime version}: the tool's version. */
final class VersionCommand implements Command {
  @Override
  public String name() {
    return "version";
  }

  @Override
  public String summary() {
    return "Show the tool's version.";
  }

  @Override
  public String synopsis() {
    return "version";
  }

  @Override
  public String description() {
    return "Prints the tool's version (also: gitops-runtime --version). The version of the chart to install is"
        + " chosen with --version on the other commands.";
  }

  @Override
  public List<Option> options() {
    return List.of(Option.flag("Show this help.", "-h", "--help"));
  }

  @Override
  public int run(Arguments arguments, Io io) {
    String version = GitOpsRuntimeCli.class.getPackage().getImplementationVersion();
    io.out().println("gitops-runtime " + (version == null ? "(development build)" : version));
    io.out().flush();
    return 0;
  }
}
