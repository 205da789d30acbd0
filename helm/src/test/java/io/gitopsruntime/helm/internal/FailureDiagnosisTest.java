package io.gitopsruntime.helm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.core.Redactor;
import io.gitopsruntime.helm.internal.FailureDiagnosis.Operation;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FailureDiagnosisTest {
  private static final Redactor SECRETS = Redactor.ofLiterals(List.of("tok-SECRET-1234"));

  private static FailureDiagnosis.Context context(Operation operation) {
    return new FailureDiagnosis.Context(operation, "cf-gitops-runtime", "codefresh", SECRETS)
        .chart("oci://quay.io/codefresh/gitops-runtime 0.30.0").timeout(Duration.ofMinutes(5));
  }

  /** Asserts the kind of the failure diagnosed from what Helm said, for more assertions on the exception. */
  private static AbstractThrowableAssert<?, InstallException> assertDiagnosis(FailureDiagnosis.Context context,
      String helmSays, FailureKind kind) {
    InstallException e = FailureDiagnosis.diagnose(context, helmSays, null);
    assertThat(e.failure()).isEqualTo(kind);
    return assertThat(e);
  }

  @Nested
  class Classify {
    @Test
    void recognisesAFailedHookJob() {
      assertThat(FailureDiagnosis.classify("failed pre-install: 1 error occurred:\n\t* job validate-values failed:"
          + " BackoffLimitExceeded")).isEqualTo(FailureKind.HOOK_FAILED);
      assertThat(FailureDiagnosis.classify("pre-upgrade hooks failed: resource Job/codefresh/validate-values not ready."
          + " status: Failed, message: Job has reached the specified backoff limit")).isEqualTo(FailureKind.HOOK_FAILED);
    }

    @Test
    void recognisesAFailedHookJobInHelm4sWording() {
      assertThat(FailureDiagnosis.classify("Error: INSTALLATION FAILED: failed pre-install: resource"
          + " Job/codefresh/validate-values not ready. status: Failed, message: Job Failed. failed: 1/1"))
          .isEqualTo(FailureKind.HOOK_FAILED);
      assertThat(FailureDiagnosis.classify("Error: UPGRADE FAILED: pre-upgrade hooks failed: resource"
          + " Job/codefresh/validate-values not ready. status: Failed, message: Job Failed. failed: 1/1"))
          .isEqualTo(FailureKind.HOOK_FAILED);
    }

    @Test
    void recognisesAHelm4TimeoutWithWhatWasNotReady() {
      assertThat(FailureDiagnosis.classify("Error: INSTALLATION FAILED: resource Deployment/codefresh/cap-app-proxy not"
          + " ready. status: InProgress, message: Available: 0/1\ncontext deadline exceeded"))
          .isEqualTo(FailureKind.TIMEOUT);
    }

    @Test
    void recognisesAHelm4ServerSideApplyConflict() {
      assertThat(FailureDiagnosis.classify("Error: UPGRADE FAILED: conflict occurred while applying object"
          + " codefresh/cap-app-proxy-cm /v1, Kind=ConfigMap: Apply failed with 1 conflict: conflict with \"kubectl\""
          + " using v1: .data.logLevel")).isEqualTo(FailureKind.OWNERSHIP_CONFLICT);
    }

    @Test
    void isNotMisledByHelm4Warnings() {
      assertThat(FailureDiagnosis.classify("level=WARN msg=\"context deadline exceeded while reading the cache\"\n"
          + "Error: something new")).isEqualTo(FailureKind.OTHER);
    }

    @Test
    void recognisesAPendingRelease() {
      assertThat(FailureDiagnosis.classify("Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in"
          + " progress")).isEqualTo(FailureKind.PENDING_RELEASE);
    }

    @Test
    void recognisesAnOwnershipConflict() {
      assertThat(FailureDiagnosis.classify("Error: INSTALLATION FAILED: rendered manifests contain a resource that already"
          + " exists. Unable to continue with install: CustomResourceDefinition \"applications.argoproj.io\" in namespace"
          + " \"\" exists and cannot be imported into the current release: invalid ownership metadata; label validation"
          + " error: missing key \"app.kubernetes.io/managed-by\": must be set to \"Helm\""))
          .isEqualTo(FailureKind.OWNERSHIP_CONFLICT);
    }

    @Test
    void recognisesATimeout() {
      assertThat(FailureDiagnosis.classify("Error: INSTALLATION FAILED: context deadline exceeded"))
          .isEqualTo(FailureKind.TIMEOUT);
      assertThat(FailureDiagnosis.classify("Error: UPGRADE FAILED: timed out waiting for the condition"))
          .isEqualTo(FailureKind.TIMEOUT);
    }

    @Test
    void recognisesTheKubernetesApiRefusingARequest() {
      assertThat(FailureDiagnosis.classify("pre-upgrade hooks failed: warning: Hook pre-upgrade"
          + " gitops-runtime/templates/hooks/pre-install/helm-values-config.yaml failed: 1 error occurred:\n\t* the server"
          + " is currently unable to handle the request")).isEqualTo(FailureKind.KUBERNETES_API);
      assertThat(FailureDiagnosis.classify("Kubernetes cluster unreachable: Get \"https://10.0.0.1/version\": dial tcp"
          + " 10.0.0.1:443: connect: connection refused")).isEqualTo(FailureKind.KUBERNETES_API);
      assertThat(FailureDiagnosis.classify("1 error occurred:\n\t* Post \"https://10.0.0.1/apis/apps/v1/namespaces/codefresh/"
          + "deployments?fieldManager=helm\": EOF")).isEqualTo(FailureKind.KUBERNETES_API);
    }

    @Test
    void recognisesAChartProblem() {
      assertThat(FailureDiagnosis.classify("Error: INSTALLATION FAILED: execution error at"
          + " (gitops-runtime/templates/_helpers.tpl:12:4): global.codefresh.userToken is mandatory"))
          .isEqualTo(FailureKind.CHART);
      assertThat(FailureDiagnosis.classify("Error: failed to download \"oci://quay.io/codefresh/gitops-runtime\" at version"
          + " \"9.9.9\"")).isEqualTo(FailureKind.CHART);
    }

    @Test
    void leavesTheRestAsOther() {
      assertThat(FailureDiagnosis.classify("Error: something new")).isEqualTo(FailureKind.OTHER);
    }
  }

  @Nested
  class Explain {
    @Test
    void givesTheRollbackCommandForAPendingUpgrade() {
      InstallException e = FailureDiagnosis.diagnose(context(Operation.UPGRADE)
          .kube(new KubeTarget(Optional.empty(), Optional.of("prod")))
          .history(() -> List.of(new HelmRevision(1, "superseded"), new HelmRevision(2, "deployed"),
              new HelmRevision(3, "pending-upgrade"))),
          "Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress", null);

      assertThat(e.failure()).isEqualTo(FailureKind.PENDING_RELEASE);
      assertThat(e.releaseName()).isEqualTo("cf-gitops-runtime");
      assertThat(e.namespace()).isEqualTo("codefresh");
      assertThat(e).hasMessage("Upgrading release \"cf-gitops-runtime\" in namespace \"codefresh\" failed: the release is"
          + " stuck in pending-upgrade (revision 3): an earlier operation on it was interrupted, and Helm refuses to start"
          + " another (\"another operation (install/upgrade/rollback) is in progress\").\n"
          + "If no other install of this release is running, roll back to the last deployed revision, then run the install"
          + " again:\n"
          + "  helm rollback cf-gitops-runtime 2 -n codefresh --kube-context prod");
    }

    @Test
    void givesTheUninstallCommandForAPendingFirstInstall() {
      InstallException e = FailureDiagnosis.diagnose(context(Operation.UPGRADE)
          .history(() -> List.of(new HelmRevision(1, "pending-install"))),
          "another operation (install/upgrade/rollback) is in progress", null);

      assertThat(e).hasMessage("Upgrading release \"cf-gitops-runtime\" in namespace \"codefresh\" failed: the release is"
          + " stuck in pending-install (revision 1): an earlier operation on it was interrupted, and Helm refuses to start"
          + " another (\"another operation (install/upgrade/rollback) is in progress\").\n"
          + "If no other install of this release is running, remove the unfinished first install, then run the install"
          + " again:\n"
          + "  helm uninstall cf-gitops-runtime -n codefresh");
    }

    @Test
    void saysHowToFindTheRevisionWhenTheHistoryCannotBeRead() {
      InstallException e = FailureDiagnosis.diagnose(context(Operation.UPGRADE).history(() -> {
        throw new IllegalStateException("no helm");
      }), "another operation (install/upgrade/rollback) is in progress", null);

      assertThat(e).hasMessage("Upgrading release \"cf-gitops-runtime\" in namespace \"codefresh\" failed: the release is"
          + " stuck in a pending state: an earlier operation on it was interrupted, and Helm refuses to start another"
          + " (\"another operation (install/upgrade/rollback) is in progress\").\n"
          + "Find the last deployed revision with: helm history cf-gitops-runtime -n codefresh\n"
          + "then roll back to it with helm rollback cf-gitops-runtime <revision> -n codefresh, or, if it was never"
          + " deployed, remove it with helm uninstall cf-gitops-runtime -n codefresh; then run the install again.");
    }

    @Test
    void saysAHooksLogCouldNotBeReadWithoutACluster() {
      assertDiagnosis(context(Operation.INSTALL).command("helm upgrade --install ...", 1),
          "Error: INSTALLATION FAILED: failed pre-install: 1 error occurred:\n\t* job validate-values failed:"
              + " BackoffLimitExceeded\n", FailureKind.HOOK_FAILED)
          .hasMessage("Installing release \"cf-gitops-runtime\" in namespace \"codefresh\" failed: the pre-install"
          + " hook Job \"validate-values\" failed (\"failed pre-install: 1 error occurred: job validate-values failed:"
          + " BackoffLimitExceeded\"), and its log could not be read: there is no Kubernetes client.\n"
          + "Read its log while the Job still exists (Kubernetes deletes it about 5 minutes after it failed): kubectl logs"
          + " job/validate-values -n codefresh. Then fix the cause and run the install again.\n"
          + "Command: helm upgrade --install ... (exit code 1)");
    }

    @Test
    void namesTheHookJobHelm4SaysFailed() {
      assertDiagnosis(context(Operation.INSTALL).command("helm upgrade --install ...", 1),
          "Error: INSTALLATION FAILED: failed pre-install: resource Job/codefresh/validate-values not ready. status:"
              + " Failed, message: Job Failed. failed: 1/1\n", FailureKind.HOOK_FAILED)
          .hasMessage("Installing release \"cf-gitops-runtime\" in namespace \"codefresh\" failed: the pre-install"
          + " hook Job \"validate-values\" failed (\"failed pre-install: resource Job/codefresh/validate-values not ready."
          + " status: Failed, message: Job Failed. failed: 1/1\"), and its log could not be read: there is no Kubernetes"
          + " client.\n"
          + "Read its log while the Job still exists (Kubernetes deletes it about 5 minutes after it failed): kubectl logs"
          + " job/validate-values -n codefresh. Then fix the cause and run the install again.\n"
          + "Command: helm upgrade --install ... (exit code 1)");
    }

    @Test
    void namesTheFieldAndTheManagerOfAServerSideApplyConflict() {
      assertDiagnosis(context(Operation.UPGRADE),
          "Error: UPGRADE FAILED: conflict occurred while applying object codefresh/cap-app-proxy-cm /v1, Kind=ConfigMap:"
              + " Apply failed with 1 conflict: conflict with \"kubectl\" using v1: .data.logLevel", FailureKind.OWNERSHIP_CONFLICT)
          .hasMessage("Upgrading release \"cf-gitops-runtime\" in namespace \"codefresh\" failed: server-side"
          + " apply met fields that another field manager owns:\n"
          + "  ConfigMap/codefresh/cap-app-proxy-cm: 1 conflict: conflict with \"kubectl\" using v1: .data.logLevel\n"
          + "The installer does not take over fields another tool manages. Stop that tool from managing them (or remove"
          + " them from its configuration), or let this release take them over with"
          + " HelmCliInstaller.builder().forceConflicts(true) (helm's --force-conflicts); then run the install again.");
    }

    @Test
    void leavesHelmsWarningsOutOfTheMessage() {
      assertDiagnosis(context(Operation.INSTALL),
          "level=WARN msg=\"--wait=true is deprecated (boolean value) and can be replaced with --wait=watcher\"\n"
              + "WARNING: Kubernetes configuration file is group-readable. This is insecure. Location: /home/me/.kube/config\n"
              + "I1202 05:00:14.012666    8398 reflector.go:664] \"Warning: watch ended with error\" err=\"an error on the"
              + " server (\\\"unable to decode an event from the watch stream: context canceled\\\")\"\n"
              + "Error: INSTALLATION FAILED: execution error at (gitops-runtime/templates/x.yaml:3:4): bad value\n", FailureKind.CHART)
          .hasMessage("Installing release \"cf-gitops-runtime\" in namespace \"codefresh\" failed: the chart could"
          + " not be loaded or rendered: execution error at (gitops-runtime/templates/x.yaml:3:4): bad value\n"
          + "Check the chart reference (oci://quay.io/codefresh/gitops-runtime 0.30.0), its version and your access to its"
          + " registry; for a template error, check the values it names.");
    }

    @Test
    void quotesAChartErrorMaskingSecrets() {
      assertDiagnosis(context(Operation.INSTALL),
          "Error: INSTALLATION FAILED: execution error at (gitops-runtime/templates/x.yaml:3:4): token tok-SECRET-1234 is"
              + " not valid", FailureKind.CHART)
          .hasMessage("Installing release \"cf-gitops-runtime\" in namespace \"codefresh\" failed: the chart could"
          + " not be loaded or rendered: execution error at (gitops-runtime/templates/x.yaml:3:4): token **** is not"
          + " valid\n"
          + "Check the chart reference (oci://quay.io/codefresh/gitops-runtime 0.30.0), its version and your access to its"
          + " registry; for a template error, check the values it names.");
    }

    @Test
    void saysWhatToDoAfterTheKubernetesApiRefusedARequest() {
      assertDiagnosis(context(Operation.INSTALL),
          "failed to create resource: Internal error occurred: etcd is unavailable", FailureKind.KUBERNETES_API)
          .hasMessage("Installing release \"cf-gitops-runtime\" in namespace \"codefresh\" failed: a request to"
          + " the Kubernetes API failed: failed to create resource: Internal error occurred: etcd is unavailable\n"
          + "Check that the cluster is reachable and that your credentials may change it, then run the install again: it"
          + " continues from where this one stopped.");
    }

    @Test
    void saysHowToRecoverFromAFailedFirstInstallThatHelmWillNotUpgrade() {
      assertDiagnosis(context(Operation.UPGRADE),
          "Error: UPGRADE FAILED: \"cf-gitops-runtime\" has no deployed releases", FailureKind.OTHER)
          .hasMessage("Upgrading release \"cf-gitops-runtime\" in namespace \"codefresh\" failed: the release's"
          + " first install failed, and Helm will not upgrade it (\"\"cf-gitops-runtime\" has no deployed releases\").\n"
          + "Remove the failed release, then run the install again:\n"
          + "  helm uninstall cf-gitops-runtime -n codefresh");
    }
  }
}
