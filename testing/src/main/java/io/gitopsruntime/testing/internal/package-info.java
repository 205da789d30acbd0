/**
 * Machinery behind {@link io.gitopsruntime.testing.KubernetesTestServer} and
 * {@link io.gitopsruntime.testing.OciRegistry}: the HTTP front, the object store, server-side apply,
 * discovery, the simulated controllers and the OCI distribution handler. Not API: it may change in
 * any release.
 */
@NullMarked
package io.gitopsruntime.testing.internal;

import org.jspecify.annotations.NullMarked;
