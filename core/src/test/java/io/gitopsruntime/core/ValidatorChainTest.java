package io.gitopsruntime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidationInterceptor;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validation.ValidatorKind;
import io.gitopsruntime.values.CaCertSecretValues;
import io.gitopsruntime.values.CaCertsValues;
import io.gitopsruntime.values.CodefreshTlsValues;
import io.gitopsruntime.values.SecretValue;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Concurrency is proved by structure (barriers and latches that only open when validators really run
 * side by side), never by measuring time; every wait has a generous bound so that a broken runner fails
 * the test instead of hanging it.
 */
class ValidatorChainTest {
  private static final long GENEROUS_SECONDS = 30;
  private static final String TOKEN = "cf-literal-api-key-0123456789";

  private static final RuntimeInstallation INSTALLATION = RuntimeInstallation.builder()
      .runtimeName("prod-eu")
      .tunnel("628a80b693a15c0f9c13ab75", SecretValue.of(TOKEN))
      .build();

  private static final ValidationContext ONLINE = ValidationContext.builder(INSTALLATION).build();

  /** A validator of a given kind and timeout. */
  private static Validator validator(String id, ValidatorKind kind, Duration timeout, Check check) {
    return new Validator() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public ValidatorKind kind() {
        return kind;
      }

      @Override
      public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
      }

      @Override
      public List<Finding> validate(ValidationContext context) throws Exception {
        return check.run(context);
      }

