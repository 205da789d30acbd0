package io.gitopsruntime.install;

import io.gitopsruntime.GitOpsRuntimeException;
import java.util.Objects;

/**
 * Thrown when an install, upgrade or uninstall fails; the message explains the real cause (a hook's log
 * line, the CRDs in conflict, what was not ready) and how to recover. Never contains a secret.
 * Immutable and thread-safe.
 */
public class InstallException extends GitOpsRuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the install failed. */
  private final FailureKind failure;
  /** The release. */
  private final String releaseName;
  /** The namespace. */
  private final String namespace;

  /**
   * Creates the exception.
   *
   * @param failure why it failed
   * @param releaseName the release
   * @param namespace the namespace
   * @param message what failed, why, and how to recover
   * @param cause the original exception, or null
   */
  public InstallException(
      FailureKind failure,
      String releaseName,
      String namespace,
      String message,
      @org.jspecify.annotations.Nullable Throwable cause) {
    super(message, cause);
    this.failure = Objects.requireNonNull(failure, "failure == null");
    this.releaseName = releaseName;
    this.namespace = namespace;
  }

  /**
   * Why the install failed.
   *
   * @return the kind of failure
   */
  public FailureKind failure() {
    return failure;
  }

  /**
   * The release.
   *
   * @return the release name
   */
  public String releaseName() {
    return releaseName;
  }

  /**
   * The namespace.
   *
   * @return the namespace
   */
  public String namespace() {
    return namespace;
  }
}
