import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the values codec and the chart-key data of the core module from one table of the chart's keys
 * ({@code core/src/main/chart/chart-keys.tsv}). Run by the build before compiling, with the JDK's
 * single-file launcher: {@code java ChartKeysGenerator.java TABLE OUTPUT_DIR}. Needs nothing but the JDK.
 *
 * <p>The codec it writes is straight-line code, one read and one write method per node type, so a
 * short-lived process pays nothing to interpret the table at run time. A file whose content has not
 * changed is not rewritten, so that the compiler sees nothing new.
 */
public final class ChartKeysGenerator {
  private static final String PACKAGE = "io.gitopsruntime.core.internal";
  private static final List<String> SCALARS =
      List.of("string", "bool", "quoted-bool", "int", "long", "secret", "strings", "string-map");

  /** One row of the table. */
  record Row(int line, String path, String type, String chartDefault, boolean secret, Map<String, String> options) {
    String key() {
      int dot = path.lastIndexOf('.');
      return dot < 0 ? path : path.substring(dot + 1);
    }

    String parent() {
      int dot = path.lastIndexOf('.');
      String parent = dot < 0 ? "." : path.substring(0, dot);
      return parent.endsWith("[]") ? parent.substring(0, parent.length() - 2) : parent;
    }

    boolean typed() {
      return !type.equals("-");
    }

    boolean isNode() {
      return type.equals("ref") || Character.isUpperCase(type.charAt(0));
    }

    /** The node type of a node, list-of-nodes or ref row. */
    String nodeType() {
      return type.equals("ref") ? "SecretKeyRef" : type.endsWith("[]") ? type.substring(0, type.length() - 2) : type;
    }

    String attribute() {
      String given = options.get("attribute");
      if (given != null) {
        return given;
      }
      StringBuilder out = new StringBuilder();
      boolean upper = false;
      for (char c : key().toCharArray()) {
        if (c == '-') {
          upper = true;
        } else {
          out.append(upper ? Character.toUpperCase(c) : c);
          upper = false;
        }
      }
      return out.toString();
    }
  }

  /** A node type with its typed keys, in the chart's order. */
  record Node(String type, List<Row> keys) {}

  private final List<Row> rows;
  private final Map<String, Node> nodes = new LinkedHashMap<>();

