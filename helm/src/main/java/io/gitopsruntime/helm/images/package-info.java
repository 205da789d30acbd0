/**
 * Every image an installation will run: {@link io.gitopsruntime.helm.images.RuntimeImages} renders the chart offline
 * with the embedded Helm engine and lists each image, normalized, with the places it was found
 * ({@link io.gitopsruntime.helm.images.ImageRef}).
 */
@NullMarked
package io.gitopsruntime.helm.images;

import org.jspecify.annotations.NullMarked;
