package io.gitopsruntime.helm.internal;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.ObjectRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives existing objects the Helm ownership metadata of a release, so that Helm adopts them instead of refusing to
 * install: the label {@code app.kubernetes.io/managed-by=Helm} and the annotations naming the release and its
 * namespace, set with one JSON merge patch per object, nothing else changed. This is what Codefresh's
 * {@code adopt-crds.sh} does for Argo's CRDs. Stateless and thread-safe.
 */
public final class Adoption {
  private static final Logger log = LoggerFactory.getLogger(Adoption.class);

  private Adoption() {}

  /**
   * Adopts every object among the given ones that exists without this release's ownership metadata.
   *
   * @param client the client
   * @param objects the release's rendered objects
   * @param release the release
   * @param namespace its namespace
   * @param listener told of each object adopted, as an update
   * @return the objects adopted, in the given order
   * @throws KubernetesClientException when an object cannot be patched (the install must not go on half adopted)
   */
  public static List<ObjectRef> adopt(KubernetesClient client, Collection<ObjectRef> objects, String release,
      String namespace, InstallListener listener) {
    List<ObjectRef> adopted = new ArrayList<>();
    String patch = "{\"metadata\":{\"labels\":{\"" + ClusterDiagnostics.MANAGED_BY + "\":\"Helm\"},\"annotations\":{\""
        + ClusterDiagnostics.RELEASE_NAME + "\":" + quote(release) + ",\"" + ClusterDiagnostics.RELEASE_NAMESPACE
        + "\":" + quote(namespace) + "}}}";
    for (ClusterDiagnostics.OwnershipConflict conflict
        : new ClusterDiagnostics(client).ownershipConflicts(objects, release, namespace)) {
      ObjectRef ref = conflict.object();
      var resources = client.genericKubernetesResources(ref.apiVersion(), ref.kind());
      var resource = ref.namespace().isPresent() ? resources.inNamespace(ref.namespace().get()).withName(ref.name())
          : resources.withName(ref.name());
      resource.patch(PatchContext.of(PatchType.JSON_MERGE), patch);
      log.debug("adopted {} into release {} in {} ({})", ref, release, namespace, String.join("; ", conflict.problems()));
      listener.objectApplied(ref, io.gitopsruntime.install.ChangeKind.UPDATE);
      adopted.add(ref);
    }
    return adopted;
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
