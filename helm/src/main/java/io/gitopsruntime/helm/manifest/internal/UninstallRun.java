package io.gitopsruntime.helm.manifest.internal;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.install.InstallPhase;
import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.install.UninstallResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One uninstall: take the release lock, mark the latest revision uninstalling, render the chart for its
 * delete hooks, run the pre-delete hooks, delete exactly the objects the inventory records (custom
 * resources first, CRDs and namespaces last), except what Helm keeps: objects of any kind the chart marks
 * {@code helm.sh/resource-policy: keep}, and CRDs of {@code crds/} directories; run the post-delete hooks,
 * then remove the inventory. Objects are deleted in the background; their dependents go with the garbage collector.
 * Not thread-safe: one run per call.
 */
final class UninstallRun {
  private final Context context;
  private final RuntimeInstallation installation;
  private final ChartFetcher fetcher;

  UninstallRun(Context context, RuntimeInstallation installation, ChartFetcher fetcher) {
    this.context = context;
    this.installation = installation;
    this.fetcher = fetcher;
  }

  UninstallResult uninstall(long startNanos) {
    List<ObjectRef> deleted = new ArrayList<>();
    List<ObjectRef> kept = new ArrayList<>();
    boolean[] found = {false};
    context.phase(InstallPhase.UNINSTALL, () -> {
      if (context.api().get("/api/v1/namespaces/" + context.namespace()).isEmpty()) {
        return;
      }
      try (ReleaseLock lock = ReleaseLock.acquire(context.api(), context.release(), context.namespace(),
          ReleaseLock.identity(), context.settings().lockDuration())) {
        List<Inventory.Revision> revisions = Inventory.read(context.api(), context.release(), context.namespace());
        if (revisions.isEmpty()) {
          return;
        }
        found[0] = true;
        Inventory.Revision latest = Inventory.latest(revisions).orElseThrow();
        List<Inventory.Entry> recorded = Inventory.live(revisions);
        Inventory.write(context.api(), context.settings().fieldManager(), context.release(), context.namespace(),
            latest.withStatus(Inventory.UNINSTALLING));
        Cluster cluster = Cluster.discover(context.api(), context.parallel());
        Desired desired = Desired.render(context, installation, fetcher, cluster);
        HookRunner hooks = new HookRunner(context);
        hooks.run("pre-delete", desired.hooks("pre-delete"));
        lock.check();
        List<List<ObjectRef>> waves = new ArrayList<>();
        for (int i = 0; i < Waves.COUNT; i++) {
          waves.add(new ArrayList<>());
        }
        for (Inventory.Entry e : recorded) {
          if (e.retained()) {
            kept.add(e.ref());
          } else {
            waves.get(Waves.of(e.ref())).add(e.ref());
          }
        }
        Applier applier = new Applier(context);
        for (int wave = Waves.COUNT - 1; wave >= 0; wave--) {
          deleted.addAll(applier.deleteAll(waves.get(wave), cluster));
        }
        hooks.run("post-delete", desired.hooks("post-delete"));
        for (Inventory.Revision r : revisions) {
          Inventory.delete(context.api(), context.release(), context.namespace(), r.number());
        }
      }
    });
    return UninstallResult.builder().found(found[0]).deleted(deleted).kept(kept)
        .took(Duration.ofNanos(System.nanoTime() - startNanos)).build();
  }


}
