package io.gitopsruntime.validation;

/**
 * What a validator needs to do its work; the chain runner skips validators whose needs are not met (no
 * cluster given, or running offline) and says so in the report.
 */
public enum ValidatorKind {
  /** Needs only the values: always runs. */
  OFFLINE,
  /** Reads the target cluster through the Kubernetes API. */
  CLUSTER,
  /** Calls the Codefresh platform. */
  PLATFORM,
  /** Calls a Git provider's API. */
  GIT_PROVIDER,
  /** Sends an HTTP request to the runtime's ingress host. */
  INGRESS_PROBE;

  /**
   * Whether validators of this kind reach over the network.
   *
   * @return true for every kind but {@link #OFFLINE}
   */
  public boolean isRemote() {
    return this != OFFLINE;
  }
}
