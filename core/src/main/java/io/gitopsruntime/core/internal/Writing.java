package io.gitopsruntime.core.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Small steps of writing plain data for {@link ValuesCodec}. */
final class Writing {
  private Writing() {}

  static void putIfNotNull(Map<String, Object> out, String key, @Nullable Object value) {
    if (value != null) {
      out.put(key, value);
    }
  }

  static void putIfNotEmpty(Map<String, Object> out, String key, Map<String, Object> value) {
    if (!value.isEmpty()) {
      out.put(key, value);
    }
  }

  /** Adds the kept keys that no typed attribute wrote. */
  static void putAdditional(Map<String, Object> out, Map<String, Object> additional) {
    for (Map.Entry<String, Object> entry : additional.entrySet()) {
      out.putIfAbsent(entry.getKey(), entry.getValue());
    }
  }
}
