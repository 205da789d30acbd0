package io.gitopsruntime.core.internal;

import io.gitopsruntime.core.SourceLocation;
import io.gitopsruntime.core.TypeNames;
import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.core.ValuesSyntaxException;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.ExplicitNull;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads one YAML document into plain Java data the way Helm sees it: YAML 1.1 scalars (as Helm's YAML
 * library resolves them), anchors, aliases and {@code <<} merge keys resolved, map keys as strings. It
 * records the location of every key and list item, so that later problems can name a line and column.
 *
 * <p>Scalars become {@link String}, {@link Boolean}, {@link Long}, {@link BigInteger}, {@link Double} or
 * {@link ExplicitNull}; maps {@link LinkedHashMap}; lists {@link ArrayList}. {@code !!binary} scalars are
 * decoded from base64 into a string, as Helm does. An alias is the same Java object as its anchor's value.
 *
 * <p>Hostile input ends in a {@link ValuesSyntaxException} in bounded time and memory: the limits of
 * {@link Limits} are enforced while reading (SnakeYAML's own alias and depth limits belong to its
 * composer, which this event-based reader does not use, so the reader counts aliases' expansions and
 * nesting itself). Messages never quote a scalar that may be a secret (anything in or under a secret slot).
 * Not thread-safe: one instance per document.
 */
public final class YamlReader {

  /**
   * The limits of a values file, far above real ones (the chart's own values.yaml is 23 KB, nested less
   * than 15 levels, with about 500 keys).
   *
   * @param fileSize the most characters a file may have
   * @param lineLength the most characters one line may have (SnakeYAML's scanner takes time quadratic in
   *     the length of one token)
   * @param stringLength the most characters one string (a key or a scalar) may have
   * @param depth the most levels maps and lists may be nested, aliases expanded
   * @param values the most keys and list items a file may hold, each use of an alias counting as a copy
   *     of its anchor's value
   */
  public record Limits(int fileSize, int lineLength, int stringLength, int depth, int values) {
    /** The limits every values file is read with, as {@link ValuesYaml#read(java.nio.file.Path)} documents them. */
    public static final Limits DEFAULT = new Limits(ValuesYaml.MAX_FILE_SIZE, ValuesYaml.MAX_LINE_LENGTH,
        ValuesYaml.MAX_STRING_LENGTH, ValuesYaml.MAX_DEPTH, ValuesYaml.MAX_VALUES);
    /**
     * The limits for reading back our own output (a merge of layered files): only the depth the writer
     * itself allows, as the data is already in memory and the writer writes no aliases.
     */
    public static final Limits OWN_OUTPUT = new Limits(Integer.MAX_VALUE - 1, Integer.MAX_VALUE, Integer.MAX_VALUE, 1000, Integer.MAX_VALUE);
  }

  /** A parsed document. */
  public record Document(Map<String, Object> root, Map<ValuesPath, SourceLocation> locations, List<Finding> problems) {}

  /** An anchored value with what it adds when an alias repeats it: its keys and list items, and its height. */
  private record Anchored(Object value, long values, int height) {}

  private final String source;
  private final String text;
  private final Limits limits;
  private final Parser parser;
  private final Map<String, Anchored> anchors = new HashMap<>();
  private final Map<ValuesPath, SourceLocation> locations = new HashMap<>();
  private final List<Finding> problems = new ArrayList<>();
  /** Keys and list items read so far, aliases expanded. */
  private long values;
  /** The deepest level reached so far in the current anchored node (or the document), aliases expanded. */
  private int deepest;

  private YamlReader(String source, String text, Limits limits) {
    this.source = source;
    this.text = text;
    this.limits = limits;
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setProcessComments(false);
    // the file size is checked before; SnakeYAML's own limit would call a well-formed big file malformed
    options.setCodePointLimit(Math.max(limits.fileSize(), 1) + 1);
    this.parser = new ParserImpl(new StreamReader(text), options);
  }

