package io.gitopsruntime.core.internal;

import io.gitopsruntime.core.ValuesPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Edits of a mutable copy of a values tree by path, for the exports that rewrite values. */
final class MutableValues {
  private MutableValues() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, deepCopyValue(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object deepCopyValue(Object value) {
    if (value instanceof Map) {
      return deepCopy((Map<String, Object>) value);
    }
    if (value instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object item : (List<Object>) value) {
        out.add(deepCopyValue(item));
      }
      return out;
    }
    return value;
  }

  /** Removes the key that holds a path's value; for a list item, the key that holds the list. */
  @SuppressWarnings("unchecked")
  static void remove(Map<String, Object> root, ValuesPath path) {
    List<ValuesPath.Segment> segments = path.segments();
    int last = segments.size() - 1;
    while (last >= 0 && !(segments.get(last) instanceof ValuesPath.Key)) {
      last--;
    }
    if (last < 0) {
      return;
    }
    Object current = root;
    for (int i = 0; i < last; i++) {
      ValuesPath.Segment segment = segments.get(i);
      if (segment instanceof ValuesPath.Key && current instanceof Map) {
        current = ((Map<String, Object>) current).get(((ValuesPath.Key) segment).name());
      } else if (segment instanceof ValuesPath.Index && current instanceof List
          && ((ValuesPath.Index) segment).index() < ((List<Object>) current).size()) {
        current = ((List<Object>) current).get(((ValuesPath.Index) segment).index());
      } else {
        return;
      }
    }
    if (current instanceof Map) {
      ((Map<String, Object>) current).remove(((ValuesPath.Key) segments.get(last)).name());
    }
  }

  /**
   * Puts a value at a path, creating maps for keys and lists for indexes on the way; list entries before
   * an index are empty maps, which Helm's --set parser fills in.
   */
  @SuppressWarnings("unchecked")
  static void put(Map<String, Object> root, ValuesPath path, Object value) {
    List<ValuesPath.Segment> segments = path.segments();
    Object current = root;
    for (int i = 0; i < segments.size(); i++) {
      ValuesPath.Segment segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      Object child = last ? value : null;
      if (segment instanceof ValuesPath.Key) {
        Map<String, Object> map = (Map<String, Object>) current;
        String key = ((ValuesPath.Key) segment).name();
        if (!last) {
          child = containerFor(segments.get(i + 1), map.get(key));
        }
        map.put(key, child);
      } else {
        List<Object> list = (List<Object>) current;
        int index = ((ValuesPath.Index) segment).index();
        while (list.size() <= index) {
          list.add(new LinkedHashMap<String, Object>());
        }
        if (!last) {
          child = containerFor(segments.get(i + 1), list.get(index));
        }
        list.set(index, child);
      }
      current = child;
    }
  }

  private static Object containerFor(ValuesPath.Segment next, Object existing) {
    if (next instanceof ValuesPath.Key) {
      return existing instanceof Map ? existing : new LinkedHashMap<String, Object>();
    }
    return existing instanceof List ? existing : new ArrayList<Object>();
  }
}
