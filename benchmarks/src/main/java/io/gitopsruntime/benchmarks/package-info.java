/**
 * Performance measurements of the SDK; run from the command line, never from unit tests.
 */
@NullMarked
package io.gitopsruntime.benchmarks;

import org.jspecify.annotations.NullMarked;
