package io.gitopsruntime.core;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.internal.ValidatorRunner;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.ValidationInterceptor;
import io.gitopsruntime.validation.ValidationReport;
import io.gitopsruntime.validation.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
  private final ValidatorRunner runner;

  private ValidatorChain(Builder builder) {
    this.validators = List.copyOf(builder.validators.values());
    this.interceptors = List.copyOf(builder.interceptors);
    this.defaultTimeout = builder.defaultTimeout;
    this.runner = new ValidatorRunner(validators, interceptors, defaultTimeout);
  }

  /**
   * Ends the chain's threads, interrupting validators still running; later validations fail. Idempotent.
   */
  @Override
  public void close() {
    runner.close();
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
    return runner.validate(context);
  }

  @Override
  public String toString() {
    return "ValidatorChain" + validators.stream().map(Validator::id).toList();
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
