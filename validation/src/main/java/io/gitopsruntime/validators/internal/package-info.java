/**
 * Machinery of the built-in validators: the wording of every finding, reading untyped values, HTTP and
 * Kubernetes plumbing. Not API: anything here may change in any release.
 */
@NullMarked
package io.gitopsruntime.validators.internal;

import org.jspecify.annotations.NullMarked;
