package io.gitopsruntime.core.internal;

import io.gitopsruntime.core.SourceLocation;
import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.core.ValuesSyntaxException;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.ExplicitNull;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads one YAML document into plain Java data the way Helm sees it: YAML 1.1 scalars (as Helm's YAML
 * library resolves them), anchors, aliases and {@code <<} merge keys resolved, map keys as strings. It
 * records the location of every key and list item, so that later problems can name a line and column.
 *
 * <p>Scalars become {@link String}, {@link Boolean}, {@link Long}, {@link BigInteger}, {@link Double} or
 * {@link ExplicitNull}; maps {@link LinkedHashMap}; lists {@link ArrayList}. Not thread-safe: one
 * instance per document.
 */
public final class YamlReader {
  private static final String TAG_PREFIX = "tag:yaml.org,2002:";
  private static final Set<String> TRUE =
      Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
  private static final Set<String> FALSE =
      Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
  private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
  /** Integers as Go's {@code strconv.ParseInt(s, 0, 64)} reads them, which Helm's YAML library uses. */
  private static final Pattern INT =
      Pattern.compile("[-+]?(0[bB][01]+|0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[0-7]+|0|[1-9][0-9]*)");
  private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  /** A parsed document. */
  public record Document(Map<String, Object> root, Map<ValuesPath, SourceLocation> locations, List<Finding> problems) {}

  private final String source;
  private final Parser parser;
  private final Map<String, Object> anchors = new HashMap<>();
  private final Map<ValuesPath, SourceLocation> locations = new HashMap<>();
  private final List<Finding> problems = new ArrayList<>();

  private YamlReader(String source, String text) {
    this.source = source;
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(1000);
    options.setAllowDuplicateKeys(true);
    options.setProcessComments(false);
    this.parser = new ParserImpl(new StreamReader(text), options);
  }

  /**
   * Reads a document.
   *
   * @param source the file name, for locations
   * @param text the YAML
   * @return the data, locations and non-fatal problems (duplicate keys)
   * @throws ValuesSyntaxException if the text is not well-formed YAML or its top level is not a map
   */
  public static Document read(String source, String text) {
    return new YamlReader(source, text).document();
  }

  private Document document() {
    try {
      expect(Event.ID.StreamStart);
      if (parser.checkEvent(Event.ID.StreamEnd)) {
        return new Document(new LinkedHashMap<>(), locations, problems);
      }
      expect(Event.ID.DocumentStart);
      Event first = parser.peekEvent();
      Object root = node(ValuesPath.root());
      expect(Event.ID.DocumentEnd);
      if (parser.checkEvent(Event.ID.DocumentStart)) {
        Mark mark = parser.peekEvent().getStartMark();
        throw syntax(mark, "", "the file holds more than one YAML document ('---'); Helm reads values from one."
            + " Split it into separate values files.");
      }
      if (root == ExplicitNull.INSTANCE) {
        return new Document(new LinkedHashMap<>(), locations, problems);
      }
      if (!(root instanceof Map)) {
        throw syntax(first.getStartMark(), "", "the top level of a values file must be a map of keys, but it is "
            + TypeNames.describe(root) + ". Start the file with a key such as \"global:\".");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) root;
      return new Document(map, locations, problems);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      if (e.getContext() != null && e.getContext().contains("quoted scalar") && e.getContextMark() != null) {
        // the end of the file is where SnakeYAML noticed; the opening quote is where the user must look
        mark = e.getContextMark();
        problem = problem + " " + e.getContext();
      }
      throw syntax(mark, "", "malformed YAML: " + problem + ". " + hint(problem));
    } catch (YAMLException e) {
      throw new ValuesSyntaxException(new SourceLocation(source, 1, 1), "",
          source + ": malformed YAML: " + e.getMessage() + ". Check the file with a YAML linter.");
    }
  }

  private static String hint(String problem) {
    if (problem.contains("mapping values are not allowed")) {
      return "A value contains ': ' or the indentation is off; quote the value or fix the indentation.";
    }
    if (problem.contains("(TAB)") || problem.contains("'\\t'")) {
      return "YAML does not allow tabs for indentation; indent with spaces.";
    }
    if (problem.contains("quoted scalar")) {
      return "A quoted value is not closed; add the closing quote.";
    }
    if (problem.contains("expected <block end>")) {
      return "The indentation is off: keys of one map must start in the same column.";
    }
    if (problem.contains("could not find expected ':'")) {
      return "A key is missing its ':' or a quoted value is not closed.";
    }
    if (problem.contains("found undefined alias") || problem.contains("alias")) {
      return "Define the anchor (&name) before using it (*name).";
    }
    return "Fix the YAML at that position (indentation, quoting, or a missing ':').";
  }

