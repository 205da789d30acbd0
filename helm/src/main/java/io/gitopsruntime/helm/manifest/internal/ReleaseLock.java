package io.gitopsruntime.helm.manifest.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes installs and uninstalls of one release in one cluster mutually exclusive, with a
 * {@code coordination.k8s.io/v1} Lease {@code gitops-runtime.<release>.lock} in the release namespace:
 * created with this process's holder identity, renewed every quarter of its duration while the operation
 * runs, deleted at the end. A Lease not renewed for its whole duration is stale (its holder died) and is
 * taken over with a conditional update. It is released on every exit path the JVM lets us see: {@link #close}
 * (normal end, exceptions, interrupts) and, while held, a shutdown hook (SIGTERM, Ctrl-C, {@code System.exit});
 * only a killed or crashed JVM leaves it to expire. Thread-safe.
 */
public final class ReleaseLock implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReleaseLock.class);
  private static final DateTimeFormatter MICRO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
      .withZone(java.time.ZoneOffset.UTC);

  private final KubeApi api;
  private final String path;
  private final String name;
  private final String namespace;
  private final String release;
  private final String holder;
  private final Duration duration;
  private final ScheduledExecutorService renewer;
  private volatile @Nullable Map<String, Object> lease;
  private volatile boolean lost;
  private final AtomicBoolean releasing = new AtomicBoolean();
  private final CountDownLatch released = new CountDownLatch(1);
  private final Thread shutdownHook;

  private ReleaseLock(KubeApi api, String release, String namespace, String holder, Duration duration,
      Map<String, Object> lease) {
    this.api = api;
    this.release = release;
    this.namespace = namespace;
    this.name = leaseName(release);
    this.path = "/apis/coordination.k8s.io/v1/namespaces/" + namespace + "/leases/" + name;
    this.holder = holder;
    this.duration = duration;
    this.lease = lease;
    this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "gitops-runtime-lock-" + release);
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(1000, duration.toMillis() / 4);
    renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    this.shutdownHook = new Thread(this::releaseAtShutdown, "gitops-runtime-lock-release-" + release);
    try {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      log.debug("the JVM is shutting down; the lock of release {} is released by close() or expires", release);
    }
  }

  /**
   * The Lease's name.
   *
   * @param release the release
   * @return {@code gitops-runtime.<release>.lock}
   */
  public static String leaseName(String release) {
    return "gitops-runtime." + release + ".lock";
  }

  /**
   * A holder identity for this process: host, process id and a random part.
   *
   * @return the identity
   */
  public static String identity() {
    return hostName() + "/pid-" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The host's name without a DNS lookup: shells rarely export {@code HOSTNAME}, so Linux's own file comes next. */
  private static String hostName() {
    for (String variable : List.of("HOSTNAME", "COMPUTERNAME")) {
      String host = System.getenv(variable);
      if (host != null && !host.isBlank()) {
        return host.strip();
      }
    }
    try {
      Path kernel = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(kernel)) {
        String host = Files.readString(kernel).strip();
        if (!host.isEmpty()) {
          return host;
        }
      }
    } catch (IOException | RuntimeException e) {
      log.debug("could not read the host name: {}", e.toString());
    }
    return "unknown-host";
  }

  /**
   * Takes the lock.
   *
   * @param api the API
   * @param release the release
   * @param namespace the release namespace (it must exist)
   * @param holder this process's identity
   * @param duration how long the lock lasts without renewal
   * @return the held lock
   * @throws Locked if another holder has it
   */
  public static ReleaseLock acquire(KubeApi api, String release, String namespace, String holder, Duration duration) {
    String name = leaseName(release);
    String collection = "/apis/coordination.k8s.io/v1/namespaces/" + namespace + "/leases";
    Instant now = Instant.now();
    Map<String, Object> fresh = Json.object("apiVersion", "coordination.k8s.io/v1", "kind", "Lease",
        "metadata", Json.object("name", name, "namespace", namespace,
            "labels", Json.object(Inventory.RELEASE_LABEL, release, "app.kubernetes.io/managed-by", "gitops-runtime")),
        "spec", spec(holder, duration, now, now, 0));
    try {
      Map<String, Object> created = api.create(collection, fresh, true);
      log.debug("took the lock of release {} in {}", release, namespace);
      return new ReleaseLock(api, release, namespace, holder, duration, created);
    } catch (KubeApiException e) {
      if (e.code() != 409) {
        throw e;
      }
    }
    Map<String, Object> existing = api.get(collection + "/" + name).orElseThrow(() ->
        new Locked(Messages.lockedJustNow(release, namespace, name)));
    String current = Json.string(existing, "spec", "holderIdentity");
    if (holder.equals(current)) {
      return new ReleaseLock(api, release, namespace, holder, duration, existing);
    }
    Optional<Instant> acquired = time(Json.string(existing, "spec", "acquireTime"));
    Instant renewed = time(Json.string(existing, "spec", "renewTime")).or(() -> acquired).orElse(Instant.EPOCH);
    long seconds = Json.number(existing, duration.getSeconds(), "spec", "leaseDurationSeconds");
    Instant expires = renewed.plusSeconds(seconds);
    boolean stale = current == null || current.isEmpty() || expires.isBefore(now);
    if (!stale) {
      throw new Locked(Messages.locked(release, namespace, name, current, acquired.orElse(renewed), renewed, expires,
          now));
    }
    Map<String, Object> takeover = Json.copy(existing);
    long transitions = Json.number(existing, 0, "spec", "leaseTransitions") + 1;
    takeover.put("spec", spec(holder, duration, now, now, transitions));
    try {
      Map<String, Object> taken = api.replace(collection + "/" + name, takeover);
      log.debug("took over the stale lock of release {} in {} from {}", release, namespace, current);
      return new ReleaseLock(api, release, namespace, holder, duration, taken);
    } catch (KubeApiException e) {
      if (e.code() == 409) {
        throw new Locked(Messages.lockedJustNow(release, namespace, name));
      }
      throw e;
    }
  }

  private static Map<String, Object> spec(String holder, Duration duration, Instant acquired, Instant renewed,
      long transitions) {
    return Json.object("holderIdentity", holder, "leaseDurationSeconds", (int) Math.max(1, duration.getSeconds()),
        "acquireTime", MICRO.format(acquired.truncatedTo(ChronoUnit.MICROS)),
        "renewTime", MICRO.format(renewed.truncatedTo(ChronoUnit.MICROS)), "leaseTransitions", transitions);
  }

  private static Optional<Instant> time(@Nullable String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private void renew() {
    Map<String, Object> current = lease;
    if (current == null || lost) {
      return;
    }
    Map<String, Object> renewed = Json.copy(current);
    Json.child(renewed, "spec").put("renewTime", MICRO.format(Instant.now().truncatedTo(ChronoUnit.MICROS)));
    try {
      lease = api.withDeadline(Deadline.in(duration)).replace(path, renewed);
    } catch (KubeApiException e) {
      if (e.code() == 409 || e.code() == 404) {
        Optional<Map<String, Object>> now = api.withDeadline(Deadline.in(duration)).get(path);
        if (now.isPresent() && holder.equals(Json.string(now.get(), "spec", "holderIdentity"))) {
          lease = now.get();
          return;
        }
        lost = true;
        log.debug("the lock of release {} was taken over", release);
      } else {
        log.debug("renewing the lock of release {} failed; trying again later: {}", release, e.getMessage());
      }
    } catch (RuntimeException e) {
      log.debug("renewing the lock of release {} failed; trying again later: {}", release, e.toString());
    }
  }

  /**
   * Fails when another process took the lock over.
   *
   * @throws Locked if the lock was lost
   */
  public void check() {
    if (lost) {
      throw new Locked(Messages.lockLost(release, namespace, name));
    }
  }

  /** Stops renewing and deletes the Lease if it is still this process's; never throws. */
  @Override
  public void close() {
    boolean interrupted = Thread.interrupted();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs as well; whichever comes first releases the lock, the other waits for it
    }
    try {
      release(Duration.ofSeconds(10), Duration.ofSeconds(20));
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The JVM is shutting down while the lock is held: release it quickly, the JVM halts after the hooks. */
  private void releaseAtShutdown() {
    log.debug("the JVM is shutting down while it holds the lock of release {}; releasing it", release);
    release(Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  /** Releases the lock once; a second caller waits (bounded) until the first one is done. */
  private void release(Duration stopRenewer, Duration cleanupDeadline) {
    if (!releasing.compareAndSet(false, true)) {
      try {
        released.await(cleanupDeadline.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    try {
      renewer.shutdownNow();
      try {
        // a renewal in flight would change the Lease's resourceVersion under the delete below
        if (!renewer.awaitTermination(stopRenewer.toMillis(), TimeUnit.MILLISECONDS)) {
          log.debug("the lock renewer of release {} did not stop in time", release);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!lost) {
        deleteIfOurs(cleanupDeadline);
      }
    } finally {
      released.countDown();
    }
  }

  private void deleteIfOurs(Duration cleanupDeadline) {
    boolean interrupted = Thread.interrupted();
    try {
      KubeApi cleanup = api.withDeadline(Deadline.in(cleanupDeadline));
      for (int attempt = 0; attempt < 3; attempt++) {
        Optional<Map<String, Object>> current = cleanup.get(path);
        if (current.isEmpty() || !holder.equals(Json.string(current.get(), "spec", "holderIdentity"))) {
          break;
        }
        try {
          cleanup.delete(path, Json.object("uid", Json.string(current.get(), "metadata", "uid"),
              "resourceVersion", Json.string(current.get(), "metadata", "resourceVersion")));
          break;
        } catch (RuntimeException conflict) {
          log.debug("releasing the lock of release {} raced with a change; reading it again: {}", release, conflict.toString());
        }
      }
    } catch (RuntimeException e) {
      log.debug("could not release the lock of release {}; it expires in {}: {}", release, duration, e.toString());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Another holder has the lock. Not shared between threads. */
  public static final class Locked extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Locked(String message) {
      super(message);
    }
  }
}
