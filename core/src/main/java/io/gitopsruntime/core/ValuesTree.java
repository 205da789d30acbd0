package io.gitopsruntime.core;

import io.gitopsruntime.core.internal.ValuesCodec;
import io.gitopsruntime.core.internal.YamlReader;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.ExplicitNull;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Values as plain data (maps, lists, strings, numbers, booleans, {@link ExplicitNull}), merged and
 * looked up the way Helm does it.
 *
 * <pre>{@code
 * ValuesTree chartDefaults = ValuesTree.of(ValuesYaml.read(Path.of("chart/values.yaml")).values());
 * ValuesTree user = ValuesTree.of(baseValues).overriddenBy(ValuesTree.of(prodValues));   // -f base -f prod
 * ValuesTree effective = user.coalesce(chartDefaults);
 * effective.get("tunnel-client.enabled");   // Optional[true]
 * }</pre>
 *
 * <p>Immutable and thread-safe: the data is copied in and every accessor returns unmodifiable views.
 */
public final class ValuesTree {
  private final Map<String, Object> root;

  private ValuesTree(Map<String, Object> root) {
    this.root = root;
  }

  /**
   * The tree of some values; literal secrets are masked.
   *
   * @param values the values
   * @return the tree
   */
  public static ValuesTree of(GitOpsRuntimeValues values) {
    return of(values, SecretHandling.MASK);
  }

  /**
   * The tree of some values.
   *
   * @param values the values
   * @param secrets whether literal secrets are kept or masked
   * @return the tree
   */
  public static ValuesTree of(GitOpsRuntimeValues values, SecretHandling secrets) {
    return new ValuesTree(freeze(ValuesYaml.toMap(values, secrets)));
  }

  /**
   * A tree of plain data.
   *
   * @param data maps with string keys, lists, strings, numbers, booleans and {@link ExplicitNull}
   * @return the tree
   * @throws IllegalArgumentException if the data holds anything else
   */
  public static ValuesTree ofData(Map<String, ?> data) {
    return new ValuesTree(freeze(data));
  }

  /**
   * The data, as an unmodifiable map.
   *
   * @return the top-level map
   */
  public Map<String, Object> data() {
    return root;
  }

  /**
   * The value at a path.
   *
   * @param path a path in {@code --set} syntax, such as {@code global.runtime.ingress.hosts[0]}
   * @return the value (a map, list or scalar), or empty when the path is not there
   */
  public Optional<Object> get(String path) {
    return get(ValuesPath.parse(path));
  }

  /**
   * The value at a path.
   *
   * @param path the path
   * @return the value (a map, list or scalar), or empty when the path is not there
   */
  public Optional<Object> get(ValuesPath path) {
    Object current = root;
    for (ValuesPath.Segment segment : path.segments()) {
      if (segment instanceof ValuesPath.Key && current instanceof Map) {
        current = ((Map<?, ?>) current).get(((ValuesPath.Key) segment).name());
      } else if (segment instanceof ValuesPath.Index && current instanceof List) {
        int index = ((ValuesPath.Index) segment).index();
        List<?> list = (List<?>) current;
        current = index < list.size() ? list.get(index) : null;
      } else {
        return Optional.empty();
      }
      if (current == null) {
        return Optional.empty();
      }
    }
    return Optional.of(current);
  }

  /**
   * Merges this tree, the user's values, over a chart's defaults as Helm does ({@code coalesce} in
   * Helm's {@code chartutil}): maps merge key by key, lists and scalars replace, a {@code null} here
   * deletes the default's key, and a {@code null} with no default to delete stays a {@code null}. Where
   * the user gives a map and the default is not one, or the other way round, the user's value wins.
   * The defaults' own nulls are kept, as Helm 3 keeps them; Helm 4 drops them (a template sees no value
   * either way, but {@code hasKey} and {@code toYaml} tell the difference).
   *
   * @param defaults the defaults, such as a chart's {@code values.yaml}
   * @return the merged tree
   */
  public ValuesTree coalesce(ValuesTree defaults) {
    return new ValuesTree(freeze(coalesceValues(root, defaults.root)));
  }

