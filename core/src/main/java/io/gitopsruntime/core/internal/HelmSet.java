package io.gitopsruntime.core.internal;

import io.gitopsruntime.InvalidValuesException;
import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.values.ExplicitNull;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns one leaf of the values into the {@code --set} flag that gives Helm exactly what the same value
 * in a values file ({@code -f}) gives it.
 *
 * <p>Helm's {@code --set} parser (its {@code strvals} package, also used by Terraform's Helm provider)
 * reads {@code true}, {@code false} and {@code null} in any case, {@code 0}, and base-10 64-bit integers
 * that do not start with {@code 0} as typed values; it reads a value starting with <code>{</code> as a
 * list, even with {@code --set-string}; it splits on unescaped commas; and {@code \} escapes the next
 * character. So strings that would be misread go through {@code --set-string}, and a leading
 * <code>{</code>, commas and backslashes are escaped.
 *
 * <p>A values file gives Helm every number as a 64-bit float ({@code float64}: Helm converts YAML to
 * JSON), while {@code --set} gives integers as {@code int64}, which templates tell apart
 * ({@code kindIs "float64"}). So every number goes through {@code --set-json}, which reads numbers as
 * {@code -f} does (Helm 3.10 or later), and so do empty maps and empty lists.
 *
 * <p>Values that Helm refuses, or that it cannot receive on a command line, are errors naming the path:
 * infinite and NaN numbers, whole numbers a float64 cannot hold exactly (above 2^53), strings with a NUL
 * character, and paths with an empty key or more nested keys than {@code --set} accepts.
 */
public final class HelmSet {
  /** The most key-after-key levels Helm's {@code --set} parser accepts. */
  public static final int MAX_NESTED_KEYS = 30;
  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");

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
   * @throws InvalidValuesException if Helm would refuse the value or change it, or {@code --set} cannot
   *     reach the path
   */
  public static Flag of(ValuesPath path, Object value) {
    String key = path.toString();
    checkPath(path);
    if (value == ExplicitNull.INSTANCE) {
      return new Flag("--set", key + "=null");
    }
    if (value instanceof Boolean) {
      return new Flag("--set", key + "=" + value);
    }
    if (value instanceof Number) {
      return new Flag("--set-json", key + "=" + json(path, (Number) value));
    }
    if (value instanceof Map) {
      return new Flag("--set-json", key + "={}");
    }
    if (value instanceof List) {
      return new Flag("--set-json", key + "=[]");
    }
    String s = String.valueOf(value);
    if (s.indexOf('\0') >= 0) {
      throw new InvalidValuesException(key, key + ": the value holds a NUL character, which no command line can carry"
          + " (a shell drops it, so Helm would get another value). Remove the NUL character from the value.");
    }
    return new Flag(misread(s) ? "--set-string" : "--set", key + "=" + escape(s));
  }

  /**
   * A number as JSON text that Helm reads as the same float64 a values file gives.
   *
   * @param path where the number is, for the error
   * @param number the number
   * @return the JSON number
   * @throws InvalidValuesException if the number is infinite or NaN, or a whole number a float64 cannot
   *     hold exactly
   */
  public static String json(ValuesPath path, Number number) {
    String key = path.toString();
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        String text = Double.isNaN(d) ? ".nan" : d > 0 ? ".inf" : "-.inf";
        throw new InvalidValuesException(key, key + ": " + text + " is not a value Helm accepts: Helm turns values into JSON,"
            + " which has no infinity or NaN, and fails with \"json: unsupported value\". Use a finite number, or quote the value"
            + " (\"" + text + "\") to pass it as text.");
      }
      return Double.toString(d);
    }
    BigDecimal exact = number instanceof BigDecimal ? (BigDecimal) number
        : number instanceof BigInteger ? new BigDecimal((BigInteger) number) : BigDecimal.valueOf(number.longValue());
    double d = exact.doubleValue();
    if (Double.isInfinite(d)) {
      throw new InvalidValuesException(key, key + ": " + exact + " is too large for Helm, which holds numbers as 64-bit floats."
          + " Quote the value to pass it as text.");
    }
    if (exact.scale() <= 0 && exact.compareTo(new BigDecimal(d)) != 0) {
      throw new InvalidValuesException(key, key + ": " + exact + " would change value in Helm: Helm holds numbers as 64-bit floats,"
          + " which keep whole numbers exact only up to 2^53 (9007199254740992), so it would use "
          + new BigDecimal(d).toPlainString() + ". Quote the value to pass it as text, or use a number Helm can hold.");
    }
    return exact.scale() <= 0 ? exact.toBigInteger().toString() : exact.toString();
  }

  /**
   * Fails for a path Helm's {@code --set} parser cannot reach: one with an empty key, or with more nested
   * keys than it accepts (it counts each key that follows another key directly, a list index in between
   * starting no new level, and refuses more than {@value #MAX_NESTED_KEYS}).
   *
   * @param path the path
   * @throws InvalidValuesException if {@code --set} cannot reach the path
   */
  public static void checkPath(ValuesPath path) {
    for (ValuesPath.Segment segment : path.segments()) {
      if (segment instanceof ValuesPath.Key && ((ValuesPath.Key) segment).name().isEmpty()) {
        String key = path.toString();
        throw new InvalidValuesException(key, key + ": the path has an empty key, which Helm's --set cannot name (it drops the"
            + " value). Give the key a name, or install with the values file (helm -f) instead.");
      }
      if (segment instanceof ValuesPath.Key && ((ValuesPath.Key) segment).name().indexOf('\0') >= 0) {
        String key = path.toString().replace("\0", "\\0");
        throw new InvalidValuesException(key, key + ": a key holds a NUL character, which no command line can carry."
            + " Remove the NUL character from the key.");
      }
    }
    int nested = 0;
    ValuesPath.@Nullable Segment previous = null;
    for (ValuesPath.Segment segment : path.segments()) {
      if (segment instanceof ValuesPath.Key && previous instanceof ValuesPath.Key) {
        nested++;
      }
      previous = segment;
    }
    if (nested > MAX_NESTED_KEYS) {
      String key = path.toString();
      throw new InvalidValuesException(key, key + ": the path is too deep for Helm's --set, which accepts at most " + (MAX_NESTED_KEYS + 1) + " keys in a row"
          + " (\"value name nested level is greater than maximum supported nested level of " + MAX_NESTED_KEYS
          + "\"). Install with the values file (helm -f) instead, or move the value up.");
    }
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
