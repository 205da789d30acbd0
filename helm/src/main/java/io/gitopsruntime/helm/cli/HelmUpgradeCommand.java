package io.gitopsruntime.helm.cli;

import io.gitopsruntime.helm.internal.KubeTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code helm upgrade --install <release> <chart> --namespace <ns> [--create-namespace] [--version <v>]
 * -f <values> --wait --timeout <t>}: installs or upgrades the release and waits until it is ready. Values
 * go in a file, never as {@code --set}. Immutable and thread-safe.
 *
 * @param release the release name
 * @param chart the chart reference
 * @param namespace the namespace
 * @param version the chart version, or empty for the newest
 * @param valuesFile the values file
 * @param timeout Helm's timeout for each operation
 * @param createNamespace whether Helm creates the namespace (only when it is missing: asking Helm to create
 *     one that exists fails for a user who may not create namespaces)
 * @param plainHttp whether an {@code oci://} registry is spoken to over plain HTTP
 * @param kube the cluster
 */
record HelmUpgradeCommand(String release, String chart, String namespace, Optional<String> version, Path valuesFile,
    Duration timeout, boolean createNamespace, boolean plainHttp, KubeTarget kube) implements HelmCommand {

  @Override
  public List<String> arguments() {
    List<String> args = new ArrayList<>(List.of("upgrade", "--install", release, chart, "--namespace", namespace));
    if (createNamespace) {
      args.add("--create-namespace");
    }
    version.ifPresent(v -> {
      args.add("--version");
      args.add(v);
    });
    args.addAll(List.of("-f", valuesFile.toString(), "--wait", "--timeout", timeout.toSeconds() + "s"));
    if (plainHttp) {
      args.add("--plain-http");
    }
    args.addAll(kube.helmFlags());
    return args;
  }

  @Override
  public boolean showsOutput() {
    return true;
  }
}
