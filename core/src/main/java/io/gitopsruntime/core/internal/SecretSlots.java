package io.gitopsruntime.core.internal;

import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.values.ExplicitNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one place that decides which values are secrets. Everything that writes, prints or quotes values
 * asks it: the exports, the masked values file, the {@link io.gitopsruntime.core.Redactor}, and messages about values.
 *
 * <p>A value is a secret when
 * <ul>
 *   <li>its path is, or lies under, a key the chart or one of its subcharts uses for a credential
 *       ({@link #CHART_KEYS}, with {@code *} standing for any one key), whatever the value's type;
 *   <li>its own key is named like a password, token, secret, API key, private key or credential
 *       ({@link #isSecretKeyName}), and it is a string or a number;
 *   <li>it is a string that looks like a well-known credential (a GitHub, GitLab or Slack token, an AWS
 *       access key, a PEM private key).
 * </ul>
 * Besides, the user-info part of any URL in any string ({@code http://user:password@proxy:3128}) is a
 * secret; only that part is masked ({@code http://****@proxy:3128}).
 *
 * <p>The typed slots ({@link #ALL}) are the secrets the chart can also take by reference; the exports use
 * their {@code secretKeyRef} siblings and friendly names. Stateless and thread-safe.
 */
public final class SecretSlots {
  /** What a masked secret looks like. */
  public static final String MASK = "****";

  /**
   * One secret slot that the chart can also take by reference.
   *
   * @param literal the path of the literal, such as {@code global.codefresh.userToken.token}
   * @param reference the path of the sibling reference, such as {@code global.codefresh.userToken.secretKeyRef}
   * @param name a friendly name, such as {@code codefresh-api-key}
   * @param description what the secret is
   */
  public record Slot(ValuesPath literal, ValuesPath reference, String name, String description) {}

  /** Every slot with a reference, in values order; from the table of the chart's keys ({@link ChartKeys#slots}). */
  public static final List<Slot> ALL = ChartKeys.slots();

  /**
   * The keys of the chart and its subcharts that hold credentials, whatever their names; {@code *} is
   * any one key. Keys named like secrets ({@link #isSecretKeyName}) need not be listed. From the table of the
   * chart's keys ({@link ChartKeys#secretKeys}): a key is added there, not here.
   */
  public static final List<String> CHART_KEYS = ChartKeys.secretKeys();

  private static final List<List<String>> PATTERNS = compile(CHART_KEYS);

  /** Endings of a key name (lower case, without '-', '_' and '.') that mark a credential. */
  private static final List<String> SECRET_ENDINGS = List.of(
      "password", "passwd", "passphrase", "token", "secret", "apikey", "credential", "credentials", "privatekey");
  /** Key names that end like a secret but hold a name or a switch. */
  private static final List<String> NOT_SECRET_NAMES = List.of("existingsecret", "usesecret", "createsecret");

  /** A URL's scheme and user-info: {@code scheme://user-info@}. */
  private static final Pattern URL_USER_INFO = Pattern.compile("\\b([A-Za-z][A-Za-z0-9+.-]*://)([^/?#@\\s]+)@");
  /** Values that are credentials whatever their key. */
  private static final Pattern CREDENTIAL_VALUE = Pattern.compile(
      "(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}"
          + "|AKIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----.*)",
      Pattern.DOTALL);

  private SecretSlots() {}

  /**
   * The slot with a reference of a literal path.
   *
   * @param literal a values path
   * @return the slot, or empty when the path is not one of {@link #ALL}
   */
  public static Optional<Slot> of(ValuesPath literal) {
    return ALL.stream().filter(s -> s.literal().equals(literal)).findFirst();
  }

  /**
   * Whether whatever is at a path may be a secret, judged by the path alone: the path is or lies under
   * one of {@link #CHART_KEYS}, or its last key is named like a secret. Use it before quoting any value
   * in a message: when true, do not quote it.
   *
   * @param path a values path, such as {@code global.runtime.gitCredentials.password.value[0]}
   * @return true when a value there must not be shown
   */
  public static boolean isSecret(ValuesPath path) {
    return underChartKey(path) || lastKey(path).map(SecretSlots::isSecretKeyName).orElse(false);
  }

  /**
   * Whether a value is a secret: by its path ({@link #isSecret(ValuesPath)}; a boolean or null under a
   * key that is only named like a secret is not one), or by its looks (a well-known token format).
   * URLs with user-info are not whole secrets: see {@link #maskUrlCredentials}.
   *
   * @param path where the value is
   * @param value a scalar: a string, number, boolean or {@link ExplicitNull}
   * @return true when the whole value must be masked
   */
  public static boolean isSecret(ValuesPath path, @Nullable Object value) {
    if (value == null || value == ExplicitNull.INSTANCE || value instanceof Map || value instanceof List) {
      return false;
    }
    if (underChartKey(path)) {
      return true;
    }
    if (value instanceof Boolean) {
      return false;
    }
    if (lastKey(path).map(SecretSlots::isSecretKeyName).orElse(false)) {
      return true;
    }
    return value instanceof String && looksLikeCredential((String) value);
  }

  /**
   * Whether a key's name marks a credential: it ends with password, passphrase, token, secret, API key,
   * private key or credential(s), in any case and with any {@code -}, {@code _} or {@code .} in between
   * ({@code argocdServerAdminPassword}, {@code GITHUB_TOKEN}, {@code api-key}); not {@code secretKeyRef},
   * {@code secretName}, {@code existingSecret}.
   *
   * @param key a key
   * @return true when a string or number under that key is a secret
   */
  public static boolean isSecretKeyName(String key) {
    String normalized = key.toLowerCase(Locale.ROOT).replaceAll("[-_.]", "");
    if (NOT_SECRET_NAMES.contains(normalized)) {
      return false;
    }
    for (String ending : SECRET_ENDINGS) {
      if (normalized.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a string looks like a well-known credential: a GitHub, GitLab or Slack token, an AWS access
   * key id, a PEM private key.
   *
   * @param value the string
   * @return true when it does
   */
  public static boolean looksLikeCredential(String value) {
    return CREDENTIAL_VALUE.matcher(value.strip()).matches();
  }

  /**
   * A text with the user-info of every URL in it masked: {@code http://user:pass@proxy:3128} becomes
   * {@code http://****@proxy:3128}.
   *
   * @param text any text
   * @return the text, masked where needed
   */
  public static String maskUrlCredentials(String text) {
    if (text.indexOf('@') < 0) {
      return text;
    }
    return URL_USER_INFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
  }

  /**
   * The user-info of every URL in a text, and the password part of each ({@code user:pass} and
   * {@code pass}); for redacting them from other text.
   *
   * @param text any text
   * @return the parts, in order; empty when the text holds no URL with user-info
   */
  public static List<String> urlCredentials(String text) {
    List<String> out = new ArrayList<>();
    if (text.indexOf('@') < 0) {
      return out;
    }
    Matcher m = URL_USER_INFO.matcher(text);
    while (m.find()) {
      String userInfo = m.group(2);
      out.add(userInfo);
      int colon = userInfo.indexOf(':');
      if (colon >= 0 && colon + 1 < userInfo.length()) {
        out.add(userInfo.substring(colon + 1));
      }
    }
    return out;
  }

  /**
   * A copy of plain values data with every secret masked: whole secrets become {@code ****} (blank ones
   * stay as they are, as there is nothing to hide), and the user-info of URLs in other strings is masked.
   *
   * @param data the values as plain data (maps, lists, scalars)
   * @return the masked copy
   */
  public static Map<String, Object> masked(Map<String, ?> data) {
    return maskMap(ValuesPath.root(), data);
  }

  private static Map<String, Object> maskMap(ValuesPath path, Map<String, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, mask(path.key(k), v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static @Nullable Object mask(ValuesPath path, @Nullable Object value) {
    if (value instanceof Map) {
      return maskMap(path, (Map<String, ?>) value);
    }
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(mask(path.index(i), list.get(i)));
      }
      return out;
    }
    if (isSecret(path, value)) {
      return isBlank(value) ? value : MASK;
    }
    return value instanceof String ? maskUrlCredentials((String) value) : value;
  }

  /**
   * Every secret of plain values data with its literal text: whole secrets, and strings holding a URL
   * with user-info (whole, as the export moves the whole value). Blank values and {@code ****} are left
   * out.
   *
   * @param data the values as plain data, with secrets revealed
   * @return the secrets by path, in document order
   */
  public static Map<ValuesPath, String> literals(Map<String, ?> data) {
    Map<ValuesPath, String> out = new LinkedHashMap<>();
    collect(ValuesPath.root(), data, out);
    return out;
  }

  private static void collect(ValuesPath path, @Nullable Object value, Map<ValuesPath, String> out) {
    if (value instanceof Map) {
      ((Map<?, ?>) value).forEach((k, v) -> collect(path.key(String.valueOf(k)), v, out));
    } else if (value instanceof List) {
      List<?> list = (List<?>) value;
      for (int i = 0; i < list.size(); i++) {
        collect(path.index(i), list.get(i), out);
      }
    } else if (value != null && !isBlank(value) && !MASK.equals(value)) {
      boolean secret = isSecret(path, value) || value instanceof String && !urlCredentials((String) value).isEmpty();
      if (secret) {
        out.put(path, String.valueOf(value));
      }
    }
  }

  private static boolean isBlank(@Nullable Object value) {
    return value instanceof String && ((String) value).isBlank();
  }

  private static Optional<String> lastKey(ValuesPath path) {
    List<ValuesPath.Segment> segments = path.segments();
    for (int i = segments.size() - 1; i >= 0; i--) {
      if (segments.get(i) instanceof ValuesPath.Key) {
        return Optional.of(((ValuesPath.Key) segments.get(i)).name());
      }
    }
    return Optional.empty();
  }

  /** Whether the path is, or lies under, one of the chart's credential keys (list indexes are skipped). */
  private static boolean underChartKey(ValuesPath path) {
    List<String> keys = new ArrayList<>();
    for (ValuesPath.Segment segment : path.segments()) {
      if (segment instanceof ValuesPath.Key) {
        keys.add(((ValuesPath.Key) segment).name());
      }
    }
    for (List<String> pattern : PATTERNS) {
      if (keys.size() >= pattern.size() && matches(pattern, keys, pattern.size())) {
        return true;
      }
      // a credential put one level too high, where the chart expects the map that holds it (redis.auth: pass,
      // credentialTemplates: [pass]): the value is the secret, whatever its wrong type
      if (keys.size() < pattern.size() && (keys.size() == pattern.size() - 1 || pattern.get(keys.size()).equals("*"))
          && matches(pattern, keys, keys.size())) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(List<String> pattern, List<String> keys, int length) {
    for (int i = 0; i < length; i++) {
      String p = pattern.get(i);
      if (!p.equals("*") && !p.equals(keys.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<List<String>> compile(List<String> patterns) {
    List<List<String>> out = new ArrayList<>();
    for (String pattern : patterns) {
      List<String> keys = new ArrayList<>();
      for (ValuesPath.Segment segment : ValuesPath.parse(pattern).segments()) {
        keys.add(((ValuesPath.Key) segment).name());
      }
      out.add(List.copyOf(keys));
    }
    return List.copyOf(out);
  }
}
