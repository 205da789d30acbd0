package io.gitopsruntime.install;

/** The state of a release, as Helm names them. */
public enum ReleaseState {
  /** No release of that name exists in the namespace. */
  NOT_INSTALLED,
  /** Installed and its last operation succeeded. */
  DEPLOYED,
  /** Its last operation failed. */
  FAILED,
  /** An install is in progress, or was interrupted. */
  PENDING_INSTALL,
  /** An upgrade is in progress, or was interrupted. */
  PENDING_UPGRADE,
  /** A rollback is in progress, or was interrupted. */
  PENDING_ROLLBACK,
  /** An uninstall is in progress, or was interrupted. */
  UNINSTALLING,
  /** Another state the SDK does not know. */
  UNKNOWN
}
