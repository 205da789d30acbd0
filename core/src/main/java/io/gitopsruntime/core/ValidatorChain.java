package io.gitopsruntime.core;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidationInterceptor;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validation.ValidatorKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs validators and collects every finding into one report.
 *
 * <pre>{@code
 * ValidatorChain chain = ValidatorChain.builder()
 *     .addAll(Validators.all())
 *     .add(myTeamPolicy)
 *     .remove("ingress.probe")
 *     .build();
 * ValidationReport report = chain.validate(ValidationContext.builder(installation).offline(true).build());
 * }</pre>
 *
 * <p>Validators run concurrently, each within its timeout; one that throws, returns null or overruns
 * becomes an ERROR finding that names it, and the others still run. With an offline context, every
 * remote validator is skipped with an INFO finding. Findings come out in a deterministic order: by
 * severity, then in the order the validators were added, then in each validator's own order. Literal
 * secrets of the values are masked in every finding, whatever a validator wrote.
 *
 * <p>Interceptors wrap the whole run, in the order they were added (see {@link ValidationInterceptor}).
 *
 * <p>Threads: the chain owns a bounded pool of daemon threads ({@code gitops-runtime-validator-N}), started
 * on first use, at most twice as many as it has validators but no fewer than {@value #MIN_THREADS} (for callers that
 * validate at the same time, such as a fleet of clusters) and no more than {@value #MAX_THREADS}, reused by
 * every validation and ended after {@value #IDLE_SECONDS} s without work. Concurrent validations share
 * it: a validator's timeout counts from when it starts, and one that waits longer than its timeout for a
 * thread is reported as not started. A validator that overruns is interrupted. {@link #close()} ends the
 * threads at once; a chain that is never closed leaves nothing running once idle.
 *
 * <p>Immutable and thread-safe; share one instance.
 */
public final class ValidatorChain implements AutoCloseable {
  /** The default time a validator may take. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  /** The most threads one chain runs validators on. */
  public static final int MAX_THREADS = 64;
  /** The threads a chain may use at least, whatever its number of validators, for callers validating at once. */
  public static final int MIN_THREADS = 16;
  /** How long an idle validator thread lives, in seconds. */
  public static final int IDLE_SECONDS = 10;

  private final List<Validator> validators;
  private final List<ValidationInterceptor> interceptors;
  private final Duration defaultTimeout;
  private final Object lock = new Object();
  /** Created on first use: a chain that only validates offline rules in a short-lived process pays for it once. */
  private @Nullable ThreadPoolExecutor executor;
  private boolean closed;

  private ValidatorChain(Builder builder) {
    this.validators = List.copyOf(builder.validators.values());
    this.interceptors = List.copyOf(builder.interceptors);
    this.defaultTimeout = builder.defaultTimeout;
  }

  /**
   * Ends the chain's threads, interrupting validators still running; later validations fail. Idempotent.
   */
  @Override
  public void close() {
    ThreadPoolExecutor running;
    synchronized (lock) {
      closed = true;
      running = executor;
      executor = null;
    }
    if (running != null) {
      running.shutdownNow();
    }
  }

  private ThreadPoolExecutor executor() {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("this ValidatorChain was closed; build another one with chain.toBuilder().build().");
      }
      if (executor == null) {
        // at least MIN_THREADS: one chain is shared by callers that validate at the same time (a fleet of clusters)
        int threads = Math.min(MAX_THREADS, Math.max(MIN_THREADS, 2 * validators.size()));
        AtomicInteger number = new AtomicInteger();
        ThreadPoolExecutor created = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), task -> {
              Thread thread = new Thread(task, "gitops-runtime-validator-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
        created.allowCoreThreadTimeOut(true);
        executor = created;
      }
      return executor;
    }
  }

  /**
   * Starts an empty chain.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The validators, in the order they were added.
   *
   * @return the validators
   */
  public List<Validator> validators() {
    return validators;
  }

  /**
   * Reopens this chain to add, remove or replace validators.
   *
   * @return a builder holding this chain's validators, interceptors and timeout
   */
  public Builder toBuilder() {
    Builder builder = new Builder().defaultTimeout(defaultTimeout);
    for (Validator validator : validators) {
      builder.add(validator);
    }
    for (ValidationInterceptor interceptor : interceptors) {
      builder.addInterceptor(interceptor);
    }
    return builder;
  }

  /**
   * Validates offline: only the validators that need nothing but the values run; the others are reported
   * as skipped.
   *
   * @param installation the installation
   * @return every finding
   */
  public ValidationReport validateOffline(RuntimeInstallation installation) {
    return validate(ValidationContext.builder(installation).offline(true).build());
  }

  /**
   * Validates online without a cluster: the platform, Git and ingress checks run; the cluster checks
   * report that no cluster was given. Attach a Kubernetes client with {@link #validate(ValidationContext)}.
   *
   * @param installation the installation
   * @return every finding
   */
  public ValidationReport validate(RuntimeInstallation installation) {
    return validate(ValidationContext.builder(installation).build());
  }

  /**
   * Validates.
   *
   * @param context the installation, whether to run offline, and collaborators
   * @return every finding
   */
  public ValidationReport validate(ValidationContext context) {
    Objects.requireNonNull(context, "context == null");
    Secrets secrets = new Secrets(context);
    ValidationReport report = new RealChain(0, context, secrets).proceed(context);
    return ValidationReport.of(redactAll(secrets.redactor(context), report.findings()));
  }

  private final class RealChain implements ValidationInterceptor.Chain {
    private final int index;
    private final ValidationContext context;
    private final Secrets secrets;

    RealChain(int index, ValidationContext context, Secrets secrets) {
      this.index = index;
      this.context = context;
      this.secrets = secrets;
    }

    @Override
    public ValidationContext context() {
      return context;
    }

    @Override
    public List<Validator> validators() {
      return validators;
    }

    @Override
    public ValidationReport proceed(ValidationContext next) {
      if (index < interceptors.size()) {
        ValidationInterceptor interceptor = interceptors.get(index);
        ValidationReport report = interceptor.intercept(new RealChain(index + 1, next, secrets));
        if (report == null) {
          throw new GitOpsRuntimeException("validation interceptor " + interceptor + " returned null; return a report.");
        }
        return report;
      }
      return runAll(next, secrets);
    }
  }

  /**
   * The literal secrets of one validation's context, found once (finding them walks all the values), or
   * anew for a context an interceptor replaced. One per {@link #validate} call.
   */
  private static final class Secrets {
    private final ValidationContext original;
    private volatile @Nullable Redactor redactor;

    Secrets(ValidationContext original) {
      this.original = original;
    }

    Redactor redactor(ValidationContext of) {
      if (of != original) {
        return Redactor.of(of.values());
      }
      Redactor found = redactor;
      if (found == null) {
        found = Redactor.of(original.values());
        redactor = found;
      }
      return found;
    }
  }

  private ValidationReport runAll(ValidationContext context, Secrets secrets) {
    List<List<Finding>> results = new ArrayList<>(validators.size());
    // every validator is queued at once: they wait on the network, so they run side by side
    List<@Nullable Run> runs = new ArrayList<>(validators.size());
    ThreadPoolExecutor pool = null;
    Redactor redactor;
    try {
      for (Validator validator : validators) {
        results.add(List.of());
        if (context.offline() && validator.kind().isRemote()) {
          runs.add(null);
          continue;
        }
        if (pool == null) {
          pool = executor();
        }
        Run run = new Run(validator, context);
        runs.add(run);
        try {
          run.future = pool.submit(run);
        } catch (RejectedExecutionException e) {
          throw new IllegalStateException("this ValidatorChain was closed; build another one with chain.toBuilder().build().", e);
        }
      }
      // found while the validators run
      redactor = secrets.redactor(context);
      for (int i = 0; i < validators.size(); i++) {
        Validator validator = validators.get(i);
        Run run = runs.get(i);
        results.set(i, run == null
            ? List.of(skippedOffline(validator))
            : await(run, validator.timeout().orElse(defaultTimeout), redactor));
      }
    } finally {
      for (Run run : runs) {
        if (run != null) {
          run.cancel();
        }
      }
    }
    List<Finding> all = new ArrayList<>();
    for (Severity severity : Severity.values()) {
      for (List<Finding> findings : results) {
        for (Finding finding : findings) {
          if (finding.severity() == severity) {
            all.add(finding);
          }
        }
      }
    }
    // masked here already, so that interceptors (which may log) never see a literal secret
    return ValidationReport.of(redactAll(redactor, all));
  }

  private static List<Finding> redactAll(Redactor redactor, List<Finding> findings) {
    List<Finding> redacted = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      redacted.add(redactor.redact(finding));
    }
    return redacted;
  }

  private static List<Finding> run(Validator validator, ValidationContext context) throws Exception {
    List<Finding> findings = validator.validate(context);
    if (findings == null) {
      return List.of(Finding.error("validator.failed", "", "validator " + validator.id() + " returned null instead of a list of findings;"
          + " its checks are unknown.", "Fix the validator to return an empty list when all is well.").withValidatorId(validator.id()));
    }
    List<Finding> named = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      named.add(finding.validatorId().isEmpty() ? finding.withValidatorId(validator.id()) : finding);
    }
    return named;
  }

  private static List<Finding> await(Run run, Duration timeout, Redactor redactor) {
    Validator validator = run.validator;
    boolean started;
    try {
      started = run.awaitUntilDeadline(timeout.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitOpsRuntimeException("validation was interrupted while waiting for " + validator.id() + ".", e);
    }
    List<Finding> result = run.result;
    Throwable failure = run.failure;
    if (result != null) {
      return result;
    }
    if (failure == null) {
      run.cancel();
      return List.of(Finding.error("validator.timeout", "",
          "validator " + validator.id() + (started ? " did not finish within " : " did not start within ") + describe(timeout)
              + (started ? "" : ", as the chain's threads were busy with other validations") + "; what it checks is unknown.",
          timeoutRemedy(validator.kind())).withValidatorId(validator.id()));
    }
    // an Error too (a StackOverflowError in a validator, say): it happened on the validator's own thread,
    // and the other checks' results are still worth reporting
    Throwable cause = failure;
    // the message only, masked: an exception's text may quote a request that carried a secret
    Log.LOG.debug("validator {} failed: {}", validator.id(), redactor.redact(String.valueOf(cause)));
    return List.of(Finding.error("validator.failed", "",
        "validator " + validator.id() + " failed: " + cause.getClass().getSimpleName()
            + (cause.getMessage() != null ? ": " + cause.getMessage() : "") + ". The other checks still ran.",
        "Fix the cause, or remove the validator with chain.toBuilder().remove(\"" + validator.id() + "\").")
        .withValidatorId(validator.id()));
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static String timeoutRemedy(ValidatorKind kind) {
    switch (kind) {
      case CLUSTER:
        return "Check that the Kubernetes API server is reachable from here, or validate offline.";
      case PLATFORM:
        return "Check that the Codefresh platform (global.codefresh.url) is reachable from here, or validate offline.";
      case GIT_PROVIDER:
        return "Check that the Git provider's API is reachable from here, or validate offline.";
      case INGRESS_PROBE:
        return "Check that the ingress host answers, or set global.runtime.ingress.skipValidation: true.";
      default:
        return "Fix the validator, or give it a longer timeout.";
    }
  }

  private static Finding skippedOffline(Validator validator) {
    return Finding.info("validation.skipped", "",
        "skipped " + validator.id() + ": it needs " + need(validator.kind()) + " and validation ran offline.")
        .withValidatorId(validator.id());
  }

  private static String need(ValidatorKind kind) {
    switch (kind) {
      case CLUSTER:
        return "the cluster";
      case PLATFORM:
        return "the Codefresh platform";
      case GIT_PROVIDER:
        return "the Git provider";
      case INGRESS_PROBE:
        return "the ingress host";
      default:
        return "nothing remote";
    }
  }

  @Override
  public String toString() {
    return "ValidatorChain" + validators.stream().map(Validator::id).toList();
  }

  /**
   * The logger, created on first use: initializing SLF4J costs a short-lived process (plan, a JBang
   * script) tens of milliseconds, and a chain whose validators all succeed never logs.
   */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(ValidatorChain.class);
  }

  /**
   * One validator's run on a thread of the chain's pool. Its result or failure is published before
   * {@code done} counts down, which makes it visible to the waiting caller.
   */
  private static final class Run implements Runnable {
    final Validator validator;
    private final ValidationContext context;
    private final long queued = System.nanoTime();
    private final CountDownLatch done = new CountDownLatch(1);
    volatile @Nullable Future<?> future;
    private volatile long startedAt;
    private volatile boolean started;
    volatile @Nullable List<Finding> result;
    volatile @Nullable Throwable failure;

    Run(Validator validator, ValidationContext context) {
      this.validator = validator;
      this.context = context;
    }

    @Override
    public void run() {
      startedAt = System.nanoTime();
      started = true;
      try {
        result = ValidatorChain.run(validator, context);
      } catch (Throwable t) {
        failure = t;
      } finally {
        done.countDown();
      }
    }

    /**
     * Waits until the run ended, or its timeout passed since it started (or since it was queued, while it
     * has not started), whichever comes first.
     *
     * @return whether it started
     */
    boolean awaitUntilDeadline(long timeoutNanos) throws InterruptedException {
      while (true) {
        boolean running = started;
        long deadline = (running ? startedAt : queued) + timeoutNanos;
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return running;
        }
        if (done.await(remaining, TimeUnit.NANOSECONDS)) {
          return true;
        }
      }
    }

    /** Interrupts the run if it is running, or takes it off the queue. */
    void cancel() {
      Future<?> f = future;
      if (f != null && done.getCount() > 0) {
        f.cancel(true);
      }
    }
  }

  /** Builds a {@link ValidatorChain}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Validator> validators = new LinkedHashMap<>();
    private final List<ValidationInterceptor> interceptors = new ArrayList<>();
    private Duration defaultTimeout = DEFAULT_TIMEOUT;

    private Builder() {}

    /**
     * Adds a validator at the end.
     *
     * @param validator the validator
     * @return this builder
     * @throws IllegalArgumentException if a validator with the same id is already there; use
     *     {@link #replace(String, Validator)}
     */
    public Builder add(Validator validator) {
      Objects.requireNonNull(validator, "validator == null");
      String id = Objects.requireNonNull(validator.id(), "validator.id() == null");
      if (validators.containsKey(id)) {
        throw new IllegalArgumentException("the chain already has a validator \"" + id + "\"; use replace(\"" + id + "\", ...) to swap it.");
      }
      validators.put(id, validator);
      return this;
    }

    /**
     * Adds validators at the end, in order.
     *
     * @param validators the validators
     * @return this builder
     */
    public Builder addAll(Iterable<? extends Validator> validators) {
      for (Validator validator : validators) {
        add(validator);
      }
      return this;
    }

    /**
     * Removes a validator.
     *
     * @param id its id
     * @return this builder
     * @throws IllegalArgumentException if there is no such validator (a misspelt id would otherwise go unnoticed)
     */
    public Builder remove(String id) {
      if (validators.remove(id) == null) {
        throw new IllegalArgumentException("the chain has no validator \"" + id + "\"; its validators are " + validators.keySet() + ".");
      }
      return this;
    }

    /**
     * Replaces a validator in its place.
     *
     * @param id the id of the validator to replace
     * @param replacement the new validator (its id may differ)
     * @return this builder
     * @throws IllegalArgumentException if there is no such validator
     */
    public Builder replace(String id, Validator replacement) {
      Objects.requireNonNull(replacement, "replacement == null");
      if (!validators.containsKey(id)) {
        throw new IllegalArgumentException("the chain has no validator \"" + id + "\"; its validators are " + validators.keySet() + ".");
      }
      String newId = Objects.requireNonNull(replacement.id(), "replacement.id() == null");
      if (!newId.equals(id) && validators.containsKey(newId)) {
        throw new IllegalArgumentException("the chain already has a validator \"" + newId + "\"; use replace(\"" + newId + "\", ...) to swap it.");
      }
      Map<String, Validator> copy = new LinkedHashMap<>();
      validators.forEach((k, v) -> {
        if (k.equals(id)) {
          copy.put(newId, replacement);
        } else {
          copy.put(k, v);
        }
      });
      validators.clear();
      validators.putAll(copy);
      return this;
    }

    /**
     * Adds an interceptor around the run.
     *
     * @param interceptor the interceptor
     * @return this builder
     */
    public Builder addInterceptor(ValidationInterceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor == null"));
      return this;
    }

    /**
     * The time a validator may take when it does not say.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder defaultTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.defaultTimeout = timeout;
      return this;
    }

    /**
     * Builds the chain.
     *
     * @return the chain
     */
    public ValidatorChain build() {
      return new ValidatorChain(this);
    }
  }
}
