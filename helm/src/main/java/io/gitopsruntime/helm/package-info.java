/**
 * Installers of the GitOps Runtime: {@link io.gitopsruntime.helm.cli.HelmCliInstaller} runs the {@code helm}
 * binary, {@link io.gitopsruntime.helm.manifest.ManifestInstaller} renders the chart and applies its objects through the Kubernetes API,
 * {@link io.gitopsruntime.helm.embedded.EmbeddedHelmInstaller} runs Helm in-process; {@link io.gitopsruntime.helm.ConsoleInstallListener}
 * shows their progress in a terminal.
 */
@NullMarked
package io.gitopsruntime.helm;

import org.jspecify.annotations.NullMarked;
