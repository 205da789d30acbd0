package io.gitopsruntime.core.internal;

import io.gitopsruntime.core.TypeNames;
import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.ExplicitNull;
import io.gitopsruntime.values.SecretValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Typed reads of plain data for {@link ValuesCodec}: each returns null and reports a problem on a wrong type. */
final class Reading {
  static final String MAP_FIX = "Put its keys on the lines below it, indented.";
  static final String REF_FIX = "Write it as a map: secretKeyRef: {name: my-secret, key: token}.";
  private static final String STRING_FIX = "Quote the value: key: \"...\".";

  private Reading() {}

  static boolean isBlank(@Nullable Object value) {
    return value == null
        || value == ExplicitNull.INSTANCE
        || (value instanceof Map && ((Map<?, ?>) value).isEmpty())
        || (value instanceof List && ((List<?>) value).isEmpty());
  }

  static @Nullable String string(Object v, ValuesPath path, String key, ValuesCodec.Problems problems) {
    if (v instanceof String) {
      return (String) v;
    }
    problems.report(problem(path.key(key), "a string", TypeNames.describe(path.key(key), v), STRING_FIX));
    return null;
  }

  static @Nullable SecretValue secret(Object v, ValuesPath path, String key, ValuesCodec.Problems problems) {
    if (v instanceof String) {
      return SecretValue.of((String) v);
    }
    problems.report(problem(path.key(key), "a string", TypeNames.describeType(v), STRING_FIX));
    return null;
  }

  static @Nullable Boolean bool(Object v, ValuesPath path, String key, ValuesCodec.Problems problems) {
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    problems.report(problem(path.key(key), "a boolean (true or false)", TypeNames.describe(path.key(key), v), "Write true or false without quotes."));
    return null;
  }

  static @Nullable Boolean stringBoolean(Object v, ValuesPath path, String key, ValuesCodec.Problems problems) {
    if ("true".equals(v)) {
      return Boolean.TRUE;
    }
    if ("false".equals(v)) {
      return Boolean.FALSE;
    }
    problems.report(problem(path.key(key), "the string \"true\" or \"false\"", TypeNames.describe(path.key(key), v),
        "Quote it, as the chart copies it into a ConfigMap: \"true\"."));
    return null;
  }

  static @Nullable Integer integer(Object v, ValuesPath path, String key, ValuesCodec.Problems problems) {
    if (v instanceof Long && (Long) v >= Integer.MIN_VALUE && (Long) v <= Integer.MAX_VALUE) {
      return ((Long) v).intValue();
    }
    problems.report(problem(path.key(key), "a whole number", TypeNames.describe(path.key(key), v), "Write a number without quotes, for example 8081."));
    return null;
  }

  static @Nullable Long longValue(Object v, ValuesPath path, String key, ValuesCodec.Problems problems) {
    if (v instanceof Long) {
      return (Long) v;
    }
    problems.report(problem(path.key(key), "a whole number", TypeNames.describe(path.key(key), v), "Write a number without quotes."));
    return null;
  }

  static @Nullable List<String> stringList(Object v, ValuesPath path, String key, ValuesCodec.Problems problems) {
    if (!(v instanceof List)) {
      problems.report(problem(path.key(key), "a list of strings", TypeNames.describe(path.key(key), v), "Write a YAML list: one \"- item\" per line."));
      return null;
    }
    List<?> list = (List<?>) v;
    List<String> items = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (!(item instanceof String)) {
        problems.report(problem(path.key(key).index(i), "a string", TypeNames.describe(path.key(key).index(i), item), STRING_FIX));
        return null;
      }
      items.add((String) item);
    }
    return items;
  }

  static @Nullable Map<String, String> stringMap(Object v, ValuesPath path, String key, ValuesCodec.Problems problems) {
    if (!(v instanceof Map)) {
      problems.report(problem(path.key(key), "a map of strings", TypeNames.describe(path.key(key), v), "Write one \"key: value\" per line under it."));
      return null;
    }
    Map<String, String> entries = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) v).entrySet()) {
      Object value = entry.getValue();
      if (!(value instanceof String)) {
        problems.report(problem(path.key(key).key(String.valueOf(entry.getKey())), "a string", TypeNames.describe(path.key(key).key(String.valueOf(entry.getKey())), value),
            "Quote the value: labels, annotations and node selectors are strings."));
        return null;
      }
      entries.put(String.valueOf(entry.getKey()), (String) value);
    }
    return entries;
  }

  @SuppressWarnings("unchecked")
  static @Nullable Map<String, Object> map(Object v, ValuesPath path, String key, ValuesCodec.Problems problems, String fix) {
    if (v instanceof Map) {
      return (Map<String, Object>) v;
    }
    problems.report(problem(path.key(key), fix == REF_FIX ? "a map with name and key" : "a map", TypeNames.describe(path.key(key), v), fix));
    return null;
  }

  @SuppressWarnings("unchecked")
  static @Nullable List<Map<String, Object>> mapList(Object v, ValuesPath path, String key, ValuesCodec.Problems problems) {
    if (!(v instanceof List)) {
      problems.report(problem(path.key(key), "a list", TypeNames.describe(path.key(key), v), "Write a YAML list: one \"- \" item per entry."));
      return null;
    }
    List<?> list = (List<?>) v;
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map)) {
        problems.report(problem(path.key(key).index(i), "a map", TypeNames.describe(path.key(key).index(i), list.get(i)), "Each list entry is a map of keys."));
        return null;
      }
    }
    return (List<Map<String, Object>>) list;
  }

  private static Finding problem(ValuesPath path, String expected, String found, String fix) {
    return Finding.error("values.type", path.toString(), "expected " + expected + " but found " + found + ".", fix);
  }
}
