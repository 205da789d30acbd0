package io.gitopsruntime.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the tool's version from its jar manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = GitOpsRuntimeCli.class.getPackage().getImplementationVersion();
    return new String[] {"gitops-runtime " + (version == null ? "(development build)" : version)};
  }
}
