package io.gitopsruntime.helm.manifest.internal;

import io.gitopsruntime.install.NotReady;
import io.gitopsruntime.install.ReleaseState;
import io.gitopsruntime.install.ReleaseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a release's status: the latest inventory revision's state, revision and chart version, and which
 * of its objects are missing or not ready. Changes nothing. Not thread-safe: one run per call.
 */
final class StatusRun {
  private final Context context;

  StatusRun(Context context) {
    this.context = context;
  }

  ReleaseStatus status() {
    ReleaseStatus.Builder status = ReleaseStatus.builder().releaseName(context.release()).namespace(context.namespace());
    List<Inventory.Revision> revisions = context.api().get("/api/v1/namespaces/" + context.namespace()).isPresent()
        ? Inventory.read(context.api(), context.release(), context.namespace()) : List.of();
    Optional<Inventory.Revision> latest = Inventory.latest(revisions);
    if (latest.isEmpty()) {
      return status.state(ReleaseState.NOT_INSTALLED).build();
    }
    Cluster cluster = Cluster.discover(context.api(), context.parallel());
    List<KubeObject> objects = new ArrayList<>();
    List<NotReady> notReady = new ArrayList<>();
    for (Inventory.Entry e : Inventory.live(revisions)) {
      Optional<ResourceType> type = cluster.type(e.ref().apiVersion(), e.ref().kind());
      if (type.isEmpty()) {
        notReady.add(NotReady.of(e.ref(), "the cluster no longer serves " + e.ref().apiVersion() + " " + e.ref().kind()));
      } else {
        objects.add(new KubeObject(e.ref(), type.get(), Map.of(), "inventory", false));
      }
    }
    notReady.addAll(new Waiter(context).notReady(objects));
    return status.state(latest.get().state()).revision(latest.get().number())
        .chartVersion(Optional.of(latest.get().chartVersion()).filter(v -> !v.isEmpty())).notReady(notReady).build();
  }
}
