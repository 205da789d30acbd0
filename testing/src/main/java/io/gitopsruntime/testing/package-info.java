/**
 * Test support for code that uses gitops-runtime: an in-process Kubernetes API
 * ({@link io.gitopsruntime.testing.KubernetesTestServer}) with server-side apply, discovery, simulated
 * controllers and fault injection; a JUnit 5 extension ({@link io.gitopsruntime.testing.KubernetesTest});
 * a chart shaped like the real {@code gitops-runtime} chart ({@link io.gitopsruntime.testing.TestChart});
 * and a local OCI registry for {@code oci://} chart references
 * ({@link io.gitopsruntime.testing.OciRegistry}).
 */
@NullMarked
package io.gitopsruntime.testing;

import org.jspecify.annotations.NullMarked;
