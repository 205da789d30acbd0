package io.gitopsruntime.validation;

/** How serious a {@link Finding} is. */
public enum Severity {
  /** The installation would fail or misbehave; installers refuse to proceed. */
  ERROR,
  /** Probably a mistake, or a risk worth knowing; the installation can proceed. */
  WARNING,
  /** For information, such as a check that was skipped and why. */
  INFO
}
