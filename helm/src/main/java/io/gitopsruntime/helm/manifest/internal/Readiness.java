package io.gitopsruntime.helm.manifest.internal;

import java.util.Map;
import java.util.Set;

/**
 * Whether a live object is ready, judged the way {@code kstatus} and {@code helm --wait} do rather than
 * fabric8's {@code Readiness} (which calls DaemonSets, Jobs and CRDs ready as soon as they exist):
 *
 * <ul>
 *   <li>Deployment: the controller observed the current generation, and every desired replica is
 *       updated, available and the only one;
 *   <li>StatefulSet: current generation observed, every replica ready and updated, and, for rolling
 *       updates, the update revision is the current one;
 *   <li>DaemonSet: current generation observed, every scheduled Pod updated, ready and available;
 *   <li>Job: {@code Complete}; {@code Failed} is a failure;
 *   <li>CustomResourceDefinition: {@code Established} (and names accepted);
 *   <li>PersistentVolumeClaim: {@code Bound}; Pod: ready, or succeeded;
 *   <li>anything else: ready once it exists.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class Readiness {
  private static final Set<String> TRACKED = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job",
      "CustomResourceDefinition", "PersistentVolumeClaim", "Pod");

  /**
   * A verdict.
   *
   * @param ready whether the object is ready
   * @param failed whether it can no longer become ready (a failed Job or Pod)
   * @param reason why it is not ready, such as {@code 1 of 2 replicas available}
   */
  public record State(boolean ready, boolean failed, String reason) {
    static final State READY = new State(true, false, "ready");

    static State waiting(String reason) {
      return new State(false, false, reason);
    }

    static State failed(String reason) {
      return new State(false, true, reason);
    }
  }

  private Readiness() {}

  /**
   * Whether readiness means more than existence for a kind.
   *
   * @param kind the kind
   * @return true for the kinds this class checks
   */
  public static boolean tracked(String kind) {
    return TRACKED.contains(kind);
  }

  /**
   * Judges a live object.
   *
   * @param kind its kind
   * @param live the object as the API server returned it
   * @return the verdict
   */
  public static State of(String kind, Map<String, Object> live) {
    switch (kind) {
      case "Deployment":
        return deployment(live);
      case "StatefulSet":
        return statefulSet(live);
      case "DaemonSet":
        return daemonSet(live);
      case "Job":
        return job(live);
      case "CustomResourceDefinition":
        return crd(live);
      case "PersistentVolumeClaim":
        return "Bound".equals(Json.string(live, "status", "phase")) ? State.READY
            : State.waiting("not bound yet (" + orElse(Json.string(live, "status", "phase"), "Pending") + ")");
      case "Pod":
        return pod(live);
      default:
        return State.READY;
    }
  }

  private static State generation(Map<String, Object> live) {
    long generation = Json.number(live, 0, "metadata", "generation");
    long observed = Json.number(live, -1, "status", "observedGeneration");
    if (observed < generation) {
      return State.waiting("the controller has not seen generation " + generation + " yet");
    }
    return State.READY;
  }

  private static State deployment(Map<String, Object> live) {
    State observed = generation(live);
    if (!observed.ready()) {
      return observed;
    }
    for (Object c : Json.list(live, "status", "conditions")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> condition = (Map<String, Object>) c;
      if ("Progressing".equals(condition.get("type")) && "ProgressDeadlineExceeded".equals(condition.get("reason"))) {
        return State.waiting("rollout stalled: " + orElse(Json.string(condition, "message"), "progress deadline exceeded"));
      }
    }
    long desired = Json.number(live, 1, "spec", "replicas");
    long updated = Json.number(live, 0, "status", "updatedReplicas");
    long available = Json.number(live, 0, "status", "availableReplicas");
    long total = Json.number(live, 0, "status", "replicas");
    if (updated < desired) {
      return State.waiting(updated + " of " + desired + " replicas updated");
    }
    if (total > updated) {
      return State.waiting((total - updated) + " old replicas still running");
    }
    if (available < desired) {
      return State.waiting(available + " of " + desired + " replicas available");
    }
    return State.READY;
  }

  private static State statefulSet(Map<String, Object> live) {
    State observed = generation(live);
    if (!observed.ready()) {
      return observed;
    }
    long desired = Json.number(live, 1, "spec", "replicas");
    long ready = Json.number(live, 0, "status", "readyReplicas");
    if (ready < desired) {
      return State.waiting(ready + " of " + desired + " replicas ready");
    }
    String strategy = orElse(Json.string(live, "spec", "updateStrategy", "type"), "RollingUpdate");
    if (strategy.equals("RollingUpdate")) {
      long partition = Json.number(live, 0, "spec", "updateStrategy", "rollingUpdate", "partition");
      long updated = Json.number(live, 0, "status", "updatedReplicas");
      if (updated < desired - partition) {
        return State.waiting(updated + " of " + (desired - partition) + " replicas updated");
      }
      String current = Json.string(live, "status", "currentRevision");
      String update = Json.string(live, "status", "updateRevision");
      if (partition == 0 && update != null && !update.equals(current)) {
        return State.waiting("rolling out revision " + update);
      }
    }
    return State.READY;
  }

  private static State daemonSet(Map<String, Object> live) {
    State observed = generation(live);
    if (!observed.ready()) {
      return observed;
    }
    long desired = Json.number(live, 0, "status", "desiredNumberScheduled");
    long updated = Json.number(live, 0, "status", "updatedNumberScheduled");
    long ready = Json.number(live, 0, "status", "numberReady");
    long available = Json.number(live, 0, "status", "numberAvailable");
    if (updated < desired) {
      return State.waiting(updated + " of " + desired + " pods updated");
    }
    if (ready < desired) {
      return State.waiting(ready + " of " + desired + " pods ready");
    }
    if (available < desired) {
      return State.waiting(available + " of " + desired + " pods available");
    }
    return State.READY;
  }

  private static State job(Map<String, Object> live) {
    for (Object c : Json.list(live, "status", "conditions")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> condition = (Map<String, Object>) c;
      if (!"True".equals(condition.get("status"))) {
        continue;
      }
      if ("Complete".equals(condition.get("type"))) {
        return State.READY;
      }
      if ("Failed".equals(condition.get("type"))) {
        return State.failed(orElse(Json.string(condition, "reason"), "Failed") + ": "
            + orElse(Json.string(condition, "message"), "the Job failed"));
      }
    }
    long active = Json.number(live, 0, "status", "active");
    return State.waiting(active > 0 ? "running" : "not started yet");
  }

  private static State crd(Map<String, Object> live) {
    for (Object c : Json.list(live, "status", "conditions")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> condition = (Map<String, Object>) c;
      if ("NamesAccepted".equals(condition.get("type")) && "False".equals(condition.get("status"))) {
        return State.failed("names not accepted: " + orElse(Json.string(condition, "message"), ""));
      }
      if ("Established".equals(condition.get("type")) && "True".equals(condition.get("status"))) {
        return State.READY;
      }
    }
    return State.waiting("not established yet");
  }

  private static State pod(Map<String, Object> live) {
    String phase = orElse(Json.string(live, "status", "phase"), "Pending");
    if (phase.equals("Succeeded")) {
      return State.READY;
    }
    if (phase.equals("Failed")) {
      return State.failed("the Pod failed");
    }
    for (Object c : Json.list(live, "status", "conditions")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> condition = (Map<String, Object>) c;
      if ("Ready".equals(condition.get("type")) && "True".equals(condition.get("status"))) {
        return State.READY;
      }
    }
    return State.waiting(phase.toLowerCase(java.util.Locale.ROOT));
  }

  private static String orElse(@org.jspecify.annotations.Nullable String value, String otherwise) {
    return value == null || value.isEmpty() ? otherwise : value;
  }
}
