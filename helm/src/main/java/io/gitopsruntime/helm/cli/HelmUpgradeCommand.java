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
 * <p>Per major: Helm 3 gets {@code --wait}; Helm 4 gets {@code --wait=watcher} (a bare {@code --wait} means the
 * same there, but names the strategy Helm 4 would otherwise default to {@code hookOnly}) and keeps its own
 * server-side apply defaults (a new release is applied server-side; an upgrade keeps the release's method, so a
 * release installed by Helm 3 stays client-side). A conflict with another field manager fails the upgrade
 * unless {@code forceConflicts} is set, which adds Helm 4's {@code --force-conflicts} (Helm 3 applies client-side
 * and has no such conflicts).
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
 * @param helmMajor the major version of the helm that runs it (3 or 4)
 * @param forceConflicts whether Helm 4 takes over fields other field managers own ({@code --force-conflicts})
 */
record HelmUpgradeCommand(String release, String chart, String namespace, Optional<String> version, Path valuesFile,
    Duration timeout, boolean createNamespace, boolean plainHttp, KubeTarget kube, int helmMajor,
    boolean forceConflicts) implements HelmCommand {

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
    args.addAll(List.of("-f", valuesFile.toString(), helmMajor >= 4 ? "--wait=watcher" : "--wait", "--timeout",
        timeout.toSeconds() + "s"));
    if (forceConflicts && helmMajor >= 4) {
      args.add("--force-conflicts");
    }
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
