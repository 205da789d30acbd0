package io.gitopsruntime.helm.manifest.internal;

import io.gitopsruntime.helm.internal.LogHint;
import io.gitopsruntime.install.ObjectRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What explains a failed Job, fetched at once (before a delete policy or the TTL controller removes it): the last
 * lines its Pods logged, or why they could not be read (a node without a kubelet that serves logs answers with an
 * error), and the recent events of the Job and its Pods; secrets masked. A log request is sent once, not retried:
 * a node that cannot serve it will not serve it a second later. Never throws: what cannot be read is said instead.
 * Thread-safe.
 */
final class JobLogs {
  private static final Logger log = LoggerFactory.getLogger(JobLogs.class);
  private static final int LINES = 20;
  private static final int EVENTS = 10;

  /**
   * What was found about a failed Job. Immutable.
   *
   * @param log its Pods' last log lines, or empty
   * @param problem why the log could not be read, or empty when it was (or the Pods logged nothing)
   * @param events the recent events of the Job and its Pods, oldest first, as {@code Warning Reason Kind/name: message}
   */
  record Found(String log, String problem, List<String> events) {
    static final Found NOTHING = new Found("", "", List.of());
  }

  private final Context context;

  JobLogs(Context context) {
    this.context = context;
  }

  Found of(ObjectRef job) {
    String namespace = job.namespace().orElse(context.namespace());
    List<Map<String, Object>> pods;
    try {
      pods = pods(namespace, job.name());
    } catch (Interrupted e) {
      throw e;
    } catch (RuntimeException e) {
      log.debug("could not list the Pods of {}: {}", job, e.toString());
      return new Found("", "its Pods could not be listed: " + e.getMessage(), List.of());
    }
    List<String> lines = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<String> uids = new ArrayList<>();
    uid(namespace, job).ifPresent(uids::add);
    for (Map<String, Object> pod : pods) {
      String name = Objects.requireNonNull(Json.string(pod, "metadata", "name"));
      String podUid = Json.string(pod, "metadata", "uid");
      if (podUid != null) {
        uids.add(podUid);
      }
      List<Object> containers = Json.list(pod, "spec", "containers");
      for (Object c : containers.isEmpty() ? List.<Object>of(Map.of()) : containers) {
        @SuppressWarnings("unchecked")
        String container = c instanceof Map ? Json.string((Map<String, Object>) c, "name") : null;
        String query = "?tailLines=" + LINES + (container != null && containers.size() > 1
            ? "&container=" + KubeApi.encode(container) : "");
        String path = "/api/v1/namespaces/" + namespace + "/pods/" + name + "/log" + query;
        try {
          KubeApi.Response r = context.api().send("GET", path, null, null, false);
          if (r.code() < 300) {
            r.body().lines().forEach(lines::add);
          } else {
            String answer = serverMessage(r.body());
            problems.add("the API server answered the log request for Pod " + name + " with HTTP " + r.code()
                + answer + LogHint.of(r.code(), answer));
          }
        } catch (Interrupted e) {
          throw e;
        } catch (RuntimeException e) {
          log.debug("could not read the log of Pod {}/{}: {}", namespace, name, e.toString());
          problems.add("reading the log of Pod " + name + " failed: " + e.getMessage());
        }
      }
    }
    if (pods.isEmpty()) {
      problems.add("the Job has no Pod left");
    }
    List<String> last = lines.subList(Math.max(0, lines.size() - LINES), lines.size());
    String text = String.join("\n", last);
    String problem = text.isBlank() ? String.join("; ", problems) : "";
    return new Found(context.redact(text), context.redact(problem), events(namespace, uids));
  }

  private List<Map<String, Object>> pods(String namespace, String job) {
    Map<String, Object> list = context.api().list("/api/v1/namespaces/" + namespace + "/pods?labelSelector="
        + KubeApi.encode("job-name=" + job));
    List<Map<String, Object>> items = new ArrayList<>();
    for (Object p : Json.list(list, "items")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> pod = (Map<String, Object>) p;
      items.add(pod);
    }
    items.sort(Comparator.comparing(p -> String.valueOf(Json.string(p, "metadata", "creationTimestamp"))));
    return items;
  }

  /** The Job's uid, if it can be read. */
  private java.util.Optional<String> uid(String namespace, ObjectRef job) {
    try {
      return context.api().get("/apis/batch/v1/namespaces/" + namespace + "/jobs/" + job.name())
          .map(j -> Json.string(j, "metadata", "uid"));
    } catch (Interrupted e) {
      throw e;
    } catch (RuntimeException e) {
      log.debug("could not read {}: {}", job, e.toString());
      return java.util.Optional.empty();
    }
  }

  /**
   * The recent events of these objects (by uid: events outlive their object, and a hook Job is recreated under the
   * same name), oldest first; what cannot be read is left out.
   */
  private List<String> events(String namespace, List<String> uids) {
    List<Map<String, Object>> all = new ArrayList<>();
    for (String uid : uids) {
      try {
        for (Object e : Json.list(context.api().list("/api/v1/namespaces/" + namespace + "/events?fieldSelector="
            + KubeApi.encode("involvedObject.uid=" + uid)), "items")) {
          @SuppressWarnings("unchecked")
          Map<String, Object> event = (Map<String, Object>) e;
          all.add(event);
        }
      } catch (Interrupted e) {
        throw e;
      } catch (RuntimeException e) {
        log.debug("could not read the events of {} in {}: {}", uid, namespace, e.toString());
      }
    }
    all.sort(Comparator.comparing(JobLogs::when));
    List<String> out = new ArrayList<>();
    for (Map<String, Object> e : all.subList(Math.max(0, all.size() - EVENTS), all.size())) {
      out.add(context.redact(Objects.requireNonNullElse(Json.string(e, "type"), "Normal") + " "
          + Objects.requireNonNullElse(Json.string(e, "reason"), "") + " "
          + Objects.requireNonNullElse(Json.string(e, "involvedObject", "kind"), "") + "/"
          + Objects.requireNonNullElse(Json.string(e, "involvedObject", "name"), "") + ": "
          + Objects.requireNonNullElse(Json.string(e, "message"), "").strip()));
    }
    return out;
  }

  private static String when(Map<String, Object> event) {
    for (String key : List.of("lastTimestamp", "eventTime", "firstTimestamp")) {
      String value = Json.string(event, key);
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return Objects.requireNonNullElse(Json.string(event, "metadata", "creationTimestamp"), "");
  }

  /** The Status message of an error answer, or nothing. */
  private static String serverMessage(String body) {
    try {
      String message = Json.string(Json.parse(body), "message");
      return message == null || message.isBlank() ? "" : ": " + message.strip();
    } catch (RuntimeException notJson) {
      return body.isBlank() ? "" : ": " + body.strip().lines().findFirst().orElse("");
    }
  }

}
