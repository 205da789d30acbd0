package io.gitopsruntime.helm.cli;

import io.gitopsruntime.helm.internal.KubeTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code helm template <release> <chart> --namespace <ns> [--version <v>] -f <values> --no-hooks --validate
 * [--is-upgrade]}: renders the release's objects (without hooks, as {@code helm get manifest} lists them)
 * with the cluster's real capabilities; for a first install {@code --validate} also reports objects that
 * exist and belong to no release, before anything changes. Immutable and thread-safe.
 *
 * @param release the release name
 * @param chart the chart reference
 * @param namespace the namespace
 * @param version the chart version, or empty for the newest
 * @param valuesFile the values file
 * @param upgrade whether the release exists (renders with {@code .Release.IsUpgrade})
 * @param plainHttp whether an {@code oci://} registry is spoken to over plain HTTP
 * @param kube the cluster
 * @param helmMajor the major version of the helm that runs it: Helm 3 validates against the cluster with
 *     {@code --validate}, which Helm 4 deprecated for {@code --dry-run=server}
 * @param offlineKubeVersion empty to render against the cluster (validated, the cluster's capabilities); else
 *     renders without asking the cluster, as for this Kubernetes version ({@code --kube-version}), so that objects
 *     about to be adopted do not stop the rendering
 */
record HelmTemplateCommand(String release, String chart, String namespace, Optional<String> version, Path valuesFile,
    boolean upgrade, boolean plainHttp, KubeTarget kube, int helmMajor, Optional<String> offlineKubeVersion)
    implements HelmCommand {

  /** A rendering validated against the cluster. */
  HelmTemplateCommand(String release, String chart, String namespace, Optional<String> version, Path valuesFile,
      boolean upgrade, boolean plainHttp, KubeTarget kube, int helmMajor) {
    this(release, chart, namespace, version, valuesFile, upgrade, plainHttp, kube, helmMajor, Optional.empty());
  }

  @Override
  public List<String> arguments() {
    List<String> args = new ArrayList<>(List.of("template", release, chart, "--namespace", namespace));
    version.ifPresent(v -> {
      args.add("--version");
      args.add(v);
    });
    args.addAll(List.of("-f", valuesFile.toString(), "--no-hooks"));
    if (offlineKubeVersion.isPresent()) {
      args.add("--kube-version");
      args.add(offlineKubeVersion.get());
    } else {
      args.add(helmMajor >= 4 ? "--dry-run=server" : "--validate");
    }
    if (upgrade) {
      args.add("--is-upgrade");
    }
    if (plainHttp) {
      args.add("--plain-http");
    }
    args.addAll(kube.helmFlags());
    return args;
  }
}
