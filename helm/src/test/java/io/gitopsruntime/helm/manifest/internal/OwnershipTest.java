package io.gitopsruntime.helm.manifest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.install.ObjectRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OwnershipTest {

  private static ObjectRef cm(String name) {
    return ObjectRef.of("v1", "ConfigMap", "ns", name);
  }

  private static Map<String, Object> object(Map<String, Object> annotations, String... managers) {
    List<Object> fields = java.util.Arrays.stream(managers).map(m -> (Object) Json.object("manager", m)).toList();
    return Json.object("metadata", Json.object("annotations", annotations.isEmpty() ? null : annotations,
        "managedFields", fields.isEmpty() ? null : fields));
  }

  @Test
  void acceptsWhatTheReleaseRecordedOwnsThroughHelmOrAloneWroteAndNamesEverythingElse() {
    Map<ObjectRef, Map<String, Object>> live = new LinkedHashMap<>();
    live.put(cm("absent"), null);
    live.put(cm("recorded"), object(Map.of(), "kubectl-edit"));
    live.put(cm("helm-owned"), object(Map.of(Desired.RELEASE_NAME, "rel", Desired.RELEASE_NAMESPACE, "ns"), "helm"));
    live.put(cm("ours-alone"), object(Map.of(), "gitops-runtime"));
    live.put(cm("other-release"), object(Map.of(Desired.RELEASE_NAME, "argo-cd", Desired.RELEASE_NAMESPACE, "argocd")));
    live.put(cm("other-namespace"), object(Map.of(Desired.RELEASE_NAME, "rel", Desired.RELEASE_NAMESPACE, "elsewhere")));
    live.put(cm("kubectl"), object(Map.of(), "kubectl-client-side-apply", "gitops-runtime"));
    live.put(cm("unknown"), object(Map.of()));

    List<String> conflicts = Ownership.conflicts(live, Set.of(cm("recorded")), "rel", "ns", "gitops-runtime");

    assertThat(conflicts).containsExactly(
        "ConfigMap/ns/other-release: owned by Helm release \"argo-cd\" in namespace \"argocd\"",
        "ConfigMap/ns/other-namespace: owned by Helm release \"rel\" in namespace \"elsewhere\"",
        "ConfigMap/ns/kubectl: exists already, not part of this release (written by field manager "
            + "\"gitops-runtime\", \"kubectl-client-side-apply\")",
        "ConfigMap/ns/unknown: exists already, not part of this release");
  }
}
