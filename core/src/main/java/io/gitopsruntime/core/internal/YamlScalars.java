package io.gitopsruntime.core.internal;

import io.gitopsruntime.values.ExplicitNull;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/** How Helm's YAML library reads scalars: YAML 1.1 booleans, nulls, Go's integers and floats, merge keys. */
final class YamlScalars {
  static final String TAG_PREFIX = "tag:yaml.org,2002:";
  static final Set<String> TRUE =
      Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
  static final Set<String> FALSE =
      Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
  private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
  /** Integers as Go's {@code strconv.ParseInt(s, 0, 64)} reads them, which Helm's YAML library uses. */
  private static final Pattern INT =
      Pattern.compile("[-+]?(0[bB][01]+|0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[0-7]+|0|[1-9][0-9]*)");
  private static final int MAX_NUMBER_LENGTH = 400;
  private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  private YamlScalars() {}

  /** Resolves an untagged plain scalar as YAML 1.1 does (Helm's YAML library). */
  static Object resolvePlain(String value) {
    if (NULL.contains(value)) {
      return ExplicitNull.INSTANCE;
    }
    if (TRUE.contains(value)) {
      return Boolean.TRUE;
    }
    if (FALSE.contains(value)) {
      return Boolean.FALSE;
    }
    char first = value.charAt(0);
    if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.') {
      // Helm's YAML library ignores '_' in numbers, except in those that start with '.'
      String plain = first == '.' ? value : value.replace("_", "");
      // beyond 400 characters no integer fits Go's int64 or float64, and BigInteger would take quadratic time
      if (!plain.isEmpty() && plain.length() <= MAX_NUMBER_LENGTH && INT.matcher(plain).matches()) {
        return integer(plain);
      }
      if (!plain.isEmpty() && FLOAT.matcher(plain).matches()) {
        double number = Double.parseDouble(plain);
        // Go's ParseFloat fails on overflow (1e400, a 500-digit integer), and Helm keeps the text
        return Double.isInfinite(number) ? value : number;
      }
      switch (value) {
        case ".inf": case ".Inf": case ".INF": case "+.inf": case "+.Inf": case "+.INF":
          return Double.POSITIVE_INFINITY;
        case "-.inf": case "-.Inf": case "-.INF":
          return Double.NEGATIVE_INFINITY;
        case ".nan": case ".NaN": case ".NAN":
          return Double.NaN;
        default:
          return value;
      }
    }
    return value;
  }

  private static Object integer(String plain) {
    boolean negative = plain.startsWith("-");
    String digits = plain.startsWith("-") || plain.startsWith("+") ? plain.substring(1) : plain;
    int radix = 10;
    String prefix = digits.length() > 2 ? digits.substring(0, 2).toLowerCase(java.util.Locale.ROOT) : "";
    if (prefix.equals("0x")) {
      radix = 16;
      digits = digits.substring(2);
    } else if (prefix.equals("0b")) {
      radix = 2;
      digits = digits.substring(2);
    } else if (prefix.equals("0o")) {
      radix = 8;
      digits = digits.substring(2);
    } else if (digits.length() > 1 && digits.startsWith("0")) {
      radix = 8;
      digits = digits.substring(1);
    }
    BigInteger big = new BigInteger(digits, radix);
    if (negative) {
      big = big.negate();
    }
    return big.bitLength() < 64 ? (Object) big.longValue() : big;
  }

  /** Whether a key is the {@code <<} merge key: tagged {@code !!merge}, or a plain, untagged {@code <<}. */
  static boolean isMergeKey(Event event) {
    if (!(event instanceof ScalarEvent)) {
      return false;
    }
    ScalarEvent scalar = (ScalarEvent) event;
    if ((TAG_PREFIX + "merge").equals(scalar.getTag())) {
      return true;
    }
    return "<<".equals(scalar.getValue())
        && scalar.getTag() == null
        && scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
  }

  /**
   * The text of a non-string map key, as Helm's JSON conversion writes it.
   *
   * @param key a scalar key
   * @return its text
   */
  static String keyText(@Nullable Object key) {
    if (key == null || key == ExplicitNull.INSTANCE) {
      return "null";
    }
    return String.valueOf(key);
  }
}
