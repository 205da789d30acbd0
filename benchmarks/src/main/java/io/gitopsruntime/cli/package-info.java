/**
 * A benchmark harness that runs the {@code gitops-runtime} tool's plan without its validators.
 */
@NullMarked
package io.gitopsruntime.cli;

import org.jspecify.annotations.NullMarked;
