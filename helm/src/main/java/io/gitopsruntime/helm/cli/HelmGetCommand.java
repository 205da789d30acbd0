package io.gitopsruntime.helm.cli;

import io.gitopsruntime.helm.internal.KubeTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code helm get values <release> -o yaml} (the user-supplied values of the latest revision) or
 * {@code helm get manifest <release>} (its rendered objects, without hooks). Both may hold secrets: read,
 * never shown. Immutable and thread-safe.
 *
 * @param what what to get
 * @param release the release name
 * @param namespace the namespace
 * @param kube the cluster
 */
record HelmGetCommand(What what, String release, String namespace, KubeTarget kube) implements HelmCommand {

  /** What {@code helm get} returns. */
  enum What {
    /** The user-supplied values. */
    VALUES,
    /** The rendered manifest. */
    MANIFEST
  }

  @Override
  public List<String> arguments() {
    List<String> args = new ArrayList<>(List.of("get", what == What.VALUES ? "values" : "manifest", release,
        "--namespace", namespace));
    if (what == What.VALUES) {
      args.addAll(List.of("-o", "yaml"));
    }
    args.addAll(kube.helmFlags());
    return args;
  }
}
