package io.gitopsruntime.testing.internal;

import io.gitopsruntime.install.ObjectRef;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small stand-ins for the controllers of a real cluster: Deployments, StatefulSets and DaemonSets become
 * ready, CRDs become Established, Namespaces Active, and Jobs run one Pod that succeeds or fails with a
 * log line. Work runs on one thread, in the order changes were observed, after a fixed delay. Thread-safe.
 */
public final class SimulatedControllers implements AutoCloseable {

  /** Annotation on a Job (or its pod template) that makes it fail with the annotation's value as log line. */
  public static final String FAIL_WITH_ANNOTATION = "test.gitopsruntime.io/fail-with";
  /** Annotation on a Job (or its pod template) whose value becomes the log of a succeeding Job's Pod. */
  public static final String LOG_ANNOTATION = "test.gitopsruntime.io/log";
  /** Annotation on a Job: its Pod succeeds, but the Job's status keeps it active, with no completion recorded. */
  public static final String STATUS_LATE_ANNOTATION = "test.gitopsruntime.io/status-late";
  static final String BACKOFF_MESSAGE = "Job has reached the specified backoff limit";

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedControllers.class);

  private final ObjectStore store;
  private final Discovery discovery;
  private final ScheduledExecutorService executor;
  private final Map<String, String> podLogs = new ConcurrentHashMap<>();
  private final List<JobFailure> jobFailures = new CopyOnWriteArrayList<>();
  private volatile Duration delay;
  private volatile boolean enabled;

  /** A rule that makes matching Jobs fail with a log line. */
  private record JobFailure(Predicate<ObjectRef> matches, String logLine) {}

  /**
   * Controllers over a store.
   *
   * @param store the store
   * @param discovery discovery, told when CRDs change
   * @param delay how long after a change the controllers react
   * @param enabled whether they react at all
   */
  public SimulatedControllers(ObjectStore store, Discovery discovery, Duration delay, boolean enabled) {
    this.store = store;
    this.discovery = discovery;
    this.delay = delay;
    this.enabled = enabled;
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "kubernetes-test-server-controllers");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Changes the delay before the controllers react.
   *
   * @param newDelay the delay
   */
  public void delay(Duration newDelay) {
    this.delay = newDelay;
  }

  /**
   * Turns the controllers on or off. Changes observed while off are ignored.
   *
   * @param on whether to react
   */
  public void enabled(boolean on) {
    this.enabled = on;
  }

  /**
   * Makes matching Jobs fail.
   *
   * @param matches which Jobs
   * @param logLine the log line their Pod prints
   */
  public void failJobs(Predicate<ObjectRef> matches, String logLine) {
    jobFailures.add(new JobFailure(matches, logLine));
  }

  /** Forgets every Job failure rule. */
  public void clearJobFailures() {
    jobFailures.clear();
  }

  /**
   * The log of a Pod the Job controller created.
   *
   * @param namespace the namespace
   * @param pod the Pod name
   * @return the log text, or empty for an unknown Pod
   */
  public Optional<String> podLog(String namespace, String pod) {
    return Optional.ofNullable(podLogs.get(namespace + "/" + pod));
  }

  /**
   * Tells the controllers that an object was written.
   *
   * @param path the object's path
   */
  public void observe(ApiPath path) {
    if (path.plural().equals("customresourcedefinitions")) {
      discovery.invalidate();
    }
    if (!enabled || path.name() == null) {
      return;
    }
    switch (path.plural()) {
      case "deployments":
      case "statefulsets":
      case "daemonsets":
      case "jobs":
      case "customresourcedefinitions":
      case "namespaces":
        schedule(path.withName(path.name()));
        break;
      default:
        break;
    }
  }

  /**
   * Tells the controllers that a Job was deleted, so its Pods go too (unless orphaned).
   *
   * @param namespace the namespace
   * @param job the Job name
   */
  public void jobDeleted(String namespace, String job) {
    String pods = "/api/v1/namespaces/" + namespace + "/pods";
    for (Map<String, Object> pod : store.list(pods + "?labelSelector=job-name%3D" + job)) {
      String name = Json.string(pod, "metadata", "name");
      store.delete(pods + "/" + name);
      podLogs.remove(namespace + "/" + name);
    }
  }

  private void schedule(ApiPath path) {
    try {
      executor.schedule(() -> reconcileSafely(path), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      LOG.debug("controllers closed; ignoring {}", path);
    }
  }

  private void reconcileSafely(ApiPath path) {
    try {
      store.atomically(() -> {
        store.get(path.objectPath()).ifPresent(object -> reconcile(path, object));
        return null;
      });
    } catch (RuntimeException e) {
      LOG.debug("reconciling {} failed", path.objectPath(), e);
    }
  }

  private void reconcile(ApiPath path, Map<String, Object> object) {
    switch (path.plural()) {
      case "deployments":
      case "statefulsets":
      case "daemonsets":
        workload(path, object);
        break;
      case "jobs":
        job(path, object);
        break;
      case "customresourcedefinitions":
        crd(path, object);
        break;
      case "namespaces":
        if (Json.map(object, "status") == null) {
          writeStatus(path, object, Json.object("phase", "Active"));
        }
        break;
      default:
        break;
    }
  }

  private void workload(ApiPath path, Map<String, Object> object) {
    Object generation = Json.child(object, "metadata").getOrDefault("generation", 1);
    Map<String, Object> spec = Json.map(object, "spec");
    Object replicasValue = spec == null ? null : spec.get("replicas");
    int replicas = replicasValue instanceof Number ? ((Number) replicasValue).intValue() : 1;
    Map<String, Object> current = Json.map(object, "status");
    if (current != null && Objects.equals(String.valueOf(current.get("observedGeneration")), String.valueOf(generation))) {
      return;
    }
    String now = now();
    Map<String, Object> status;
    switch (path.plural()) {
      case "deployments":
        status = Json.object("observedGeneration", generation, "replicas", replicas, "updatedReplicas", replicas,
            "readyReplicas", replicas, "availableReplicas", replicas, "conditions", List.of(
                condition("Available", "MinimumReplicasAvailable", "Deployment has minimum availability.", now),
                condition("Progressing", "NewReplicaSetAvailable",
                    "ReplicaSet \"" + path.name() + "-5d4f8c7b9\" has successfully progressed.", now)));
        break;
      case "statefulsets":
        String revision = path.name() + "-" + Integer.toHexString(String.valueOf(generation).hashCode());
        status = Json.object("observedGeneration", generation, "replicas", replicas, "readyReplicas", replicas,
            "currentReplicas", replicas, "updatedReplicas", replicas, "availableReplicas", replicas,
            "currentRevision", revision, "updateRevision", revision, "collisionCount", 0);
        break;
      default:
        status = Json.object("observedGeneration", generation, "desiredNumberScheduled", 1,
            "currentNumberScheduled", 1, "numberReady", 1, "numberAvailable", 1, "updatedNumberScheduled", 1,
            "numberMisscheduled", 0);
        break;
    }
    writeStatus(path, object, status);
    if (path.plural().equals("deployments")) {
      replicaSet(path, object, replicas);
    }
  }

  /** The ReplicaSet of a Deployment's current template, which Helm's --wait looks for. */
  private void replicaSet(ApiPath path, Map<String, Object> deployment, int replicas) {
    Map<String, Object> spec = Json.map(deployment, "spec");
    Map<String, Object> template = Json.copy(Json.map(spec, "template"));
    if (template == null) {
      return;
    }
    String hash = Integer.toString(Json.write(template).hashCode() & 0x7fffffff, 36);
    String name = path.name() + "-" + hash;
    String collection = "/apis/apps/v1/namespaces/" + path.namespace() + "/replicasets";
    if (store.get(collection + "/" + name).isPresent()) {
      return;
    }
    Json.child(Json.child(template, "metadata"), "labels").put("pod-template-hash", hash);
    Map<String, Object> selector = Json.copy(Json.map(spec, "selector"));
    if (selector != null) {
      Json.child(selector, "matchLabels").put("pod-template-hash", hash);
    }
    Map<String, Object> labels = Json.copy(Json.child(Json.child(template, "metadata"), "labels"));
    Map<String, Object> replicaSet = Json.object("apiVersion", "apps/v1", "kind", "ReplicaSet",
        "metadata", Json.object("name", name, "namespace", path.namespace(), "labels", labels,
            "annotations", Json.object("deployment.kubernetes.io/revision", "1"),
            "ownerReferences", List.of(Json.object("apiVersion", "apps/v1", "kind", "Deployment",
                "name", path.name(), "uid", Json.string(deployment, "metadata", "uid"), "controller", true,
                "blockOwnerDeletion", true))),
        "spec", Json.object("replicas", replicas, "selector", selector, "template", template),
        "status", Json.object("replicas", replicas, "fullyLabeledReplicas", replicas, "readyReplicas", replicas,
            "availableReplicas", replicas, "observedGeneration", 1));
    try {
      store.create(collection, replicaSet);
    } catch (ObjectStore.StoreException e) {
      LOG.debug("replica set {} not created: {}", name, e.getMessage());
    }
  }

  /**
   * Tells the controllers that a Deployment was deleted, so its ReplicaSets go too (unless orphaned).
   *
   * @param namespace the namespace
   * @param deployment the Deployment name
   */
  public void deploymentDeleted(String namespace, String deployment) {
    String collection = "/apis/apps/v1/namespaces/" + namespace + "/replicasets";
    for (Map<String, Object> rs : store.list(collection)) {
      boolean owned = Json.list(Json.map(rs, "metadata"), "ownerReferences").stream()
          .anyMatch(o -> o instanceof Map && "Deployment".equals(((Map<?, ?>) o).get("kind"))
              && deployment.equals(((Map<?, ?>) o).get("name")));
      if (owned) {
        store.delete(collection + "/" + Json.string(rs, "metadata", "name"));
      }
    }
  }

  private void crd(ApiPath path, Map<String, Object> object) {
    Map<String, Object> current = Json.map(object, "status");
    boolean established = Json.list(current, "conditions").stream()
        .anyMatch(c -> c instanceof Map && "Established".equals(((Map<?, ?>) c).get("type")));
    if (established) {
      return;
    }
    Map<String, Object> spec = Json.map(object, "spec");
    List<Object> stored = new ArrayList<>();
    for (Object v : Json.list(spec, "versions")) {
      if (v instanceof Map && Boolean.TRUE.equals(((Map<?, ?>) v).get("storage"))) {
        stored.add(((Map<?, ?>) v).get("name"));
      }
    }
    String now = now();
    Map<String, Object> status = Json.object("acceptedNames", Json.copy(Json.map(spec, "names")),
        "storedVersions", stored, "conditions", List.of(
            condition("NamesAccepted", "NoConflicts", "no conflicts found", now),
            condition("Established", "InitialNamesAccepted", "the initial names have been accepted", now)));
    writeStatus(path, object, status);
    discovery.invalidate();
  }

  private void job(ApiPath path, Map<String, Object> job) {
    Map<String, Object> current = Json.map(job, "status");
    if (current != null && current.containsKey("startTime")) {
      return;
    }
    String namespace = Objects.requireNonNull(path.namespace());
    String name = Objects.requireNonNull(path.name());
    String failure = failureFor(namespace, name, job);
    String log = failure != null ? failure : Objects.requireNonNullElse(annotation(job, LOG_ANNOTATION), "");
    String uid = Objects.requireNonNullElse(Json.string(job, "metadata", "uid"), name);
    String podName = name + "-" + suffix(uid);
    createPod(namespace, name, uid, podName, job, failure == null);
    podLogs.put(namespace + "/" + podName, log.isEmpty() || log.endsWith("\n") ? log : log + "\n");
    event(namespace, "Job", name, uid, "Normal", "SuccessfulCreate", "Created pod: " + podName);

    String now = now();
    Map<String, Object> status = Json.object("startTime", now, "active", 0, "ready", 0, "terminating", 0,
        "uncountedTerminatedPods", Json.object());
    if (failure == null && "true".equals(annotation(job, STATUS_LATE_ANNOTATION))) {
      // what a real Job controller shows between its Pod's success and its next sync of the Job
      status.put("active", 1);
    } else if (failure == null) {
      String message = "Reached expected number of succeeded pods";
      status.put("completionTime", now);
      status.put("succeeded", 1);
      status.put("conditions", List.of(condition("SuccessCriteriaMet", "CompletionsReached", message, now),
          condition("Complete", "CompletionsReached", message, now)));
    } else {
      status.put("failed", 1);
      status.put("conditions", List.of(condition("FailureTarget", "BackoffLimitExceeded", BACKOFF_MESSAGE, now),
          condition("Failed", "BackoffLimitExceeded", BACKOFF_MESSAGE, now)));
    }
    writeStatus(path, job, status);
    if (failure != null) {
      event(namespace, "Job", name, uid, "Warning", "BackoffLimitExceeded", BACKOFF_MESSAGE);
    }
  }

  /** Records an Event, as the Job controller does (core/v1 Events, the ones kubectl describe shows). */
  private void event(String namespace, String kind, String name, String uid, String type, String reason,
      String message) {
    String now = now();
    Map<String, Object> event = Json.object("apiVersion", "v1", "kind", "Event",
        "metadata", Json.object("name", name + "." + Long.toHexString(System.nanoTime()), "namespace", namespace),
        "involvedObject", Json.object("apiVersion", kind.equals("Job") ? "batch/v1" : "v1", "kind", kind,
            "namespace", namespace, "name", name, "uid", uid),
        "type", type, "reason", reason, "message", message, "count", 1, "firstTimestamp", now, "lastTimestamp", now,
        "source", Json.object("component", "job-controller"));
    try {
      store.create("/api/v1/namespaces/" + namespace + "/events", event);
    } catch (ObjectStore.StoreException exists) {
      LOG.debug("event for {} not created: {}", name, exists.getMessage());
    }
  }

  private @Nullable String failureFor(String namespace, String name, Map<String, Object> job) {
    String annotated = annotation(job, FAIL_WITH_ANNOTATION);
    if (annotated != null) {
      return annotated;
    }
    ObjectRef ref = ObjectRef.of("batch/v1", "Job", namespace, name);
    for (JobFailure rule : jobFailures) {
      if (rule.matches().test(ref)) {
        return rule.logLine();
      }
    }
    return null;
  }

  private static @Nullable String annotation(Map<String, Object> job, String key) {
    String onJob = Json.string(job, "metadata", "annotations", key);
    if (onJob != null) {
      return onJob;
    }
    return Json.string(Json.map(Json.map(job, "spec"), "template"), "metadata", "annotations", key);
  }

  private void createPod(String namespace, String job, String uid, String podName, Map<String, Object> jobObject,
      boolean succeeded) {
    Map<String, Object> template = Json.copy(Json.map(Json.map(jobObject, "spec"), "template"));
    Map<String, Object> templateMeta = template == null ? null : Json.map(template, "metadata");
    Map<String, Object> labels = templateMeta == null || Json.map(templateMeta, "labels") == null
        ? Json.object() : Json.copy(Json.map(templateMeta, "labels"));
    labels.put("job-name", job);
    labels.put("controller-uid", uid);
    labels.put("batch.kubernetes.io/job-name", job);
    labels.put("batch.kubernetes.io/controller-uid", uid);
    Map<String, Object> metadata = Json.object("name", podName, "namespace", namespace, "labels", labels,
        "ownerReferences", List.of(Json.object("apiVersion", "batch/v1", "kind", "Job", "name", job, "uid", uid,
            "controller", true, "blockOwnerDeletion", true)));
    if (templateMeta != null && Json.map(templateMeta, "annotations") != null) {
      metadata.put("annotations", Json.copy(Json.map(templateMeta, "annotations")));
    }
    Map<String, Object> spec = template == null || Json.map(template, "spec") == null
        ? Json.object("containers", List.of()) : Json.map(template, "spec");
    if (Json.string(spec, "nodeName") == null) {
      // a Pod that ran was bound to a node by the scheduler: the first Node stands for it
      List<Map<String, Object>> nodes = store.list("/api/v1/nodes");
      spec.put("nodeName", nodes.isEmpty() ? "node-1" : Json.string(nodes.get(0), "metadata", "name"));
    }
    List<Object> containerStatuses = new ArrayList<>();
    for (Object c : Json.list(spec, "containers")) {
      if (c instanceof Map) {
        Map<?, ?> container = (Map<?, ?>) c;
        containerStatuses.add(Json.object("name", container.get("name"), "image", container.get("image"),
            "ready", false, "restartCount", 0, "started", false, "state", Json.object("terminated",
                Json.object("exitCode", succeeded ? 0 : 1, "reason", succeeded ? "Completed" : "Error"))));
      }
    }
    Map<String, Object> pod = Json.object("apiVersion", "v1", "kind", "Pod", "metadata", metadata, "spec", spec,
        "status", Json.object("phase", succeeded ? "Succeeded" : "Failed", "containerStatuses", containerStatuses));
    try {
      store.create("/api/v1/namespaces/" + namespace + "/pods", pod);
    } catch (ObjectStore.StoreException exists) {
      LOG.debug("pod {} not created: {}", podName, exists.getMessage());
    }
  }

  private void writeStatus(ApiPath path, Map<String, Object> object, Map<String, Object> status) {
    object.put("status", status);
    // the CRUD dispatcher reads /api/v1/namespaces/x/status as a collection named "status": write namespaces whole
    store.replace(path.plural().equals("namespaces") ? path.objectPath() : path.objectPath() + "/status", object);
  }

  private static Map<String, Object> condition(String type, String reason, String message, String now) {
    return Json.object("type", type, "status", "True", "reason", reason, "message", message,
        "lastProbeTime", now, "lastTransitionTime", now);
  }

  private static String suffix(String uid) {
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    int h = uid.hashCode() & 0x7fffffff;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      sb.append(alphabet.charAt(h % alphabet.length()));
      h /= alphabet.length();
      h += 7 * (i + 1);
    }
    return sb.toString();
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
