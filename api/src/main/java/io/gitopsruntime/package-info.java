/**
 * The entry points: {@link io.gitopsruntime.RuntimeInstallation} describes one installation of the
 * Codefresh GitOps Runtime, {@link io.gitopsruntime.GitOpsRuntimeException} is the root of every
 * exception the SDK throws.
 */
@NullMarked
@ValueStyle
package io.gitopsruntime;

import io.gitopsruntime.internal.ValueStyle;
import org.jspecify.annotations.NullMarked;
