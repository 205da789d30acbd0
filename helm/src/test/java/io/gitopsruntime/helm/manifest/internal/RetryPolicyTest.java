package io.gitopsruntime.helm.manifest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = RetryPolicy.DEFAULT;

  @Test
  void retriesTooManyRequestsAlwaysAndServerErrorsOnlyWhenRepeatingIsSafe() {
    assertThat(policy.retries(429, false)).isTrue();
    assertThat(policy.retries(503, true)).isTrue();
    assertThat(policy.retries(503, false)).isFalse();
    assertThat(policy.retries(409, true)).isFalse();
    assertThat(policy.retries(422, true)).isFalse();
  }

  @Test
  void backsOffExponentiallyWithJitterUpToItsCap() {
    assertThat(policy.delay(1, null)).isBetween(Duration.ofMillis(160), Duration.ofMillis(240));
    assertThat(policy.delay(3, null)).isBetween(Duration.ofMillis(640), Duration.ofMillis(960));
    assertThat(policy.delay(30, null)).isBetween(Duration.ofMillis(4000), Duration.ofMillis(6000));
  }

  @Test
  void waitsAtLeastWhatRetryAfterAsksUpToAMinute() {
    assertThat(policy.delay(1, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    assertThat(policy.delay(1, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void readsRetryAfterInSeconds() {
    assertThat(RetryPolicy.retryAfter("2")).isEqualTo(Duration.ofSeconds(2));
    assertThat(RetryPolicy.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isNull();
    assertThat(RetryPolicy.retryAfter(null)).isNull();
  }
}
