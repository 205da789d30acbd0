package io.gitopsruntime.helm.manifest.internal;

import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.install.ReleaseState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The record of what a release applied, kept in the cluster next to it: one Secret per revision,
 * {@code gitops-runtime.<release>.v<revision>} in the release namespace, of type {@value #TYPE}, labelled
 * with the release, revision and status (Helm's words: {@code pending-install}, {@code pending-upgrade},
 * {@code deployed}, {@code failed}, {@code superseded}, {@code uninstalling}). Its {@code inventory} key
 * holds JSON with the chart, the digest of the applied objects and hooks, a digest of the values with
 * secrets masked, and the object references (with whether {@code helm.sh/resource-policy: keep} protects
 * them and whether they are CRDs of a {@code crds/} directory). It never holds a value or a manifest.
 * Records written before the {@code format} field existed kept every CRD; their CRDs read as kept. Stateless and thread-safe.
 */
public final class Inventory {
  /** The Secret type of inventory records. */
  public static final String TYPE = "gitops-runtime.io/inventory.v1";
  /** The label naming the release. */
  public static final String RELEASE_LABEL = "gitops-runtime.io/release";
  static final String STATUS_LABEL = "gitops-runtime.io/status";
  static final String REVISION_LABEL = "gitops-runtime.io/revision";
  static final String KEY = "inventory";
  /** The record's format: 2 records CRDs of {@code crds/} directories; 1 (no field) kept every CRD. */
  static final int FORMAT = 2;

  /** Helm's status words. */
  public static final String PENDING_INSTALL = "pending-install";
  /** An upgrade is running or was interrupted. */
  public static final String PENDING_UPGRADE = "pending-upgrade";
  /** Installed. */
  public static final String DEPLOYED = "deployed";
  /** The last operation failed. */
  public static final String FAILED = "failed";
  /** A later revision replaced this one. */
  public static final String SUPERSEDED = "superseded";
  /** An uninstall is running or was interrupted. */
  public static final String UNINSTALLING = "uninstalling";

  /**
   * One recorded object.
   *
   * @param ref the reference
   * @param keep whether {@code helm.sh/resource-policy: keep} protects it
   * @param crdsDirectory whether it is a CustomResourceDefinition from a chart's {@code crds/} directory
   */
  public record Entry(ObjectRef ref, boolean keep, boolean crdsDirectory) {

    /**
     * An object that is not from a {@code crds/} directory.
     *
     * @param ref the reference
     * @param keep whether {@code helm.sh/resource-policy: keep} protects it
     */
    public Entry(ObjectRef ref, boolean keep) {
      this(ref, keep, false);
    }

    /**
     * Whether prune and uninstall leave it in the cluster, as Helm does: objects marked
     * {@code helm.sh/resource-policy: keep} (of every kind) and CRDs of {@code crds/} directories (which Helm
     * never deletes). Templated CRDs without the annotation are deleted like any other object.
     *
     * @return true to leave it
     */
    public boolean retained() {
      return keep || crdsDirectory;
    }
  }

  /**
   * One revision.
   *
   * @param number the revision
   * @param status the status word
   * @param chart the chart reference
   * @param chartVersion the chart version rendered
   * @param digest the digest of the applied objects and hooks
   * @param valuesDigest a digest of the values with secrets masked
   * @param objects the objects
   */
  public record Revision(int number, String status, String chart, String chartVersion, String digest,
      String valuesDigest, List<Entry> objects) {

    /**
     * The same revision with another status.
     *
     * @param newStatus the status
     * @return the changed copy
     */
    public Revision withStatus(String newStatus) {
      return new Revision(number, newStatus, chart, chartVersion, digest, valuesDigest, objects);
    }

    /**
     * The release state Helm would report.
     *
     * @return the state
     */
    public ReleaseState state() {
      switch (status) {
        case DEPLOYED:
          return ReleaseState.DEPLOYED;
        case FAILED:
          return ReleaseState.FAILED;
        case PENDING_INSTALL:
          return ReleaseState.PENDING_INSTALL;
        case PENDING_UPGRADE:
          return ReleaseState.PENDING_UPGRADE;
        case UNINSTALLING:
          return ReleaseState.UNINSTALLING;
        default:
          return ReleaseState.UNKNOWN;
      }
    }
  }

  private Inventory() {}

  /**
   * The name of a revision's Secret.
   *
   * @param release the release
   * @param revision the revision
   * @return {@code gitops-runtime.<release>.v<revision>}
   */
  public static String name(String release, int revision) {
    return "gitops-runtime." + release + ".v" + revision;
  }

  /**
   * Reads every revision of a release.
   *
   * @param api the API
   * @param release the release
   * @param namespace the release namespace
   * @return the revisions, oldest first
   */
  public static List<Revision> read(KubeApi api, String release, String namespace) {
    Map<String, Object> list = api.list("/api/v1/namespaces/" + namespace + "/secrets?labelSelector="
        + KubeApi.encode(RELEASE_LABEL + "=" + release));
    List<Revision> revisions = new ArrayList<>();
    for (Object item : Json.list(list, "items")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> secret = (Map<String, Object>) item;
      if (!TYPE.equals(Json.string(secret, "type"))) {
        continue;
      }
      String data = Json.string(secret, "data", KEY);
      if (data == null) {
        continue;
      }
      revisions.add(decode(new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8)));
    }
    revisions.sort(Comparator.comparingInt(Revision::number));
    return revisions;
  }

  /**
   * Writes a revision (server-side apply, so writing it twice is harmless).
   *
   * @param api the API
   * @param fieldManager the field manager
   * @param release the release
   * @param namespace the release namespace
   * @param revision the revision
   */
  public static void write(KubeApi api, String fieldManager, String release, String namespace, Revision revision) {
    String name = name(release, revision.number());
    Map<String, Object> secret = Json.object("apiVersion", "v1", "kind", "Secret",
        "metadata", Json.object("name", name, "namespace", namespace,
            "labels", Json.object(RELEASE_LABEL, release, REVISION_LABEL, String.valueOf(revision.number()),
                STATUS_LABEL, revision.status(), "app.kubernetes.io/managed-by", "gitops-runtime")),
        "type", TYPE,
        "data", Json.object(KEY, Base64.getEncoder().encodeToString(encode(release, namespace, revision)
            .getBytes(StandardCharsets.UTF_8))));
    api.apply("/api/v1/namespaces/" + namespace + "/secrets/" + name, secret, fieldManager, true, false);
  }

  /**
   * Deletes a revision's Secret.
   *
   * @param api the API
   * @param release the release
   * @param namespace the release namespace
   * @param revision the revision number
   */
  public static void delete(KubeApi api, String release, String namespace, int revision) {
    api.delete("/api/v1/namespaces/" + namespace + "/secrets/" + name(release, revision), null);
  }

  /**
   * The latest revision.
   *
   * @param revisions the revisions, oldest first
   * @return the latest, or empty
   */
  public static Optional<Revision> latest(List<Revision> revisions) {
    return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
  }

  /**
   * The latest deployed revision.
   *
   * @param revisions the revisions, oldest first
   * @return the revision, or empty when none was deployed
   */
  public static Optional<Revision> lastDeployed(List<Revision> revisions) {
    for (int i = revisions.size() - 1; i >= 0; i--) {
      if (revisions.get(i).status().equals(DEPLOYED)) {
        return Optional.of(revisions.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * The objects the release may have in the cluster: those of the last deployed revision and of every
   * later one (whose install was interrupted or failed midway).
   *
   * @param revisions the revisions, oldest first
   * @return the entries, without duplicates (a later revision's entry wins)
   */
  public static List<Entry> live(List<Revision> revisions) {
    int from = 0;
    for (int i = revisions.size() - 1; i >= 0; i--) {
      if (revisions.get(i).status().equals(DEPLOYED)) {
        from = i;
        break;
      }
    }
    Map<ObjectRef, Entry> entries = new java.util.LinkedHashMap<>();
    for (Revision r : revisions.subList(from, revisions.size())) {
      if (r.status().equals(SUPERSEDED)) {
        continue;
      }
      r.objects().forEach(e -> entries.put(e.ref(), e));
    }
    return List.copyOf(entries.values());
  }

  /**
   * The references of entries.
   *
   * @param entries the entries
   * @return their references
   */
  public static Set<ObjectRef> refs(List<Entry> entries) {
    Set<ObjectRef> refs = new LinkedHashSet<>();
    entries.forEach(e -> refs.add(e.ref()));
    return refs;
  }

  static String encode(String release, String namespace, Revision revision) {
    List<Object> objects = new ArrayList<>();
    for (Entry e : revision.objects()) {
      objects.add(Json.object("apiVersion", e.ref().apiVersion(), "kind", e.ref().kind(),
          "namespace", e.ref().namespace().orElse(null), "name", e.ref().name(), "keep", e.keep() ? Boolean.TRUE : null,
          "crdsDirectory", e.crdsDirectory() ? Boolean.TRUE : null));
    }
    return Json.write(Json.object("format", FORMAT, "release", release, "namespace", namespace, "revision", revision.number(),
        "status", revision.status(), "chart", revision.chart(), "chartVersion", revision.chartVersion(),
        "digest", revision.digest(), "valuesDigest", revision.valuesDigest(),
        "updated", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "objects", objects));
  }

  static Revision decode(String json) {
    Map<String, Object> m = Json.parse(json);
    boolean before2 = Json.number(m, 1, "format") < FORMAT;
    List<Entry> entries = new ArrayList<>();
    for (Object o : Json.list(m, "objects")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> e = (Map<String, Object>) o;
      String ns = Json.string(e, "namespace");
      String apiVersion = String.valueOf(Json.string(e, "apiVersion"));
      String kind = String.valueOf(Json.string(e, "kind"));
      String name = String.valueOf(Json.string(e, "name"));
      boolean keptCrd = before2 && kind.equals("CustomResourceDefinition");
      entries.add(new Entry(ns == null ? ObjectRef.clusterScoped(apiVersion, kind, name)
          : ObjectRef.of(apiVersion, kind, ns, name), keptCrd || Boolean.TRUE.equals(e.get("keep")),
          Boolean.TRUE.equals(e.get("crdsDirectory"))));
    }
    return new Revision((int) Json.number(m, 0, "revision"), orEmpty(Json.string(m, "status")),
        orEmpty(Json.string(m, "chart")), orEmpty(Json.string(m, "chartVersion")), orEmpty(Json.string(m, "digest")),
        orEmpty(Json.string(m, "valuesDigest")), List.copyOf(entries));
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