  private ChartKeysGenerator(List<Row> rows) {
    this.rows = rows;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: java ChartKeysGenerator.java TABLE OUTPUT_DIR");
    }
    Path table = Path.of(args[0]);
    ChartKeysGenerator generator = new ChartKeysGenerator(parse(table));
    generator.collectNodes();
    Path dir = Path.of(args[1], PACKAGE.split("\\."));
    Files.createDirectories(dir);
    String source = "core/src/main/chart/" + table.getFileName();
    write(dir.resolve("NodeCodec.java"), generator.codec(source));
    write(dir.resolve("ChartKeys.java"), generator.chartKeys(source));
  }

  private static void write(Path file, String content) throws IOException {
    if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
      return;
    }
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  static List<Row> parse(Path table) throws IOException {
    List<Row> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int about = line.indexOf(" about=");
      String aboutText = about < 0 ? null : line.substring(about + " about=".length()).strip();
      String[] cells = (about < 0 ? line : line.substring(0, about)).split("\\s+");
      if (cells.length < 4) {
        throw fail(i + 1, "expected path, type, default and secret, found \"" + line + "\"");
      }
      Map<String, String> options = new LinkedHashMap<>();
      for (int c = 4; c < cells.length; c++) {
        int eq = cells[c].indexOf('=');
        if (eq < 0) {
          throw fail(i + 1, "expected name=value, found \"" + cells[c] + "\"");
        }
        options.put(cells[c].substring(0, eq), cells[c].substring(eq + 1));
      }
      if (aboutText != null) {
        options.put("about", aboutText);
      }
      if (!cells[3].equals("-") && !cells[3].equals("secret")) {
        throw fail(i + 1, "the secret column holds secret or -, found \"" + cells[3] + "\"");
      }
      rows.add(new Row(i + 1, cells[0], cells[1], cells[2], cells[3].equals("secret"), options));
    }
    return rows;
  }

  private static IllegalArgumentException fail(int line, String message) {
    return new IllegalArgumentException("chart-keys line " + line + ": " + message);
  }

  /** Finds every node type and its typed keys; a node type used at several paths must have the same keys at each. */
  private void collectNodes() {
    Map<String, Row> byPath = new LinkedHashMap<>();
    Map<String, List<Row>> children = new LinkedHashMap<>();
    for (Row row : rows) {
      if (byPath.put(row.path(), row) != null) {
        throw fail(row.line(), "duplicate path " + row.path());
      }
      if (row.type().equals("secret") != (row.secret() && row.typed()) && row.typed()) {
        throw fail(row.line(), "a secret-typed key is marked secret, and only it among typed keys");
      }
      if (row.options().containsKey("slot") && !row.type().equals("secret")) {
        throw fail(row.line(), "only a secret-typed key can be a slot");
      }
      if (row.path().equals(".") || !row.typed()) {
        continue;
      }
      if (!row.isNode() && !SCALARS.contains(row.type())) {
        throw fail(row.line(), "unknown type " + row.type());
      }
      Row parent = byPath.get(row.parent());
      if (parent == null || !parent.isNode()) {
        throw fail(row.line(), "the parent of a typed key must be a node declared above it: " + row.parent());
      }
      if (row.path().contains("*")) {
        throw fail(row.line(), "a typed key cannot hold *");
      }
      children.computeIfAbsent(parent.path(), p -> new ArrayList<>()).add(row);
    }
    for (Row row : rows) {
      if (!row.typed() || !row.isNode()) {
        continue;
      }
      List<Row> keys = children.getOrDefault(row.path(), List.of());
      Node seen = nodes.get(row.nodeType());
      if (seen == null) {
        nodes.put(row.nodeType(), new Node(row.nodeType(), keys));
      } else if (!shape(seen.keys()).equals(shape(keys))) {
        throw fail(row.line(), row.nodeType() + " has other keys here than at its first use: " + shape(keys) + " vs " + shape(seen.keys()));
      }
    }
  }

  private static List<String> shape(List<Row> keys) {
    List<String> out = new ArrayList<>();
    for (Row key : keys) {
      out.add(key.key() + ":" + key.type() + ":" + key.attribute());
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------- codec

  private String codec(String source) {
    StringBuilder s = new StringBuilder();
    s.append("// Generated by core/src/codegen/ChartKeysGenerator.java from ").append(source).append(". Do not edit.\n");
    s.append("package ").append(PACKAGE).append(";\n\n");
    s.append("import io.gitopsruntime.core.ValuesPath;\n");
    s.append("import io.gitopsruntime.values.*;\n");
    s.append("import java.util.ArrayList;\n");
    s.append("import java.util.LinkedHashMap;\n");
    s.append("import java.util.List;\n");
    s.append("import java.util.Map;\n\n");
    s.append("/**\n");
    s.append(" * The key-by-key mapping of every node type of the values model to and from plain data, generated from\n");
    s.append(" * the table of the chart's keys: one read and one write method per node type, in the chart's key order,\n");
    s.append(" * written out plainly (no lambdas, no reflection) so that a short-lived process pays almost nothing for it.\n");
    s.append(" * See {@link ValuesCodec} for what reading and writing keep. Thread-safe; no state.\n");
    s.append(" */\n");
    s.append("final class NodeCodec {\n");
    s.append("  private NodeCodec() {}\n");
    for (Node node : nodes.values()) {
      s.append('\n');
      readMethod(s, node);
      s.append('\n');
      writeMethod(s, node);
    }
    s.append("}\n");
    return s.toString();
  }

  private static void readMethod(StringBuilder s, Node node) {
    String t = node.type();
    s.append("  static ").append(t).append(" read").append(t)
        .append("(Map<String, Object> raw, ValuesPath path, ValuesCodec.Problems problems) {\n");
    s.append("    ").append(t).append(".Builder b = ").append(t).append(".builder();\n");
    s.append("    Map<String, Object> kept = new LinkedHashMap<>();\n");
    s.append("    for (Map.Entry<String, Object> e : raw.entrySet()) {\n");
    s.append("      String k = e.getKey();\n");
    s.append("      Object v = e.getValue();\n");
    if (!node.keys().isEmpty()) {
      s.append("      if (!Reading.isBlank(v)) {\n");
      s.append("        switch (k) {\n");
      for (Row key : node.keys()) {
        s.append("          case ").append(quote(key.key())).append(": {\n");
        readValue(s, key);
        s.append("            if (x != null) {\n");
        s.append("              b.").append(key.attribute()).append("(x);\n");
        s.append("              continue;\n");
        s.append("            }\n");
        s.append("            break;\n");
        s.append("          }\n");
      }
      s.append("          default:\n");
      s.append("            break;\n");
      s.append("        }\n");
      s.append("      }\n");
    }
    s.append("      kept.put(k, v == null ? ExplicitNull.INSTANCE : v);\n");
    s.append("    }\n");
    s.append("    b.putAllAdditionalValues(kept);\n");
    s.append("    return b.build();\n");
    s.append("  }\n");
  }

  private static void readValue(StringBuilder s, Row key) {
    String indent = "            ";
    switch (key.type()) {
      case "string" -> s.append(indent).append("String x = Reading.string(v, path, k, problems);\n");
      case "bool" -> s.append(indent).append("Boolean x = Reading.bool(v, path, k, problems);\n");
      case "quoted-bool" -> s.append(indent).append("Boolean x = Reading.stringBoolean(v, path, k, problems);\n");
      case "int" -> s.append(indent).append("Integer x = Reading.integer(v, path, k, problems);\n");
      case "long" -> s.append(indent).append("Long x = Reading.longValue(v, path, k, problems);\n");
      case "secret" -> s.append(indent).append("SecretValue x = Reading.secret(v, path, k, problems);\n");
      case "strings" -> s.append(indent).append("List<String> x = Reading.stringList(v, path, k, problems);\n");
      case "string-map" -> s.append(indent).append("Map<String, String> x = Reading.stringMap(v, path, k, problems);\n");
      default -> {
        String t = key.nodeType();
        if (key.type().endsWith("[]")) {
          s.append(indent).append("List<Map<String, Object>> maps = Reading.mapList(v, path, k, problems);\n");
          s.append(indent).append("List<").append(t).append("> x = null;\n");
          s.append(indent).append("if (maps != null) {\n");
          s.append(indent).append("  x = new ArrayList<>(maps.size());\n");
          s.append(indent).append("  for (int i = 0; i < maps.size(); i++) {\n");
          s.append(indent).append("    x.add(read").append(t).append("(maps.get(i), path.key(k).index(i), problems));\n");
          s.append(indent).append("  }\n");
          s.append(indent).append("}\n");
        } else {
          String fix = key.type().equals("ref") ? "Reading.REF_FIX" : "Reading.MAP_FIX";
          s.append(indent).append("Map<String, Object> m = Reading.map(v, path, k, problems, ").append(fix).append(");\n");
          s.append(indent).append(t).append(" x = m == null ? null : read").append(t).append("(m, path.key(k), problems);\n");
        }
      }
    }
  }

  private static void writeMethod(StringBuilder s, Node node) {
    String t = node.type();
    s.append("  static Map<String, Object> write").append(t).append('(').append(t)
        .append(" n, ValuesPath path, ValuesCodec.SecretWriter secrets) {\n");
    s.append("    Map<String, Object> out = new LinkedHashMap<>();\n");
    List<String> secretKeys = new ArrayList<>();
    for (Row key : node.keys()) {
      String k = quote(key.key());
      String a = "n." + key.attribute() + "()";
      switch (key.type()) {
        case "string", "bool", "int", "long" -> present(s, a, "out.put(" + k + ", " + a + ".get());");
        case "quoted-bool" -> present(s, a, "out.put(" + k + ", String.valueOf(" + a + ".get()));");
        case "secret" -> {
          secretKeys.add(k);
          present(s, a, "Writing.putIfNotNull(out, " + k + ", secrets.write(path.key(" + k + "), " + a + ".get()));");
        }
        case "strings" -> notEmpty(s, a, "out.put(" + k + ", new ArrayList<>(" + a + "));");
        case "string-map" -> notEmpty(s, a, "out.put(" + k + ", new LinkedHashMap<>(" + a + "));");
        case "ref" -> present(s, a, "out.put(" + k + ", writeSecretKeyRef(" + a + ".get(), path.key(" + k + "), secrets));");
        default -> {
          String nt = key.nodeType();
          if (key.type().endsWith("[]")) {
            s.append("    if (!").append(a).append(".isEmpty()) {\n");
            s.append("      List<Object> items = new ArrayList<>(").append(a).append(".size());\n");
            s.append("      for (int i = 0; i < ").append(a).append(".size(); i++) {\n");
            s.append("        items.add(write").append(nt).append('(').append(a).append(".get(i), path.key(").append(k)
                .append(").index(i), secrets));\n");
            s.append("      }\n");
            s.append("      out.put(").append(k).append(", items);\n");
            s.append("    }\n");
          } else {
            s.append("    Writing.putIfNotEmpty(out, ").append(k).append(", write").append(nt).append('(').append(a)
                .append(", path.key(").append(k).append("), secrets));\n");
          }
        }
      }
    }
    if (secretKeys.isEmpty()) {
      s.append("    Writing.putAdditional(out, n.additionalValues());\n");
    } else {
      s.append("    Writing.putAdditional(out, n.additionalValues(), path, secrets, ").append(String.join(", ", secretKeys)).append(");\n");
    }
    s.append("    return out;\n");
    s.append("  }\n");
  }

  private static void present(StringBuilder s, String attribute, String statement) {
    s.append("    if (").append(attribute).append(".isPresent()) {\n");
    s.append("      ").append(statement).append('\n');
    s.append("    }\n");
  }

  private static void notEmpty(StringBuilder s, String attribute, String statement) {
    s.append("    if (!").append(attribute).append(".isEmpty()) {\n");
    s.append("      ").append(statement).append('\n');
    s.append("    }\n");
  }

  // ---------------------------------------------------------------------------------------------- chart keys

  private String chartKeys(String source) {
    StringBuilder s = new StringBuilder();
    s.append("// Generated by core/src/codegen/ChartKeysGenerator.java from ").append(source).append(". Do not edit.\n");
    s.append("package ").append(PACKAGE).append(";\n\n");
    s.append("import io.gitopsruntime.core.ValuesPath;\n");
    s.append("import java.util.List;\n");
    s.append("import java.util.Optional;\n\n");
    s.append("/**\n");
    s.append(" * What the table of the chart's keys says besides the codec: each key's chart default, as a constant named\n");
    s.append(" * after its path and by path ({@link #chartDefault}); the keys that hold credentials ({@link #secretKeys});\n");
    s.append(" * the secrets the chart can also take by reference ({@link #slots}). Constants only, nothing is built at\n");
    s.append(" * class-load time. Thread-safe.\n");
    s.append(" */\n");
    s.append("public final class ChartKeys {\n");
    List<Row> defaults = new ArrayList<>();
    for (Row row : rows) {
      if (row.chartDefault().equals("-")) {
        continue;
      }
      defaults.add(row);
      s.append("  /** The chart's default of {@code ").append(row.path()).append("}. */\n");
      s.append("  public static final ").append(javaType(row)).append(' ').append(constant(row.path())).append(" = ")
          .append(literal(row)).append(";\n");
    }
    s.append("\n  private ChartKeys() {}\n\n");

    s.append("  /**\n");
    s.append("   * The chart's default of a key.\n");
    s.append("   *\n");
    s.append("   * @param path a key's path, such as {@code global.runtime.ingress.className}; list items as {@code []}\n");
    s.append("   * @return the default (a String, Boolean, Integer or Long), or empty when the table gives none\n");
    s.append("   */\n");
    s.append("  public static Optional<Object> chartDefault(String path) {\n");
    s.append("    switch (path) {\n");
    for (Row row : defaults) {
      s.append("      case ").append(quote(row.path())).append(":\n");
      s.append("        return Optional.of(").append(constant(row.path())).append(");\n");
    }
    s.append("      default:\n");
    s.append("        return Optional.empty();\n");
    s.append("    }\n");
    s.append("  }\n\n");

    s.append("  /**\n");
    s.append("   * The keys whose values are credentials, whatever their type, in the chart's order; {@code *} is any one key.\n");
    s.append("   *\n");
    s.append("   * @return the keys' paths\n");
    s.append("   */\n");
    s.append("  public static List<String> secretKeys() {\n");
    s.append("    return List.of(");
    List<String> secrets = new ArrayList<>();
    for (Row row : rows) {
      if (row.secret()) {
        secrets.add("\n        " + quote(row.path()));
      }
    }
    s.append(String.join(",", secrets)).append(");\n");
    s.append("  }\n\n");

    s.append("  /**\n");
    s.append("   * The secrets the chart can also take by reference, in values order.\n");
    s.append("   *\n");
    s.append("   * @return the slots\n");
    s.append("   */\n");
    s.append("  public static List<SecretSlots.Slot> slots() {\n");
    s.append("    return List.of(");
    List<String> slots = new ArrayList<>();
    for (Row row : rows) {
      if (row.options().containsKey("slot")) {
        String reference = Objects.requireNonNull(row.options().get("reference"), "reference= on line " + row.line());
        String about = Objects.requireNonNull(row.options().get("about"), "about= on line " + row.line());
        slots.add("\n        new SecretSlots.Slot(ValuesPath.parse(" + quote(row.path()) + "), ValuesPath.parse(" + quote(reference)
            + "),\n            " + quote(row.options().get("slot")) + ", " + quote(about) + ")");
      }
    }
    s.append(String.join(",", slots)).append(");\n");
    s.append("  }\n");
    s.append("}\n");
    return s.toString();
  }

  private static String javaType(Row row) {
    switch (row.type()) {
      case "string":
      case "secret":
        return "String";
      case "bool":
      case "quoted-bool":
        return "boolean";
      case "int":
        return "int";
      case "long":
        return "long";
      case "-":
        String d = row.chartDefault();
        return d.equals("true") || d.equals("false") ? "boolean" : d.matches("-?[0-9]{1,9}") ? "int" : "String";
      default:
        throw fail(row.line(), "a " + row.type() + " has no scalar default");
    }
  }

  private static String literal(Row row) {
    String d = row.chartDefault();
    String type = javaType(row);
    if (type.equals("String")) {
      return quote(d.equals("\"\"") ? "" : d);
    }
    if (type.equals("boolean") && !d.equals("true") && !d.equals("false")) {
      throw fail(row.line(), "not a boolean: " + d);
    }
    if ((type.equals("int") || type.equals("long")) && !d.matches("-?[0-9]+")) {
      throw fail(row.line(), "not a whole number: " + d);
    }
    return type.equals("long") ? d + "L" : d;
  }

  /** {@code global.runtime.ingress.className} to {@code GLOBAL_RUNTIME_INGRESS_CLASS_NAME}. */
  static String constant(String path) {
    StringBuilder out = new StringBuilder();
    char previous = '.';
    for (char c : path.replace("[]", "").toCharArray()) {
      if (c == '.' || c == '-' || c == '*') {
        out.append('_');
      } else {
        if (Character.isUpperCase(c) && (Character.isLowerCase(previous) || Character.isDigit(previous))) {
          out.append('_');
        }
        out.append(Character.toUpperCase(c));
      }
      previous = c;
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }

  private static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
