package io.gitopsruntime.install;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The state of an installed release and of its workloads. Immutable and thread-safe. */
@Value.Immutable
public abstract class ReleaseStatus {
  /**
   * The release name.
   *
   * @return the release
   */
  public abstract String releaseName();

  /**
   * The namespace.
   *
   * @return the namespace
   */
  public abstract String namespace();

  /**
   * The release state.
   *
   * @return the state
   */
  public abstract ReleaseState state();

  /**
   * The current revision.
   *
   * @return the revision, or 0 when not installed
   */
  @Value.Default
  public int revision() {
    return 0;
  }

  /**
   * The installed chart version.
   *
   * @return the version, when known
   */
  public abstract Optional<String> chartVersion();

  /**
   * The release's objects that are not ready.
   *
   * @return the objects and why; empty when all are ready (or not known)
   */
  public abstract List<NotReady> notReady();

  /**
   * Whether the release is deployed and every workload is ready.
   *
   * @return true when healthy
   */
  public boolean isHealthy() {
    return state() == ReleaseState.DEPLOYED && notReady().isEmpty();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReleaseStatus}. Not thread-safe. */
  public static final class Builder extends ImmutableReleaseStatus.Builder {
    Builder() {}
  }
}
