/**
 * The manifest installer: {@link io.gitopsruntime.helm.manifest.ManifestInstaller} renders the chart with
 * the embedded Helm engine and applies its objects through the Kubernetes API with server-side apply,
 * hooks, readiness, an inventory and a lock; no {@code helm} binary needed.
 */
@NullMarked
package io.gitopsruntime.helm.manifest;

import org.jspecify.annotations.NullMarked;
