package io.gitopsruntime.helm.internal;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.gitopsruntime.install.ObjectRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a Helm release adopt objects that exist without its ownership metadata (Argo CRDs a previous Argo CD left,
 * objects of an earlier install): gives each the label {@code app.kubernetes.io/managed-by=Helm} and the annotations
 * {@code meta.helm.sh/release-name} and {@code meta.helm.sh/release-namespace}, with a JSON merge patch that changes
 * nothing else, as the chart's {@code adopt-crds.sh} and Helm's {@code --take-ownership} do. Helm then treats them as
 * its own and applies the chart's version over them. Thread-safe when the client is.
 */
public final class Adoption {
  private static final Logger log = LoggerFactory.getLogger(Adoption.class);

  private Adoption() {}

  /**
   * Adopts every object among the given ones that exists without this release's ownership metadata.
   *
   * @param client the client
   * @param objects the release's rendered objects
   * @param release the release name
   * @param namespace the release namespace
   * @return the objects adopted, in the given order
   * @throws KubernetesClientException if an object could not be patched (the caller explains it)
   */
  public static List<ObjectRef> adopt(KubernetesClient client, Collection<ObjectRef> objects, String release,
      String namespace) {
    Objects.requireNonNull(client, "client == null");
    String patch = "{\"metadata\":{\"labels\":{\"" + ClusterDiagnostics.MANAGED_BY + "\":\"Helm\"},\"annotations\":{\""
        + ClusterDiagnostics.RELEASE_NAME + "\":\"" + release + "\",\"" + ClusterDiagnostics.RELEASE_NAMESPACE + "\":\""
        + namespace + "\"}}}";
    List<ObjectRef> adopted = new ArrayList<>();
    for (ClusterDiagnostics.OwnershipConflict conflict : new ClusterDiagnostics(client).ownershipConflicts(objects,
        release, namespace)) {
      ObjectRef ref = conflict.object();
      var resources = client.genericKubernetesResources(ref.apiVersion(), ref.kind());
      var resource = ref.namespace().isPresent() ? resources.inNamespace(ref.namespace().get()).withName(ref.name())
          : resources.withName(ref.name());
      resource.patch(PatchContext.of(PatchType.JSON_MERGE), patch);
      log.debug("adopted {} into release {} in {} ({})", ref, release, namespace, String.join("; ", conflict.problems()));
      adopted.add(ref);
    }
    return adopted;
  }
}
