/**
 * The installer SPI: an {@link io.gitopsruntime.install.Installer} plans, installs, uninstalls and
 * reports on a {@link io.gitopsruntime.RuntimeInstallation}, and tells an
 * {@link io.gitopsruntime.install.InstallListener} what it is doing as it goes.
 */
@NullMarked
@ValueStyle
package io.gitopsruntime.install;

import io.gitopsruntime.internal.ValueStyle;
import org.jspecify.annotations.NullMarked;
