package io.gitopsruntime.core.internal;

import static io.gitopsruntime.core.ValidatorChain.IDLE_SECONDS;
import static io.gitopsruntime.core.ValidatorChain.MAX_THREADS;
import static io.gitopsruntime.core.ValidatorChain.MIN_THREADS;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.core.Redactor;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidationInterceptor;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validation.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Runs the validators of a {@link ValidatorChain}: through its interceptors, each validator on the chain's
 * pool within its timeout, then the findings in order with every literal secret masked. The pool is created on
 * first use and ended by {@link #close()}; see {@link ValidatorChain} for its threads. Thread-safe.
 */
public final class ValidatorRunner {
  private final List<Validator> validators;
  private final List<ValidationInterceptor> interceptors;
  private final Duration defaultTimeout;
  private final Object lock = new Object();
  /** Created on first use: a chain that only validates offline rules in a short-lived process pays for it once. */
  private @Nullable ThreadPoolExecutor executor;
  private boolean closed;

  /**
   * A runner of validators.
   *
   * @param validators the validators, in order
   * @param interceptors the interceptors, outermost first
   * @param defaultTimeout the time a validator may take when it does not say
   */
  public ValidatorRunner(List<Validator> validators, List<ValidationInterceptor> interceptors, Duration defaultTimeout) {
    this.validators = validators;
    this.interceptors = interceptors;
    this.defaultTimeout = defaultTimeout;
  }

  /** Ends the threads, interrupting validators still running; later validations fail. Idempotent. */
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
        throw new IllegalStateException(ChainWording.CLOSED);
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
   * Runs the validators through the interceptors and masks the literal secrets of the context in every finding.
   *
   * @param context the installation, whether to run offline, and collaborators
   * @return every finding
   */
  public ValidationReport validate(ValidationContext context) {
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
          throw new GitOpsRuntimeException(ChainWording.interceptorReturnedNull(interceptor));
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
          throw new IllegalStateException(ChainWording.CLOSED, e);
        }
      }
      // found while the validators run
      redactor = secrets.redactor(context);
      for (int i = 0; i < validators.size(); i++) {
        Validator validator = validators.get(i);
        Run run = runs.get(i);
        results.set(i, run == null
            ? List.of(ChainWording.skippedOffline(validator))
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
      return List.of(ChainWording.returnedNull(validator));
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
      throw new GitOpsRuntimeException(ChainWording.interrupted(validator), e);
    }
    List<Finding> result = run.result;
    Throwable failure = run.failure;
    if (result != null) {
      return result;
    }
    if (failure == null) {
      run.cancel();
      return List.of(ChainWording.timedOut(validator, started, timeout));
    }
    // an Error too (a StackOverflowError in a validator, say): it happened on the validator's own thread,
    // and the other checks' results are still worth reporting
    Throwable cause = failure;
    // the message only, masked: an exception's text may quote a request that carried a secret
    Log.LOG.debug("validator {} failed: {}", validator.id(), redactor.redact(String.valueOf(cause)));
    return List.of(ChainWording.failed(validator, cause));
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
        result = ValidatorRunner.run(validator, context);
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
}
