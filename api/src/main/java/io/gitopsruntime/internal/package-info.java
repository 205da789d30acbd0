/**
 * Machinery shared by the API's value types. Not supported for use outside this SDK.
 */
@NullMarked
package io.gitopsruntime.internal;

import org.jspecify.annotations.NullMarked;
