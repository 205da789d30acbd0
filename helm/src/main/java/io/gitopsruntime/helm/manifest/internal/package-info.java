/**
 * The machinery of {@link io.gitopsruntime.helm.manifest.ManifestInstaller}: fetching and rendering the
 * chart, talking to the Kubernetes API with retries, applying objects in waves, hooks, readiness, the
 * inventory and the release lock. Not supported for use outside this SDK.
 */
@NullMarked
package io.gitopsruntime.helm.manifest.internal;

import org.jspecify.annotations.NullMarked;
