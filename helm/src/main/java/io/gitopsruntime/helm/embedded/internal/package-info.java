/**
 * The embedded Helm engine behind {@link io.gitopsruntime.helm.embedded.EmbeddedHelmInstaller}, isolated in a child
 * JVM: {@link io.gitopsruntime.helm.embedded.internal.EngineProcess} starts it and speaks to it,
 * {@link io.gitopsruntime.helm.embedded.internal.EngineMain} is its main, and
 * {@code NativeHelm} makes the helm-java calls inside it. Not API.
 */
@NullMarked
package io.gitopsruntime.helm.embedded.internal;

import org.jspecify.annotations.NullMarked;
