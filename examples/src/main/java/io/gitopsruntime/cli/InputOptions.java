package io.gitopsruntime.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options every command that reads an installation shares. */
final class InputOptions {
  @Option(
      names = {"-f", "--values"},
      paramLabel = "FILE",
      required = true,
      description = "Values file (repeat to layer several; later files win, as with helm -f).")
  List<Path> valuesFiles = new ArrayList<>();

  @Option(names = "--release", paramLabel = "NAME", description = "Helm release name (default: ${DEFAULT-VALUE}).", defaultValue = "cf-gitops-runtime")
  String release = "cf-gitops-runtime";

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace (default: ${DEFAULT-VALUE}).", defaultValue = "codefresh")
  String namespace = "codefresh";

  @Option(names = "--chart", paramLabel = "REF", description = "Chart reference (default: ${DEFAULT-VALUE}).",
      defaultValue = "oci://quay.io/codefresh/gitops-runtime")
  String chart = "oci://quay.io/codefresh/gitops-runtime";

  @Option(names = "--version", paramLabel = "V", description = "Chart version to pin, e.g. 0.30.0 (default: newest).")
  @Nullable String version;
}
