package io.gitopsruntime.helm.cli;

import io.gitopsruntime.helm.internal.KubeTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code helm uninstall <release> --namespace <ns> --wait --timeout <t>}: removes the release, running its
 * pre-delete hooks, and keeps what Helm keeps ({@code helm.sh/resource-policy: keep}, CRDs from {@code crds/}).
 * Immutable and thread-safe.
 *
 * @param release the release name
 * @param namespace the namespace
 * @param timeout Helm's timeout for each operation
 * @param kube the cluster
 * @param helmMajor the major version of the helm that runs it: Helm 4 gets {@code --wait=watcher}
 * @param runHooks false to skip the release's delete hooks ({@code --no-hooks})
 */
record HelmUninstallCommand(String release, String namespace, Duration timeout, KubeTarget kube, int helmMajor,
    boolean runHooks) implements HelmCommand {

  @Override
  public List<String> arguments() {
    List<String> args = new ArrayList<>(List.of("uninstall", release, "--namespace", namespace,
        helmMajor >= 4 ? "--wait=watcher" : "--wait", "--timeout", timeout.toSeconds() + "s"));
    if (!runHooks) {
      args.add("--no-hooks");
    }
    args.addAll(kube.helmFlags());
    return args;
  }

  @Override
  public boolean showsOutput() {
    return true;
  }
}
