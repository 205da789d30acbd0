/**
 * The typed model of the {@code gitops-runtime} chart's values: one {@code *Values} type per node of the
 * values tree, from {@link io.gitopsruntime.values.GitOpsRuntimeValues} at the root down.
 *
 * <p>Every type is immutable and thread-safe. Unset options are absent (the chart default applies);
 * keys the model does not type are kept, per node, in {@code additionalValues()} so that nothing is lost
 * in a round trip.
 */
@NullMarked
@ValueStyle
package io.gitopsruntime.values;

import io.gitopsruntime.internal.ValueStyle;
import org.jspecify.annotations.NullMarked;
