package io.gitopsruntime.testing.internal;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Small helpers over Kubernetes objects held as plain maps. Stateless and thread-safe. */
public final class Json {

  private Json() {}

  /**
   * Parses a JSON or YAML object.
   *
   * @param text JSON or YAML text
   * @return the object as a mutable map
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parse(String text) {
    Object parsed = Serialization.unmarshal(text, Map.class);
    if (parsed == null) {
      throw new IllegalArgumentException("not an object");
    }
    return (Map<String, Object>) parsed;
  }

  /**
   * Writes an object as JSON.
   *
   * @param object the object
   * @return compact JSON
   */
  public static String write(Object object) {
    return Serialization.asJson(object);
  }

  /**
   * Deep copy of maps and lists; scalars are shared.
   *
   * @param value the value
   * @param <T> its type
   * @return the copy
   */
  @SuppressWarnings("unchecked")
  public static <T> T copy(T value) {
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) value).forEach((k, v) -> copy.put(k, copy(v)));
      return (T) copy;
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      ((List<Object>) value).forEach(v -> copy.add(copy(v)));
      return (T) copy;
    }
    return value;
  }

  /**
   * The map at {@code key}, or {@code null}.
   *
   * @param map the parent
   * @param key the key
   * @return the child map or null
   */
  @SuppressWarnings("unchecked")
  public static @Nullable Map<String, Object> map(@Nullable Map<String, Object> map, String key) {
    if (map == null) {
      return null;
    }
    Object value = map.get(key);
    return value instanceof Map ? (Map<String, Object>) value : null;
  }

  /**
   * The map at {@code key}, created when absent.
   *
   * @param map the parent
   * @param key the key
   * @return the child map
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> child(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value instanceof Map) {
      return (Map<String, Object>) value;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    map.put(key, created);
    return created;
  }

  /**
   * The list at {@code key}, or an empty list.
   *
   * @param map the parent
   * @param key the key
   * @return the list
   */
  @SuppressWarnings("unchecked")
  public static List<Object> list(@Nullable Map<String, Object> map, String key) {
    if (map == null) {
      return List.of();
    }
    Object value = map.get(key);
    return value instanceof List ? (List<Object>) value : List.of();
  }

  /**
   * The string found by walking {@code keys}, or {@code null}.
   *
   * @param map the root
   * @param keys the path
   * @return the string value or null
   */
  public static @Nullable String string(@Nullable Map<String, Object> map, String... keys) {
    Map<String, Object> current = map;
    for (int i = 0; i < keys.length - 1; i++) {
      current = map(current, keys[i]);
    }
    if (current == null) {
      return null;
    }
    Object value = current.get(keys[keys.length - 1]);
    return value == null ? null : value.toString();
  }

  /**
   * A map built from alternating keys and values.
   *
   * @param keysAndValues key, value, key, value...
   * @return a mutable ordered map
   */
  public static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
