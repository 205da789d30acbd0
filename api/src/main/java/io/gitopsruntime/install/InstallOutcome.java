package io.gitopsruntime.install;

/** What an install did to the release. */
public enum InstallOutcome {
  /** The release did not exist and was installed. */
  INSTALLED,
  /** The release existed and was changed. */
  UPGRADED,
  /** The release existed and nothing needed to change. */
  UNCHANGED
}
