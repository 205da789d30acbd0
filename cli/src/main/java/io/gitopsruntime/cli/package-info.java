/**
 * The {@code gitops-runtime} command-line tool: plan, validate, export and install the Codefresh GitOps
 * Runtime from a values file.
 */
@NullMarked
package io.gitopsruntime.cli;

import org.jspecify.annotations.NullMarked;
