/**
 * {@link io.gitopsruntime.helm.embedded.EmbeddedHelmInstaller}: installs the GitOps Runtime with Helm running
 * inside the JVM (helm-java), so that no {@code helm} binary is needed.
 */
@NullMarked
package io.gitopsruntime.helm.embedded;

import org.jspecify.annotations.NullMarked;
