package io.gitopsruntime.helm.manifest.internal;

import io.gitopsruntime.install.ObjectRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last lines a Job's Pods logged, fetched at once (before a delete policy or the TTL controller
 * removes them), secrets masked. Never throws: a log that cannot be read is reported as such.
 * Thread-safe.
 */
final class JobLogs {
  private static final Logger log = LoggerFactory.getLogger(JobLogs.class);
  private static final int LINES = 20;

  private final Context context;

  JobLogs(Context context) {
    this.context = context;
  }

  String of(ObjectRef job) {
    String namespace = job.namespace().orElse(context.namespace());
    try {
      Map<String, Object> pods = context.api().list("/api/v1/namespaces/" + namespace + "/pods?labelSelector="
          + KubeApi.encode("job-name=" + job.name()));
      List<Map<String, Object>> items = new ArrayList<>();
      for (Object p : Json.list(pods, "items")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> pod = (Map<String, Object>) p;
        items.add(pod);
      }
      items.sort(Comparator.comparing(p -> String.valueOf(Json.string(p, "metadata", "creationTimestamp"))));
      List<String> lines = new ArrayList<>();
      for (Map<String, Object> pod : items) {
        String name = Json.string(pod, "metadata", "name");
        List<Object> containers = Json.list(pod, "spec", "containers");
        for (Object c : containers.isEmpty() ? List.<Object>of(Map.of()) : containers) {
          @SuppressWarnings("unchecked")
          String container = c instanceof Map ? Json.string((Map<String, Object>) c, "name") : null;
          String query = "?tailLines=" + LINES + (container != null && containers.size() > 1
              ? "&container=" + KubeApi.encode(container) : "");
          context.api().text("/api/v1/namespaces/" + namespace + "/pods/" + name + "/log" + query)
              .ifPresent(text -> text.lines().forEach(lines::add));
        }
      }
      List<String> last = lines.subList(Math.max(0, lines.size() - LINES), lines.size());
      return context.redact(String.join("\n", last));
    } catch (Interrupted e) {
      throw e;
    } catch (RuntimeException e) {
      log.debug("could not read the log of {}: {}", job, e.toString());
      return "";
    }
  }
}
