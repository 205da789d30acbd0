package io.gitopsruntime.core;

import io.gitopsruntime.core.internal.ChartKeys;
import java.util.Optional;

/**
 * The chart's default of a key, as the table of the chart's keys gives it: what a key holds after Helm merges
 * values that leave it unset. Validators read their defaults here rather than repeating them.
 *
 * <pre>{@code
 * IngressValues ingress = values.global().runtime().ingress();
 * String className = ingress.className()
 *     .orElse(ChartDefaults.string("global.runtime.ingress.className")); // "nginx" unless set
 * }</pre>
 *
 * <p>A path names a key from the top of {@code values.yaml}, with {@code []} for any item of a list, as in
 * {@code global.runtime.ingress.tls[].secretName}. Stateless and thread-safe; nothing is built at class-load
 * time.
 */
public final class ChartDefaults {
  private ChartDefaults() {}

  /**
   * The chart's default of a key, whatever its type.
   *
   * @param path the key's path, such as {@code global.runtime.ingress.className}
   * @return the default (a String, Boolean, Integer or Long), or empty when the chart gives none or does not
   *     have the key
   */
  public static Optional<Object> of(String path) {
    return ChartKeys.chartDefault(path);
  }

  /**
   * The chart's default of a string key.
   *
   * @param path the key's path, such as {@code global.codefresh.url}
   * @return the default, possibly the empty string
   * @throws IllegalArgumentException when the chart gives the key no string default
   */
  public static String string(String path) {
    Object value = of(path).orElse(null);
    if (value instanceof String) {
      return (String) value;
    }
    throw noDefault(path, "string", "global.runtime.ingress.className");
  }

  /**
   * The chart's default of a boolean key; for a key the chart quotes ({@code "false"}), its truth.
   *
   * @param path the key's path, such as {@code tunnel-client.enabled}
   * @return the default
   * @throws IllegalArgumentException when the chart gives the key no boolean default
   */
  public static boolean bool(String path) {
    Object value = of(path).orElse(null);
    if (value instanceof Boolean) {
      return (Boolean) value;
    }
    throw noDefault(path, "boolean", "tunnel-client.enabled");
  }

  /**
   * The chart's default of a whole-number key.
   *
   * @param path the key's path, such as {@code app-proxy.replicaCount}
   * @return the default
   * @throws IllegalArgumentException when the chart gives the key no whole-number default of int range
   */
  public static int integer(String path) {
    Object value = of(path).orElse(null);
    if (value instanceof Integer) {
      return (Integer) value;
    }
    throw noDefault(path, "whole-number", "app-proxy.replicaCount");
  }

  private static IllegalArgumentException noDefault(String path, String type, String example) {
    Object other = of(path).orElse(null);
    return new IllegalArgumentException(path + ": the chart gives no " + type + " default"
        + (other == null ? "" : " (its default is the " + other.getClass().getSimpleName() + " " + other + ")")
        + ". Name a key the chart gives a " + type + " default, such as " + example + ".");
  }
}
