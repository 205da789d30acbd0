package io.gitopsruntime.helm.manifest.internal;

import io.gitopsruntime.install.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether existing objects may be applied by a release. Its own are those its inventory records,
 * those carrying its Helm ownership (a release of the same name and namespace, as after a switch from
 * Helm), and those only its field manager ever wrote (such as the namespace an install created). Any
 * other existing object belongs to another Helm release (a different {@code meta.helm.sh/release-name}
 * or {@code -namespace}) or to the field managers that wrote it. Stateless and thread-safe.
 */
public final class Ownership {
  private Ownership() {}

  /**
   * The objects a release must not take over without being asked to.
   *
   * @param live the live state of the objects it would apply (null when absent)
   * @param recorded the objects its inventory records
   * @param release the release
   * @param namespace the release namespace
   * @param fieldManager the release's field manager
   * @return one line per conflict, naming the object and its owner
   */
  public static List<String> conflicts(Map<ObjectRef, @Nullable Map<String, Object>> live, Set<ObjectRef> recorded,
      String release, String namespace, String fieldManager) {
    List<String> conflicts = new ArrayList<>();
    for (Map.Entry<ObjectRef, @Nullable Map<String, Object>> e : live.entrySet()) {
      Map<String, Object> object = e.getValue();
      if (object == null || recorded.contains(e.getKey())) {
        continue;
      }
      String owner = Json.string(object, "metadata", "annotations", Desired.RELEASE_NAME);
      String ownerNamespace = Json.string(object, "metadata", "annotations", Desired.RELEASE_NAMESPACE);
      if (owner != null && !owner.isEmpty()) {
        if (owner.equals(release) && namespace.equals(ownerNamespace)) {
          continue;
        }
        conflicts.add(e.getKey() + ": owned by Helm release \"" + owner + "\""
            + (ownerNamespace == null ? "" : " in namespace \"" + ownerNamespace + "\""));
        continue;
      }
      Set<String> managers = new TreeSet<>();
      for (Object f : Json.list(object, "metadata", "managedFields")) {
        if (f instanceof Map && ((Map<?, ?>) f).get("manager") != null) {
          managers.add(String.valueOf(((Map<?, ?>) f).get("manager")));
        }
      }
      if (managers.equals(Set.of(fieldManager))) {
        continue;
      }
      conflicts.add(e.getKey() + ": exists already, not part of this release"
          + (managers.isEmpty() ? "" : " (written by field manager " + String.join(", ", quoted(managers)) + ")"));
    }
    return conflicts;
  }

  private static List<String> quoted(Set<String> names) {
    List<String> out = new ArrayList<>();
    names.forEach(n -> out.add("\"" + n + "\""));
    return out;
  }
}
