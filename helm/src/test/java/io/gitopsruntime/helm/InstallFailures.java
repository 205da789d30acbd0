package io.gitopsruntime.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on what the installers throw, and the wording several installers' failures share. Stateless. */
public final class InstallFailures {
  private InstallFailures() {}

  /**
   * Asserts that a call throws an {@link InstallException} of a kind.
   *
   * @param call what an installer is asked to do
   * @param kind the failure it must report
   * @return an assertion on the exception, for its message
   */
  public static AbstractThrowableAssert<?, InstallException> assertFailure(ThrowingCallable call, FailureKind kind) {
    InstallException thrown = catchThrowableOfType(InstallException.class, call);
    assertThat(thrown).as("the InstallException thrown").isNotNull();
    assertThat(thrown.failure()).as(thrown.getMessage()).isEqualTo(kind);
    return assertThat(thrown);
  }

  /**
   * The message of an install that Helm gave up waiting for, up to the failed command if any.
   *
   * @param after how long Helm waited, as the message says it ({@code 5m})
   * @param reason what Helm said
   * @param notReady the one object that was not ready, with why
   * @param kubeconfig the kubeconfig the installer was given
   * @return the message
   */
  public static String gaveUpWaiting(String after, String reason, String notReady, Path kubeconfig) {
    return "Installing release \"cf-gitops-runtime\" in namespace \"codefresh\" failed: Helm gave up waiting after "
        + after + " (\"" + reason + "\").\n"
        + "Not ready:\n"
        + "  " + notReady + "\n"
        + "Find out why with kubectl get events -n codefresh --kubeconfig " + kubeconfig + " and kubectl describe on"
        + " the objects above, fix it, and run the install again; if the cluster is only slow, give it more time with"
        + " timeout(Duration.ofMinutes(15)) (Codefresh recommends at least 10 minutes).";
  }
}
