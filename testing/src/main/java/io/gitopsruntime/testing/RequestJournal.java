package io.gitopsruntime.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The requests a {@link KubernetesTestServer} received, in arrival order, for assertions such as "the
 * same object was applied once" or "no secret in any URL".
 *
 * <pre>{@code
 * assertThat(server.journal().calls("PATCH", "/apis/apps/v1/namespaces/codefresh/deployments/app-proxy")).hasSize(1);
 * assertThat(server.journal().calls()).noneMatch(call -> call.uri().contains(token));
 * }</pre>
 *
 * <p>Thread-safe: the server appends while tests read snapshots.
 */
public final class RequestJournal {

  private final List<RecordedCall> calls = new ArrayList<>();

  RequestJournal() {}

  synchronized void record(RecordedCall call) {
    calls.add(call);
  }

  /**
   * Every call so far.
   *
   * @return a snapshot, oldest first
   */
  public synchronized List<RecordedCall> calls() {
    return List.copyOf(calls);
  }

  /**
   * The calls with a method whose path matches a regular expression.
   *
   * @param method the HTTP method
   * @param pathRegex a regular expression the whole path (without query) must match
   * @return the matching calls, oldest first
   */
  public List<RecordedCall> calls(String method, String pathRegex) {
    Pattern pattern = Pattern.compile(pathRegex);
    String upper = method.toUpperCase(Locale.ROOT);
    return calls(c -> c.method().equals(upper) && pattern.matcher(c.path()).matches());
  }

  /**
   * The calls a predicate accepts.
   *
   * @param filter which calls
   * @return the matching calls, oldest first
   */
  public List<RecordedCall> calls(Predicate<RecordedCall> filter) {
    List<RecordedCall> result = new ArrayList<>();
    for (RecordedCall call : calls()) {
      if (filter.test(call)) {
        result.add(call);
      }
    }
    return result;
  }

  /**
   * How many calls were recorded.
   *
   * @return the count
   */
  public synchronized int size() {
    return calls.size();
  }

  /** Forgets every call recorded so far. */
  public synchronized void clear() {
    calls.clear();
  }
}