      @Override
      public String toString() {
        return "Validator(" + id + ")";
      }
    };
  }

  private static Validator returning(String id, Finding... findings) {
    return Validator.of(id, context -> List.of(findings));
  }

  @FunctionalInterface
  private interface Check {
    List<Finding> run(ValidationContext context) throws Exception;
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    if (!latch.await(GENEROUS_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("latch not released");
    }
  }

  @Nested
  class Order {
    @Test
    void ordersBySeverityThenRegistrationThenTheValidatorsOwnOrder() {
      Finding a1 = Finding.warning("a.1", "", "a1", "");
      Finding a2 = Finding.error("a.2", "", "a2", "");
      Finding a3 = Finding.error("a.3", "", "a3", "");
      Finding b1 = Finding.info("b.1", "", "b1");
      Finding b2 = Finding.error("b.2", "", "b2", "");
      Finding c1 = Finding.warning("c.1", "", "c1", "");
      // c finishes first, then b, then a: the report must not follow completion order
      CountDownLatch cDone = new CountDownLatch(1);
      CountDownLatch bDone = new CountDownLatch(1);
      ValidatorChain chain = ValidatorChain.builder()
          .add(validator("a", ValidatorKind.OFFLINE, null, ctx -> {
            await(bDone);
            return List.of(a1, a2, a3);
          }))
          .add(validator("b", ValidatorKind.OFFLINE, null, ctx -> {
            await(cDone);
            bDone.countDown();
            return List.of(b1, b2);
          }))
          .add(validator("c", ValidatorKind.OFFLINE, null, ctx -> {
            cDone.countDown();
            return List.of(c1);
          }))
          .build();

      ValidationReport report = chain.validate(ONLINE);

      assertThat(report.findings()).extracting(Finding::ruleId).containsExactly("a.2", "a.3", "b.2", "a.1", "c.1", "b.1");
    }

    @Test
    void namesTheValidatorOfEachFindingUnlessItNamedItself() {
      ValidatorChain chain = ValidatorChain.builder()
          .add(returning("plain", Finding.error("r", "", "m", "")))
          .add(returning("named", Finding.error("r", "", "m", "").withValidatorId("someone-else")))
          .build();

      assertThat(chain.validate(ONLINE).findings()).extracting(Finding::validatorId).containsExactly("plain", "someone-else");
    }

    @Test
    void anEmptyChainReportsNothing() {
      assertThat(ValidatorChain.builder().build().validate(ONLINE).findings()).isEmpty();
    }
  }

  @Nested
  class Concurrency {
    @Test
    void runsEveryValidatorAtTheSameTime() {
      int count = 20;
      CyclicBarrier allInFlight = new CyclicBarrier(count);
      ValidatorChain.Builder builder = ValidatorChain.builder();
      IntStream.range(0, count).forEach(i -> builder.add(validator("v" + i, ValidatorKind.OFFLINE, null, ctx -> {
        // only returns once every validator is running: a runner that queues any of them breaks this
        allInFlight.await(GENEROUS_SECONDS, TimeUnit.SECONDS);
        return List.of(Finding.info("ran", "", "v" + i));
      })));

      ValidationReport report = builder.defaultTimeout(Duration.ofSeconds(GENEROUS_SECONDS * 2)).build().validate(ONLINE);

      assertThat(report.findings()).extracting(Finding::message)
          .containsExactlyElementsOf(IntStream.range(0, count).mapToObj(i -> "v" + i).collect(Collectors.toList()));
    }
  }

  @Nested
  class Failures {
    @Test
    void aThrowingValidatorBecomesAnErrorNamingItWhileTheOthersStillReport() {
      Finding fine = Finding.warning("fine.rule", "global.runtime.name", "still here.", "");
      ValidatorChain chain = ValidatorChain.builder()
          .add(returning("before", fine))
          .add(validator("boom", ValidatorKind.OFFLINE, null, ctx -> {
            throw new IllegalStateException("kaput");
          }))
          .add(returning("after", fine))
          .build();

      ValidationReport report = chain.validate(ONLINE);

      assertThat(report.errors()).containsExactly(Finding.error("validator.failed", "",
          "validator boom failed: IllegalStateException: kaput. The other checks still ran.",
          "Fix the cause, or remove the validator with chain.toBuilder().remove(\"boom\").").withValidatorId("boom"));
      assertThat(report.warnings()).hasSize(2);
    }

    @Test
    void aCheckedExceptionWithoutMessageIsNamedByItsType() {
      ValidatorChain chain = ValidatorChain.builder()
          .add(validator("io", ValidatorKind.OFFLINE, null, ctx -> {
            throw new IOException();
          }))
          .build();

      assertThat(chain.validate(ONLINE).errors()).extracting(Finding::message)
          .containsExactly("validator io failed: IOException. The other checks still ran.");
    }

    @Test
    void anErrorThrownOnTheValidatorsThreadIsReportedLikeAnExceptionAndTheOthersStillReport() {
      ValidatorChain chain = ValidatorChain.builder()
          .add(validator("deep", ValidatorKind.OFFLINE, null, ctx -> {
            throw new StackOverflowError();
          }))
          .add(returning("other", Finding.info("other", "", "ok")))
          .build();

      ValidationReport report = chain.validate(ONLINE);

      assertThat(report.errors()).extracting(Finding::message)
          .containsExactly("validator deep failed: StackOverflowError. The other checks still ran.");
      assertThat(report.findings()).extracting(Finding::message).endsWith("ok");
    }

    @Test
    void aNullResultBecomesAnErrorNamingTheValidator() {
      ValidatorChain chain = ValidatorChain.builder()
          .add(validator("nully", ValidatorKind.OFFLINE, null, ctx -> null))
          .add(returning("other", Finding.info("other", "", "ok")))
          .build();

      ValidationReport report = chain.validate(ONLINE);

      assertThat(report.findings()).containsExactly(
          Finding.error("validator.failed", "", "validator nully returned null instead of a list of findings; its checks"
              + " are unknown.", "Fix the validator to return an empty list when all is well.").withValidatorId("nully"),
          Finding.info("other", "", "ok").withValidatorId("other"));
    }

    @Test
    void aTimeoutBecomesAnErrorNamingTheValidatorAndTheOthersAreUnaffected() throws InterruptedException {
      CountDownLatch never = new CountDownLatch(1);
      CountDownLatch interrupted = new CountDownLatch(1);
      ValidatorChain chain = ValidatorChain.builder()
          .add(validator("slow", ValidatorKind.OFFLINE, Duration.ofMillis(200), ctx -> {
            try {
              never.await(GENEROUS_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              interrupted.countDown();
              throw e;
            }
            return List.of();
          }))
          .add(returning("fast", Finding.warning("fast.rule", "", "fast ran.", "")))
          .build();

      try {
        ValidationReport report = chain.validate(ONLINE);

        assertThat(report.findings()).containsExactly(
            Finding.error("validator.timeout", "", "validator slow did not finish within 200 ms; what it checks is unknown.",
                "Fix the validator, or give it a longer timeout.").withValidatorId("slow"),
            Finding.warning("fast.rule", "", "fast ran.", "").withValidatorId("fast"));
        assertThat(interrupted.await(GENEROUS_SECONDS, TimeUnit.SECONDS)).as("the slow validator was interrupted").isTrue();
      } finally {
        never.countDown();
      }
    }

    @Test
    void aTimeoutSaysWhatToCheckForRemoteValidators() {
      CountDownLatch never = new CountDownLatch(1);
      ValidatorChain chain = ValidatorChain.builder()
          .defaultTimeout(Duration.ofSeconds(1))
          .add(validator("cluster.version", ValidatorKind.CLUSTER, null, ctx -> {
            never.await(GENEROUS_SECONDS, TimeUnit.SECONDS);
            return List.of();
          }))
          .build();

      try {
        assertThat(chain.validate(ONLINE).findings()).containsExactly(Finding.error("validator.timeout", "",
            "validator cluster.version did not finish within 1 s; what it checks is unknown.",
            "Check that the Kubernetes API server is reachable from here, or validate offline.")
            .withValidatorId("cluster.version"));
      } finally {
        never.countDown();
      }
    }
  }

  @Nested
  class Offline {
    private final List<String> ran = new CopyOnWriteArrayList<>();

    private Validator recording(String id, ValidatorKind kind) {
      return validator(id, kind, null, ctx -> {
        ran.add(id);
        return List.of();
      });
    }

    private final ValidatorChain chain = ValidatorChain.builder()
        .add(recording("values.rules", ValidatorKind.OFFLINE))
        .add(recording("cluster.version", ValidatorKind.CLUSTER))
        .add(recording("codefresh.platform", ValidatorKind.PLATFORM))
        .add(recording("git.token", ValidatorKind.GIT_PROVIDER))
        .add(recording("ingress.probe", ValidatorKind.INGRESS_PROBE))
        .build();

    @Test
    void skipsRemoteValidatorsWithAnInfoFindingEach() {
      ValidationReport report = chain.validate(ONLINE.withOffline(true));

      assertThat(ran).containsExactly("values.rules");
      assertThat(report.findings()).containsExactly(
          Finding.info("validation.skipped", "", "skipped cluster.version: it needs the cluster and validation ran offline.")
              .withValidatorId("cluster.version"),
          Finding.info("validation.skipped", "", "skipped codefresh.platform: it needs the Codefresh platform and validation"
              + " ran offline.").withValidatorId("codefresh.platform"),
          Finding.info("validation.skipped", "", "skipped git.token: it needs the Git provider and validation ran offline.")
              .withValidatorId("git.token"),
          Finding.info("validation.skipped", "", "skipped ingress.probe: it needs the ingress host and validation ran offline.")
              .withValidatorId("ingress.probe"));
    }

    @Test
    void runsEveryValidatorOnline() {
      assertThat(chain.validate(ONLINE).findings()).isEmpty();
      assertThat(ran).containsExactlyInAnyOrder(
          "values.rules", "cluster.version", "codefresh.platform", "git.token", "ingress.probe");
    }
  }

  @Nested
  class Building {
    private final Validator a = returning("a");
    private final Validator b = returning("b");
    private final Validator c = returning("c");

    @Test
    void keepsTheValidatorsInTheOrderTheyWereAdded() {
      ValidatorChain chain = ValidatorChain.builder().add(b).addAll(List.of(a, c)).build();

      assertThat(chain.validators()).containsExactly(b, a, c);
      assertThat(chain).hasToString("ValidatorChain[b, a, c]");
    }

    @Test
    void rejectsASecondValidatorWithTheSameId() {
      assertThatThrownBy(() -> ValidatorChain.builder().add(a).add(returning("a")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the chain already has a validator \"a\"; use replace(\"a\", ...) to swap it.");
    }

    @Test
    void removesByIdAndSaysWhichIdsThereAreWhenOneIsMissing() {
      assertThat(ValidatorChain.builder().add(a).add(b).remove("a").build().validators()).containsExactly(b);
      assertThatThrownBy(() -> ValidatorChain.builder().add(a).add(b).remove("x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the chain has no validator \"x\"; its validators are [a, b].");
    }

    @Test
    void replacesInPlace() {
      Validator newB = returning("b");
      Validator renamed = returning("b2");

      assertThat(ValidatorChain.builder().add(a).add(b).add(c).replace("b", newB).build().validators())
          .containsExactly(a, newB, c);
      assertThat(ValidatorChain.builder().add(a).add(b).add(c).replace("b", renamed).build().validators())
          .containsExactly(a, renamed, c);
    }

    @Test
    void refusesToReplaceAMissingValidator() {
      assertThatThrownBy(() -> ValidatorChain.builder().add(a).replace("x", b))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the chain has no validator \"x\"; its validators are [a].");
    }

    @Test
    void refusesAReplacementWhoseIdAnotherValidatorHas() {
      assertThatThrownBy(() -> ValidatorChain.builder().add(a).add(b).add(c).replace("a", returning("c")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the chain already has a validator \"c\"; use replace(\"c\", ...) to swap it.");
    }

    @Test
    void rejectsNullsAndNonPositiveTimeouts() {
      assertThatThrownBy(() -> ValidatorChain.builder().add(null))
          .isInstanceOf(NullPointerException.class).hasMessage("validator == null");
      assertThatThrownBy(() -> ValidatorChain.builder().add(returning(null)))
          .isInstanceOf(NullPointerException.class).hasMessage("id == null");
      assertThatThrownBy(() -> ValidatorChain.builder().defaultTimeout(Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be positive: PT0S");
      assertThatThrownBy(() -> ValidatorChain.builder().defaultTimeout(Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be positive: PT-1S");
    }

    @Test
    void reopensWithValidatorsInterceptorsAndTimeout() {
      CountDownLatch never = new CountDownLatch(1);
      List<String> seen = new CopyOnWriteArrayList<>();
      // its own generous timeout, so that only the copied default can time anything out
      Validator quick = validator("quick", ValidatorKind.OFFLINE, Duration.ofSeconds(GENEROUS_SECONDS), ctx -> List.of());
      ValidatorChain chain = ValidatorChain.builder()
          .defaultTimeout(Duration.ofMillis(300))
          .add(quick)
          .addInterceptor(ch -> {
            seen.add("interceptor");
            return ch.proceed(ch.context());
          })
          .build();

      ValidatorChain reopened = chain.toBuilder()
          .add(validator("slow", ValidatorKind.OFFLINE, null, ctx -> {
            never.await(GENEROUS_SECONDS, TimeUnit.SECONDS);
            return List.of();
          }))
          .build();

      try {
        assertThat(reopened.validators()).extracting(Validator::id).containsExactly("quick", "slow");
        assertThat(reopened.validate(ONLINE).findings()).extracting(Finding::message)
            .containsExactly("validator slow did not finish within 300 ms; what it checks is unknown.");
        assertThat(seen).containsExactly("interceptor");
        assertThat(chain.validators()).containsExactly(quick);
      } finally {
        never.countDown();
      }
    }
  }

  @Nested
  class Interceptors {
    private final Finding warning = Finding.warning("w", "", "a warning", "");
    private final Finding error = Finding.error("e", "", "an error", "fix it");

    @Test
    void runInTheOrderTheyWereAddedAroundTheValidators() {
      List<String> calls = Collections.synchronizedList(new ArrayList<>());
      ValidatorChain chain = ValidatorChain.builder()
          .add(validator("v", ValidatorKind.OFFLINE, null, ctx -> {
            calls.add("validator");
            return List.of();
          }))
          .addInterceptor(ch -> {
            calls.add("first before");
            ValidationReport report = ch.proceed(ch.context());
            calls.add("first after");
            return report;
          })
          .addInterceptor(ch -> {
            calls.add("second before");
            ValidationReport report = ch.proceed(ch.context());
            calls.add("second after");
            return report;
          })
          .build();

      chain.validate(ONLINE);

      assertThat(calls).containsExactly("first before", "second before", "validator", "second after", "first after");
    }

    @Test
    void seeTheContextAndTheValidators() {
      List<Object> seen = new ArrayList<>();
      Validator v = returning("v");
      ValidatorChain chain = ValidatorChain.builder().add(v).addInterceptor(ch -> {
        seen.add(ch.context());
        seen.add(ch.validators());
        return ch.proceed(ch.context());
      }).build();

      chain.validate(ONLINE);

      assertThat(seen).containsExactly(ONLINE, List.of(v));
    }

    @Test
    void canFilterFindings() {
      ValidatorChain chain = ValidatorChain.builder()
          .add(returning("v", warning, error))
          .addInterceptor(ch -> ValidationReport.of(ch.proceed(ch.context()).findings().stream()
              .filter(f -> f.severity() != Severity.WARNING).collect(Collectors.toList())))
          .build();

      assertThat(chain.validate(ONLINE).findings()).containsExactly(error.withValidatorId("v"));
    }

    @Test
    void canShortCircuitWithoutRunningTheValidators() {
      AtomicBoolean validatorRan = new AtomicBoolean();
      AtomicInteger secondInterceptorRan = new AtomicInteger();
      ValidatorChain chain = ValidatorChain.builder()
          .add(validator("v", ValidatorKind.OFFLINE, null, ctx -> {
            validatorRan.set(true);
            return List.of();
          }))
          .addInterceptor(ch -> ValidationReport.of(List.of(Finding.info("cached", "", "from a cache"))))
          .addInterceptor(ch -> {
            secondInterceptorRan.incrementAndGet();
            return ch.proceed(ch.context());
          })
          .build();

      assertThat(chain.validate(ONLINE).findings()).containsExactly(Finding.info("cached", "", "from a cache"));
      assertThat(validatorRan).isFalse();
      assertThat(secondInterceptorRan).hasValue(0);
    }

    @Test
    void canPassOnAChangedContext() {
      ValidatorChain chain = ValidatorChain.builder()
          .add(validator("cluster.version", ValidatorKind.CLUSTER, null, ctx -> List.of()))
          .addInterceptor(ch -> ch.proceed(ch.context().withOffline(true)))
          .build();

      assertThat(chain.validate(ONLINE).findings()).extracting(Finding::ruleId).containsExactly("validation.skipped");
    }

    @Test
    void mustReturnAReport() {
      ValidationInterceptor broken = new ValidationInterceptor() {
        @Override
        public ValidationReport intercept(Chain chain) {
          return null;
        }

        @Override
        public String toString() {
          return "broken";
        }
      };
      ValidatorChain chain = ValidatorChain.builder().addInterceptor(broken).build();

      assertThatThrownBy(() -> chain.validate(ONLINE))
          .isInstanceOf(GitOpsRuntimeException.class)
          .hasMessage("validation interceptor broken returned null; return a report.");
    }
  }

  @Nested
  class Redaction {
    @Test
    void masksALiteralSecretAValidatorPutsInItsFinding() {
      ValidatorChain chain = ValidatorChain.builder()
          .add(returning("leaky", Finding.error("leak", "global.codefresh.userToken.token",
              "the platform rejected token " + TOKEN + ".", "Check that " + TOKEN + " is still valid.")))
          .build();

      assertThat(chain.validate(ONLINE).findings()).containsExactly(Finding.error("leak", "global.codefresh.userToken.token",
          "the platform rejected token ****.", "Check that **** is still valid.").withValidatorId("leaky"));
    }

    @Test
    void masksALiteralSecretInTheMessageOfAnException() {
      ValidatorChain chain = ValidatorChain.builder()
          .add(validator("throws", ValidatorKind.OFFLINE, null, ctx -> {
            throw new IllegalStateException("401 for Authorization: " + TOKEN);
          }))
          .build();

      assertThat(chain.validate(ONLINE).errors()).extracting(Finding::message)
          .containsExactly("validator throws failed: IllegalStateException: 401 for Authorization: ****. The other checks still ran.");
    }

    @Test
    void interceptorsOnlyEverSeeMaskedFindings() {
      List<String> seenByInterceptor = new CopyOnWriteArrayList<>();
      ValidatorChain chain = ValidatorChain.builder()
          .add(returning("leaky", Finding.error("leak", "", "token " + TOKEN + " rejected.", "")))
          .addInterceptor(ch -> {
            ValidationReport report = ch.proceed(ch.context());
            report.findings().forEach(f -> seenByInterceptor.add(f.message()));
            return report;
          })
          .build();

      chain.validate(ONLINE);

      assertThat(seenByInterceptor).containsExactly("token **** rejected.");
    }

    @Test
    void masksSecretsInFindingsThatInterceptorsAdd() {
      ValidatorChain chain = ValidatorChain.builder()
          .addInterceptor(ch -> ValidationReport.of(List.of(Finding.info("x", "", "token is " + TOKEN))))
          .build();

      assertThat(chain.validate(ONLINE).findings()).extracting(Finding::message).containsExactly("token is ****");
    }

    @Test
    void masksEachLongLineOfAMultiLineSecret() {
      String pemLine = "MIIBliteralCaBundleLine0123456789";
      RuntimeInstallation withCa = INSTALLATION.toBuilder().editValues(v -> v.withGlobal(v.global().withCodefresh(
          v.global().codefresh().withTls(CodefreshTlsValues.builder().caCerts(CaCertsValues.builder().secret(
              CaCertSecretValues.builder().content(SecretValue.of("-----BEGIN CERTIFICATE-----\n" + pemLine
                  + "\n-----END CERTIFICATE-----\n")).build()).build()).build())))).build();
      ValidatorChain chain = ValidatorChain.builder()
          .add(returning("ca", Finding.error("ca", "", "bad certificate line " + pemLine, "")))
          .build();

      assertThat(chain.validate(ValidationContext.builder(withCa).build()).findings()).extracting(Finding::message)
          .containsExactly("bad certificate line ****");
    }
  }

  @Nested
  class Threads {
    @Test
    void aThousandValidationsRunOnABoundedReusedSetOfThreads() {
      Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
      ValidatorChain.Builder builder = ValidatorChain.builder();
      for (int i = 0; i < 10; i++) {
        builder.add(validator("offline-" + i, ValidatorKind.OFFLINE, null, ctx -> {
          ranOn.add(Thread.currentThread());
          return List.of();
        }));
      }
      builder.add(validator("cluster", ValidatorKind.CLUSTER, null, ctx -> List.of()));
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();

      try (ValidatorChain chain = builder.build()) {
        long before = threads.getTotalStartedThreadCount();
        for (int i = 0; i < 1000; i++) {
          assertThat(chain.validateOffline(INSTALLATION).errors()).isEmpty();
        }
        long started = threads.getTotalStartedThreadCount() - before;

        // at most twice the validators; before, every validation started one thread per validator (10,000)
        assertThat(ranOn).hasSizeLessThanOrEqualTo(22);
        assertThat(started).isLessThanOrEqualTo(22 + 10);
      }
    }

    @Test
    void closingEndsTheThreadsAndLaterValidationsFailClearly() throws InterruptedException {
      CountDownLatch running = new CountDownLatch(1);
      CountDownLatch interrupted = new CountDownLatch(1);
      AtomicReference<Thread> thread = new AtomicReference<>();
      ValidatorChain chain = ValidatorChain.builder()
          .add(validator("once", ValidatorKind.OFFLINE, null, ctx -> {
            thread.set(Thread.currentThread());
            return List.of();
          }))
          .build();
      chain.validateOffline(INSTALLATION);

      chain.close();
      thread.get().join(TimeUnit.SECONDS.toMillis(GENEROUS_SECONDS));

      assertThat(thread.get().isAlive()).isFalse();
      assertThatThrownBy(() -> chain.validateOffline(INSTALLATION))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("this ValidatorChain was closed; build another one with chain.toBuilder().build().");
      chain.close();
    }

    @Test
    void aChainOfOnlySkippedValidatorsStartsNoThread() {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      try (ValidatorChain chain = ValidatorChain.builder().add(validator("cluster", ValidatorKind.CLUSTER, null, ctx -> List.of())).build()) {
        long before = threads.getTotalStartedThreadCount();

        chain.validateOffline(INSTALLATION);

        assertThat(threads.getTotalStartedThreadCount() - before).isLessThanOrEqualTo(2);
      }
    }

    @Test
    void aValidatorThatWaitsLongerThanItsTimeoutForAThreadIsReportedAsNotStarted() throws Exception {
      CountDownLatch release = new CountDownLatch(1);
      int threads = ValidatorChain.MIN_THREADS; // a one-validator chain still has this many, for concurrent callers
      CountDownLatch allRunning = new CountDownLatch(threads);
      // ignores interrupts, so that it keeps every one of the chain's threads busy
      Validator stubborn = validator("stubborn", ValidatorKind.OFFLINE, Duration.ofMillis(200), ctx -> {
        allRunning.countDown();
        boolean interrupted = false;
        while (true) {
          try {
            if (release.await(GENEROUS_SECONDS, TimeUnit.SECONDS)) {
              break;
            }
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        return List.of();
      });
      List<String> messages = new CopyOnWriteArrayList<>();
      try (ValidatorChain chain = ValidatorChain.builder().add(stubborn).build()) {
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i <= threads; i++) {
          Thread caller = new Thread(() -> messages.addAll(
              chain.validateOffline(INSTALLATION).errors().stream().map(Finding::message).collect(Collectors.toList())));
          callers.add(caller);
          caller.start();
        }
        await(allRunning);
        try {
          for (Thread caller : callers) {
            caller.join(TimeUnit.SECONDS.toMillis(GENEROUS_SECONDS));
          }
        } finally {
          release.countDown();
        }
      }

      assertThat(messages).hasSize(threads + 1)
          .containsOnly("validator stubborn did not finish within 200 ms; what it checks is unknown.",
              "validator stubborn did not start within 200 ms, as the chain's threads were busy with other validations;"
                  + " what it checks is unknown.")
          .filteredOn(m -> m.contains("did not start")).hasSize(1);
    }

    @Test
    void validatorsStillRunSideBySideOnThePool() throws Exception {
      CyclicBarrier barrier = new CyclicBarrier(3);
      ValidatorChain.Builder builder = ValidatorChain.builder();
      for (int i = 0; i < 3; i++) {
        builder.add(validator("side-" + i, ValidatorKind.OFFLINE, null, ctx -> {
          barrier.await(GENEROUS_SECONDS, TimeUnit.SECONDS);
          return List.of();
        }));
      }
      try (ValidatorChain chain = builder.build()) {
        for (int round = 0; round < 3; round++) {
          assertThat(chain.validateOffline(INSTALLATION).errors()).isEmpty();
        }
      }
    }
  }
}
