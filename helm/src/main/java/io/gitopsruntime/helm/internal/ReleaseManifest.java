package io.gitopsruntime.helm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gitopsruntime.install.ChangeKind;
import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.install.PlannedChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The objects of a rendered release manifest ({@code helm template}, {@code helm get manifest}, or the
 * manifest of a stored release), keyed by {@link ObjectRef}, and the object-level difference between two of
 * them. Objects without a namespace get the release's namespace unless their kind is cluster-scoped, as
 * Helm does. The objects' content stays in memory: it may hold secrets and is never printed.
 * Immutable and thread-safe.
 */
public final class ReleaseManifest {
  /** The annotation with which Helm keeps an object on uninstall. */
  public static final String RESOURCE_POLICY = "helm.sh/resource-policy";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> CLUSTER_SCOPED = Set.of(
      "Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding", "PersistentVolume",
      "StorageClass", "PriorityClass", "IngressClass", "ValidatingWebhookConfiguration",
      "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
      "APIService", "Node", "CSIDriver", "RuntimeClass", "GatewayClass", "ClusterIssuer",
      "ClusterWorkflowTemplate", "RestrictedGitSource", "VolumeSnapshotClass", "FlowSchema",
      "PriorityLevelConfiguration", "CertificateSigningRequest");

  private final Map<ObjectRef, Map<String, Object>> objects;

  private ReleaseManifest(Map<ObjectRef, Map<String, Object>> objects) {
    this.objects = Collections.unmodifiableMap(objects);
  }

  /** An empty manifest (no release yet). */
  public static final ReleaseManifest EMPTY = new ReleaseManifest(new LinkedHashMap<>());

  /**
   * Parses a multi-document manifest.
   *
   * @param yaml the manifest
   * @param releaseNamespace the namespace of objects that do not name one
   * @return the objects, in manifest order
   * @throws IllegalArgumentException if the text is not YAML (the message does not quote it)
   */
  @SuppressWarnings("unchecked")
  public static ReleaseManifest parse(String yaml, String releaseNamespace) {
    Map<ObjectRef, Map<String, Object>> objects = new LinkedHashMap<>();
    try (MappingIterator<Object> docs = YAML.readerFor(Object.class).readValues(yaml)) {
      while (docs.hasNextValue()) {
        Object doc = docs.nextValue();
        if (doc instanceof Map) {
          Map<String, Object> object = (Map<String, Object>) doc;
          ObjectRef ref = refOf(object, releaseNamespace);
          if (ref != null) {
            objects.put(ref, object);
          }
        }
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the manifest is not valid YAML (line "
          + (e.getLocation() != null ? e.getLocation().getLineNr() : "?") + ")", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("the manifest could not be read: " + e.getClass().getSimpleName(), e);
    }
    return new ReleaseManifest(objects);
  }

  @SuppressWarnings("unchecked")
  private static @Nullable ObjectRef refOf(Map<String, Object> object, String releaseNamespace) {
    Object apiVersion = object.get("apiVersion");
    Object kind = object.get("kind");
    Object metadata = object.get("metadata");
    if (!(apiVersion instanceof String) || !(kind instanceof String) || !(metadata instanceof Map)) {
      return null;
    }
    Object name = ((Map<String, Object>) metadata).get("name");
    if (name == null) {
      return null;
    }
    Object namespace = ((Map<String, Object>) metadata).get("namespace");
    if (CLUSTER_SCOPED.contains(kind)) {
      return ObjectRef.clusterScoped((String) apiVersion, (String) kind, name.toString());
    }
    return ObjectRef.of((String) apiVersion, (String) kind,
        namespace != null ? namespace.toString() : releaseNamespace, name.toString());
  }

  /**
   * The objects.
   *
   * @return the references, in manifest order
   */
  public List<ObjectRef> refs() {
    return List.copyOf(objects.keySet());
  }

  /**
   * Whether the manifest has no object.
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return objects.isEmpty();
  }

  /**
   * Whether Helm keeps an object on uninstall ({@code helm.sh/resource-policy: keep}).
   *
   * @param ref the object
   * @return true when kept
   */
  @SuppressWarnings("unchecked")
  public boolean isKept(ObjectRef ref) {
    Map<String, Object> object = objects.get(ref);
    if (object == null) {
      return false;
    }
    Object annotations = ((Map<String, Object>) object.get("metadata")).get("annotations");
    return annotations instanceof Map && "keep".equals(((Map<String, Object>) annotations).get(RESOURCE_POLICY));
  }

  /**
   * What installing {@code desired} over this manifest changes, object by object: desired objects in their
   * order (created, updated or unchanged), then the objects this manifest has and {@code desired} lacks
   * (deleted).
   *
   * @param desired the manifest to install
   * @return the changes
   */
  public List<PlannedChange> changesTo(ReleaseManifest desired) {
    List<PlannedChange> changes = new ArrayList<>();
    for (Map.Entry<ObjectRef, Map<String, Object>> entry : desired.objects.entrySet()) {
      Map<String, Object> current = objects.get(entry.getKey());
      ChangeKind kind = current == null ? ChangeKind.CREATE
          : Objects.equals(current, entry.getValue()) ? ChangeKind.UNCHANGED : ChangeKind.UPDATE;
      changes.add(PlannedChange.of(entry.getKey(), kind));
    }
    for (ObjectRef ref : objects.keySet()) {
      if (!desired.objects.containsKey(ref)) {
        changes.add(PlannedChange.of(ref, ChangeKind.DELETE));
      }
    }
    return List.copyOf(changes);
  }

  @Override
  public String toString() {
    return "ReleaseManifest[" + objects.size() + " objects]";
  }
}
