/**
 * {@link io.gitopsruntime.helm.cli.HelmCliInstaller}: installs the GitOps Runtime by running the user's
 * {@code helm} binary. Everything else in this package is package-private: one class per Helm command and the
 * process runner that executes them.
 */
@NullMarked
package io.gitopsruntime.helm.cli;

import org.jspecify.annotations.NullMarked;
