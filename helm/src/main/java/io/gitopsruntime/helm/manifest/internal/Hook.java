package io.gitopsruntime.helm.manifest.internal;

import java.util.List;
import java.util.Set;

/**
 * A hook object with Helm's hook metadata: the events it runs on, its weight, and its delete policies
 * (before-hook-creation when it declares none, as Helm defaults). Immutable and thread-safe.
 *
 * @param object the object
 * @param events the events, such as {@code pre-install}
 * @param weight the {@code helm.sh/hook-weight} (0 when absent or not a number)
 * @param deletePolicies the {@code helm.sh/hook-delete-policy} values
 */
public record Hook(KubeObject object, List<String> events, int weight, Set<String> deletePolicies) {
  /** Delete the previous hook object before creating it. */
  public static final String BEFORE_HOOK_CREATION = "before-hook-creation";
  /** Delete the hook object when every hook of the event succeeded. */
  public static final String HOOK_SUCCEEDED = "hook-succeeded";
  /** Delete the hook object when it failed. */
  public static final String HOOK_FAILED = "hook-failed";

  /**
   * Whether the hook runs on an event.
   *
   * @param event the event
   * @return true when it does
   */
  public boolean runsOn(String event) {
    return events.contains(event);
  }

  /**
   * Whether the hook has a delete policy.
   *
   * @param policy the policy
   * @return true when it has
   */
  public boolean deletes(String policy) {
    return deletePolicies.contains(policy);
  }
}
