package io.gitopsruntime.core.internal;

import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.values.ExplicitNull;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one leaf of the values into the {@code --set} flag that gives Helm exactly that value and type.
 *
 * <p>Helm's {@code --set} reads {@code true}/{@code false} as booleans, {@code null} as null and integers
 * as numbers, and splits on unescaped commas; strings that would be misread go through
 * {@code --set-string}, numbers with a fraction and empty maps through {@code --set-json}.
 */
public final class HelmSet {
  private static final Pattern INT64 = Pattern.compile("-?(0|[1-9][0-9]{0,18})");

  /**
   * A flag and its argument.
   *
   * @param flag {@code --set}, {@code --set-string} or {@code --set-json}
   * @param assignment {@code path=value}, escaped for Helm (not yet for a shell)
   */
  public record Flag(String flag, String assignment) {}

  private HelmSet() {}

  /**
   * The flag for one leaf.
   *
   * @param path the leaf's path
   * @param value a scalar, {@link ExplicitNull}, or an empty map or list
   * @return the flag
   */
  public static Flag of(ValuesPath path, Object value) {
    String key = path.toString();
    if (value == ExplicitNull.INSTANCE) {
      return new Flag("--set", key + "=null");
    }
    if (value instanceof Boolean || value instanceof Long || value instanceof Integer || value instanceof java.math.BigInteger) {
      return new Flag("--set", key + "=" + value);
    }
    if (value instanceof Number) {
      return new Flag("--set-json", key + "=" + value);
    }
    if (value instanceof Map) {
      return new Flag("--set-json", key + "={}");
    }
    if (value instanceof List) {
      return new Flag("--set", key + "={}");
    }
    String s = String.valueOf(value);
    String escaped = s.replace("\\", "\\\\").replace(",", "\\,");
    return new Flag(misread(s) ? "--set-string" : "--set", key + "=" + escaped);
  }

  /**
   * Whether Helm's {@code --set} would read this string as something other than the same string.
   *
   * @param s the string
   * @return true when {@code --set-string} is needed
   */
  public static boolean misread(String s) {
    return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false") || s.equals("null") || INT64.matcher(s).matches()
        || (s.startsWith("{") && s.endsWith("}"));
  }
}
