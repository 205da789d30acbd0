package io.gitopsruntime.validators;

import io.gitopsruntime.core.TypeNames;
import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.core.ValuesTree;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.validation.ValidationContext;
import io.gitopsruntime.validation.Validator;
import io.gitopsruntime.validators.DeprecatedKeysValidator.StaleKey;
import io.gitopsruntime.validators.internal.ChartKeys.Key;
import io.gitopsruntime.validators.internal.ChartKeys.Type;
import io.gitopsruntime.validators.internal.ChartKeys;
import io.gitopsruntime.validators.internal.Findings;
import io.gitopsruntime.values.ExplicitNull;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the values against the description of the chart's keys ({@code chart-keys.tsv}, derived from the
 * chart's {@code values.yaml}): every key the chart has must have the type of the chart's default, and every
 * top-level key must be one the chart or a subchart reads.
 *
 * <p>A map or a list in place of a scalar, or the other way round, is an error: the chart's templates fail
 * or render nonsense. A scalar of another kind is a warning: a string where the chart tests a boolean is
 * true even when it reads {@code "false"}; a number where a string is expected is printed as Helm sees it
 * ({@code 1.10} becomes {@code 1.1}). Numbers and strings are interchangeable where Kubernetes takes both
 * (quantities such as {@code cpu}, {@code minAvailable}) and where the chart's default is the empty string.
 * A YAML {@code null} deletes a default (Helm's rule) and is not checked; nor are keys the chart defaults to
 * {@code null}, the inside of lists, of empty maps, of env blocks (rule {@value RuleIds#CHART_ENV} checks
 * those) and of ConfigMap data, nor keys the typed values model reports itself ({@code values.type}).
 *
 * <p>Rules: {@value RuleIds#VALUES_CHART_TYPE}, {@value RuleIds#VALUES_UNKNOWN_KEY}. Offline. Stateless and
 * thread-safe.
 */
final class ChartKeysValidator implements Validator {
  /** This validator's id. */
  static final String ID = "offline.chart-keys";

  /** Keys Kubernetes reads as a quantity or an int-or-string, so a number and a string both do. */
  private static final Set<String> NUMBER_OR_STRING =
      Set.of("cpu", "memory", "ephemeral-storage", "minAvailable", "maxUnavailable", "targetPort", "maxSkew");

  /** The env blocks rule {@value RuleIds#CHART_ENV} checks. */
  private static final Set<String> ENV_BLOCKS = Set.of("app-proxy.env", "app-proxy.initContainer.env",
      "gitops-operator.env", "internal-router.env", "global.event-reporters.env");

  /** Creates the validator. */
  ChartKeysValidator() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> validate(ValidationContext context) {
    ValuesTree tree = ValuesTree.of(context.values());
    Map<String, Object> data = tree.data();
    Set<ValuesPath> typed = typedProblems(tree);
    ChartKeys chart = ChartKeys.chart();
    Findings out = new Findings(ID);
    for (Map.Entry<String, Object> entry : data.entrySet()) {
      ValuesPath path = ValuesPath.ofKeys(entry.getKey());
      var key = chart.find(path);
      if (key.isPresent()) {
        check(chart, key.get(), entry.getValue(), typed, out);
      } else if (!(entry.getValue() instanceof ExplicitNull) && !isStaleKey(entry.getKey())) {
        out.add(unknownTopLevelKey(chart, entry.getKey()));
      }
    }
    return out.list();
  }

  /** The paths the typed values model reports a wrong type at, so that they are not reported twice. */
  private static Set<ValuesPath> typedProblems(ValuesTree tree) {
    Set<ValuesPath> paths = new HashSet<>();
    for (Finding finding : tree.typeProblems()) {
      paths.add(ValuesPath.parse(finding.path()));
    }
    return paths;
  }

  private static boolean isStaleKey(String topLevelKey) {
    for (StaleKey stale : StaleKey.values()) {
      if (stale.path().equals(topLevelKey)) {
        return true;
      }
    }
    return false;
  }

  private static void check(ChartKeys chart, Key key, Object value, Set<ValuesPath> typed, Findings out) {
    if (value instanceof ExplicitNull || key.type() == Type.NULL || typed.contains(key.path()) || isEnvBlock(key)) {
      return;
    }
    Type found = Type.of(value);
    if (found == key.type()) {
      if (found == Type.MAP && key.described()) {
        for (Map.Entry<?, ?> child : ((Map<?, ?>) value).entrySet()) {
          var childKey = chart.find(key.path().key(String.valueOf(child.getKey())));
          if (childKey.isPresent()) {
            check(chart, childKey.get(), child.getValue(), typed, out);
          }
        }
      }
      return;
    }
    boolean container = isContainer(found) || isContainer(key.type());
    if (container) {
      out.add(Finding.error(RuleIds.VALUES_CHART_TYPE, key.path().toString(),
          key.path() + " is " + shown(key, value) + ", but the chart's default is " + expected(key)
              + ": the chart's templates " + (isContainer(key.type()) ? "read keys or items from it" : "use it as "
              + article(key.type())) + ", so the render fails or produces broken objects.",
          fix(key)));
    } else if (!interchangeable(key, found)) {
      out.add(Finding.warning(RuleIds.VALUES_CHART_TYPE, key.path().toString(),
          key.path() + " is " + shown(key, value) + ", but the chart's default is " + expected(key) + ": "
              + scalarWhy(key.type(), found),
          fix(key)));
    }
  }

  private static boolean isEnvBlock(Key key) {
    String path = key.path().toString();
    if (ENV_BLOCKS.contains(path)) {
      return true;
    }
    List<ValuesPath.Segment> segments = key.path().segments();
    return segments.size() == 3 && path.startsWith("event-reporters.") && path.endsWith(".env");
  }

  private static boolean isContainer(Type type) {
    return type == Type.MAP || type == Type.LIST;
  }

  private static boolean interchangeable(Key key, Type found) {
    boolean numberAndString = (key.type() == Type.NUMBER && found == Type.STRING)
        || (key.type() == Type.STRING && found == Type.NUMBER);
    if (!numberAndString) {
      return false;
    }
    List<ValuesPath.Segment> segments = key.path().segments();
    String name = ((ValuesPath.Key) segments.get(segments.size() - 1)).name();
    return NUMBER_OR_STRING.contains(name) || key.defaultText().equals("\"\"");
  }

  private static String scalarWhy(Type expected, Type found) {
    if (expected == Type.BOOL) {
      return found == Type.STRING
          ? "the chart's templates test it with if, for which every non-empty string is true, even \"false\"."
          : "the chart's templates test it with if, for which every number but 0 is true.";
    }
    if (expected == Type.NUMBER) {
      return "the chart's templates use it as a number: comparing " + article(found) + " with a number fails the"
          + " render, and Kubernetes refuses " + article(found) + " where it expects a number.";
    }
    return found == Type.NUMBER
        ? "Helm passes a number on as a number, printed its own way (1.10 becomes 1.1, 1e3 becomes 1000), and"
            + " templates that need a string refuse it."
        : "Helm passes a boolean on as a boolean, which ends up unquoted where a string is expected (a ConfigMap"
            + " refuses it).";
  }

  private static String shown(Key key, Object value) {
    return key.secret() ? TypeNames.describeType(value) : TypeNames.describe(value);
  }

  private static String expected(Key key) {
    String text = key.defaultText();
    return text.equals("{…}") ? "a map" : article(key.type()) + " (" + text + ")";
  }

  private static String article(Type type) {
    switch (type) {
      case STRING:
        return "a string";
      case NUMBER:
        return "a number";
      case BOOL:
        return "a boolean";
      case MAP:
        return "a map";
      case LIST:
        return "a list";
      default:
        return "null";
    }
  }

  private static String fix(Key key) {
    String keep = ", or remove it to keep the chart's default.";
    switch (key.type()) {
      case STRING:
        return "Set " + key.path() + " to a string in quotes, like the default " + key.defaultText() + keep;
      case NUMBER:
        return "Set " + key.path() + " to a number without quotes, like the default " + key.defaultText() + keep;
      case BOOL:
        return "Set " + key.path() + " to true or false without quotes" + keep;
      case MAP:
        return "Write " + key.path() + " as a map, its keys indented on the lines below it" + keep;
      default:
        return "Write " + key.path() + " as a YAML list, one \"- item\" per line" + keep;
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // top-level keys

  private static Finding unknownTopLevelKey(ChartKeys chart, String name) {
    String path = ValuesPath.ofKeys(name).toString();
    String subject = path + " is not a value of the chart or of any of its subcharts, so Helm ignores it: the"
        + " chart reads its own sections and global, and a subchart reads only the values under its own name ("
        + String.join(", ", ChartKeys.SUBCHARTS) + ").";
    String misspelt = sameName(chart, name);
    List<String> places = misspelt == null ? places(chart, name) : List.of();
    if (misspelt == null && places.isEmpty()) {
      misspelt = misspelling(chart, name);
    }
    if (misspelt != null) {
      return Finding.warning(RuleIds.VALUES_UNKNOWN_KEY, path, subject + " It looks like a misspelling of "
          + misspelt + ".", "Rename it to " + misspelt + ".");
    }
    if (places.size() == 1) {
      return Finding.warning(RuleIds.VALUES_UNKNOWN_KEY, path, subject + " It looks like " + describe(places.get(0))
          + ".", "Move it under " + section(places.get(0)) + ": " + places.get(0) + ".");
    }
    if (!places.isEmpty()) {
      return Finding.warning(RuleIds.VALUES_UNKNOWN_KEY, path, subject + " It looks like one of "
          + String.join(", ", places) + ".", "Move it under the section it is meant for, for example under "
          + section(places.get(0)) + ": " + places.get(0) + ".");
    }
    return Finding.warning(RuleIds.VALUES_UNKNOWN_KEY, path, subject,
        "Move it under the section of the chart or subchart it configures, or remove it.");
  }

  private static String section(String place) {
    return ((ValuesPath.Key) ValuesPath.parse(place).segments().get(0)).name();
  }

  private static String describe(String place) {
    String section = section(place);
    return ChartKeys.SUBCHARTS.contains(section) ? place + ", a value of the " + section + " subchart" : place;
  }

  /** A top-level key of the chart the name differs from only in case, '-' or '_'. */
  private static @org.jspecify.annotations.Nullable String sameName(ChartKeys chart, String name) {
    String plain = plain(name);
    for (String known : chart.topLevelKeys()) {
      if (plain(known).equals(plain)) {
        return known;
      }
    }
    return null;
  }

  /** A top-level key of the chart at most two letters away from the name (for names of 5 letters or more). */
  private static @org.jspecify.annotations.Nullable String misspelling(ChartKeys chart, String name) {
    String plain = plain(name);
    if (name.length() >= 5) {
      for (String known : chart.topLevelKeys()) {
        if (distance(plain, plain(known)) <= 2) {
          return known;
        }
      }
    }
    return null;
  }

  private static String plain(String name) {
    return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** Where a key of that name is read: global first, then the subcharts, then the chart's sections (at most 3). */
  private static List<String> places(ChartKeys chart, String name) {
    List<String> places = new ArrayList<>();
    if (chart.find(ValuesPath.ofKeys("global", name)).isPresent()) {
      places.add(ValuesPath.ofKeys("global", name).toString());
      return places;
    }
    for (String subchart : ChartKeys.SUBCHARTS) {
      if (chart.subchartKeys(subchart).contains(name)) {
        places.add(ValuesPath.ofKeys(subchart, name).toString());
      }
    }
    if (places.isEmpty()) {
      for (String section : chart.topLevelKeys()) {
        if (!section.equals("anchors") && chart.find(ValuesPath.ofKeys(section, name)).isPresent()) {
          places.add(ValuesPath.ofKeys(section, name).toString());
        }
      }
    }
    return places.size() > 3 ? places.subList(0, 3) : places;
  }

  @Override
  public String toString() {
    return "Validator(" + ID + ")";
  }
}
