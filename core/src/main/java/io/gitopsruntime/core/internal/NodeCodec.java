package io.gitopsruntime.core.internal;

import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.ExplicitNull;
import io.gitopsruntime.values.SecretValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Maps one node type of the values model to and from plain data (maps, lists, scalars), key by key.
 *
 * <p>Reading keeps every key: a typed key becomes an attribute; an untyped key, or a typed key whose
 * value is null, empty or of another type, is kept verbatim in {@code additionalValues} (a wrong type is
 * also reported as a problem). Writing emits the typed attributes that are set, then the kept keys that
 * no attribute wrote. Immutable and thread-safe once built.
 *
 * @param <T> the node type
 * @param <B> its builder
 */
public final class NodeCodec<T, B> {
  /** Collects problems while reading. */
  public interface Problems {
    /**
     * Reports a problem.
     *
     * @param finding the problem
     */
    void report(Finding finding);
  }

  /** What to do with literal secrets when writing. */
  public interface SecretWriter {
    /**
     * The data to write in place of a literal secret.
     *
     * @param path where the secret is
     * @param secret the secret
     * @return the value to write, or null to leave the key out
     */
    @Nullable Object write(ValuesPath path, SecretValue secret);
  }

  private interface Field<T, B> {
    String key();

    /** Reads a value into the builder; returns false when the raw value must be kept verbatim. */
    boolean read(Object raw, B builder, ValuesPath path, Problems problems);

    @Nullable Object write(T node, ValuesPath path, SecretWriter secrets);

    /** Whether the key holds a literal secret, so that a value kept verbatim is masked too. */
    default boolean secret() {
      return false;
    }
  }

  private final String typeName;
  private final Supplier<B> newBuilder;
  private final Function<B, T> build;
  private final Function<T, Map<String, Object>> additional;
  private final BiConsumer<B, Map<String, Object>> putAdditional;
  private final Map<String, Field<T, B>> fields = new LinkedHashMap<>();

  private NodeCodec(
      String typeName,
      Supplier<B> newBuilder,
      Function<B, T> build,
      Function<T, Map<String, Object>> additional,
      BiConsumer<B, Map<String, Object>> putAdditional) {
    this.typeName = typeName;
    this.newBuilder = newBuilder;
    this.build = build;
    this.additional = additional;
    this.putAdditional = putAdditional;
  }

  static <T, B> NodeCodec<T, B> of(
      String typeName,
      Supplier<B> newBuilder,
      Function<B, T> build,
      Function<T, Map<String, Object>> additional,
      BiConsumer<B, Map<String, Object>> putAdditional) {
    return new NodeCodec<>(typeName, newBuilder, build, additional, putAdditional);
  }

  /** The scalar types a typed key can have. */
  enum Scalar {
    STRING("a string", "Quote the value: key: \"...\"."),
    BOOLEAN("a boolean (true or false)", "Write true or false without quotes."),
    INTEGER("a whole number", "Write a number without quotes, for example 8081."),
    LONG("a whole number", "Write a number without quotes."),
    STRING_BOOLEAN("the string \"true\" or \"false\"", "Quote it, as the chart copies it into a ConfigMap: \"true\"."),
    SECRET("a string", "Quote the value: key: \"...\".");

    final String expected;
    final String fix;

    Scalar(String expected, String fix) {
      this.expected = expected;
      this.fix = fix;
    }
  }

  <X> NodeCodec<T, B> scalar(String key, Scalar type, Function<T, Optional<X>> get, BiConsumer<B, X> set) {
    fields.put(key, new Field<T, B>() {
      @Override
      public String key() {
        return key;
      }

      @Override
      @SuppressWarnings("unchecked")
      public boolean read(Object raw, B builder, ValuesPath path, Problems problems) {
        Object converted = convert(raw, type);
        if (converted == null) {
          problems.report(typeProblem(path, type.expected, raw, type == Scalar.SECRET, type.fix));
          return false;
        }
        set.accept(builder, (X) converted);
        return true;
      }

      @Override
      public @Nullable Object write(T node, ValuesPath path, SecretWriter secrets) {
        Optional<X> value = get.apply(node);
        if (value.isEmpty()) {
          return null;
        }
        Object v = value.get();
        if (type == Scalar.SECRET) {
          return secrets.write(path, (SecretValue) v);
        }
        if (type == Scalar.STRING_BOOLEAN) {
          return String.valueOf(v);
        }
        return v;
      }

      @Override
      public boolean secret() {
        return type == Scalar.SECRET;
      }
    });
    return this;
  }

