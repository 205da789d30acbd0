package io.gitopsruntime.testing.internal;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON merge patch (RFC 7386) and an approximation of Kubernetes' strategic merge patch: lists of
 * objects merge element by element on a merge key ({@code name}, {@code mountPath},
 * {@code containerPort}, {@code port}, {@code type}, {@code key}, {@code ip}), {@code $patch: delete}
 * removes an element or a map, and {@code $setElementOrder}/{@code $retainKeys} directives are ignored.
 * Stateless and thread-safe.
 */
final class Patches {

  private static final List<String> MERGE_KEYS = List.of("name", "mountPath", "containerPort", "port", "type",
      "key", "ip");

  private Patches() {}

  /** Applies a patch to a target in place. */
  @SuppressWarnings("unchecked")
  static void apply(Map<String, Object> target, Map<String, Object> patch, boolean strategic) {
    for (Map.Entry<String, Object> e : patch.entrySet()) {
      String key = e.getKey();
      Object value = e.getValue();
      if (strategic && key.startsWith("$")) {
        if (key.startsWith("$deleteFromPrimitiveList/") && value instanceof List) {
          Object list = target.get(key.substring("$deleteFromPrimitiveList/".length()));
          if (list instanceof List) {
            ((List<Object>) list).removeAll((List<Object>) value);
          }
        }
        continue;
      }
      Object existing = target.get(key);
      if (value == null) {
        target.remove(key);
      } else if (value instanceof Map) {
        Map<String, Object> patchMap = (Map<String, Object>) value;
        if (strategic && "delete".equals(patchMap.get("$patch"))) {
          target.remove(key);
        } else if (strategic && "replace".equals(patchMap.get("$patch"))) {
          Map<String, Object> replacement = Json.copy(patchMap);
          replacement.remove("$patch");
          target.put(key, replacement);
        } else if (existing instanceof Map) {
          apply((Map<String, Object>) existing, patchMap, strategic);
        } else {
          Map<String, Object> fresh = new java.util.LinkedHashMap<>();
          apply(fresh, patchMap, strategic);
          target.put(key, fresh);
        }
      } else if (strategic && value instanceof List && existing instanceof List && isObjectList((List<Object>) value)) {
        target.put(key, mergeList((List<Object>) existing, (List<Object>) value));
      } else {
        target.put(key, Json.copy(value));
      }
    }
  }

  private static boolean isObjectList(List<Object> list) {
    return !list.isEmpty() && list.stream().allMatch(v -> v instanceof Map);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> mergeList(List<Object> existing, List<Object> patch) {
    String mergeKey = mergeKey(patch);
    if (mergeKey == null) {
      return Json.copy(patch);
    }
    List<Object> result = Json.copy(existing);
    for (Object p : patch) {
      Map<String, Object> element = (Map<String, Object>) p;
      Object keyValue = element.get(mergeKey);
      Map<String, Object> match = null;
      for (Iterator<Object> it = result.iterator(); it.hasNext(); ) {
        Object candidate = it.next();
        if (candidate instanceof Map && keyValue != null && keyValue.equals(((Map<?, ?>) candidate).get(mergeKey))) {
          if ("delete".equals(element.get("$patch"))) {
            it.remove();
            match = null;
            keyValue = null;
            break;
          }
          match = (Map<String, Object>) candidate;
          break;
        }
      }
      if (keyValue == null) {
        continue;
      }
      if (match != null) {
        apply(match, element, true);
      } else {
        Map<String, Object> fresh = new java.util.LinkedHashMap<>();
        apply(fresh, element, true);
        result.add(fresh);
      }
    }
    return result;
  }

  private static @Nullable String mergeKey(List<Object> patch) {
    for (String key : MERGE_KEYS) {
      if (patch.stream().allMatch(e -> ((Map<?, ?>) e).containsKey(key))) {
        return key;
      }
    }
    return null;
  }
}
