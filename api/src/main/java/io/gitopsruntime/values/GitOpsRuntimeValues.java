package io.gitopsruntime.values;

import java.util.Map;
import org.immutables.value.Value;

/**
 * The whole values tree of the {@code gitops-runtime} chart, as a user would put it in a values file.
 *
 * <p>Values path: {@code (root)}. Immutable and thread-safe.
 */
@Value.Immutable
public abstract class GitOpsRuntimeValues implements WithGitOpsRuntimeValues {

  /**
   * The {@code global} node: platform, runtime, access mode, scheduling.
   *
   * @return the {@code global} node; empty when not set
   */
  @Value.Default
  public GlobalValues global() {
    return GlobalValues.builder().build();
  }

  /**
   * The {@code installer} node: the pre-install validation hooks.
   *
   * @return the {@code installer} node; empty when not set
   */
  @Value.Default
  public InstallerValues installer() {
    return InstallerValues.builder().build();
  }

  /**
   * The {@code app-proxy} node: the runtime's API server.
   *
   * @return the {@code app-proxy} node; empty when not set
   */
  @Value.Default
  public AppProxyValues appProxy() {
    return AppProxyValues.builder().build();
  }

  /**
   * The {@code tunnel-client} node: the tunnel access mode's client.
   *
   * @return the {@code tunnel-client} node; empty when not set
   */
  @Value.Default
  public ComponentValues tunnelClient() {
    return ComponentValues.builder().build();
  }

  /**
   * The {@code argo-cd} node: the bundled Argo CD (disable it to bring your own).
   *
   * @return the {@code argo-cd} node; empty when not set
   */
  @Value.Default
  public ComponentValues argoCd() {
    return ComponentValues.builder().build();
  }

  /**
   * The {@code argo-workflows} node.
   *
   * @return the {@code argo-workflows} node; empty when not set
   */
  @Value.Default
  public ComponentValues argoWorkflows() {
    return ComponentValues.builder().build();
  }

  /**
   * The {@code sealed-secrets} node.
   *
   * @return the {@code sealed-secrets} node; empty when not set
   */
  @Value.Default
  public ComponentValues sealedSecrets() {
    return ComponentValues.builder().build();
  }

  /**
   * The {@code redis} node: the standalone Redis cache.
   *
   * @return the {@code redis} node; empty when not set
   */
  @Value.Default
  public ComponentValues redis() {
    return ComponentValues.builder().build();
  }

  /**
   * The {@code redis-ha} node: the highly available Redis cache.
   *
   * @return the {@code redis-ha} node; empty when not set
   */
  @Value.Default
  public ComponentValues redisHa() {
    return ComponentValues.builder().build();
  }

  /**
   * The {@code gitops-operator} node: the promotions operator.
   *
   * @return the {@code gitops-operator} node; empty when not set
   */
  @Value.Default
  public ComponentValues gitopsOperator() {
    return ComponentValues.builder().build();
  }

  /**
   * The {@code codefreshWorkflowLogStoreCM} node; when enabled (the default) the chart needs {@code global.codefresh.accountId}.
   *
   * @return the {@code codefreshWorkflowLogStoreCM} node; empty when not set
   */
  @Value.Default
  public ComponentValues workflowLogStore() {
    return ComponentValues.builder().build();
  }

  /**
   * Keys of this node the model does not type, and typed keys whose source value was null, empty or of
   * another type; kept verbatim so that a round trip loses nothing. A typed attribute that is set wins
   * over an entry of the same key here.
   *
   * @return untyped keys and their values (maps, lists, strings, numbers, booleans or {@link ExplicitNull})
   */
  @Value.Redacted
  public abstract Map<String, Object> additionalValues();

  /**
   * The access mode these values select, read the way the chart reads them: ingress wins over an
   * HTTPRoute, either suppresses the tunnel, and with all three off the runtime is reached at
   * {@code global.runtime.ingressUrl}.
   *
   * @return the access mode; {@link AccessMode.Tunnel} when nothing else is selected
   */
  public final AccessMode accessMode() {
    return AccessMode.of(this);
  }

  /**
   * Returns a copy with the access mode set: every key the mode needs is set and the other modes are
   * turned off.
   *
   * @param mode the access mode
   * @return a changed copy
   */
  public final GitOpsRuntimeValues withAccessMode(AccessMode mode) {
    return mode.applyTo(this);
  }

  /**
   * Whether no key at all is set.
   *
   * @return true for an empty values file
   */
  public final boolean isEmpty() {
    return this.equals(builder().build());
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link GitOpsRuntimeValues}. Not thread-safe. */
  public static final class Builder extends ImmutableGitOpsRuntimeValues.Builder {
    Builder() {}
  }
}
