package io.gitopsruntime.helm.manifest.internal;

import io.gitopsruntime.helm.internal.HookEvents;
import io.gitopsruntime.install.ObjectRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a failed Job leaves to explain itself, fetched at once (before a delete policy or the TTL controller removes
 * it), secrets masked: the last lines its Pods logged or, when there is no log to read, why not and the recent
 * events of the Job and its Pods. Never throws: what cannot be read is said instead. Thread-safe.
 */
final class JobLogs {
  private static final Logger log = LoggerFactory.getLogger(JobLogs.class);
  private static final int LINES = 20;

  /**
   * A failed Job's account of itself.
   *
   * @param log the last lines its Pods logged, or empty
   * @param problem why there is no log, or empty when there is one or the Pods logged nothing
   * @param events the recent events of the Job and its Pods when there is no log, oldest first
   */
  record Evidence(String log, String problem, List<String> events) {
    Evidence {
      events = List.copyOf(events);
    }

    static Evidence none() {
      return new Evidence("", "", List.of());
    }
  }

  private final Context context;

  JobLogs(Context context) {
    this.context = context;
  }

  /**
   * The list path of a Job's Pods: those with the Job controller's {@code job-name} label (every Kubernetes version
   * sets it; Pods of an earlier Job of the same name match too, so callers that care compare the owner's uid).
   */
  static String podsOf(String namespace, String job) {
    return "/api/v1/namespaces/" + namespace + "/pods?labelSelector=" + KubeApi.encode("job-name=" + job);
  }

  Evidence of(ObjectRef job) {
    String namespace = job.namespace().orElse(context.namespace());
    List<String> involved = new ArrayList<>(List.of(job.name()));
    try {
      Map<String, Object> pods = context.api().list(podsOf(namespace, job.name()));
      List<Map<String, Object>> items = new ArrayList<>();
      for (Object p : Json.list(pods, "items")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> pod = (Map<String, Object>) p;
        items.add(pod);
      }
      items.sort(Comparator.comparing(p -> String.valueOf(Json.string(p, "metadata", "creationTimestamp"))));
      List<String> lines = new ArrayList<>();
      String problem = items.isEmpty() ? "the Job has no Pod left" : "";
      for (Map<String, Object> pod : items) {
        String name = Objects.requireNonNullElse(Json.string(pod, "metadata", "name"), "");
        involved.add(name);
        String node = Objects.requireNonNullElse(Json.string(pod, "spec", "nodeName"), "");
        List<Object> containers = Json.list(pod, "spec", "containers");
        for (Object c : containers.isEmpty() ? List.<Object>of(Map.of()) : containers) {
          @SuppressWarnings("unchecked")
          String container = c instanceof Map ? Json.string((Map<String, Object>) c, "name") : null;
          String query = "?tailLines=" + LINES + (container != null && containers.size() > 1
              ? "&container=" + KubeApi.encode(container) : "");
          KubeApi.Response r = context.api().send("GET", "/api/v1/namespaces/" + namespace + "/pods/" + name + "/log"
              + query, null, null, true);
          if (r.code() < 300) {
            r.body().lines().forEach(lines::add);
          } else if (node.isEmpty()) {
            problem = "its Pod " + name + " was never scheduled to a node, so it never ran";
          } else {
            problem = HookEvents.logProblem(r.code(), KubeApi.message(r), name, node);
          }
        }
      }
      if (!lines.isEmpty()) {
        List<String> last = lines.subList(Math.max(0, lines.size() - LINES), lines.size());
        return new Evidence(context.redact(String.join("\n", last)), "", List.of());
      }
      return new Evidence("", context.redact(problem), events(namespace, involved));
    } catch (Interrupted e) {
      throw e;
    } catch (KubeApiException e) {
      log.debug("could not read the log of {}: {}", job, e.toString());
      return new Evidence("", context.redact(HookEvents.logProblem(e.code(), e.serverMessage(), "", "")),
          events(namespace, involved));
    } catch (RuntimeException e) {
      log.debug("could not read the log of {}: {}", job, e.toString());
      return Evidence.none();
    }
  }

  private List<String> events(String namespace, List<String> involved) {
    try {
      List<HookEvents.Event> found = new ArrayList<>();
      for (Object o : Json.list(context.api().list("/api/v1/namespaces/" + namespace + "/events"), "items")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> e = (Map<String, Object>) o;
        String name = Json.string(e, "involvedObject", "name");
        if (name == null || !involved.contains(name)) {
          continue;
        }
        String time = Json.string(e, "lastTimestamp");
        found.add(new HookEvents.Event(time != null ? time
            : Objects.requireNonNullElse(Json.string(e, "metadata", "creationTimestamp"), ""), Json.string(e, "type"),
            Json.string(e, "reason"), Json.string(e, "involvedObject", "kind"), name, Json.string(e, "message")));
      }
      return HookEvents.format(found).stream().map(context::redact).toList();
    } catch (Interrupted e) {
      throw e;
    } catch (RuntimeException e) {
      log.debug("could not read the events in {}: {}", namespace, e.toString());
      return List.of();
    }
  }
}
