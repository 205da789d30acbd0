package io.gitopsruntime.helm.manifest.internal;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.install.ChangeKind;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallOutcome;
import io.gitopsruntime.install.InstallPhase;
import io.gitopsruntime.install.InstallPlan;
import io.gitopsruntime.install.InstallResult;
import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.install.PlannedChange;
import io.gitopsruntime.validation.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One install (or upgrade) and one plan of a release:
 *
 * <ol>
 *   <li>make sure the release namespace exists, take the release lock;
 *   <li>read the cluster's version and APIs, render the chart for them;
 *   <li>read the inventory and the live objects; refuse objects that belong to someone else;
 *   <li>when the last deployed revision has the same digest (of the rendered objects and hooks: values
 *       that render the same count as the same), nothing is to prune and a server-side dry run finds every
 *       object unchanged: stop, {@link InstallOutcome#UNCHANGED};
 *   <li>record the new revision as pending; apply CRDs and namespaces and wait until the CRDs are
 *       established; run the pre-install (or pre-upgrade) hooks; apply the other waves; wait until
 *       workloads are ready; prune what the previous revisions had and this one has not; run the post
 *       hooks; record the revision as deployed (the previous one superseded, older ones deleted).
 * </ol>
 *
 * A failure marks the revision failed; running the install again resumes, and prunes whatever an
 * interrupted run applied that is no longer wanted. Not thread-safe: one run per call.
 */
final class InstallRun {
  private static final Logger log = LoggerFactory.getLogger(InstallRun.class);

  private final Context context;
  private final RuntimeInstallation installation;
  private final ChartFetcher fetcher;
  private final Applier applier;

  InstallRun(Context context, RuntimeInstallation installation, ChartFetcher fetcher) {
    this.context = context;
    this.installation = installation;
    this.fetcher = fetcher;
    this.applier = new Applier(context);
  }

  InstallResult install(long startNanos) {
    ensureNamespace();
    try (ReleaseLock lock = ReleaseLock.acquire(context.api(), context.release(), context.namespace(),
        ReleaseLock.identity(), context.settings().lockDuration())) {
      AtomicReference<Cluster> clusterRef = new AtomicReference<>();
      AtomicReference<Desired> desiredRef = new AtomicReference<>();
      context.phase(InstallPhase.RENDER, () -> {
        clusterRef.set(Cluster.discover(context.api(), context.parallel()));
        desiredRef.set(Desired.render(context, installation, fetcher, clusterRef.get()));
      });
      Cluster cluster = clusterRef.get();
      Desired desired = desiredRef.get();
      lock.check();
      List<Inventory.Revision> revisions = Inventory.read(context.api(), context.release(), context.namespace());
      Optional<Inventory.Revision> deployed = Inventory.lastDeployed(revisions);
      Optional<Inventory.Revision> latest = Inventory.latest(revisions);
      List<Inventory.Entry> recorded = Inventory.live(revisions);
      Map<ObjectRef, @Nullable Map<String, Object>> live = applier.survey(desired.objects());
      checkOwnership(live, revisions);
      List<Inventory.Entry> prune = prunable(recorded, desired);
      String valuesDigest = valuesDigest();

      if (deployed.isPresent() && latest.get() == deployed.get() && deployed.get().digest().equals(desired.digest())
          && prune.isEmpty() && !live.containsValue(null)) {
        List<PlannedChange> dry = applier.dryRun(desired.objects(), live);
        if (dry.stream().allMatch(c -> c.change() == ChangeKind.UNCHANGED)) {
          dry.forEach(c -> context.listener().objectApplied(c.object(), ChangeKind.UNCHANGED));
          log.debug("release {} in {} is unchanged at revision {}", context.release(), context.namespace(),
              deployed.get().number());
          return result(InstallOutcome.UNCHANGED, deployed.get().number(), dry, startNanos);
        }
      }

      boolean upgrade = deployed.isPresent();
      int number = latest.map(r -> r.number() + 1).orElse(1);
      Inventory.Revision pending = new Inventory.Revision(number, upgrade ? Inventory.PENDING_UPGRADE
          : Inventory.PENDING_INSTALL, installation.chart(), desired.chartVersion(), desired.digest(), valuesDigest,
          entries(desired));
      Inventory.write(context.api(), context.settings().fieldManager(), context.release(), context.namespace(), pending);
      try {
        List<PlannedChange> changes = apply(desired, cluster, live, prune, upgrade, lock);
        Inventory.write(context.api(), context.settings().fieldManager(), context.release(), context.namespace(),
            pending.withStatus(Inventory.DEPLOYED));
        retire(revisions, deployed);
        return result(upgrade ? InstallOutcome.UPGRADED : InstallOutcome.INSTALLED, number, changes, startNanos);
      } catch (RuntimeException e) {
        markFailed(pending);
        throw e;
      }
    }
  }

  private List<PlannedChange> apply(Desired desired, Cluster cluster, Map<ObjectRef, @Nullable Map<String, Object>> live,
      List<Inventory.Entry> prune, boolean upgrade, ReleaseLock lock) {
    List<List<KubeObject>> waves = Waves.split(desired.objects());
    List<PlannedChange> changes = new ArrayList<>();
    HookRunner hooks = new HookRunner(context);
    Waiter waiter = new Waiter(context);
    context.phase(InstallPhase.CRDS, () -> {
      changes.addAll(applier.applyAll(waves.get(Waves.DEFINITIONS), live));
      waiter.await(waves.get(Waves.DEFINITIONS));
    });
    lock.check();
    String pre = upgrade ? "pre-upgrade" : "pre-install";
    context.phase(InstallPhase.PRE_HOOKS, () -> hooks.run(pre, desired.hooks(pre)));
    lock.check();
    context.phase(InstallPhase.APPLY, () -> {
      for (int wave = Waves.FOUNDATION; wave < Waves.COUNT; wave++) {
        changes.addAll(applier.applyAll(waves.get(wave), live));
        lock.check();
      }
    });
    List<KubeObject> rest = new ArrayList<>();
    for (int wave = Waves.FOUNDATION; wave < Waves.COUNT; wave++) {
      rest.addAll(waves.get(wave));
    }
    context.phase(InstallPhase.WAIT, () -> waiter.await(rest));
    lock.check();
    context.phase(InstallPhase.PRUNE, () -> {
      for (ObjectRef deleted : deleteInReverseWaves(Inventory.refs(prune), cluster)) {
        changes.add(PlannedChange.of(deleted, ChangeKind.DELETE));
      }
    });
    String post = upgrade ? "post-upgrade" : "post-install";
    context.phase(InstallPhase.POST_HOOKS, () -> hooks.run(post, desired.hooks(post)));
    return changes;
  }

  InstallPlan plan(ValidationReport validation) {
    Cluster cluster = Cluster.discover(context.api(), context.parallel());
    Desired desired = Desired.render(context, installation, fetcher, cluster);
    List<Inventory.Revision> revisions = Inventory.read(context.api(), context.release(), context.namespace());
    Map<ObjectRef, @Nullable Map<String, Object>> live = applier.survey(desired.objects());
    checkOwnership(live, revisions);
    List<PlannedChange> changes = new ArrayList<>();
    List<List<KubeObject>> waves = Waves.split(desired.objects());
    for (List<KubeObject> wave : waves) {
      changes.addAll(applier.dryRun(wave, live));
    }
    List<ObjectRef> deletes = new ArrayList<>(Inventory.refs(prunable(Inventory.live(revisions), desired)));
    deletes.sort((a, b) -> Integer.compare(Waves.of(b), Waves.of(a)));
    deletes.forEach(ref -> changes.add(PlannedChange.of(ref, ChangeKind.DELETE)));
    return InstallPlan.builder().validation(validation).changes(changes).build();
  }



  private void ensureNamespace() {
    String path = "/api/v1/namespaces/" + context.namespace();
    if (context.api().get(path).isEmpty()) {
      context.api().apply(path, Json.object("apiVersion", "v1", "kind", "Namespace",
          "metadata", Json.object("name", context.namespace())), context.settings().fieldManager(), false, false);
    }
  }

  private void checkOwnership(Map<ObjectRef, @Nullable Map<String, Object>> live, List<Inventory.Revision> revisions) {
    if (context.settings().adoptExisting()) {
      return;
    }
    Set<ObjectRef> ours = new HashSet<>();
    revisions.forEach(r -> r.objects().forEach(e -> ours.add(e.ref())));
    List<String> conflicts = Ownership.conflicts(live, ours, context.release(), context.namespace(),
        context.settings().fieldManager());
    if (!conflicts.isEmpty()) {
      throw context.failure(FailureKind.OWNERSHIP_CONFLICT, Messages.ownership(context.release(), context.namespace(),
          conflicts), null);
    }
  }

  /**
   * Recorded objects the release no longer renders, less what Helm would keep: objects marked
   * {@code helm.sh/resource-policy: keep} and CRDs of {@code crds/} directories.
   */
  private static List<Inventory.Entry> prunable(List<Inventory.Entry> recorded, Desired desired) {
    Set<ObjectRef> wanted = new HashSet<>();
    desired.objects().forEach(o -> wanted.add(o.ref()));
    List<Inventory.Entry> prune = new ArrayList<>();
    for (Inventory.Entry e : recorded) {
      if (!wanted.contains(e.ref()) && !e.retained()) {
        prune.add(e);
      }
    }
    return prune;
  }

  private List<ObjectRef> deleteInReverseWaves(Set<ObjectRef> refs, Cluster cluster) {
    List<List<ObjectRef>> waves = new ArrayList<>();
    for (int i = 0; i < Waves.COUNT; i++) {
      waves.add(new ArrayList<>());
    }
    refs.forEach(r -> waves.get(Waves.of(r)).add(r));
    List<ObjectRef> deleted = new ArrayList<>();
    for (int wave = Waves.COUNT - 1; wave >= 0; wave--) {
      deleted.addAll(applier.deleteAll(waves.get(wave), cluster));
    }
    return deleted;
  }

  private static List<Inventory.Entry> entries(Desired desired) {
    List<Inventory.Entry> entries = new ArrayList<>();
    for (KubeObject o : desired.objects()) {
      entries.add(new Inventory.Entry(o.ref(), o.keep(), o.createOnly()));
    }
    return entries;
  }

  /** After a deploy: the previous deployed revision becomes superseded; older and failed ones go. */
  private void retire(List<Inventory.Revision> revisions, Optional<Inventory.Revision> previous) {
    for (Inventory.Revision r : revisions) {
      try {
        if (previous.isPresent() && r.number() == previous.get().number()) {
          Inventory.write(context.api(), context.settings().fieldManager(), context.release(), context.namespace(),
              r.withStatus(Inventory.SUPERSEDED));
        } else {
          Inventory.delete(context.api(), context.release(), context.namespace(), r.number());
        }
      } catch (KubeApiException e) {
        log.debug("could not retire revision {} of release {}: {}", r.number(), context.release(), e.getMessage());
      }
    }
  }

  private void markFailed(Inventory.Revision pending) {
    boolean interrupted = Thread.interrupted();
    try {
      Inventory.write(context.api().withDeadline(Deadline.in(Duration.ofSeconds(20))), context.settings().fieldManager(),
          context.release(), context.namespace(), pending.withStatus(Inventory.FAILED));
    } catch (RuntimeException e) {
      log.debug("could not mark revision {} of release {} failed: {}", pending.number(), context.release(), e.toString());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private String valuesDigest() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(ValuesYaml.write(installation.values(), SecretHandling.MASK).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private InstallResult result(InstallOutcome outcome, int revision, List<PlannedChange> changes, long startNanos) {
    return InstallResult.builder().releaseName(context.release()).namespace(context.namespace()).outcome(outcome)
        .revision(revision).changes(List.copyOf(new LinkedHashSet<>(changes)))
        .took(Duration.ofNanos(System.nanoTime() - startNanos)).build();
  }
}
