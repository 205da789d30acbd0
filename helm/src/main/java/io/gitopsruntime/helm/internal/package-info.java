/**
 * Machinery shared by the installers. Not supported for use outside this SDK.
 */
@NullMarked
package io.gitopsruntime.helm.internal;

import org.jspecify.annotations.NullMarked;
