package io.gitopsruntime.validators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChartVersionsTest {

  private static boolean accepts(String chart, String argoCd) {
    return ChartVersions.argoCdRange(Optional.ofNullable(chart))
        .accepts(ChartVersions.parseVersion(argoCd).orElseThrow());
  }

  @Test
  void picksTheRangeOfTheChartLineAndTheNewestOtherwise() {
    assertThat(ChartVersions.argoCdRange(Optional.of("0.30.0")).text()).isEqualTo(">=3.2 <=3.4");
    assertThat(ChartVersions.argoCdRange(Optional.of("0.29.12")).text()).isEqualTo(">=3.1 <=3.3");
    assertThat(ChartVersions.argoCdRange(Optional.of("0.27.0")).charts()).isEqualTo("charts 0.26.x to 0.28.x");
    assertThat(ChartVersions.argoCdRange(Optional.of("0.24.3")).text()).isEqualTo(">=2.12 <=3.0");
    assertThat(ChartVersions.argoCdRange(Optional.empty()).text()).isEqualTo(">=3.2 <=3.4");
    assertThat(ChartVersions.argoCdRangeIsFallback(Optional.of("1.0.0"))).isTrue();
    assertThat(ChartVersions.argoCdRangeIsFallback(Optional.of("0.31.0"))).isTrue();
    assertThat(ChartVersions.argoCdRangeIsFallback(Optional.of("0.30.2"))).isFalse();
  }

  @Test
  void readsRangesAsTheHooksSemverDoes() {
    assertThat(accepts("0.30.0", "v3.2.0")).isTrue();
    assertThat(accepts("0.30.0", "3.4.99+abc")).isTrue();
    assertThat(accepts("0.30.0", "v3.5.0")).isFalse();
    assertThat(accepts("0.30.0", "v3.1.9")).isFalse();
    assertThat(accepts("0.30.0", "v3.3.0-rc1")).isFalse();
    assertThat(accepts("0.24.0", "v2.12.0")).isTrue();
    assertThat(accepts("0.24.0", "v2.11.7")).isFalse();
    assertThat(ChartVersions.parseVersion("v3")).hasValue(new ChartVersions.Version(3, 0, 0, false));
    assertThat(ChartVersions.parseVersion("three")).isEmpty();
  }

  @Test
  void knowsWhichChartsBundleRolloutsAndEvents() {
    assertThat(ChartVersions.bundlesRolloutsAndEvents(Optional.of("0.26.9"))).isTrue();
    assertThat(ChartVersions.bundlesRolloutsAndEvents(Optional.of("1.0.0"))).isTrue();
    assertThat(ChartVersions.bundlesRolloutsAndEvents(Optional.of("0.27.0"))).isFalse();
    assertThat(ChartVersions.bundlesRolloutsAndEvents(Optional.empty())).isFalse();
  }
}
