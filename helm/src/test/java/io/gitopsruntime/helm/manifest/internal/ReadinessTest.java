package io.gitopsruntime.helm.manifest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReadinessTest {

  private static Map<String, Object> object(long generation, Map<String, Object> spec, Map<String, Object> status) {
    return Json.object("metadata", Json.object("generation", generation), "spec", spec, "status", status);
  }

  @Nested
  class Deployments {
    @Test
    void isReadyWhenEveryDesiredReplicaIsUpdatedAndAvailable() {
      assertThat(Readiness.of("Deployment", object(2, Json.object("replicas", 2), Json.object("observedGeneration", 2,
          "replicas", 2, "updatedReplicas", 2, "availableReplicas", 2))).ready()).isTrue();
    }

    @Test
    void saysWhatIsMissing() {
      assertThat(Readiness.of("Deployment", object(3, Json.object("replicas", 2), Json.object("observedGeneration", 2)))
          .reason()).isEqualTo("the controller has not seen generation 3 yet");
      assertThat(Readiness.of("Deployment", object(1, Json.object("replicas", 2), Json.object("observedGeneration", 1,
          "replicas", 2, "updatedReplicas", 2, "availableReplicas", 1))).reason()).isEqualTo("1 of 2 replicas available");
      assertThat(Readiness.of("Deployment", object(1, Json.object(), Json.object("observedGeneration", 1,
          "replicas", 2, "updatedReplicas", 1, "availableReplicas", 1))).reason()).isEqualTo("1 old replicas still running");
    }
  }

  @Nested
  class OtherKinds {
    @Test
    void waitsForAStatefulSetsUpdateRevision() {
      Map<String, Object> sts = object(1, Json.object("replicas", 1), Json.object("observedGeneration", 1,
          "readyReplicas", 1, "updatedReplicas", 1, "currentRevision", "a", "updateRevision", "b"));

      assertThat(Readiness.of("StatefulSet", sts).reason()).isEqualTo("rolling out revision b");
    }

    @Test
    void waitsForEveryScheduledDaemonSetPod() {
      Map<String, Object> ds = object(1, Json.object(), Json.object("observedGeneration", 1,
          "desiredNumberScheduled", 3, "updatedNumberScheduled", 3, "numberReady", 2, "numberAvailable", 2));

      assertThat(Readiness.of("DaemonSet", ds).reason()).isEqualTo("2 of 3 pods ready");
    }

    @Test
    void tellsACompleteJobFromAFailedOne() {
      Map<String, Object> complete = Json.object("status", Json.object("conditions", List.of(
          Json.object("type", "Complete", "status", "True"))));
      Map<String, Object> failed = Json.object("status", Json.object("conditions", List.of(Json.object("type", "Failed",
          "status", "True", "reason", "BackoffLimitExceeded", "message", "Job has reached the specified backoff limit"))));

      assertThat(Readiness.of("Job", complete).ready()).isTrue();
      assertThat(Readiness.of("Job", failed)).satisfies(s -> {
        assertThat(s.failed()).isTrue();
        assertThat(s.reason()).isEqualTo("BackoffLimitExceeded: Job has reached the specified backoff limit");
      });
      assertThat(Readiness.of("Job", Json.object()).reason()).isEqualTo("not started yet");
    }

    @Test
    void waitsUntilACrdIsEstablished() {
      assertThat(Readiness.of("CustomResourceDefinition", Json.object()).reason()).isEqualTo("not established yet");
      assertThat(Readiness.of("CustomResourceDefinition", Json.object("status", Json.object("conditions", List.of(
          Json.object("type", "Established", "status", "True"))))).ready()).isTrue();
    }

    @Test
    void callsEverythingElseReadyOnceItExists() {
      assertThat(Readiness.tracked("ConfigMap")).isFalse();
      assertThat(Readiness.of("ConfigMap", Json.object()).ready()).isTrue();
    }
  }
}
