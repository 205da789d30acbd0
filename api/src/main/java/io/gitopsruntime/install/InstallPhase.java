package io.gitopsruntime.install;

/** The phases of an install, upgrade or uninstall, reported to an {@link InstallListener}. */
public enum InstallPhase {
  /** Validating the installation before anything changes. */
  VALIDATE,
  /** Rendering the chart into Kubernetes objects. */
  RENDER,
  /** Applying CustomResourceDefinitions and namespaces, then waiting until the CRDs are established. */
  CRDS,
  /** Running {@code pre-install} or {@code pre-upgrade} hooks. */
  PRE_HOOKS,
  /** Applying the release's objects. */
  APPLY,
  /** Waiting until workloads are ready. */
  WAIT,
  /** Deleting objects the previous revision had and this one does not. */
  PRUNE,
  /** Running {@code post-install} or {@code post-upgrade} hooks. */
  POST_HOOKS,
  /** Running the Helm binary. */
  HELM,
  /** Removing the release. */
  UNINSTALL
}
