package io.gitopsruntime.install;

import io.gitopsruntime.RuntimeInstallation;

/**
 * Installs the GitOps Runtime: plans, installs (idempotently, like {@code helm upgrade --install}),
 * uninstalls and reports status.
 *
 * <p>Installers validate before they change anything and refuse to proceed on an ERROR finding. Close an
 * installer to release what it created (a Kubernetes client it opened); one handed a client never closes
 * it. Implementations say in their Javadoc whether they are thread-safe.
 */
public interface Installer extends AutoCloseable {

  /**
   * Computes what {@link #install} would change, without changing anything.
   *
   * @param installation the installation
   * @return the plan, with validation findings
   * @throws InstallException if the plan cannot be computed
   */
  InstallPlan plan(RuntimeInstallation installation);

  /**
   * Installs or upgrades the release; a second run with the same installation changes nothing.
   *
   * @param installation the installation
   * @return what was done
   * @throws io.gitopsruntime.validation.ValidationException if validation found errors (nothing changed)
   * @throws InstallException if the install failed; the message explains why and how to recover
   */
  InstallResult install(RuntimeInstallation installation);

  /**
   * Removes the release.
   *
   * @param installation the installation (release name and namespace are what matter)
   * @return what was removed and kept
   * @throws InstallException if the uninstall failed
   */
  UninstallResult uninstall(RuntimeInstallation installation);

  /**
   * Reports the release's state and what is not ready.
   *
   * @param installation the installation (release name and namespace are what matter)
   * @return the status
   * @throws InstallException if the status cannot be read
   */
  ReleaseStatus status(RuntimeInstallation installation);

  /** Releases what this installer created; does not throw. */
  @Override
  void close();
}
