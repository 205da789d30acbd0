package io.gitopsruntime.testing.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field ownership as Kubernetes records it in {@code metadata.managedFields}, simplified: a field is a
 * path of map keys; lists and scalars are leaves (lists are owned and replaced whole). Stateless and
 * thread-safe.
 */
final class ManagedFields {

  private static final Set<String> IGNORED_TOP = Set.of("apiVersion", "kind", "status");
  private static final Set<String> IGNORED_METADATA = Set.of("name", "namespace", "uid", "resourceVersion",
      "generation", "creationTimestamp", "managedFields", "deletionTimestamp", "selfLink");

  private ManagedFields() {}

  /** One entry of {@code metadata.managedFields}. */
  record Entry(String manager, String operation, String apiVersion, Set<List<String>> fields) {

    Map<String, Object> toMap() {
      return Json.object("manager", manager, "operation", operation, "apiVersion", apiVersion,
          "time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "fieldsType", "FieldsV1",
          "fieldsV1", toFieldsV1(fields));
    }
  }

  /** The fields an object sets, excluding what the server owns (identity, status, managedFields). */
  @SuppressWarnings("unchecked")
  static Set<List<String>> fieldsOf(Map<String, Object> object) {
    Set<List<String>> fields = new LinkedHashSet<>();
    for (Map.Entry<String, Object> e : object.entrySet()) {
      if (IGNORED_TOP.contains(e.getKey())) {
        continue;
      }
      if (e.getKey().equals("metadata") && e.getValue() instanceof Map) {
        for (Map.Entry<String, Object> m : ((Map<String, Object>) e.getValue()).entrySet()) {
          if (!IGNORED_METADATA.contains(m.getKey())) {
            collect(List.of("metadata", m.getKey()), m.getValue(), fields);
          }
        }
        continue;
      }
      collect(List.of(e.getKey()), e.getValue(), fields);
    }
    return fields;
  }

  @SuppressWarnings("unchecked")
  private static void collect(List<String> path, Object value, Set<List<String>> out) {
    if (value instanceof Map && !((Map<?, ?>) value).isEmpty()) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
        List<String> child = new ArrayList<>(path);
        child.add(e.getKey());
        collect(List.copyOf(child), e.getValue(), out);
      }
    } else {
      out.add(path);
    }
  }

  /** The entries of an object's managedFields. */
  @SuppressWarnings("unchecked")
  static List<Entry> entries(Map<String, Object> object) {
    List<Entry> entries = new ArrayList<>();
    for (Object raw : Json.list(Json.map(object, "metadata"), "managedFields")) {
      if (!(raw instanceof Map)) {
        continue;
      }
      Map<String, Object> m = (Map<String, Object>) raw;
      Set<List<String>> fields = new LinkedHashSet<>();
      Map<String, Object> v1 = Json.map(m, "fieldsV1");
      if (v1 != null) {
        fromFieldsV1(List.of(), v1, fields);
      }
      entries.add(new Entry(String.valueOf(m.get("manager")), String.valueOf(m.get("operation")),
          String.valueOf(m.get("apiVersion")), fields));
    }
    return entries;
  }

  static List<Object> toList(List<Entry> entries) {
    List<Object> list = new ArrayList<>();
    entries.forEach(e -> list.add(e.toMap()));
    return list;
  }

  @SuppressWarnings("unchecked")
  private static void fromFieldsV1(List<String> path, Map<String, Object> node, Set<List<String>> out) {
    boolean hasChildren = false;
    for (Map.Entry<String, Object> e : node.entrySet()) {
      if (!e.getKey().startsWith("f:")) {
        continue;
      }
      hasChildren = true;
      List<String> child = new ArrayList<>(path);
      child.add(e.getKey().substring(2));
      Map<String, Object> next = e.getValue() instanceof Map ? (Map<String, Object>) e.getValue() : Map.of();
      fromFieldsV1(List.copyOf(child), next, out);
    }
    if (!hasChildren && !path.isEmpty()) {
      out.add(path);
    }
  }

  static Map<String, Object> toFieldsV1(Set<List<String>> fields) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (List<String> field : fields) {
      Map<String, Object> node = root;
      for (String key : field) {
        node = Json.child(node, "f:" + key);
      }
    }
    return root;
  }

  /** Whether two fields overlap: equal, or one contains the other. */
  static boolean overlaps(List<String> a, List<String> b) {
    int n = Math.min(a.size(), b.size());
    return a.subList(0, n).equals(b.subList(0, n));
  }

  /** The value at a field path, or {@link #ABSENT}. */
  @SuppressWarnings("unchecked")
  static Object valueAt(Map<String, Object> object, List<String> path) {
    Object current = object;
    for (String key : path) {
      if (!(current instanceof Map) || !((Map<String, Object>) current).containsKey(key)) {
        return ABSENT;
      }
      current = ((Map<String, Object>) current).get(key);
    }
    return current;
  }

  /** Removes the value at a field path, if present. */
  @SuppressWarnings("unchecked")
  static void remove(Map<String, Object> object, List<String> path) {
    Object current = object;
    for (int i = 0; i < path.size() - 1; i++) {
      if (!(current instanceof Map)) {
        return;
      }
      current = ((Map<String, Object>) current).get(path.get(i));
    }
    if (current instanceof Map) {
      ((Map<String, Object>) current).remove(path.get(path.size() - 1));
    }
  }

  /** Marks an absent value. */
  static final Object ABSENT = new Object();

  static String dotted(List<String> path) {
    return "." + String.join(".", path);
  }
}