  NodeCodec<T, B> stringList(String key, Function<T, List<String>> get, BiConsumer<B, List<String>> set) {
    fields.put(key, new Field<T, B>() {
      @Override
      public String key() {
        return key;
      }

      @Override
      public boolean read(Object raw, B builder, ValuesPath path, Problems problems) {
        if (!(raw instanceof List)) {
          problems.report(typeProblem(path, "a list of strings", raw, false, "Write a YAML list: one \"- item\" per line."));
          return false;
        }
        List<String> items = new ArrayList<>();
        List<?> list = (List<?>) raw;
        for (int i = 0; i < list.size(); i++) {
          Object item = list.get(i);
          if (!(item instanceof String)) {
            problems.report(typeProblem(path.index(i), "a string", item, false, Scalar.STRING.fix));
            return false;
          }
          items.add((String) item);
        }
        set.accept(builder, items);
        return true;
      }

      @Override
      public @Nullable Object write(T node, ValuesPath path, SecretWriter secrets) {
        List<String> value = get.apply(node);
        return value.isEmpty() ? null : new ArrayList<>(value);
      }
    });
    return this;
  }

  NodeCodec<T, B> stringMap(String key, Function<T, Map<String, String>> get, BiConsumer<B, Map<String, String>> set) {
    fields.put(key, new Field<T, B>() {
      @Override
      public String key() {
        return key;
      }

      @Override
      public boolean read(Object raw, B builder, ValuesPath path, Problems problems) {
        if (!(raw instanceof Map)) {
          problems.report(typeProblem(path, "a map of strings", raw, false, "Write one \"key: value\" per line under it."));
          return false;
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) raw).entrySet()) {
          Object value = entry.getValue();
          if (!(value instanceof String)) {
            problems.report(typeProblem(path.key(String.valueOf(entry.getKey())), "a string", value, false,
                "Quote the value: labels and annotations are strings."));
            return false;
          }
          entries.put(String.valueOf(entry.getKey()), (String) value);
        }
        set.accept(builder, entries);
        return true;
      }

      @Override
      public @Nullable Object write(T node, ValuesPath path, SecretWriter secrets) {
        Map<String, String> value = get.apply(node);
        return value.isEmpty() ? null : new LinkedHashMap<String, Object>(value);
      }
    });
    return this;
  }

  <C, CB> NodeCodec<T, B> node(String key, Supplier<NodeCodec<C, CB>> codec, Function<T, C> get, BiConsumer<B, C> set) {
    fields.put(key, new Field<T, B>() {
      @Override
      public String key() {
        return key;
      }

      @Override
      @SuppressWarnings("unchecked")
      public boolean read(Object raw, B builder, ValuesPath path, Problems problems) {
        if (!(raw instanceof Map)) {
          problems.report(typeProblem(path, "a map", raw, false, "Put its keys on the lines below it, indented."));
          return false;
        }
        set.accept(builder, codec.get().read((Map<String, Object>) raw, path, problems));
        return true;
      }

      @Override
      public @Nullable Object write(T node, ValuesPath path, SecretWriter secrets) {
        Map<String, Object> tree = codec.get().write(get.apply(node), path, secrets);
        return tree.isEmpty() ? null : tree;
      }
    });
    return this;
  }

  <C, CB> NodeCodec<T, B> optionalNode(
      String key, Supplier<NodeCodec<C, CB>> codec, Function<T, Optional<C>> get, BiConsumer<B, C> set) {
    fields.put(key, new Field<T, B>() {
      @Override
      public String key() {
        return key;
      }

      @Override
      @SuppressWarnings("unchecked")
      public boolean read(Object raw, B builder, ValuesPath path, Problems problems) {
        if (!(raw instanceof Map)) {
          problems.report(typeProblem(path, "a map with name and key", raw, false,
              "Write it as a map: secretKeyRef: {name: my-secret, key: token}."));
          return false;
        }
        set.accept(builder, codec.get().read((Map<String, Object>) raw, path, problems));
        return true;
      }

      @Override
      public @Nullable Object write(T node, ValuesPath path, SecretWriter secrets) {
        return get.apply(node).map(child -> (Object) codec.get().write(child, path, secrets)).orElse(null);
      }
    });
    return this;
  }

  <C, CB> NodeCodec<T, B> nodeList(
      String key, Supplier<NodeCodec<C, CB>> codec, Function<T, List<C>> get, BiConsumer<B, List<C>> set) {
    fields.put(key, new Field<T, B>() {
      @Override
      public String key() {
        return key;
      }

      @Override
      @SuppressWarnings("unchecked")
      public boolean read(Object raw, B builder, ValuesPath path, Problems problems) {
        if (!(raw instanceof List)) {
          problems.report(typeProblem(path, "a list", raw, false, "Write a YAML list: one \"- \" item per entry."));
          return false;
        }
        List<C> items = new ArrayList<>();
        List<?> list = (List<?>) raw;
        for (int i = 0; i < list.size(); i++) {
          Object item = list.get(i);
          if (!(item instanceof Map)) {
            problems.report(typeProblem(path.index(i), "a map", item, false, "Each list entry is a map of keys."));
            return false;
          }
          items.add(codec.get().read((Map<String, Object>) item, path.index(i), problems));
        }
        set.accept(builder, items);
        return true;
      }

      @Override
      public @Nullable Object write(T node, ValuesPath path, SecretWriter secrets) {
        List<C> items = get.apply(node);
        if (items.isEmpty()) {
          return null;
        }
        List<Object> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
          out.add(codec.get().write(items.get(i), path.index(i), secrets));
        }
        return out;
      }
    });
    return this;
  }

  /**
   * Reads a node.
   *
   * @param raw the node's plain data
   * @param path its values path
   * @param problems where type problems go
   * @return the node
   */
  public T read(Map<String, Object> raw, ValuesPath path, Problems problems) {
    B builder = newBuilder.get();
    Map<String, Object> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : raw.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      Field<T, B> field = fields.get(key);
      if (field == null || isBlankContainer(value) || !field.read(value, builder, path.key(key), problems)) {
        kept.put(key, value == null ? ExplicitNull.INSTANCE : value);
      }
    }
    putAdditional.accept(builder, kept);
    return build.apply(builder);
  }

  /**
   * Writes a node.
   *
   * @param node the node
   * @param path its values path
   * @param secrets what to write for literal secrets
   * @return its plain data; empty when nothing is set
   */
  public Map<String, Object> write(T node, ValuesPath path, SecretWriter secrets) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Field<T, B> field : fields.values()) {
      Object value = field.write(node, path.key(field.key()), secrets);
      if (value != null) {
        out.put(field.key(), value);
      }
    }
    for (Map.Entry<String, Object> entry : additional.apply(node).entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      if (out.containsKey(key)) {
        continue;
      }
      Field<T, B> field = fields.get(key);
      if (field != null && field.secret() && (value instanceof Number || value instanceof Boolean)) {
        // a secret of the wrong type (token: 12345678) is kept verbatim, but still a secret
        value = keptSecret(path.key(key), value, secrets);
        if (value == null) {
          continue;
        }
      }
      out.put(key, value);
    }
    return out;
  }

  private static @Nullable Object keptSecret(ValuesPath path, Object raw, SecretWriter secrets) {
    String text = String.valueOf(raw);
    Object written = secrets.write(path, SecretValue.of(text));
    return text.equals(written) ? raw : written;
  }

  @Override
  public String toString() {
    return "NodeCodec(" + typeName + ")";
  }

  private static boolean isBlankContainer(@Nullable Object value) {
    return value == null
        || value == ExplicitNull.INSTANCE
        || (value instanceof Map && ((Map<?, ?>) value).isEmpty())
        || (value instanceof List && ((List<?>) value).isEmpty());
  }

  private static @Nullable Object convert(Object raw, Scalar type) {
    switch (type) {
      case STRING:
        return raw instanceof String ? raw : null;
      case SECRET:
        return raw instanceof String ? SecretValue.of((String) raw) : null;
      case BOOLEAN:
        return raw instanceof Boolean ? raw : null;
      case STRING_BOOLEAN:
        if ("true".equals(raw)) {
          return Boolean.TRUE;
        }
        return "false".equals(raw) ? Boolean.FALSE : null;
      case INTEGER:
        if (raw instanceof Long && (Long) raw >= Integer.MIN_VALUE && (Long) raw <= Integer.MAX_VALUE) {
          return ((Long) raw).intValue();
        }
        return null;
      case LONG:
        return raw instanceof Long ? raw : null;
      default:
        throw new AssertionError(type);
    }
  }

  private static Finding typeProblem(ValuesPath path, String expected, @Nullable Object raw, boolean secret, String fix) {
    String found = secret ? TypeNames.describeType(raw) : TypeNames.describe(raw);
    return Finding.error("values.type", path.toString(), "expected " + expected + " but found " + found + ".", fix);
  }

  static boolean isWholeNumber(Object value) {
    return value instanceof Long || value instanceof Integer || value instanceof BigInteger;
  }
}
