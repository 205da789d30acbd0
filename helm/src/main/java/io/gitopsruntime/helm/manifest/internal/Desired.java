package io.gitopsruntime.helm.manifest.internal;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.install.ObjectRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a release should be, resolved against the cluster: the objects to apply (namespaces filled in,
 * Helm's ownership label and annotations added) and the hooks, each with how the cluster serves its
 * kind, and a digest of all of it. Immutable and thread-safe.
 */
public final class Desired {
  private static final Logger log = LoggerFactory.getLogger(Desired.class);

  /** The label Helm checks before adopting an object. */
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  /** The annotation naming the Helm release that owns an object. */
  public static final String RELEASE_NAME = "meta.helm.sh/release-name";
  /** The annotation naming the namespace of the Helm release that owns an object. */
  public static final String RELEASE_NAMESPACE = "meta.helm.sh/release-namespace";

  private static final Set<String> EVENTS = Set.of("pre-install", "post-install", "pre-delete", "post-delete",
      "pre-upgrade", "post-upgrade", "pre-rollback", "post-rollback", "test", "test-success");

  private final List<KubeObject> objects;
  private final List<Hook> hooks;
  private final String chartName;
  private final String chartVersion;
  private final String digest;

  private Desired(List<KubeObject> objects, List<Hook> hooks, String chartName, String chartVersion, String digest) {
    this.objects = objects;
    this.hooks = hooks;
    this.chartName = chartName;
    this.chartVersion = chartVersion;
    this.digest = digest;
  }

  /**
   * Fetches and renders an installation's chart for a cluster, in a scratch directory deleted
   * afterwards, and resolves the documents.
   *
   * @param context the operation's context
   * @param installation the installation
   * @param fetcher fetches the chart
   * @param cluster what the cluster serves
   * @return the desired state
   */
  public static Desired render(Context context, RuntimeInstallation installation, ChartFetcher fetcher,
      Cluster cluster) {
    try (WorkDir work = WorkDir.create()) {
      Renderer.Rendered rendered = Renderer.render(fetcher, installation.chart(), installation.chartVersion(),
          context.release(), context.namespace(), cluster,
          ValuesYaml.write(installation.values(), SecretHandling.REVEAL),
          work, context::redact);
      return resolve(rendered, cluster, context.release(), context.namespace());
    }
  }

  /**
   * Resolves rendered documents.
   *
   * @param rendered the render
   * @param cluster what the cluster serves; told about the kinds the chart's CRDs will serve
   * @param release the release name
   * @param namespace the release namespace
   * @return the desired state
   * @throws ChartException if an object has no kind or name, or is rendered twice
   * @throws UnservedKinds if the cluster serves some kinds neither it nor the chart's CRDs define
   */
  public static Desired resolve(Renderer.Rendered rendered, Cluster cluster, String release, String namespace) {
    for (Renderer.Document d : rendered.documents()) {
      if ("CustomResourceDefinition".equals(d.body().get("kind"))) {
        crdTypes(d.body()).forEach(t -> {
          if (cluster.type(t.apiVersion(), t.kind()).isEmpty()) {
            cluster.expect(t);
          }
        });
      }
    }
    List<KubeObject> objects = new ArrayList<>();
    List<Hook> hooks = new ArrayList<>();
    Set<ObjectRef> seen = new LinkedHashSet<>();
    Set<ObjectRef> seenHooks = new LinkedHashSet<>();
    List<String> unserved = new ArrayList<>();
    for (Renderer.Document d : rendered.documents()) {
      Map<String, Object> body = d.body();
      String apiVersion = Json.string(body, "apiVersion");
      String kind = Json.string(body, "kind");
      String name = Json.string(body, "metadata", "name");
      if (apiVersion == null || kind == null || name == null || name.isEmpty()) {
        throw new ChartException(Messages.incompleteObject(d.source()));
      }
      ResourceType type = cluster.type(apiVersion, kind).orElse(null);
      if (type == null) {
        unserved.add(kind + " " + name + " (" + apiVersion + ", from " + d.source() + ")");
        continue;
      }
      String hookEvents = d.crdsDirectory() ? null : Json.string(body, "metadata", "annotations", ChartRewriter.HOOK);
      KubeObject object = object(body, type, d.source(), d.crdsDirectory(), release, namespace);
      if (hookEvents == null) {
        if (!seen.add(object.ref())) {
          throw new ChartException(Messages.duplicate(object.ref()));
        }
        objects.add(object);
        continue;
      }
      List<String> events = new ArrayList<>();
      boolean unknown = false;
      for (String e : hookEvents.split(",")) {
        String event = e.trim().toLowerCase(Locale.ROOT);
        if (!EVENTS.contains(event)) {
          unknown = true;
          break;
        }
        events.add(event.equals("test-success") ? "test" : event);
      }
      if (unknown) {
        log.debug("skipping {} with an unknown hook \"{}\", as Helm does", object.ref(), hookEvents);
        continue;
      }
      if (!seenHooks.add(object.ref())) {
        log.debug("{} is rendered as a hook twice", object.ref());
      }
      long weight;
      try {
        weight = Long.parseLong(String.valueOf(Json.string(body, "metadata", "annotations", ChartRewriter.HOOK + "-weight")).trim());
      } catch (NumberFormatException e) {
        weight = 0;
      }
      Set<String> policies = new LinkedHashSet<>();
      String declared = Json.string(body, "metadata", "annotations", ChartRewriter.HOOK + "-delete-policy");
      if (declared != null) {
        for (String p : declared.split(",")) {
          if (!p.isBlank()) {
            policies.add(p.trim().toLowerCase(Locale.ROOT));
          }
        }
      }
      if (policies.isEmpty()) {
        policies.add(Hook.BEFORE_HOOK_CREATION);
      }
      hooks.add(new Hook(object, List.copyOf(events), (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, weight)),
          Collections.unmodifiableSet(policies)));
    }
    if (!unserved.isEmpty()) {
      throw new UnservedKinds(unserved);
    }
    return new Desired(List.copyOf(objects), List.copyOf(hooks), rendered.chartName(), rendered.chartVersion(),
        digest(objects, hooks, rendered));
  }

  private static KubeObject object(Map<String, Object> rendered, ResourceType type, String source, boolean createOnly,
      String release, String namespace) {
    Map<String, Object> body = Json.copy(rendered);
    Map<String, Object> metadata = Json.child(body, "metadata");
    String objectNamespace = null;
    if (type.namespaced()) {
      Object declared = metadata.get("namespace");
      objectNamespace = declared == null || declared.toString().isEmpty() ? namespace : declared.toString();
      metadata.put("namespace", objectNamespace);
    } else {
      metadata.remove("namespace");
    }
    Json.child(metadata, "labels").put(MANAGED_BY, "Helm");
    Map<String, Object> annotations = Json.child(metadata, "annotations");
    annotations.put(RELEASE_NAME, release);
    annotations.put(RELEASE_NAMESPACE, namespace);
    String name = String.valueOf(metadata.get("name"));
    ObjectRef ref = objectNamespace == null
        ? ObjectRef.clusterScoped(type.apiVersion(), type.kind(), name)
        : ObjectRef.of(type.apiVersion(), type.kind(), objectNamespace, name);
    return new KubeObject(ref, type, body, source, createOnly);
  }

  /**
   * The kinds a CustomResourceDefinition serves.
   *
   * @param crd the CRD
   * @return one type per served version
   */
  static List<ResourceType> crdTypes(Map<String, Object> crd) {
    List<ResourceType> types = new ArrayList<>();
    Map<String, Object> spec = Json.map(crd, "spec");
    String group = Json.string(spec, "group");
    String kind = Json.string(spec, "names", "kind");
    String plural = Json.string(spec, "names", "plural");
    if (group == null || kind == null || plural == null) {
      return types;
    }
    boolean namespaced = !"Cluster".equals(Json.string(spec, "scope"));
    for (Object v : Json.list(spec, "versions")) {
      if (v instanceof Map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> version = (Map<String, Object>) v;
        String name = Json.string(version, "name");
        if (name != null && !Boolean.FALSE.equals(version.get("served"))) {
          types.add(new ResourceType(group, name, kind, plural, namespaced));
        }
      }
    }
    String legacy = Json.string(spec, "version");
    if (types.isEmpty() && legacy != null) {
      types.add(new ResourceType(group, legacy, kind, plural, namespaced));
    }
    return types;
  }

  private static String digest(List<KubeObject> objects, List<Hook> hooks, Renderer.Rendered rendered) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((rendered.chartName() + "\n" + rendered.chartVersion() + "\n").getBytes(StandardCharsets.UTF_8));
      for (KubeObject o : objects) {
        sha.update(Json.canonical(o.body()).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      for (Hook h : hooks) {
        Map<String, Object> hook = new LinkedHashMap<>();
        hook.put("events", h.events());
        hook.put("body", h.object().body());
        sha.update(Json.canonical(hook).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return "sha256:" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The objects, in Helm's order.
   *
   * @return the objects
   */
  public List<KubeObject> objects() {
    return objects;
  }

  /**
   * The hooks, in Helm's kind order (the hook runner sorts them by weight).
   *
   * @return the hooks
   */
  public List<Hook> hooks() {
    return hooks;
  }

  /**
   * The hooks of an event, in the order Helm runs them: by weight, then name, keeping the kind order.
   *
   * @param event the event
   * @return the hooks
   */
  public List<Hook> hooks(String event) {
    List<Hook> selected = new ArrayList<>();
    for (Hook h : hooks) {
      if (h.runsOn(event)) {
        selected.add(h);
      }
    }
    selected.sort((a, b) -> a.weight() != b.weight() ? Integer.compare(a.weight(), b.weight())
        : a.object().ref().name().compareTo(b.object().ref().name()));
    return selected;
  }

  /**
   * The chart's name.
   *
   * @return the name
   */
  public String chartName() {
    return chartName;
  }

  /**
   * The chart's version.
   *
   * @return the version
   */
  public String chartVersion() {
    return chartVersion;
  }

  /**
   * A digest of every object and hook as they will be applied, and of the chart's name and version.
   *
   * @return {@code sha256:<hex>}
   */
  public String digest() {
    return digest;
  }

  /** Kinds the cluster does not serve. Not shared between threads. */
  public static final class UnservedKinds extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> objects;

    UnservedKinds(List<String> objects) {
      super(String.join(", ", objects));
      this.objects = List.copyOf(objects);
    }

    /**
     * The objects, described.
     *
     * @return {@code Kind name (apiVersion, from template)} for each
     */
    public List<String> objects() {
      return objects;
    }
  }
}
