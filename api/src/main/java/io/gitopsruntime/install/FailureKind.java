package io.gitopsruntime.install;

/** Why an install failed, so that callers can react without parsing messages. */
public enum FailureKind {
  /** Validation found errors; nothing was changed. */
  VALIDATION,
  /** A hook Job failed (for example {@code validate-values}); the message carries its log. */
  HOOK_FAILED,
  /** The release is stuck in a {@code pending-*} state from an interrupted operation. */
  PENDING_RELEASE,
  /** Objects exist that belong to another release or manager. */
  OWNERSHIP_CONFLICT,
  /** Workloads did not become ready in time; the message says which. */
  TIMEOUT,
  /** Another install of the same release is running. */
  LOCKED,
  /** The Helm binary is missing or too old. */
  HELM_UNAVAILABLE,
  /** The chart could not be found or rendered. */
  CHART,
  /** The Kubernetes API refused a request. */
  KUBERNETES_API,
  /** Anything else; the message and cause say what. */
  OTHER
}