  private Object node(ValuesPath path) {
    Event event = parser.getEvent();
    if (event instanceof AliasEvent) {
      String anchor = ((AliasEvent) event).getAnchor();
      Object target = anchors.get(anchor);
      if (target == null) {
        throw syntax(event.getStartMark(), path.toString(),
            "the alias *" + anchor + " refers to no anchor. Define &" + anchor + " before using it.");
      }
      return target;
    }
    Object value;
    if (event instanceof ScalarEvent) {
      value = scalar((ScalarEvent) event, path);
    } else if (event instanceof SequenceStartEvent) {
      List<Object> list = new ArrayList<>();
      int index = 0;
      while (!parser.checkEvent(Event.ID.SequenceEnd)) {
        ValuesPath itemPath = path.index(index++);
        locations.putIfAbsent(itemPath, location(parser.peekEvent().getStartMark()));
        list.add(node(itemPath));
      }
      parser.getEvent();
      value = list;
    } else if (event instanceof MappingStartEvent) {
      value = mapping(path);
    } else {
      throw syntax(event.getStartMark(), path.toString(), "unexpected YAML event " + event.getEventId() + ".");
    }
    String anchor = ((NodeEvent) event).getAnchor();
    if (anchor != null) {
      anchors.put(anchor, value);
    }
    return value;
  }

  private Map<String, Object> mapping(ValuesPath path) {
    Map<String, Object> map = new LinkedHashMap<>();
    List<Map<?, ?>> merges = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      Event keyEvent = parser.peekEvent();
      boolean mergeKey = isMergeKey(keyEvent);
      Object keyValue = node(path.key("?"));
      String key = keyValue instanceof String ? (String) keyValue : TypeNames.keyText(keyValue);
      ValuesPath childPath = path.key(key);
      if (mergeKey) {
        Event valueEvent = parser.peekEvent();
        Object merged = node(childPath);
        collectMerges(merged, merges, valueEvent.getStartMark(), path);
        continue;
      }
      if (!seen.add(key)) {
        problems.add(Finding.warning("yaml.duplicate-key", childPath.toString(),
            "the key \"" + key + "\" appears more than once in the same map (" + location(keyEvent.getStartMark())
                + "); Helm keeps only the last one.",
            "Remove the duplicate, or merge the two entries into one."));
      }
      locations.put(childPath, location(keyEvent.getStartMark()));
      map.put(key, node(childPath));
    }
    parser.getEvent();
    for (Map<?, ?> source : merges) {
      for (Map.Entry<?, ?> entry : source.entrySet()) {
        map.putIfAbsent(String.valueOf(entry.getKey()), entry.getValue());
      }
    }
    return map;
  }

  private void collectMerges(Object merged, List<Map<?, ?>> merges, Mark mark, ValuesPath path) {
    if (merged instanceof Map) {
      merges.add((Map<?, ?>) merged);
    } else if (merged instanceof List) {
      for (Object item : (List<?>) merged) {
        if (!(item instanceof Map)) {
          throw syntax(mark, path.toString(), "a '<<' merge key takes a map or a list of maps, but the list holds "
              + TypeNames.describe(item) + ". Merge only anchored maps.");
        }
        merges.add((Map<?, ?>) item);
      }
    } else {
      throw syntax(mark, path.toString(), "a '<<' merge key takes a map or a list of maps, but got "
          + TypeNames.describe(merged) + ". Merge only anchored maps.");
    }
  }

  private static boolean isMergeKey(Event event) {
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

  private Object scalar(ScalarEvent event, ValuesPath path) {
    String value = event.getValue();
    String tag = event.getTag();
    if (tag != null && !"!".equals(tag)) {
      return tagged(tag, value, event, path);
    }
    if (tag == null && event.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
      return resolvePlain(value);
    }
    return value;
  }

  private Object tagged(String tag, String value, ScalarEvent event, ValuesPath path) {
    switch (tag) {
      case TAG_PREFIX + "str":
      case TAG_PREFIX + "binary":
      case TAG_PREFIX + "timestamp":
        return value;
      case TAG_PREFIX + "null":
        return ExplicitNull.INSTANCE;
      case TAG_PREFIX + "bool":
        if (TRUE.contains(value)) {
          return Boolean.TRUE;
        }
        if (FALSE.contains(value)) {
          return Boolean.FALSE;
        }
        break;
      case TAG_PREFIX + "int":
        Object whole = resolvePlain(value);
        if (whole instanceof Long || whole instanceof BigInteger) {
          return whole;
        }
        break;
      case TAG_PREFIX + "float":
        Object number = resolvePlain(value);
        if (number instanceof Number) {
          return ((Number) number).doubleValue();
        }
        break;
      default:
        return value;
    }
    throw syntax(event.getStartMark(), path.toString(),
        "the value \"" + value + "\" cannot be read as " + tag.replace(TAG_PREFIX, "!!") + ". Remove the tag or fix the value.");
  }

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
      if (!plain.isEmpty() && INT.matcher(plain).matches()) {
        return integer(plain);
      }
      if (!plain.isEmpty() && FLOAT.matcher(plain).matches()) {
        return Double.parseDouble(plain);
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

  private void expect(Event.ID id) {
    Event event = parser.getEvent();
    if (!event.is(id)) {
      throw syntax(event.getStartMark(), "", "unexpected YAML structure (" + event.getEventId() + ").");
    }
  }

  private SourceLocation location(@Nullable Mark mark) {
    return mark == null ? new SourceLocation(source, 1, 1) : new SourceLocation(source, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private ValuesSyntaxException syntax(@Nullable Mark mark, String path, String message) {
    SourceLocation location = location(mark);
    return new ValuesSyntaxException(location, path, location + ": " + message);
  }
}
