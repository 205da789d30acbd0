package io.gitopsruntime.helm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HookEventsTest {
  @Test
  void showsTheMostRecentEventsOldestFirstOnOneLineEach() {
    List<HookEvents.Event> events = new ArrayList<>();
    events.add(new HookEvents.Event("2026-12-02T10:00:09Z", "Warning", "BackoffLimitExceeded", "Job", "validate-values",
        "Job has reached the specified backoff limit"));
    for (int i = 0; i < 9; i++) {
      events.add(new HookEvents.Event("2026-12-02T10:00:0" + i + "Z", "Normal", "SuccessfulCreate", "Job",
          "validate-values", "Created pod: validate-values-" + i + "\n(retry)"));
    }

    assertThat(HookEvents.format(events)).hasSize(HookEvents.MAX)
        .startsWith("Normal SuccessfulCreate Job/validate-values: Created pod: validate-values-2 (retry)")
        .endsWith("Warning BackoffLimitExceeded Job/validate-values: Job has reached the specified backoff limit");
  }

  @Test
  void saysWhyALogCouldNotBeReadFromTheApiServersAnswer() {
    assertThat(HookEvents.logProblem(404, "the server could not find the requested resource", "validate-values-x2k4f",
        "kwok-node-0")).isEqualTo("the node serves no log for its Pod validate-values-x2k4f on node kwok-node-0 (a node"
            + " without a kubelet, such as a kwok node, has none; or the Pod is gone) (the API server answered 404: the"
            + " server could not find the requested resource)");
    assertThat(HookEvents.logProblem(403, "", "validate-values-x2k4f", "n1")).isEqualTo(
        "the installer's user may not read Pod logs (it needs get on pods/log) (the API server answered 403)");
    assertThat(HookEvents.logProblem(502, "dial tcp 10.0.0.7:10250: connect: connection refused", "p", "n1"))
        .isEqualTo("the API server could not fetch the log of Pod p on node n1 from its kubelet (the API server"
            + " answered 502: dial tcp 10.0.0.7:10250: connect: connection refused)");
    assertThat(HookEvents.logProblem(403, "pods is forbidden", "", "")).isEqualTo(
        "its Pods could not be listed (the API server answered 403: pods is forbidden)");
  }
}
