package io.gitopsruntime.helm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.install.ReleaseState;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelmReleaseTest {

  @Test
  void mapsHelmsStatusWordsToStates() {
    assertThat(List.of("deployed", "failed", "pending-install", "pending-upgrade", "pending-rollback", "uninstalling",
        "uninstalled", "superseded").stream().map(HelmRelease::state))
        .containsExactly(ReleaseState.DEPLOYED, ReleaseState.FAILED, ReleaseState.PENDING_INSTALL,
            ReleaseState.PENDING_UPGRADE, ReleaseState.PENDING_ROLLBACK, ReleaseState.UNINSTALLING,
            ReleaseState.NOT_INSTALLED, ReleaseState.UNKNOWN);
  }

  @Test
  void knowsAPendingRelease() {
    assertThat(new HelmRelease("r", "ns", 3, "pending-upgrade", "gitops-runtime", "0.30.0").isPending()).isTrue();
    assertThat(new HelmRelease("r", "ns", 3, "failed", "gitops-runtime", "0.30.0").isPending()).isFalse();
  }

  @Test
  void splitsTheChartColumnAtTheVersionEvenWhenNameAndVersionHoldDashes() {
    assertThat(HelmRelease.splitChart("gitops-runtime-0.30.0-rc.1")).hasValueSatisfying(
        parts -> assertThat(parts).containsExactly("gitops-runtime", "0.30.0-rc.1"));
    assertThat(HelmRelease.splitChart("no-version")).isEmpty();
  }

  @Test
  void rollsBackToTheNewestDeployedRevision() {
    assertThat(HelmRevision.rollbackTarget(List.of(new HelmRevision(1, "superseded"), new HelmRevision(2, "deployed"),
        new HelmRevision(3, "pending-upgrade")))).contains(2);
  }

  @Test
  void rollsBackToTheNewestSupersededRevisionWhenNoneIsDeployed() {
    assertThat(HelmRevision.rollbackTarget(List.of(new HelmRevision(1, "superseded"), new HelmRevision(2, "failed"),
        new HelmRevision(3, "pending-upgrade")))).contains(1);
  }

  @Test
  void hasNothingToRollBackToAfterAPendingFirstInstall() {
    assertThat(HelmRevision.rollbackTarget(List.of(new HelmRevision(1, "pending-install")))).isEmpty();
  }
}
