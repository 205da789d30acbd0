package io.gitopsruntime.validation;

import java.util.List;

/**
 * Wraps a whole validation run, in the manner of OkHttp's interceptors: suppress findings, change
 * severities, stop early, time the run. Most authors need a {@link Validator} instead.
 *
 * <pre>{@code
 * ValidationInterceptor noWarnings = chain -> ValidationReport.of(chain.proceed(chain.context())
 *     .findings().stream().filter(f -> f.severity() != Severity.WARNING).toList());
 * }</pre>
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ValidationInterceptor {

  /**
   * Runs (or skips) the rest of the chain and returns the report.
   *
   * @param chain the rest of the chain
   * @return the report
   */
  ValidationReport intercept(Chain chain);

  /** The rest of a validation run, as seen by one interceptor. Immutable. */
  interface Chain {
    /**
     * The context of this run.
     *
     * @return the context
     */
    ValidationContext context();

    /**
     * The validators the run will execute.
     *
     * @return the validators, in registration order
     */
    List<Validator> validators();

    /**
     * Runs the next interceptors and then the validators.
     *
     * @param context the context to pass on (usually {@link #context()})
     * @return the report
     */
    ValidationReport proceed(ValidationContext context);
  }
}
