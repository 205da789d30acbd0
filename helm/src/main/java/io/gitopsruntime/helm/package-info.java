/**
 * Installers of the GitOps Runtime: {@code HelmCliInstaller} runs the {@code helm} binary,
 * {@code ManifestInstaller} renders the chart and applies its objects through the Kubernetes API,
 * {@code EmbeddedHelmInstaller} runs Helm in-process; {@link io.gitopsruntime.helm.ConsoleInstallListener}
 * shows their progress in a terminal.
 */
@NullMarked
package io.gitopsruntime.helm;

import org.jspecify.annotations.NullMarked;
