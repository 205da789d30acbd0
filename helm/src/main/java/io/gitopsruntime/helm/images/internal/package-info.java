/** Finding images in rendered objects, and a small OCI distribution client for mirroring them; not API. */
@NullMarked
package io.gitopsruntime.helm.images.internal;

import org.jspecify.annotations.NullMarked;
