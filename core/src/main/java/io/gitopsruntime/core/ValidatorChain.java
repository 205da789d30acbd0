package io.gitopsruntime.core;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.internal.Redactor;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.Severity;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidationInterceptor;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validation.ValidatorKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>Immutable and thread-safe; share one instance.
 */
public final class ValidatorChain {
  /** The default time a validator may take. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  private static final Comparator<Severity> SEVERITY_ORDER = Comparator.comparingInt(Severity::ordinal);

  private final List<Validator> validators;
  private final List<ValidationInterceptor> interceptors;
  private final Duration defaultTimeout;

  private ValidatorChain(Builder builder) {
    this.validators = List.copyOf(builder.validators.values());
    this.interceptors = List.copyOf(builder.interceptors);
    this.defaultTimeout = builder.defaultTimeout;
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
    validators.forEach(builder::add);
    interceptors.forEach(builder::addInterceptor);
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
    Redactor redactor = Redactor.of(context.values());
    ValidationReport report = new RealChain(0, context).proceed(context);
    return ValidationReport.of(report.findings().stream().map(redactor::redact).toList());
  }

  private final class RealChain implements ValidationInterceptor.Chain {
    private final int index;
    private final ValidationContext context;

    RealChain(int index, ValidationContext context) {
      this.index = index;
      this.context = context;
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
        ValidationReport report = interceptor.intercept(new RealChain(index + 1, next));
        if (report == null) {
          throw new GitOpsRuntimeException("validation interceptor " + interceptor + " returned null; return a report.");
        }
        return report;
      }
      return runAll(next);
    }
  }

  private ValidationReport runAll(ValidationContext context) {
    Redactor redactor = Redactor.of(context.values());
    List<List<Finding>> results = new ArrayList<>(validators.size());
    List<Future<List<Finding>>> futures = new ArrayList<>(validators.size());
    List<Long> deadlines = new ArrayList<>(validators.size());
    ExecutorService executor = null;
    long start = System.nanoTime();
    for (Validator validator : validators) {
      results.add(null);
      if (context.offline() && validator.kind().isRemote()) {
        futures.add(null);
        deadlines.add(0L);
        continue;
      }
      if (executor == null) {
        // one thread per validator: they wait on the network, and a queued validator would spend its
        // timeout waiting for a thread
        executor = Executors.newCachedThreadPool(new DaemonThreads());
      }
      futures.add(executor.submit(() -> run(validator, context)));
      deadlines.add(start + validator.timeout().orElse(defaultTimeout).toNanos());
    }
    try {
      for (int i = 0; i < validators.size(); i++) {
        Validator validator = validators.get(i);
        Future<List<Finding>> future = futures.get(i);
        results.set(i, future == null
            ? List.of(skippedOffline(validator))
            : await(validator, future, deadlines.get(i), validator.timeout().orElse(defaultTimeout), redactor));
      }
    } finally {
      if (executor != null) {
        executor.shutdownNow();
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
    all.sort(Comparator.comparing(Finding::severity, SEVERITY_ORDER));
    // masked here already, so that interceptors (which may log) never see a literal secret
    return ValidationReport.of(all.stream().map(redactor::redact).toList());
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

  private static List<Finding> await(
      Validator validator, Future<List<Finding>> future, long deadline, Duration timeout, Redactor redactor) {
    try {
      long remaining = Math.max(0, deadline - System.nanoTime());
      return future.get(remaining, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return List.of(Finding.error("validator.timeout", "",
          "validator " + validator.id() + " did not finish within " + describe(timeout) + "; what it checks is unknown.",
          timeoutRemedy(validator.kind())).withValidatorId(validator.id()));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      // the message only, masked: an exception's text may quote a request that carried a secret
      Log.LOG.debug("validator {} failed: {}", validator.id(), redactor.redact(String.valueOf(cause)));
      return List.of(Finding.error("validator.failed", "",
          "validator " + validator.id() + " failed: " + cause.getClass().getSimpleName()
              + (cause.getMessage() != null ? ": " + cause.getMessage() : "") + ". The other checks still ran.",
          "Fix the cause, or remove the validator with chain.toBuilder().remove(\"" + validator.id() + "\").")
          .withValidatorId(validator.id()));
    } catch (CancellationException e) {
      return List.of(Finding.error("validator.failed", "", "validator " + validator.id() + " was cancelled.", "")
          .withValidatorId(validator.id()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new GitOpsRuntimeException("validation was interrupted while waiting for " + validator.id() + ".", e);
    }
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

  private static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(runnable, "gitops-runtime-validator-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
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
      validators.forEach(this::add);
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
