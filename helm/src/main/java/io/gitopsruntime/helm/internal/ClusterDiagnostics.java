package io.gitopsruntime.helm.internal;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitopsruntime.install.NotReady;
import io.gitopsruntime.install.ObjectRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, through the Kubernetes API, what explains a failed Helm operation: the log of a failed hook Job
 * (fetched at once, before the TTL controller deletes the Job), the release's workloads that are not
 * ready, and existing objects whose ownership metadata stops Helm from adopting them. Never throws for an
 * API error: a diagnosis must not hide the failure it explains; what could not be read is said instead.
 * Thread-safe when the client is (fabric8's is).
 */
public final class ClusterDiagnostics {
  /** The label Helm requires on an object it adopts. */
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  /** The annotation naming the owning release. */
  public static final String RELEASE_NAME = "meta.helm.sh/release-name";
  /** The annotation naming the owning release's namespace. */
  public static final String RELEASE_NAMESPACE = "meta.helm.sh/release-namespace";
  /** The annotation marking a hook object. */
  public static final String HOOK = "helm.sh/hook";

  private static final Logger log = LoggerFactory.getLogger(ClusterDiagnostics.class);
  private static final int LOG_LINES = 20;
  private static final int LOG_CHARS = 4000;

  private final KubernetesClient client;

  /**
   * Diagnoses through a client; the caller keeps ownership of it.
   *
   * @param client the client
   */
  public ClusterDiagnostics(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client == null");
  }

  /**
   * A hook Job that failed, with the end of its Pod's log. Immutable and thread-safe.
   *
   * @param job the Job
   * @param reason the Job's failure reason and message, such as {@code BackoffLimitExceeded}, or empty
   * @param log the last lines of its Pod's log, or empty when it could not be read
   * @param logProblem why the log could not be read, or empty
   * @param events the Job's and its Pods' most recent events, oldest first, each as
   *     {@code Warning BackoffLimitExceeded Job/validate-values: Job has reached the specified backoff limit};
   *     read only when the log could not be
   */
  public record FailedHook(ObjectRef job, String reason, Optional<String> log, String logProblem, List<String> events) {
    /**
     * Copies the events.
     *
     * @param job the Job
     * @param reason the failure reason
     * @param log the log
     * @param logProblem why there is no log
     * @param events the events
     */
    public FailedHook {
      events = List.copyOf(events);
    }

    /**
     * A failed hook without events.
     *
     * @param job the Job
     * @param reason the failure reason
     * @param log the log
     * @param logProblem why there is no log
     */
    public FailedHook(ObjectRef job, String reason, Optional<String> log, String logProblem) {
      this(job, reason, log, logProblem, List.of());
    }
  }

  /**
   * An existing object that Helm will not adopt, and why. Immutable and thread-safe.
   *
   * @param object the object
   * @param problems each missing or wrong label or annotation, such as
   *     {@code annotation meta.helm.sh/release-name is "other" (must be "cf-gitops-runtime")}
   */
  public record OwnershipConflict(ObjectRef object, List<String> problems) {}

  /**
   * Finds a failed hook Job and reads its log.
   *
   * @param namespace the release namespace
   * @param jobName the Job Helm named, or null to look for any failed hook Job in the namespace
   * @return the Job, or empty when there is none to be found
   */
  public Optional<FailedHook> failedHook(String namespace, @Nullable String jobName) {
    Job job = null;
    String name = jobName;
    try {
      if (jobName != null) {
        job = client.batch().v1().jobs().inNamespace(namespace).withName(jobName).get();
      } else {
        job = client.batch().v1().jobs().inNamespace(namespace).list().getItems().stream()
            .filter(j -> annotation(j, HOOK) != null && failure(j) != null)
            .max(Comparator.comparing(j -> Objects.requireNonNullElse(j.getMetadata().getCreationTimestamp(), "")))
            .orElse(null);
        if (job == null) {
          return Optional.empty();
        }
        name = job.getMetadata().getName();
      }
    } catch (KubernetesClientException e) {
      log.debug("could not read hook Jobs in {}: {}", namespace, e.toString());
      if (jobName == null) {
        return Optional.empty();
      }
    }
    ObjectRef ref = ObjectRef.of("batch/v1", "Job", namespace, Objects.requireNonNull(name));
    if (job == null) {
      return Optional.of(new FailedHook(ref, "", Optional.empty(),
          "the Job no longer exists (Kubernetes deletes it ttlSecondsAfterFinished after it fails, or a delete policy did)"));
    }
    JobCondition failed = failure(job);
    String reason = failed == null ? "" : Objects.requireNonNullElse(failed.getReason(), "")
        + (failed.getMessage() == null || failed.getMessage().isBlank() ? "" : ": " + failed.getMessage());
    List<Pod> pods = List.of();
    try {
      pods = new ArrayList<>(client.pods().inNamespace(namespace).withLabel("job-name", name).list().getItems());
      if (pods.isEmpty()) {
        return Optional.of(new FailedHook(ref, reason, Optional.empty(), "the Job has no Pod left",
            events(namespace, List.of(name))));
      }
      pods.sort(Comparator.comparing((Pod p) -> Objects.requireNonNullElse(p.getMetadata().getCreationTimestamp(), "")));
      Pod pod = pods.stream().filter(p -> "Failed".equals(p.getStatus() == null ? null : p.getStatus().getPhase()))
          .reduce((a, b) -> b).orElse(pods.get(pods.size() - 1));
      String podName = pod.getMetadata().getName();
      String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
      String container = pod.getSpec().getContainers().get(0).getName();
      String text;
      try {
        text = client.pods().inNamespace(namespace).withName(podName).inContainer(container).getLog();
      } catch (KubernetesClientException e) {
        log.debug("could not read the log of Job {}/{}: {}", namespace, name, e.toString());
        String problem = node == null || node.isBlank()
            ? "its Pod " + podName + " was never scheduled to a node, so it never ran"
            : HookEvents.logProblem(e.getCode(), status(e), podName, node);
        return Optional.of(new FailedHook(ref, reason, Optional.empty(), problem, events(namespace, names(name, pods))));
      }
      if (text == null || text.isBlank()) {
        return Optional.of(new FailedHook(ref, reason, Optional.empty(), "its Pod " + podName + " logged nothing",
            events(namespace, names(name, pods))));
      }
      return Optional.of(new FailedHook(ref, reason, Optional.of(tail(text)), ""));
    } catch (KubernetesClientException e) {
      log.debug("could not read the Pods of Job {}/{}: {}", namespace, name, e.toString());
      return Optional.of(new FailedHook(ref, reason, Optional.empty(), HookEvents.logProblem(e.getCode(), status(e), "", ""),
          events(namespace, names(name, pods))));
    }
  }

  private static List<String> names(String job, List<Pod> pods) {
    List<String> names = new ArrayList<>();
    names.add(job);
    pods.forEach(p -> names.add(p.getMetadata().getName()));
    return names;
  }

  private static String status(KubernetesClientException e) {
    if (e.getStatus() != null && e.getStatus().getMessage() != null && !e.getStatus().getMessage().isBlank()) {
      return e.getStatus().getMessage();
    }
    return e.getCode() == 0 && e.getCause() != null ? String.valueOf(e.getCause().getMessage()) : "";
  }

  /**
   * The most recent events of the named objects in a namespace, oldest first, at most {@link HookEvents#MAX}.
   *
   * @param namespace the namespace
   * @param involved the objects' names (a Job and its Pods)
   * @return the events, formatted; empty when there are none or they could not be read
   */
  public List<String> events(String namespace, List<String> involved) {
    List<HookEvents.Event> found = new ArrayList<>();
    try {
      for (io.fabric8.kubernetes.api.model.Event e : client.v1().events().inNamespace(namespace).list().getItems()) {
        var object = e.getInvolvedObject();
        if (object == null || !involved.contains(object.getName())) {
          continue;
        }
        found.add(new HookEvents.Event(Objects.requireNonNullElse(e.getLastTimestamp(),
            Objects.requireNonNullElse(e.getMetadata().getCreationTimestamp(), "")), e.getType(), e.getReason(),
            object.getKind(), object.getName(), e.getMessage()));
      }
    } catch (KubernetesClientException e) {
      log.debug("could not read the events in {}: {}", namespace, e.toString());
    }
    return HookEvents.format(found);
  }

  private static @Nullable JobCondition failure(Job job) {
    if (job.getStatus() == null || job.getStatus().getConditions() == null) {
      return null;
    }
    return job.getStatus().getConditions().stream()
        .filter(c -> "Failed".equals(c.getType()) && "True".equals(c.getStatus())).findFirst().orElse(null);
  }

  static String tail(String log) {
    String[] lines = log.strip().split("\r?\n");
    int from = Math.max(0, lines.length - LOG_LINES);
    String tail = String.join("\n", java.util.Arrays.asList(lines).subList(from, lines.length));
    if (tail.length() > LOG_CHARS) {
      tail = "..." + tail.substring(tail.length() - LOG_CHARS);
    }
    return tail;
  }

  /**
   * The release's Deployments, StatefulSets, DaemonSets and Jobs (including hook Jobs) in its namespace
   * that are not ready, each with why.
   *
   * @param release the release name
   * @param namespace the namespace
   * @return the objects, empty when all are ready or they could not be read
   */
  public List<NotReady> notReady(String release, String namespace) {
    List<NotReady> out = new ArrayList<>();
    try {
      for (Deployment d : client.apps().deployments().inNamespace(namespace).list().getItems()) {
        if (ownedBy(d, release, namespace)) {
          deploymentProblem(d).ifPresent(reason -> out.add(NotReady.of(ref(d, "apps/v1", "Deployment"),
              reason + podProblem(namespace, d.getSpec() == null || d.getSpec().getSelector() == null ? null
                  : d.getSpec().getSelector().getMatchLabels()))));
        }
      }
      for (StatefulSet s : client.apps().statefulSets().inNamespace(namespace).list().getItems()) {
        if (ownedBy(s, release, namespace)) {
          int want = s.getSpec() == null || s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
          int ready = s.getStatus() == null || s.getStatus().getReadyReplicas() == null ? 0 : s.getStatus().getReadyReplicas();
          if (ready < want) {
            out.add(NotReady.of(ref(s, "apps/v1", "StatefulSet"), ready + " of " + want + " replicas ready"
                + podProblem(namespace, s.getSpec() == null || s.getSpec().getSelector() == null ? null
                    : s.getSpec().getSelector().getMatchLabels())));
          }
        }
      }
      for (DaemonSet s : client.apps().daemonSets().inNamespace(namespace).list().getItems()) {
        if (ownedBy(s, release, namespace)) {
          int want = s.getStatus() == null || s.getStatus().getDesiredNumberScheduled() == null ? 0 : s.getStatus().getDesiredNumberScheduled();
          int ready = s.getStatus() == null || s.getStatus().getNumberReady() == null ? 0 : s.getStatus().getNumberReady();
          if (ready < want) {
            out.add(NotReady.of(ref(s, "apps/v1", "DaemonSet"), ready + " of " + want + " Pods ready"));
          }
        }
      }
      for (Job j : client.batch().v1().jobs().inNamespace(namespace).list().getItems()) {
        if (ownedBy(j, release, namespace) || annotation(j, HOOK) != null) {
          jobProblem(j).ifPresent(reason -> out.add(NotReady.of(ref(j, "batch/v1", "Job"), reason)));
        }
      }
    } catch (KubernetesClientException e) {
      log.debug("could not list the workloads of release {} in {}: {}", release, namespace, e.toString());
    }
    return out;
  }

  private static Optional<String> deploymentProblem(Deployment d) {
    int want = d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    var status = d.getStatus();
    int available = status == null || status.getAvailableReplicas() == null ? 0 : status.getAvailableReplicas();
    int updated = status == null || status.getUpdatedReplicas() == null ? 0 : status.getUpdatedReplicas();
    if (available >= want && updated >= want) {
      return Optional.empty();
    }
    String progress = status == null || status.getConditions() == null ? "" : status.getConditions().stream()
        .filter(c -> "False".equals(c.getStatus()) && c.getMessage() != null)
        .map(c -> "; " + c.getMessage()).findFirst().orElse("");
    return Optional.of(available + " of " + want + " replicas available" + progress);
  }

  private static Optional<String> jobProblem(Job j) {
    JobCondition failed = failure(j);
    if (failed != null) {
      return Optional.of("failed: " + Objects.requireNonNullElse(failed.getReason(), "")
          + (failed.getMessage() == null ? "" : " (" + failed.getMessage() + ")"));
    }
    boolean complete = j.getStatus() != null && j.getStatus().getConditions() != null && j.getStatus().getConditions()
        .stream().anyMatch(c -> "Complete".equals(c.getType()) && "True".equals(c.getStatus()));
    return complete ? Optional.empty() : Optional.of("still running");
  }

  private String podProblem(String namespace, @Nullable Map<String, String> selector) {
    if (selector == null || selector.isEmpty()) {
      return "";
    }
    try {
      for (Pod pod : client.pods().inNamespace(namespace).withLabels(selector).list().getItems()) {
        if (pod.getStatus() == null) {
          continue;
        }
        for (ContainerStatus c : Objects.requireNonNullElse(pod.getStatus().getContainerStatuses(), List.<ContainerStatus>of())) {
          if (c.getState() != null && c.getState().getWaiting() != null && c.getState().getWaiting().getReason() != null
              && !"ContainerCreating".equals(c.getState().getWaiting().getReason())) {
            var waiting = c.getState().getWaiting();
            return "; Pod " + pod.getMetadata().getName() + ": " + waiting.getReason()
                + (waiting.getMessage() == null ? "" : ": " + waiting.getMessage());
          }
        }
        for (PodCondition c : Objects.requireNonNullElse(pod.getStatus().getConditions(), List.<PodCondition>of())) {
          if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()) && c.getMessage() != null) {
            return "; Pod " + pod.getMetadata().getName() + " cannot be scheduled: " + c.getMessage();
          }
        }
      }
    } catch (KubernetesClientException e) {
      log.debug("could not list Pods in {}: {}", namespace, e.toString());
    }
    return "";
  }

  /**
   * The objects, among the given ones, that exist but lack the label and annotations with which Helm
   * adopts an object into this release.
   *
   * @param objects the release's objects (rendered)
   * @param release the release name
   * @param namespace the release namespace
   * @return the conflicts, in the given order
   */
  public List<OwnershipConflict> ownershipConflicts(Collection<ObjectRef> objects, String release, String namespace) {
    // one GET per object (a LIST per kind could fetch every CRD of a large cluster), eight at a time
    List<ObjectRef> refs = List.copyOf(objects);
    List<Callable<Optional<OwnershipConflict>>> reads = new ArrayList<>();
    for (ObjectRef ref : refs) {
      reads.add(() -> ownershipConflict(ref, release, namespace));
    }
    AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(
        Math.max(1, Math.min(8, refs.size())), task -> {
          Thread thread = new Thread(task, "gitops-runtime-ownership-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    try {
      List<OwnershipConflict> out = new ArrayList<>();
      for (Future<Optional<OwnershipConflict>> read : pool.invokeAll(reads)) {
        read.get().ifPresent(out::add);
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubernetesClientException("interrupted while reading the release's objects", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime
          : new KubernetesClientException("could not read the release's objects", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private Optional<OwnershipConflict> ownershipConflict(ObjectRef ref, String release, String namespace) {
    GenericKubernetesResource existing;
    try {
      var resources = client.genericKubernetesResources(ref.apiVersion(), ref.kind());
      existing = ref.namespace().isPresent()
          ? resources.inNamespace(ref.namespace().get()).withName(ref.name()).get()
          : resources.withName(ref.name()).get();
    } catch (KubernetesClientException e) {
      log.debug("could not read {}: {}", ref, e.toString());
      return Optional.empty();
    }
    if (existing == null) {
      return Optional.empty();
    }
    List<String> problems = new ArrayList<>();
    check(problems, "label", MANAGED_BY, existing.getMetadata().getLabels(), "Helm");
    check(problems, "annotation", RELEASE_NAME, existing.getMetadata().getAnnotations(), release);
    check(problems, "annotation", RELEASE_NAMESPACE, existing.getMetadata().getAnnotations(), namespace);
    return problems.isEmpty() ? Optional.empty() : Optional.of(new OwnershipConflict(ref, List.copyOf(problems)));
  }

  private static void check(List<String> problems, String what, String key, @Nullable Map<String, String> map, String want) {
    String actual = map == null ? null : map.get(key);
    if (actual == null) {
      problems.add(what + " " + key + " is missing");
    } else if (!actual.equals(want)) {
      problems.add(what + " " + key + " is \"" + actual + "\" (must be \"" + want + "\")");
    }
  }

  /**
   * Whether a namespace exists.
   *
   * @param namespace the namespace
   * @return true or false, or empty when it could not be read (for example without permission)
   */
  public Optional<Boolean> namespaceExists(String namespace) {
    try {
      return Optional.of(client.namespaces().withName(namespace).get() != null);
    } catch (KubernetesClientException e) {
      log.debug("could not read namespace {}: {}", namespace, e.toString());
      return Optional.empty();
    }
  }

  private static boolean ownedBy(HasMetadata object, String release, String namespace) {
    return release.equals(annotation(object, RELEASE_NAME)) && namespace.equals(annotation(object, RELEASE_NAMESPACE));
  }

  private static @Nullable String annotation(HasMetadata object, String key) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }

  private static ObjectRef ref(HasMetadata object, String apiVersion, String kind) {
    return ObjectRef.of(apiVersion, kind, object.getMetadata().getNamespace(), object.getMetadata().getName());
  }
}