  /**
   * Reads a document.
   *
   * @param source the file name, for locations
   * @param text the YAML
   * @return the data, locations and non-fatal problems (duplicate keys)
   * @throws ValuesSyntaxException if the text is not well-formed YAML, its top level is not a map, or it
   *     is beyond one of the {@link Limits#DEFAULT default limits}
   */
  public static Document read(String source, String text) {
    return read(source, text, Limits.DEFAULT);
  }

  /**
   * Reads a document within limits.
   *
   * @param source the file name, for locations
   * @param text the YAML
   * @param limits the limits
   * @return the data, locations and non-fatal problems (duplicate keys)
   * @throws ValuesSyntaxException if the text is not well-formed YAML, its top level is not a map, or it
   *     is beyond one of the limits
   */
  public static Document read(String source, String text, Limits limits) {
    YamlFileChecks.checkSize(source, text.length(), "characters", limits);
    YamlFileChecks.checkLines(source, text, limits);
    return new YamlReader(source, text, limits).document();
  }

  private Document document() {
    try {
      expect(Event.ID.StreamStart);
      if (parser.checkEvent(Event.ID.StreamEnd)) {
        return new Document(new LinkedHashMap<>(), locations, problems);
      }
      expect(Event.ID.DocumentStart);
      Event first = parser.peekEvent();
      Object root = node(ValuesPath.root(), 0);
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
        // by type only: a file given by mistake (-f token.txt) may be a secret
        throw syntax(first.getStartMark(), "", "the top level of a values file must be a map of keys, but it is "
            + TypeNames.describeType(root) + ". Start the file with a key such as \"global:\".");
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
    } catch (ReaderException e) {
      throw notPrintable(e);
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

  private Object node(ValuesPath path, int depth) {
    Event event = parser.getEvent();
    if (event instanceof AliasEvent) {
      String anchor = ((AliasEvent) event).getAnchor();
      Anchored target = anchors.get(anchor);
      if (target == null) {
        // an unquoted secret that starts with '*' reads as an alias: name it only where it cannot be one
        throw syntax(event.getStartMark(), path.toString(), mayBeSecret(path)
            ? "the alias here (a value starting with '*') refers to no anchor. Quote the value if it is not an alias."
            : "the alias *" + anchor + " refers to no anchor. Define &" + anchor + " before using it.");
      }
      if (depth + target.height() > limits.depth()) {
        throw tooDeep(event.getStartMark(), path);
      }
      deepest = Math.max(deepest, depth + target.height());
      count(target.values(), event.getStartMark(), path, true);
      return target.value();
    }
    long valuesBefore = values;
    int deepestBefore = deepest;
    deepest = depth;
    Object value;
    if (event instanceof ScalarEvent) {
      value = scalar((ScalarEvent) event, path);
    } else if (event instanceof SequenceStartEvent) {
      if (depth + 1 > limits.depth()) {
        throw tooDeep(event.getStartMark(), path);
      }
      deepest = depth + 1;
      List<Object> list = new ArrayList<>();
      int index = 0;
      while (!parser.checkEvent(Event.ID.SequenceEnd)) {
        ValuesPath itemPath = path.index(index++);
        Mark mark = parser.peekEvent().getStartMark();
        count(1, mark, itemPath, false);
        locations.putIfAbsent(itemPath, location(mark));
        list.add(node(itemPath, depth + 1));
      }
      parser.getEvent();
      value = list;
    } else if (event instanceof MappingStartEvent) {
      if (depth + 1 > limits.depth()) {
        throw tooDeep(event.getStartMark(), path);
      }
      deepest = depth + 1;
      value = mapping(path, depth + 1);
    } else {
      throw syntax(event.getStartMark(), path.toString(), "unexpected YAML event " + event.getEventId() + ".");
    }
    String anchor = ((NodeEvent) event).getAnchor();
    if (anchor != null) {
      anchors.put(anchor, new Anchored(value, values - valuesBefore, deepest - depth));
    }
    deepest = Math.max(deepestBefore, deepest);
    return value;
  }

  /** Counts keys or list items (an alias: its anchor's), failing beyond the limit. */
  private void count(long more, @Nullable Mark mark, ValuesPath path, boolean alias) {
    values += more;
    if (values > limits.values()) {
      throw syntax(mark, path.toString(), "the file holds more than " + YamlFileChecks.number(limits.values())
          + " keys and list items" + (alias ? " once its aliases (*name) are expanded" : "") + ", the limit of a values file."
          + (alias
              ? " Each alias repeats its anchor's whole value, and aliases of anchors that hold aliases multiply:"
                  + " use fewer aliases, or write the values out."
              : " Values files are small (the chart's own has about 500 keys): check that this is the values file you meant."));
    }
  }

  private ValuesSyntaxException tooDeep(@Nullable Mark mark, ValuesPath path) {
    return syntax(mark, path.toString(), "maps and lists are nested more than " + limits.depth()
        + " levels deep here (aliases expanded), the limit of a values file. The chart's values are nested less than 15 levels:"
        + " check the indentation and the brackets.");
  }

  private Map<String, Object> mapping(ValuesPath path, int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    List<Map<?, ?>> merges = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      Event keyEvent = parser.peekEvent();
      boolean mergeKey = YamlScalars.isMergeKey(keyEvent);
      Object keyValue = node(path.key("?"), depth);
      String key = keyValue instanceof String ? (String) keyValue : YamlScalars.keyText(keyValue);
      ValuesPath childPath = path.key(key);
      if (mergeKey) {
        Event valueEvent = parser.peekEvent();
        Object merged = node(childPath, depth);
        collectMerges(merged, merges, valueEvent.getStartMark(), path);
        continue;
      }
      count(1, keyEvent.getStartMark(), childPath, false);
      if (keyValue == null || keyValue == io.gitopsruntime.values.ExplicitNull.INSTANCE) {
        problems.add(Finding.error("yaml.null-key", childPath.toString(),
            "a key of this map is null (~, null or nothing before the ':', " + location(keyEvent.getStartMark())
                + "): Helm refuses such a file (unsupported map key of type: <nil>).",
            "Quote the key ('null') if it is meant as text, or remove the entry."));
      }
      if (!seen.add(key)) {
        problems.add(Finding.warning("yaml.duplicate-key", childPath.toString(),
            "the key \"" + key + "\" appears more than once in the same map (" + location(keyEvent.getStartMark())
                + "); Helm keeps only the last one.",
            "Remove the duplicate, or merge the two entries into one."));
      }
      locations.put(childPath, location(keyEvent.getStartMark()));
      map.put(key, node(childPath, depth));
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
              + describe(path, item) + ". Merge only anchored maps.");
        }
        merges.add((Map<?, ?>) item);
      }
    } else {
      throw syntax(mark, path.toString(), "a '<<' merge key takes a map or a list of maps, but got "
          + describe(path, merged) + ". Merge only anchored maps.");
    }
  }

  private static boolean mayBeSecret(ValuesPath path) {
    return TypeNames.mayBeSecret(path);
  }

  private static String describe(ValuesPath path, Object value) {
    return TypeNames.describe(path, value);
  }

  private Object scalar(ScalarEvent event, ValuesPath path) {
    String value = event.getValue();
    if (value.length() > limits.stringLength()) {
      throw syntax(event.getStartMark(), path.toString(), "a string of " + YamlFileChecks.number(value.length()) + " characters, more than the "
          + YamlFileChecks.number(limits.stringLength()) + " a string in a values file may have. Shorten it, or keep large content"
          + " (certificates, files) in a Secret or ConfigMap and refer to it.");
    }
    String tag = event.getTag();
    if (tag != null && !"!".equals(tag)) {
      return tagged(tag, value, event, path);
    }
    if (tag == null && event.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
      return YamlScalars.resolvePlain(value);
    }
    return value;
  }

  private Object tagged(String tag, String value, ScalarEvent event, ValuesPath path) {
    switch (tag) {
      case YamlScalars.TAG_PREFIX + "str":
      case YamlScalars.TAG_PREFIX + "timestamp":
        return value;
      case YamlScalars.TAG_PREFIX + "binary":
        return binary(value, event, path);
      case YamlScalars.TAG_PREFIX + "null":
        return ExplicitNull.INSTANCE;
      case YamlScalars.TAG_PREFIX + "bool":
        if (YamlScalars.TRUE.contains(value)) {
          return Boolean.TRUE;
        }
        if (YamlScalars.FALSE.contains(value)) {
          return Boolean.FALSE;
        }
        break;
      case YamlScalars.TAG_PREFIX + "int":
        Object whole = YamlScalars.resolvePlain(value);
        if (whole instanceof Long || whole instanceof BigInteger) {
          return whole;
        }
        break;
      case YamlScalars.TAG_PREFIX + "float":
        Object number = YamlScalars.resolvePlain(value);
        if (number instanceof Number) {
          return ((Number) number).doubleValue();
        }
        break;
      default:
        return value;
    }
    String shown = mayBeSecret(path) ? "this value" : "the value " + quoted(value);
    throw syntax(event.getStartMark(), path.toString(),
        shown + " cannot be read as " + tag.replace(YamlScalars.TAG_PREFIX, "!!") + ". Remove the tag or fix the value.");
  }

  /**
   * Decodes a {@code !!binary} scalar as Helm does: base64 (line breaks ignored, as Go's decoder ignores
   * them) into the string of its bytes.
   */
  private Object binary(String value, ScalarEvent event, ValuesPath path) {
    try {
      String text = value.replace("\n", "").replace("\r", "");
      if (text.length() % 4 != 0) {
        // Go's decoder, which Helm uses, requires the padding that Java's accepts without
        throw new IllegalArgumentException("not padded");
      }
      byte[] bytes = Base64.getDecoder().decode(text);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw syntax(event.getStartMark(), path.toString(), "a value tagged !!binary must be base64 text, and this one is not."
          + " Fix the base64 text, or remove the tag to use the text itself.");
    }
  }

  private static String quoted(String value) {
    return "\"" + (value.length() > 40 ? value.substring(0, 37) + "..." : value).replace("\n", "\\n") + "\"";
  }

  private void expect(Event.ID id) {
    Event event = parser.getEvent();
    if (!event.is(id)) {
      throw syntax(event.getStartMark(), "", "unexpected YAML structure (" + event.getEventId() + ").");
    }
  }

  /** A character YAML does not allow (a control character, binary junk): where it is, never the text around it. */
  private ValuesSyntaxException notPrintable(ReaderException e) {
    int offset;
    try {
      offset = text.offsetByCodePoints(0, Math.max(0, Math.min(e.getPosition(), text.codePointCount(0, text.length()))));
    } catch (IndexOutOfBoundsException outside) {
      offset = 0;
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    SourceLocation location = new SourceLocation(source, line, text.codePointCount(lineStart, offset) + 1);
    return new ValuesSyntaxException(location, "", location + ": the file holds the character "
        + String.format(Locale.ROOT, "U+%04X", e.getCodePoint()) + ", which YAML does not allow in a file."
        + " Remove it; inside a double-quoted string write it as an escape such as \"\\x07\". If the file is binary, it is not a values file.");
  }

  private SourceLocation location(@Nullable Mark mark) {
    return mark == null ? new SourceLocation(source, 1, 1) : new SourceLocation(source, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private ValuesSyntaxException syntax(@Nullable Mark mark, String path, String message) {
    SourceLocation location = location(mark);
    return new ValuesSyntaxException(location, path, location + ": " + message);
  }
}
