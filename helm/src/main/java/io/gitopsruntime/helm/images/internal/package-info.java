/** Finding images in rendered objects; not API. */
@NullMarked
package io.gitopsruntime.helm.images.internal;

import org.jspecify.annotations.NullMarked;
