package io.gitopsruntime.helm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsruntime.install.ChangeKind;
import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.install.PlannedChange;
import io.gitopsruntime.testing.FakeHelm;
import org.junit.jupiter.api.Test;

class ReleaseManifestTest {
  /**
   * The fake Helm's manifest (a kept CRD, a ConfigMap, a Deployment), then an object in another namespace and an empty
   * document.
   */
  private static final String MANIFEST = FakeHelm.MANIFEST + String.join("\n",
      "---",
      "# Source: gitops-runtime/templates/other.yaml",
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata:",
      "  name: elsewhere",
      "  namespace: kube-system",
      "---",
      "# Source: gitops-runtime/templates/empty.yaml",
      "");

  private static final ObjectRef CRD = ObjectRef.clusterScoped("apiextensions.k8s.io/v1", "CustomResourceDefinition",
      "products.codefresh.io");
  private static final ObjectRef CM = ObjectRef.of("v1", "ConfigMap", "codefresh", "cap-app-proxy-cm");
  private static final ObjectRef DEPLOYMENT = ObjectRef.of("apps/v1", "Deployment", "codefresh", "cap-app-proxy");
  private static final ObjectRef ELSEWHERE = ObjectRef.of("v1", "ConfigMap", "kube-system", "elsewhere");

  @Test
  void readsTheObjectsInOrderGivingTheReleaseNamespaceToThoseWithoutOneUnlessClusterScoped() {
    ReleaseManifest manifest = ReleaseManifest.parse(MANIFEST, "codefresh");

    assertThat(manifest.refs()).containsExactly(CRD, CM, DEPLOYMENT, ELSEWHERE);
  }

  @Test
  void knowsWhichObjectsHelmKeepsOnUninstall() {
    ReleaseManifest manifest = ReleaseManifest.parse(MANIFEST, "codefresh");

    assertThat(manifest.isKept(CRD)).isTrue();
    assertThat(manifest.isKept(CM)).isFalse();
  }

  @Test
  void comparesObjectByObject() {
    ReleaseManifest deployed = ReleaseManifest.parse(MANIFEST, "codefresh");
    ReleaseManifest desired = ReleaseManifest.parse(MANIFEST.replace("logLevel: info", "logLevel: debug")
        .replace("name: elsewhere", "name: new-one"), "codefresh");

    assertThat(deployed.changesTo(desired)).containsExactly(
        PlannedChange.of(CRD, ChangeKind.UNCHANGED),
        PlannedChange.of(CM, ChangeKind.UPDATE),
        PlannedChange.of(DEPLOYMENT, ChangeKind.UNCHANGED),
        PlannedChange.of(ObjectRef.of("v1", "ConfigMap", "kube-system", "new-one"), ChangeKind.CREATE),
        PlannedChange.of(ELSEWHERE, ChangeKind.DELETE));
  }

  @Test
  void findsNothingChangedWhenOnlyCommentsAndFormattingDiffer() {
    ReleaseManifest deployed = ReleaseManifest.parse(MANIFEST, "codefresh");
    ReleaseManifest desired = ReleaseManifest.parse(MANIFEST.replace("# Source: gitops-runtime/templates/configmaps.yaml",
        "# Source: moved.yaml").replace("  logLevel: info", "  logLevel: \"info\""), "codefresh");

    assertThat(deployed.changesTo(desired)).extracting(PlannedChange::change).containsOnly(ChangeKind.UNCHANGED);
  }

  @Test
  void reportsInvalidYamlWithoutQuotingIt() {
    assertThatThrownBy(() -> ReleaseManifest.parse("a: b\n  token: secret: [\n", "codefresh"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the manifest is not valid YAML (line 2)");
  }
}
