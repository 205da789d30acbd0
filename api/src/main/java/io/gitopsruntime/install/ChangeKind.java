package io.gitopsruntime.install;

/** What an install does, or would do, to one object. */
public enum ChangeKind {
  /** The object does not exist yet. */
  CREATE,
  /** The object exists and changes. */
  UPDATE,
  /** The object exists and stays as it is. */
  UNCHANGED,
  /** The object is removed (pruned on upgrade, or uninstalled). */
  DELETE
}
