package io.gitopsruntime.core.internal;

import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.values.SecretValue;
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

  /**
   * Adds the kept keys that no typed attribute wrote; a kept value under a secret key (a token of the
   * wrong type, such as {@code token: 12345678}) is still a secret and goes through the secret writer.
   */
  static void putAdditional(
      Map<String, Object> out, Map<String, Object> additional, ValuesPath path, ValuesCodec.SecretWriter secrets, String... secretKeys) {
    for (Map.Entry<String, Object> entry : additional.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      if (out.containsKey(key)) {
        continue;
      }
      if ((value instanceof Number || value instanceof Boolean) && java.util.Arrays.asList(secretKeys).contains(key)) {
        String text = String.valueOf(value);
        Object written = secrets.write(path.key(key), SecretValue.of(text));
        if (written == null) {
          continue;
        }
        value = text.equals(written) ? value : written;
      }
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
