package io.gitopsruntime.core.internal;

import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.values.ExplicitNull;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.SecretValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts the values model to and from plain data (maps, lists, scalars). The key-by-key work is done by
 * {@code NodeCodec}, which the build generates from the table of the chart's keys
 * ({@code core/src/main/chart/chart-keys.tsv}) as plain straight-line code, so that a short-lived process
 * (a CLI, a JBang script) pays almost nothing for it; a test checks that every typed attribute of every
 * node survives a round trip.
 *
 * <p>Reading keeps every key: a typed key becomes an attribute; an untyped key, or a typed key whose
 * value is null, empty or of another type, is kept verbatim in {@code additionalValues} (a wrong type
 * is also reported). Writing emits the typed attributes that are set, then the kept keys that no
 * attribute wrote. Thread-safe; no state.
 */
public final class ValuesCodec {
  /** Collects problems while reading. */
  public interface Problems {
    /**
     * Reports a problem.
     *
     * @param finding the problem
     */
    void report(io.gitopsruntime.validation.Finding finding);
  }

  /** What to write for literal secrets. */
  public interface SecretWriter {
    /**
     * The data to write in place of a literal secret.
     *
     * @param path where the secret is
     * @param secret the secret
     * @return the value to write, or null to leave the key out
     */
    @org.jspecify.annotations.Nullable Object write(ValuesPath path, SecretValue secret);
  }

  private ValuesCodec() {}

  /**
   * Reads the root node.
   *
   * @param raw the document's top-level map
   * @param problems where type problems go
   * @return the values
   */
  public static GitOpsRuntimeValues read(Map<String, Object> raw, Problems problems) {
    return NodeCodec.readGitOpsRuntimeValues(raw, ValuesPath.root(), problems);
  }

  /**
   * Writes the root node.
   *
   * @param values the values
   * @param secrets what to write for literal secrets
   * @return the plain data; empty when nothing is set
   */
  public static Map<String, Object> write(GitOpsRuntimeValues values, SecretWriter secrets) {
    Map<String, Object> out = NodeCodec.writeGitOpsRuntimeValues(values, ValuesPath.root(), secrets);
    java.util.Set<ValuesPath> parents = new java.util.HashSet<>();
    for (SecretSlots.Slot slot : SecretSlots.ALL) {
      // two slots may share a parent (argo-cd's password and token): write a misplaced value there once
      writeMisplacedSecret(out, slot.literal(), parents.add(slot.literal().parent()), secrets);
    }
    return out;
  }

  /**
   * Sends a secret of the wrong type through the secret writer, scalar by scalar, so that it is masked
   * like any literal: a list or map in a slot ({@code value: [token]}), or a scalar or list where the
   * slot's map belongs ({@code password: token}). Such values are kept verbatim when read (and reported),
   * so no typed attribute wrote them.
   */
  @SuppressWarnings("unchecked")
  private static void writeMisplacedSecret(Map<String, Object> root, ValuesPath literal, boolean atParent, SecretWriter secrets) {
    List<ValuesPath.Segment> segments = literal.segments();
    Map<String, Object> container = root;
    ValuesPath path = ValuesPath.root();
    for (int i = 0; i < segments.size(); i++) {
      if (!(segments.get(i) instanceof ValuesPath.Key)) {
        return;
      }
      String key = ((ValuesPath.Key) segments.get(i)).name();
      path = path.key(key);
      Object value = container.get(key);
      boolean last = i == segments.size() - 1;
      if (value == null || value == ExplicitNull.INSTANCE) {
        return;
      }
      if (value instanceof Map && !last) {
        // kept maps may be the model's unmodifiable ones: copy on the way down
        Map<String, Object> copy = value instanceof LinkedHashMap ? (Map<String, Object>) value : new LinkedHashMap<>((Map<String, Object>) value);
        container.put(key, copy);
        container = copy;
        continue;
      }
      // a scalar in the slot itself was written by the typed attribute or as a kept secret already
      boolean misplaced = last ? value instanceof Map || value instanceof List : atParent && i == segments.size() - 2;
      if (misplaced) {
        container.put(key, maskLeaves(path, value, secrets));
      }
      return;
    }
  }

  private static Object maskLeaves(ValuesPath path, Object value, SecretWriter secrets) {
    if (value instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> out.put(String.valueOf(k), maskLeaves(path.key(String.valueOf(k)), v, secrets)));
      return out;
    }
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(maskLeaves(path.index(i), list.get(i), secrets));
      }
      return out;
    }
    if (value == ExplicitNull.INSTANCE) {
      return value;
    }
    String text = String.valueOf(value);
    Object written = secrets.write(path, SecretValue.of(text));
    if (written == null) {
      return "";
    }
    return text.equals(written) ? value : written;
  }

}
