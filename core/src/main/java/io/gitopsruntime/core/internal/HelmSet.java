package io.gitopsruntime.core.internal;

import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.values.ExplicitNull;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns one leaf of the values into the {@code --set} flag that gives Helm exactly that value and type.
 *
 * <p>Helm's {@code --set} parser (its {@code strvals} package, also used by Terraform's Helm provider)
 * reads {@code true}, {@code false} and {@code null} in any case, {@code 0}, and base-10 64-bit integers
 * that do not start with {@code 0} as typed values; it reads a value starting with <code>{</code> as a
 * list, even with {@code --set-string}; it splits on unescaped commas; and {@code \} escapes the next
 * character. So strings that would be misread go through {@code --set-string}, a leading <code>{</code>,
 * commas and backslashes are escaped, and numbers {@code --set} cannot type, empty maps and empty lists
 * go through {@code --set-json}.
 */
public final class HelmSet {
  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

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
    if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
      return new Flag("--set", key + "=" + value);
    }
    if (value instanceof BigInteger) {
      BigInteger big = (BigInteger) value;
      boolean fits = big.compareTo(LONG_MIN) >= 0 && big.compareTo(LONG_MAX) <= 0;
      return new Flag(fits ? "--set" : "--set-json", key + "=" + value);
    }
    if (value instanceof Number) {
      return new Flag("--set-json", key + "=" + value);
    }
    if (value instanceof Map) {
      return new Flag("--set-json", key + "={}");
    }
    if (value instanceof List) {
      return new Flag("--set-json", key + "=[]");
    }
    String s = String.valueOf(value);
    return new Flag(misread(s) ? "--set-string" : "--set", key + "=" + escape(s));
  }

  /**
   * Escapes a string value for Helm's {@code --set} parser: backslashes, commas, and a leading
   * <code>{</code> that would start a list.
   *
   * @param s the value
   * @return the escaped value
   */
  public static String escape(String s) {
    String escaped = s.replace("\\", "\\\\").replace(",", "\\,");
    return escaped.startsWith("{") ? "\\" + escaped : escaped;
  }

  /**
   * Whether Helm's {@code --set} would read this string as something other than the same string.
   *
   * @param s the string
   * @return true when {@code --set-string} is needed
   */
  public static boolean misread(String s) {
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false") || s.equalsIgnoreCase("null") || s.equals("0")) {
      return true;
    }
    if (s.isEmpty() || s.charAt(0) == '0' || !DECIMAL.matcher(s).matches()) {
      return false;
    }
    try {
      Long.parseLong(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
