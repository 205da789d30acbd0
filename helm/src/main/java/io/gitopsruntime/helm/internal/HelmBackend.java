package io.gitopsruntime.helm.internal;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.Redactor;
import io.gitopsruntime.install.PlannedChange;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link ReleaseFlow} talks to Helm: the {@code helm} binary, or helm-java in a child JVM. The flow decides
 * what to call and when; a backend only makes the calls, and turns what fails into an
 * {@link io.gitopsruntime.install.InstallException} through {@link FailureDiagnosis} with the context it is handed.
 * Implementations are thread-safe; a {@link Session} is used by one operation.
 */
public interface HelmBackend {
  /**
   * Starts the Helm calls of one operation on one installation (checks that Helm can run at all).
   *
   * @param installation the installation
   * @param redactor masks its secrets
   * @param client the installer's client, or null when it has none
   * @param diag the operation's diagnosis context
   * @return the session; close it when the operation ends
   */
  Session open(RuntimeInstallation installation, Redactor redactor, @Nullable KubernetesClient client,
      FailureDiagnosis.Context diag);

  /**
   * The release's revisions, for a failure's diagnosis (the revision to roll back to).
   *
   * @param operation the failed operation
   * @param installation the installation
   * @param redactor masks its secrets
   * @return the revisions, oldest first
   * @throws RuntimeException when they cannot be read; the message then gives the commands to find them
   */
  List<HelmRevision> history(FailureDiagnosis.Operation operation, RuntimeInstallation installation, Redactor redactor);

  /**
   * What an operation throws for an exception that escaped a session, such as the backend's own crash.
   *
   * @param e the exception
   * @param diag the operation's diagnosis context
   * @param installation the installation
   * @return the exception to throw ({@code e} itself unless the backend explains it)
   */
  RuntimeException failed(RuntimeException e, FailureDiagnosis.Context diag, RuntimeInstallation installation);

  /** Ends what the backend keeps between operations. */
  void close();

  /** The Helm calls of one operation. Not thread-safe. */
  interface Session extends AutoCloseable {
    /**
     * The release's latest revision ({@code helm status}).
     *
     * @param diag the diagnosis context
     * @return the release, or empty when there is none
     */
    Optional<HelmRelease> release(FailureDiagnosis.Context diag);

    /**
     * Renders the chart ({@code helm template}).
     *
     * @param values the values file
     * @param upgrade whether the release exists
     * @param diag the diagnosis context
     * @return the rendered objects
     */
    ReleaseManifest render(Path values, boolean upgrade, FailureDiagnosis.Context diag);

    /**
     * Renders the chart without asking the cluster to validate it (as for the cluster's Kubernetes version), for
     * objects to adopt: the validated rendering refuses objects without the release's ownership metadata.
     *
     * @param values the values file
     * @param upgrade whether the release exists
     * @param kubeVersion the cluster's Kubernetes version, to render for
     * @param diag the diagnosis context
     * @return the rendered objects
     */
    default ReleaseManifest renderWithoutTheCluster(Path values, boolean upgrade, String kubeVersion,
        FailureDiagnosis.Context diag) {
      return render(values, upgrade, diag);
    }

    /**
     * The CRDs of the chart's {@code crds/} directories that the rendering left out, for a plan.
     *
     * @param values the values file
     * @param desired what {@link #render} returned
     * @param diag the diagnosis context
     * @return one change per CRD; empty when the rendering has them all
     */
    List<PlannedChange> crdsDirectories(Path values, ReleaseManifest desired, FailureDiagnosis.Context diag);

    /**
     * The deployed release's objects ({@code helm get manifest}).
     *
     * @param diag the diagnosis context
     * @return the objects, or empty when they cannot be read
     */
    Optional<ReleaseManifest> deployed(FailureDiagnosis.Context diag);

    /**
     * The chart to install as {@code name-version} ({@code helm show chart}).
     *
     * @param diag the diagnosis context
     * @return the chart, or empty when Helm's answer names none
     */
    Optional<String> chart(FailureDiagnosis.Context diag);

    /**
     * The deployed revision's chart as {@code name-version} when {@link #release} did not say.
     *
     * @param deployed the release
     * @param diag the diagnosis context
     * @return the chart, or an empty string when Helm says nothing about it
     */
    String deployedChart(HelmRelease deployed, FailureDiagnosis.Context diag);

    /**
     * The deployed release's user-supplied values ({@code helm get values}); they hold secrets.
     *
     * @param diag the diagnosis context
     * @return the values as YAML
     */
    String values(FailureDiagnosis.Context diag);

    /**
     * Installs or upgrades the release ({@code helm upgrade --install}), sending Helm's output to the listener.
     *
     * @param values the values file
     * @param before the release before, or empty for a first install
     * @param createNamespace whether to create the namespace
     * @param takeOverFields whether fields other field managers own are taken over (Helm 4's
     *     {@code --force-conflicts}; Helm 3 patches client-side and takes them anyway)
     * @param diag the diagnosis context, with the rendered objects
     * @return the new revision, or empty when the backend does not know it
     */
    OptionalInt upgrade(Path values, Optional<HelmRelease> before, boolean createNamespace, boolean takeOverFields,
        FailureDiagnosis.Context diag);

    /**
     * Uninstalls the release ({@code helm uninstall}), sending Helm's output to the listener.
     *
     * @param runHooks false to skip the release's delete hooks ({@code --no-hooks}), for a release whose install
     *     never finished: its pre-delete hooks undo what a finished install did and may not even run
     * @param diag the diagnosis context
     * @return false when Helm found no release after all
     */
    boolean uninstall(boolean runHooks, FailureDiagnosis.Context diag);

    /** Ends the session. */
    @Override
    void close();
  }
}
