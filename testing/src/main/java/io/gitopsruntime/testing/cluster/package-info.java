/**
 * A real Kubernetes control plane and real Helm binaries for tests: {@link io.gitopsruntime.testing.cluster.TestAssets}
 * finds the binaries that {@code scripts/provision-test-cluster.sh} builds.
 */
@NullMarked
package io.gitopsruntime.testing.cluster;

import org.jspecify.annotations.NullMarked;
