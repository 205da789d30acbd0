package io.gitopsruntime.validators.internal;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.values.ExplicitNull;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The description of the chart's keys: every key of the chart's {@code values.yaml} (and of the subchart
 * sections the chart sets there) with the type of its default, the default, and whether it holds a secret.
 *
 * <p>It is read from the resource {@code chart-keys.tsv} next to this class, which a test-scope generator
 * derives from the chart's {@code values.yaml}; a test keeps the two in step. A map key with rows below it
 * has its own keys described; a map without rows below it (an empty default, an env block, ConfigMap data)
 * accepts any keys. Lists are described as a whole.
 *
 * <p>Loaded once, on first use; immutable and thread-safe afterwards.
 */
public final class ChartKeys {
  /** The resource the table is read from, relative to this class. */
  public static final String RESOURCE = "chart-keys.tsv";
  /** The resource listing more top-level keys of the subcharts, relative to this class. */
  public static final String SUBCHART_RESOURCE = "subchart-keys.tsv";
  /** The chart's subcharts (its {@code Chart.yaml} dependencies), by their key in the values. */
  public static final List<String> SUBCHARTS =
      List.of("argo-cd", "argo-workflows", "sealed-secrets", "tunnel-client", "redis-ha");

  /** The type of a key's default in the chart. */
  public enum Type {
    /** A string. */
    STRING,
    /** A number (integer or not). */
    NUMBER,
    /** A boolean. */
    BOOL,
    /** A map. */
    MAP,
    /** A list. */
    LIST,
    /** No default ({@code null} or nothing). */
    NULL;

    /**
     * The type's name in the table.
     *
     * @return such as {@code string}
     */
    public String tableName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type of a value of the plain data tree.
     *
     * @param value the value
     * @return its type
     */
    public static Type of(@Nullable Object value) {
      if (value == null || value instanceof ExplicitNull) {
        return NULL;
      }
      if (value instanceof String) {
        return STRING;
      }
      if (value instanceof Boolean) {
        return BOOL;
      }
      if (value instanceof Number) {
        return NUMBER;
      }
      if (value instanceof Map) {
        return MAP;
      }
      if (value instanceof List) {
        return LIST;
      }
      throw new IllegalArgumentException("not plain data: " + value.getClass().getName());
    }

    static Type parse(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * One key of the chart.
   *
   * @param path the key's values path
   * @param type the type of its default
   * @param defaultText the default as JSON ({@code {…}} for a map whose keys are described on their own)
   * @param secret whether the key holds a secret
   * @param described whether the key is a map whose own keys are described
   */
  public record Key(ValuesPath path, Type type, String defaultText, boolean secret, boolean described) {}

  private final List<Key> keys;
  private final Map<ValuesPath, Key> byPath;
  private final Set<String> topLevel;
  private final Map<String, Set<String>> subchartKeys = new HashMap<>();

  private ChartKeys(List<Key> keys) {
    this.keys = List.copyOf(keys);
    Map<ValuesPath, Key> index = new HashMap<>();
    Set<String> top = new LinkedHashSet<>();
    for (Key key : keys) {
      index.put(key.path(), key);
      if (key.path().segments().size() == 1) {
        top.add(((ValuesPath.Key) key.path().segments().get(0)).name());
      }
    }
    this.byPath = Collections.unmodifiableMap(index);
    this.topLevel = Collections.unmodifiableSet(top);
    for (Key key : keys) {
      List<ValuesPath.Segment> segments = key.path().segments();
      if (segments.size() == 2) {
        addSubchartKey(((ValuesPath.Key) segments.get(0)).name(), ((ValuesPath.Key) segments.get(1)).name());
      }
    }
  }

  private void addSubchartKey(String subchart, String key) {
    if (SUBCHARTS.contains(subchart)) {
      Set<String> known = subchartKeys.get(subchart);
      if (known == null) {
        known = new LinkedHashSet<>();
        subchartKeys.put(subchart, known);
      }
      known.add(key);
    }
  }

  private static final class Holder {
    static final ChartKeys INSTANCE = load();
  }

  /**
   * The chart's keys.
   *
   * @return the table, read on first use
   */
  public static ChartKeys chart() {
    return Holder.INSTANCE;
  }

  private static ChartKeys load() {
    ChartKeys chart = parse(lines(RESOURCE));
    for (String line : lines(SUBCHART_RESOURCE)) {
      if (!line.isEmpty() && !line.startsWith("#")) {
        String[] cells = line.split("\t", -1);
        chart.addSubchartKey(cells[0], cells[1]);
      }
    }
    return chart;
  }

  private static List<String> lines(String resource) {
    try (InputStream in = ChartKeys.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new GitOpsRuntimeException("The description of the chart's keys (" + resource
            + ") is missing from the class path: the gitops-runtime-validation jar is incomplete. Rebuild it.");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      // a loop, not reader.lines(): plan reads this table at start-up, where the stream classes cost time
      List<String> lines = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
      return lines;
    } catch (IOException e) {
      throw new GitOpsRuntimeException("The description of the chart's keys (" + resource + ") cannot be read: "
          + e.getMessage() + ". Rebuild the gitops-runtime-validation jar.", e);
    }
  }

  /**
   * Reads a table.
   *
   * @param lines the lines of the TSV: {@code path, type, default, secret}; {@code #} starts a comment
   * @return the table
   * @throws IllegalArgumentException if a line is malformed
   */
  public static ChartKeys parse(List<String> lines) {
    List<String[]> rows = new ArrayList<>();
    for (String line : lines) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells.length != 4) {
        throw new IllegalArgumentException("a row of " + RESOURCE + " has " + cells.length + " cells, not 4: " + line);
      }
      rows.add(cells);
    }
    Set<ValuesPath> parents = new java.util.HashSet<>();
    List<ValuesPath> paths = new ArrayList<>(rows.size());
    for (String[] cells : rows) {
      ValuesPath path = ValuesPath.parse(cells[0]);
      paths.add(path);
      if (path.segments().size() > 1) {
        parents.add(path.parent());
      }
    }
    List<Key> keys = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      String[] cells = rows.get(i);
      ValuesPath path = paths.get(i);
      keys.add(new Key(path, Type.parse(cells[1]), cells[2], cells[3].equals("yes"), parents.contains(path)));
    }
    return new ChartKeys(keys);
  }

  /**
   * Every key, in the chart's order.
   *
   * @return the keys
   */
  public List<Key> keys() {
    return keys;
  }

  /**
   * The key at a path.
   *
   * @param path a values path
   * @return the key; empty when the chart has no such key (or it lies inside a list or an open map)
   */
  public Optional<Key> find(ValuesPath path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /**
   * The chart's top-level keys, which include one per subchart it configures.
   *
   * @return the names, in the chart's order
   */
  public Set<String> topLevelKeys() {
    return topLevel;
  }

  /**
   * The top-level keys a subchart reads: those the chart sets for it, and more from the subchart's own
   * values (abridged).
   *
   * @param subchart the subchart's key in the chart's values, one of {@link #SUBCHARTS}
   * @return its keys; empty when none are known
   */
  public Set<String> subchartKeys(String subchart) {
    Set<String> keys = subchartKeys.get(subchart);
    return keys == null ? Set.of() : Collections.unmodifiableSet(keys);
  }
}
