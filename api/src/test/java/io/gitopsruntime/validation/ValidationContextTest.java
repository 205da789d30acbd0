package io.gitopsruntime.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsruntime.RuntimeInstallation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ValidationContextTest {
  private static final RuntimeInstallation INSTALLATION = RuntimeInstallation.builder().runtimeName("prod-eu").build();
  private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  @Nested
  class Defaults {
    @Test
    void isOnlineWithTheSystemClockAndNoServices() {
      ValidationContext context = ValidationContext.builder(INSTALLATION).build();

      assertThat(context.installation()).isSameAs(INSTALLATION);
      assertThat(context.values()).isEqualTo(INSTALLATION.values());
      assertThat(context.offline()).isFalse();
      assertThat(context.clock().getZone()).isEqualTo(ZoneOffset.UTC);
      assertThat(context.service(Object.class)).isEmpty();
    }

    @Test
    void rejectsNulls() {
      assertThatThrownBy(() -> ValidationContext.builder(null))
          .isInstanceOf(NullPointerException.class).hasMessage("installation == null");
      assertThatThrownBy(() -> ValidationContext.builder(INSTALLATION).clock(null))
          .isInstanceOf(NullPointerException.class).hasMessage("clock == null");
      assertThatThrownBy(() -> ValidationContext.builder(INSTALLATION).service(String.class, null))
          .isInstanceOf(NullPointerException.class).hasMessage("service == null");
    }
  }

  @Nested
  class Services {
    @Test
    void looksServicesUpByTheTypeTheyWereAttachedUnder() {
      AtomicInteger counter = new AtomicInteger();
      ValidationContext context = ValidationContext.builder(INSTALLATION).service(AtomicInteger.class, counter).build();

      assertThat(context.service(AtomicInteger.class)).containsSame(counter);
      assertThat(context.service(Number.class)).isEmpty();
    }

    @Test
    void replacesAServiceAttachedTwiceUnderOneType() {
      ValidationContext context = ValidationContext.builder(INSTALLATION)
          .service(CharSequence.class, "first")
          .service(CharSequence.class, "second")
          .build();

      assertThat(context.service(CharSequence.class)).contains("second");
    }
  }

  @Nested
  class Copies {
    @Test
    void withOfflineChangesOnlyTheFlag() {
      ValidationContext online = ValidationContext.builder(INSTALLATION).clock(FIXED).service(String.class, "s").build();

      ValidationContext offline = online.withOffline(true);

      assertThat(offline.offline()).isTrue();
      assertThat(online.offline()).isFalse();
      assertThat(offline.clock()).isSameAs(FIXED);
      assertThat(offline.service(String.class)).contains("s");
      assertThat(offline.installation()).isSameAs(INSTALLATION);
    }

    @Test
    void toBuilderKeepsServicesAndAddsNewOnes() {
      ValidationContext context = ValidationContext.builder(INSTALLATION).service(String.class, "s").build()
          .toBuilder().service(Integer.class, 1).build();

      assertThat(context.service(String.class)).contains("s");
      assertThat(context.service(Integer.class)).contains(1);
    }
  }

  @Test
  void toStringNamesReleaseNamespaceOfflineAndServiceTypesOnly() {
    ValidationContext context = ValidationContext.builder(INSTALLATION)
        .offline(true)
        .service(String.class, "a-service-holding-a-secret")
        .service(AtomicInteger.class, new AtomicInteger())
        .build();

    assertThat(context).hasToString(
        "ValidationContext{release=cf-gitops-runtime, namespace=codefresh, offline=true, services=[AtomicInteger, String]}");
  }
}
