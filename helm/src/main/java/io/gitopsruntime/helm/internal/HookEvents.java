package io.gitopsruntime.helm.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The recent events of a failed hook Job and its Pods, as a failure message shows them when the hook's log cannot
 * be read: what the Job controller and the scheduler said is then the only account of what happened. Every
 * installer formats them the same way. Stateless.
 */
public final class HookEvents {
  /** How many events a message shows: the most recent ones. */
  public static final int MAX = 8;

  private HookEvents() {}

  /**
   * One event, as read from the API.
   *
   * @param time when it last happened (RFC 3339), or empty; orders the events
   * @param type {@code Normal} or {@code Warning}
   * @param reason the reason, such as {@code BackoffLimitExceeded}
   * @param kind the involved object's kind
   * @param name the involved object's name
   * @param message the message
   */
  public record Event(String time, @Nullable String type, @Nullable String reason, @Nullable String kind,
      @Nullable String name, @Nullable String message) {}

  /**
   * The most recent events, oldest first, each on one line such as
   * {@code Warning BackoffLimitExceeded Job/validate-values: Job has reached the specified backoff limit}.
   *
   * @param events the events, in any order
   * @return at most {@link #MAX} lines
   */
  public static List<String> format(List<Event> events) {
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparing(Event::time));
    List<String> lines = new ArrayList<>();
    for (Event e : sorted.subList(Math.max(0, sorted.size() - MAX), sorted.size())) {
      String message = Objects.requireNonNullElse(e.message(), "").strip().replaceAll("\\s*\\n\\s*", " ");
      lines.add(Objects.requireNonNullElse(e.type(), "Normal") + " " + Objects.requireNonNullElse(e.reason(), "")
          + " " + Objects.requireNonNullElse(e.kind(), "") + "/" + Objects.requireNonNullElse(e.name(), "")
          + (message.isEmpty() ? "" : ": " + message));
    }
    return lines;
  }

  /**
   * Says why a Pod's log could not be read, from the API server's answer to the log request.
   *
   * @param code the HTTP status (0 when there was no answer)
   * @param message the API server's message, or empty
   * @param pod the Pod, or empty when the Pods could not be listed
   * @param node the Pod's node, or empty
   * @return the reason, a clause without a final period
   */
  public static String logProblem(int code, String message, String pod, String node) {
    String answer = " (the API server answered " + code + (message.isBlank() ? "" : ": " + message.strip()) + ")";
    String onNode = node.isEmpty() ? "" : " on node " + node;
    if (pod.isEmpty()) {
      return code == 0 ? "its Pods could not be listed: the API server did not answer"
          : "its Pods could not be listed" + answer;
    }
    if (code == 404) {
      return "the node serves no log for its Pod " + pod + onNode
          + " (a node without a kubelet, such as a kwok node, has none; or the Pod is gone)" + answer;
    }
    if (code == 403 || code == 401) {
      return "the installer's user may not read Pod logs (it needs get on pods/log)" + answer;
    }
    if (code == 0) {
      return "the API server did not answer" + (message.isBlank() ? "" : " (" + message.strip() + ")");
    }
    if (code >= 500) {
      return "the API server could not fetch the log of Pod " + pod + onNode + " from its kubelet" + answer;
    }
    return "reading the log of Pod " + pod + " failed" + answer;
  }
}
