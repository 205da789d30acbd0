/**
 * The validation SPI: {@link io.gitopsruntime.validation.Validator}s check a
 * {@link io.gitopsruntime.validation.ValidationContext} and return
 * {@link io.gitopsruntime.validation.Finding}s, which a chain runner collects into one
 * {@link io.gitopsruntime.validation.ValidationReport}.
 *
 * <p>Write a validator to add a policy of your own (for example a naming convention); the runner takes
 * care of concurrency, timeouts and turning a thrown exception into a finding.
 */
@NullMarked
@ValueStyle
package io.gitopsruntime.validation;

import io.gitopsruntime.internal.ValueStyle;
import org.jspecify.annotations.NullMarked;
