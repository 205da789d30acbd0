/**
 * What users call to work with values and installations: {@link io.gitopsruntime.core.ValuesYaml} reads
 * and writes values files, {@link io.gitopsruntime.core.ValuesFiles} reads several into an installation and
 * one report of every problem, {@link io.gitopsruntime.core.ValuesTree} merges them as Helm does,
 * {@link io.gitopsruntime.core.ValuesPath} encodes {@code --set} paths,
 * {@link io.gitopsruntime.core.Exports} turns an installation into a values file, a helm command, a
 * Terraform resource or an Argo CD Application, and {@link io.gitopsruntime.core.ValidatorChain} runs
 * validators.
 */
@NullMarked
@ValueStyle
package io.gitopsruntime.core;

import io.gitopsruntime.internal.ValueStyle;
import org.jspecify.annotations.NullMarked;
