/**
 * Real OCI registries on loopback for tests of image work: {@link io.gitopsruntime.testing.registry.TestRegistry}
 * starts the distribution registry built by {@code scripts/provision-test-registry.sh} (optionally with basic auth, or
 * bearer tokens from a {@link io.gitopsruntime.testing.registry.TokenServer}, and TLS from a test CA) and pushes small
 * random test images; {@link io.gitopsruntime.testing.registry.FaultProxy} plays
 * errors and dropped connections in front of one.
 */
@NullMarked
package io.gitopsruntime.testing.registry;

import org.jspecify.annotations.NullMarked;
