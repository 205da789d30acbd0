package io.gitopsruntime.helm.manifest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.install.ReleaseState;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryTest {
  private static final ObjectRef CM = ObjectRef.of("v1", "ConfigMap", "ns", "cm");
  private static final ObjectRef CRD = ObjectRef.clusterScoped("apiextensions.k8s.io/v1", "CustomResourceDefinition",
      "widgets.example.com");
  private static final ObjectRef OLD = ObjectRef.of("v1", "ConfigMap", "ns", "old");

  private static Inventory.Revision revision(int number, String status, ObjectRef... refs) {
    return new Inventory.Revision(number, status, "oci://example.com/charts/c", "1.0.0", "sha256:d", "sha256:v",
        java.util.Arrays.stream(refs).map(r -> new Inventory.Entry(r, r == CRD)).toList());
  }

  @Test
  void writesAndReadsARevisionWithoutLosingAnything() {
    Inventory.Revision revision = revision(3, Inventory.DEPLOYED, CM, CRD);

    Inventory.Revision read = Inventory.decode(Inventory.encode("rel", "ns", revision));

    assertThat(read).isEqualTo(revision);
    assertThat(read.state()).isEqualTo(ReleaseState.DEPLOYED);
    assertThat(Inventory.name("rel", 3)).isEqualTo("gitops-runtime.rel.v3");
  }

  @Test
  void countsTheLastDeployedRevisionAndEveryLaterOneAsLive() {
    List<Inventory.Revision> revisions = List.of(revision(1, Inventory.SUPERSEDED, OLD),
        revision(2, Inventory.DEPLOYED, CM), revision(3, Inventory.FAILED, CRD));

    assertThat(Inventory.refs(Inventory.live(revisions))).containsExactly(CM, CRD);
    assertThat(Inventory.lastDeployed(revisions)).hasValueSatisfying(r -> assertThat(r.number()).isEqualTo(2));
  }

  @Test
  void countsEveryRevisionOfAReleaseNeverDeployed() {
    List<Inventory.Revision> revisions = List.of(revision(1, Inventory.FAILED, OLD),
        revision(2, Inventory.PENDING_INSTALL, CM));

    assertThat(Inventory.refs(Inventory.live(revisions))).containsExactly(OLD, CM);
    assertThat(Inventory.lastDeployed(revisions)).isEmpty();
  }

  @Test
  void recordsCrdsOfCrdsDirectoriesAsRetained() {
    Inventory.Revision revision = new Inventory.Revision(1, Inventory.DEPLOYED, "c", "1.0.0", "sha256:d", "sha256:v",
        List.of(new Inventory.Entry(CRD, false, true), new Inventory.Entry(CM, false, false)));

    Inventory.Revision read = Inventory.decode(Inventory.encode("rel", "ns", revision));

    assertThat(read).isEqualTo(revision);
    assertThat(read.objects()).extracting(Inventory.Entry::retained).containsExactly(true, false);
  }

  @Test
  void readsTheCrdsOfARecordWrittenBeforeTheFormatFieldAsKept() {
    String before = "{\"release\":\"rel\",\"namespace\":\"ns\",\"revision\":1,\"status\":\"deployed\","
        + "\"objects\":[{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\","
        + "\"name\":\"widgets.example.com\"},{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"namespace\":\"ns\","
        + "\"name\":\"cm\"}]}";

    assertThat(Inventory.decode(before).objects()).containsExactly(new Inventory.Entry(CRD, true, false),
        new Inventory.Entry(CM, false, false));
  }
}
