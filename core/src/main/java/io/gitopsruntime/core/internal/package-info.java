/**
 * Machinery of the core module. Not supported for use outside this SDK.
 */
@NullMarked
package io.gitopsruntime.core.internal;

import org.jspecify.annotations.NullMarked;
