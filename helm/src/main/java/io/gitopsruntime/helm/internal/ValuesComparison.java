package io.gitopsruntime.helm.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether two values documents mean the same to Helm: the values this SDK writes, and what
 * {@code helm get values -o yaml} returns for the deployed release (Helm re-serialises them through JSON, so
 * formatting, key order and number spelling may differ). Stateless and thread-safe.
 */
public final class ValuesComparison {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ValuesComparison() {}

  /**
   * Compares two values documents.
   *
   * @param a one document (an empty or {@code null} document means no values)
   * @param b the other
   * @return true when Helm would render the same from both
   * @throws IllegalArgumentException if one is not YAML (the message does not quote it)
   */
  public static boolean sameValues(String a, String b) {
    return normalize(read(a)).equals(normalize(read(b)));
  }

  private static Object read(String yaml) {
    if (yaml.isBlank()) {
      return Map.of();
    }
    try {
      Object value = YAML.readValue(yaml, Object.class);
      return value == null ? Map.of() : value;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("values are not valid YAML (line "
          + (e.getLocation() != null ? e.getLocation().getLineNr() : "?") + ")", e);
    }
  }

  private static Object normalize(Object value) {
    if (value instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> out.put(String.valueOf(k), v == null ? NullValue.INSTANCE : normalize(v)));
      return out;
    }
    if (value instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object v : (List<?>) value) {
        out.add(v == null ? NullValue.INSTANCE : normalize(v));
      }
      return out;
    }
    if (value instanceof Number) {
      try {
        BigDecimal decimal = new BigDecimal(value.toString()).stripTrailingZeros();
        return decimal.signum() == 0 ? BigDecimal.ZERO : decimal;
      } catch (NumberFormatException e) {
        return value.toString(); // .nan and .inf
      }
    }
    return value;
  }

  /** A YAML null, kept distinct from an absent key (in Helm a null deletes a chart default). */
  private enum NullValue {
    INSTANCE
  }
}
