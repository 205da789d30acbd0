package io.gitopsruntime.helm.images.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gitopsruntime.helm.images.ImageRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageArgsTest {
  @Test
  void readsTheBuiltInTable() {
    List<ImageArgs.Row> rows = ImageArgs.standard().rows();
    assertThat(rows).extracting(ImageArgs.Row::kind, ImageArgs.Row::flag)
        .containsExactly(tuple("Deployment", "--executor-image"), tuple("ConfigMap", ""));
    assertThat(rows.get(0).name().matcher("cf-gitops-runtime-argo-workflows-workflow-controller").matches()).isTrue();
    assertThat(rows.get(0).name().matcher("argo-server").matches()).isFalse();
    assertThat(rows.get(1).part().matcher("enrichmentReportImage").matches()).isTrue();
    assertThat(rows.get(1).part().matcher("enrichmentReportImageTag").matches()).isFalse();
    assertThat(rows.get(1).name().matcher("cap-app-proxy-cm2").matches()).isFalse();
  }

  @Test
  void rejectsAMalformedLineNamingIt() {
    assertThatThrownBy(() -> ImageArgs.parse("# comment\nDeployment\tx\t*\targ executor-image\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("image-args.tsv line 2: expected KIND<TAB>NAME<TAB>CONTAINER-OR-KEY<TAB>\"arg --FLAG\" or \"data\","
            + " not \"Deployment\tx\t*\targ executor-image\".");
  }

  @Test
  void rejectsDataRowsForOtherKinds() {
    assertThatThrownBy(() -> ImageArgs.parse("Secret\tx\tkey\tdata\n")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("image-args.tsv line 1: \"data\" rows are for ConfigMaps, not Secret.");
  }

  @Test
  void findsAFlagWithEqualsSignOnlyInMatchingContainers() {
    ImageScanner scanner = new ImageScanner(ImageArgs.parse("Deployment\trunner*\tmain\targ --helper-image\n"));
    Map<String, Object> deployment = Map.of("kind", "Deployment", "metadata", Map.of("name", "runner-a"),
        "spec", Map.of("template", Map.of("spec", Map.of("containers", List.of(
            Map.of("name", "main", "image", "a", "command", List.of("run", "--helper-image=quay.io/x/helper:1")),
            Map.of("name", "other", "image", "b", "args", List.of("--helper-image", "quay.io/x/ignored:1")))))));
    assertThat(scanner.scan(List.of(deployment))).extracting(ImageRef::reference)
        .containsExactly("docker.io/library/a:latest", "docker.io/library/b:latest", "quay.io/x/helper:1");
  }
}
