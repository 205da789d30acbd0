package io.gitopsruntime.validators.internal;

import io.gitopsruntime.values.ExplicitNull;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads values the way Helm sees them after merging the user's values over the chart's defaults: a typed
 * key that is set wins; a key kept raw in {@code additionalValues()} (null, empty or of another type)
 * replaces the default, and a YAML {@code null} deletes it; an absent key takes the chart default. Also
 * walks untyped maps. Thread-safe; no state.
 */
public final class Raw {
  private Raw() {}

  /**
   * The effective string of a typed key.
   *
   * @param typed the typed attribute
   * @param extra the node's additional values
   * @param key the key's name in its node
   * @param chartDefault the chart's default, or null when the chart has none
   * @return the string Helm would see; empty when unset or deleted with a YAML null
   */
  public static Optional<String> string(
      Optional<String> typed, Map<String, Object> extra, String key, @Nullable String chartDefault) {
    if (typed.isPresent()) {
      return typed;
    }
    if (extra.containsKey(key)) {
      Object raw = extra.get(key);
      if (raw == null || raw instanceof ExplicitNull) {
        return Optional.empty();
      }
      return raw instanceof Map || raw instanceof List ? Optional.empty() : Optional.of(String.valueOf(raw));
    }
    return Optional.ofNullable(chartDefault);
  }

  /**
   * Whether a typed key was given in the values file but holds nothing usable (null, an empty string,
   * or a value of another type).
   *
   * @param typed the typed attribute
   * @param extra the node's additional values
   * @param key the key's name
   * @return true when the file set the key to something empty
   */
  public static boolean givenEmpty(Optional<?> typed, Map<String, Object> extra, String key) {
    return typed.isEmpty() && extra.containsKey(key) && isBlank(extra.get(key));
  }

  /**
   * The effective boolean of a typed key; a key deleted with {@code null} counts as false, a value of
   * another type as the chart default (the parser reports the type).
   *
   * @param typed the typed attribute
   * @param extra the node's additional values
   * @param key the key's name
   * @param chartDefault the chart's default
   * @return the boolean Helm would see
   */
  public static boolean bool(Optional<Boolean> typed, Map<String, Object> extra, String key, boolean chartDefault) {
    if (typed.isPresent()) {
      return typed.get();
    }
    if (extra.get(key) instanceof ExplicitNull) {
      return false;
    }
    return chartDefault;
  }

  /**
   * The raw value at a path of nested maps.
   *
   * @param root the map to start at
   * @param keys the keys to follow
   * @return the value; empty when a key is missing or a step is not a map
   */
  public static Optional<Object> at(Map<String, Object> root, String... keys) {
    Object current = root;
    for (String key : keys) {
      if (!(current instanceof Map)) {
        return Optional.empty();
      }
      current = ((Map<?, ?>) current).get(key);
      if (current == null) {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  /**
   * The map at a path of nested maps.
   *
   * @param root the map to start at
   * @param keys the keys to follow
   * @return the map with its keys as strings; empty when missing or not a map
   */
  public static Optional<Map<String, Object>> mapAt(Map<String, Object> root, String... keys) {
    Optional<Object> found = at(root, keys);
    return found.isPresent() ? asMap(found.get()) : Optional.empty();
  }

  /**
   * A raw value as a map with string keys.
   *
   * @param raw the raw value
   * @return the map; empty when it is not a map
   */
  public static Optional<Map<String, Object>> asMap(@Nullable Object raw) {
    if (!(raw instanceof Map)) {
      return Optional.empty();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) raw).entrySet()) {
      Object v = e.getValue();
      copy.put(String.valueOf(e.getKey()), v == null ? ExplicitNull.INSTANCE : v);
    }
    return Optional.of(Collections.unmodifiableMap(copy));
  }

  /**
   * Whether a raw value is empty: null, an empty or blank string, an empty map or list.
   *
   * @param raw the raw value
   * @return true when empty
   */
  public static boolean isBlank(@Nullable Object raw) {
    if (raw == null || raw instanceof ExplicitNull) {
      return true;
    }
    if (raw instanceof String) {
      return ((String) raw).isBlank();
    }
    if (raw instanceof Map) {
      return ((Map<?, ?>) raw).isEmpty();
    }
    if (raw instanceof List) {
      return ((List<?>) raw).isEmpty();
    }
    return false;
  }

  /**
   * Go template truthiness, which the chart's {@code if} uses: false, 0, empty strings, maps and lists,
   * and null are false.
   *
   * @param raw the raw value
   * @return whether a chart template treats it as true
   */
  public static boolean truthy(@Nullable Object raw) {
    if (raw instanceof Boolean) {
      return (Boolean) raw;
    }
    if (raw instanceof Number) {
      return ((Number) raw).doubleValue() != 0;
    }
    return !isBlank(raw);
  }
}