  /**
   * Helm's coalesceValues, then coalesceTablesFullKey, without the merge mode used for subcharts; in
   * the defaults' key order, then the user's new keys.
   */
  private static Map<String, Object> coalesceValues(Map<String, Object> user, Map<String, Object> defaults) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : defaults.entrySet()) {
      String key = entry.getKey();
      Object fallback = entry.getValue();
      if (!user.containsKey(key)) {
        out.put(key, fallback);
        continue;
      }
      Object mine = user.get(key);
      if (mine == ExplicitNull.INSTANCE) {
        continue;
      }
      out.put(key, mine instanceof Map && fallback instanceof Map ? coalesceValues(asMap(mine), asMap(fallback)) : mine);
    }
    user.forEach((key, mine) -> {
      if (!defaults.containsKey(key)) {
        out.put(key, mine);
      }
    });
    return out;
  }

  /**
   * Layers a later values file over this one as Helm does for {@code -f this -f later} (its
   * {@code mergeMaps}): maps merge key by key, and anything else in the later file, a {@code null}
   * included, replaces what this one has. The nulls are kept, so that the merged values delete the
   * chart's defaults exactly where the later file asked for it; {@link #coalesce} then applies them.
   *
   * <pre>{@code
   * ValuesTree merged = ValuesTree.of(base).overriddenBy(ValuesTree.of(prod));
   * }</pre>
   *
   * @param later the later file's values
   * @return the merged tree
   */
  public ValuesTree overriddenBy(ValuesTree later) {
    return new ValuesTree(freeze(mergeMaps(root, later.root)));
  }

  private static Map<String, Object> mergeMaps(Map<String, Object> base, Map<String, Object> later) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    for (Map.Entry<String, Object> entry : later.entrySet()) {
      Object mine = out.get(entry.getKey());
      Object theirs = entry.getValue();
      out.put(entry.getKey(), mine instanceof Map && theirs instanceof Map ? mergeMaps(asMap(mine), asMap(theirs)) : theirs);
    }
    return out;
  }

  /**
   * Every leaf of the tree with its path, in document order: scalars, and empty maps and lists.
   *
   * @return the leaves
   */
  public List<Map.Entry<ValuesPath, Object>> leaves() {
    List<Map.Entry<ValuesPath, Object>> out = new ArrayList<>();
    visitLeaves(ValuesPath.root(), root, (path, value) -> out.add(Map.entry(path, value)));
    return Collections.unmodifiableList(out);
  }

  private static void visitLeaves(ValuesPath path, Object value, BiConsumer<ValuesPath, Object> visitor) {
    if (value instanceof Map && !((Map<?, ?>) value).isEmpty()) {
      asMap(value).forEach((k, v) -> visitLeaves(path.key(k), v, visitor));
    } else if (value instanceof List && !((List<?>) value).isEmpty()) {
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        visitLeaves(path.index(i), list.get(i), visitor);
      }
    } else {
      visitor.accept(path, value);
    }
  }

  /**
   * The values this tree describes.
   *
   * @return the parsed values, with any type problems
   */
  public ParsedValues toValues() {
    // our own output of data already in memory: the limits against hostile files do not apply (a merge of
    // several files may hold more keys than one file may)
    return ValuesYaml.parse(YamlIo.write(root), "values", YamlReader.Limits.OWN_OUTPUT);
  }

  /**
   * The problems the typed values model finds in this tree (a key of the wrong type, such as a map where a
   * string belongs), without the round trip through YAML that {@link #toValues()} takes, for callers that
   * need only the problems.
   *
   * @return the problems, in the order of the keys
   */
  public List<Finding> typeProblems() {
    List<Finding> problems = new ArrayList<>();
    ValuesCodec.read(root, problems::add);
    return problems;
  }

  /**
   * The tree as YAML.
   *
   * @return the YAML
   */
  public String toYaml() {
    return YamlIo.write(root);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ValuesTree && ((ValuesTree) other).root.equals(root);
  }

  @Override
  public int hashCode() {
    return root.hashCode();
  }

  /** The keys at the top level only; the data may hold secrets. */
  @Override
  public String toString() {
    return "ValuesTree" + root.keySet();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }

  private static Map<String, Object> freeze(Map<String, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(Objects.requireNonNull(k, "null key"), freezeValue(v)));
    return Collections.unmodifiableMap(out);
  }

  private static Object freezeValue(@Nullable Object value) {
    if (value == null || value == ExplicitNull.INSTANCE) {
      return ExplicitNull.INSTANCE;
    }
    if (value instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> out.put(String.valueOf(k), freezeValue(v)));
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object item : (List<?>) value) {
        out.add(freezeValue(item));
      }
      return Collections.unmodifiableList(out);
    }
    if (value instanceof Integer) {
      return ((Integer) value).longValue();
    }
    if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Double
        || value instanceof BigInteger || value instanceof BigDecimal) {
      return value;
    }
    throw new IllegalArgumentException(
        "values data must be maps, lists, strings, numbers, booleans or ExplicitNull, not " + value.getClass().getName());
  }
}
