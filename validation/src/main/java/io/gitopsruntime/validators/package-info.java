/**
 * The built-in validators of the GitOps Runtime values: offline rules that reproduce the chart's own
 * checks and Codefresh's {@code cf helm validate}, the cluster checks (referenced Secrets, IngressClass,
 * Kubernetes version, permissions, node capacity, other runtimes, Argo CRD ownership, the external Argo CD's
 * version), the Codefresh platform check, the Git token check and the ingress probe; plus parsers for the Git URLs an installation needs
 * ({@link io.gitopsruntime.validators.SharedConfigRepo}, {@link io.gitopsruntime.validators.GitApiUrl}).
 *
 * <p>Start at {@link io.gitopsruntime.validators.Validators}. Every rule id a finding can carry is a
 * constant of {@link io.gitopsruntime.validators.RuleIds} and is listed in the module's {@code RULES.md}.
 */
@NullMarked
package io.gitopsruntime.validators;

import org.jspecify.annotations.NullMarked;
