package io.gitopsruntime.core;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Hostile and broken values files, generated: alias and merge-key bombs, deep nesting of flow lists, flow maps and
 * block maps, huge key counts, strings and numbers, NUL and control characters, infinities and NaN, null and complex
 * keys, malformed YAML and non-YAML bytes, and the same shapes under secret slots and chart keys the exports write.
 *
 * <p>One corpus for two readers: {@link #forTheReader()} is read once per case, alone, by {@code ValuesYaml}; {@link
 * #forTheTool()} is layered over {@link #BASE} and run through every command of the tool, so its largest cases are
 * smaller. Shared with the tool's tests through this module's test jar. Stateless; thread-safe.
 */
public final class HostileValues {
  private HostileValues() {}

  /** The values file each case of the tool is layered over: valid, so that a case that reads also reaches every export and the installers. */
  public static final String BASE = String.join("\n",
      "global:",
      "  codefresh:",
      "    url: http://127.0.0.1:1",
      "    accountId: 628a80b693a15c0f9c13ab75",
      "    userToken:",
      "      token: corpus-token",
      "  runtime:",
      "    name: corpus",
      "");

  /**
   * A file name for a case.
   *
   * @param name the case's name
   * @return the name with each run of other characters than letters and digits replaced by {@code -}, and {@code .yaml}
   */
  public static String fileName(String name) {
    return name.replaceAll("[^A-Za-z0-9]+", "-") + ".yaml";
  }

  /**
   * The cases read alone, by name, in a fixed order.
   *
   * @return a new map of each case's bytes
   */
  public static Map<String, byte[]> forTheReader() {
    Map<String, byte[]> cases = new LinkedHashMap<>();
    cases.put("alias bomb", utf8(aliasBomb("")));
    cases.put("alias bomb under an unknown key", utf8("global:\n  runtime:\n    name: prod\nnot-a-chart-key:\n" + aliasBomb("  ")));
    cases.put("merge-key bomb", utf8(mergeKeyBomb(9)));
    cases.put("alias bomb in a secret slot", utf8(aliasBombInASecretSlot()));
    cases.putAll(nesting());
    cases.put("200,000 keys", utf8(manyKeys("extra", 200_000)));
    cases.putAll(longStrings());
    cases.put("1 MB quoted string on one line", utf8("s: \"" + "x".repeat(1024 * 1024 - 8) + "\"\n"));
    cases.put("a number of 1,000,000 digits", utf8("n: 1" + "0".repeat(1_000_000) + "\n"));
    cases.putAll(numbers(1_000_000));
    cases.put("a float beyond double", utf8("n: 1e999999999\nm: -1e999999999\nk: .nan\n"));
    cases.putAll(notYaml());
    cases.putAll(malformed());
    cases.putAll(documentsAndAnchors(10_000));
    cases.put("unclosed quote at the end of a long file", utf8(manyKeys("extra", 200_000).substring(0, 400_000) + "z: \"open\n"));
    cases.put("map keys that are maps and lists", utf8("? {a: 1}\n: x\n? [1, 2]\n: y\n~: z\n"));
    cases.putAll(wrongTypes());
    return cases;
  }

  /**
   * The cases layered over {@link #BASE} and run through the tool, by name, in a fixed order.
   *
   * @return a new map of each case's bytes
   */
  public static Map<String, byte[]> forTheTool() {
    Map<String, byte[]> cases = new LinkedHashMap<>();
    cases.put("alias bomb", utf8(aliasBomb("")));
    cases.put("alias bomb under an unknown key", utf8("not-a-chart-key:\n" + aliasBomb("  ")));
    cases.put("alias bomb under app-proxy config", utf8("app-proxy:\n  config:\n" + aliasBomb("    ")));
    cases.put("alias bomb in a secret slot", utf8(aliasBombInASecretSlot()));
    cases.put("merge-key bomb", utf8(mergeKeyBomb(9)));
    cases.putAll(nesting());
    cases.put("flow list nested 10,000 deep under global", utf8("global:\n  x: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n"));
    cases.put("map nested 60 deep under app-proxy config", utf8(deepMap("app-proxy:\n  config", 60)));
    cases.put("200,000 keys", utf8(manyKeys("extra", 200_000)));
    cases.put("200,000 keys under argo-cd", utf8(manyKeys("argo-cd", 200_000)));
    cases.putAll(longStrings());
    cases.put("10 MB string as the runtime name", utf8("global:\n  runtime:\n    name: " + "x".repeat(10 * 1024 * 1024) + "\n"));
    cases.put("1 MB quoted string in a secret slot", utf8("global:\n  codefresh:\n    userToken:\n      token: \""
        + "x".repeat(1024 * 1024 - 8) + "\"\n"));
    cases.put("a number of 1,000,000 digits", utf8("n: 1" + "0".repeat(1_000_000) + "\n"));
    cases.put("a number of 100,000 digits as replicas", utf8("app-proxy:\n  replicaCount: 1" + "0".repeat(100_000) + "\n"));
    cases.putAll(numbers(100_000));
    cases.put("infinities and NaN", utf8("a: .inf\nb: -.Inf\nc: .NaN\nd: 1e999999999\n"
        + "app-proxy:\n  replicaCount: .inf\n  config:\n    clusterChunkSize: .nan\n"));
    cases.put("infinity and NaN in secret slots", utf8("global:\n  codefresh:\n    userToken:\n      token: .inf\n"
        + "  runtime:\n    gitCredentials:\n      password:\n        value: .nan\n"));
    cases.put("null keys", utf8("~: a\nnull: b\nglobal:\n  ~: c\n  runtime:\n    null: d\n"));
    cases.put("complex keys", utf8("? {a: 1}\n: x\n? [1, 2]\n: y\nglobal:\n  ? [k]\n  : z\n"));
    cases.put("NUL in a quoted string", utf8("global:\n  runtime:\n    name: \"pro\\0d\"\n"));
    cases.putAll(notYaml());
    cases.put("a scalar at the top", utf8("just a string\n"));
    cases.put("a list at the top", utf8("- a\n- b\n"));
    cases.put("unclosed flow list", utf8("global:\n  runtime:\n    name: [a, b\n"));
    cases.put("unclosed quote at the end of a long file", utf8(manyKeys("extra", 20_000) + "z: \"open\n"));
    cases.put("bad indentation", utf8("global:\n  runtime:\n     name: a\n   x: b\n"));
    cases.putAll(malformed());
    cases.putAll(documentsAndAnchors(2_000));
    cases.putAll(wrongTypes());
    return cases;
  }

  private static String aliasBombInASecretSlot() {
    return "global:\n  codefresh:\n    userToken:\n      token:\n" + aliasBomb("        ");
  }

  private static Map<String, byte[]> nesting() {
    Map<String, byte[]> cases = new LinkedHashMap<>();
    cases.put("flow list nested 10,000 deep", utf8("x: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n"));
    cases.put("flow map nested 10,000 deep", utf8("x: " + "{a: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n"));
    cases.put("map nested 1,000 deep under global", utf8(deepMap("global", 1000)));
    cases.put("block list nested 1,000 deep", utf8("x:\n" + "- ".repeat(1000) + "x\n"));
    return cases;
  }

  private static Map<String, byte[]> longStrings() {
    Map<String, byte[]> cases = new LinkedHashMap<>();
    cases.put("200,000 list items on one line", utf8("x: [" + "1,".repeat(200_000) + "1]\n"));
    cases.put("10 MB one-line string", utf8("s: " + "x".repeat(10 * 1024 * 1024) + "\n"));
    cases.put("3 MB block string", utf8("s: |\n" + ("  " + "x".repeat(1000) + "\n").repeat(3000)));
    return cases;
  }

  /** A float and a hex number of so many digits. */
  private static Map<String, byte[]> numbers(int digits) {
    String count = String.format(Locale.ROOT, "%,d", digits);
    Map<String, byte[]> cases = new LinkedHashMap<>();
    cases.put("a float of " + count + " digits", utf8("n: 1." + "3".repeat(digits) + "\n"));
    cases.put("a hex number of " + count + " digits", utf8("n: 0x" + "F".repeat(digits) + "\n"));
    return cases;
  }

  /** Bytes that are not YAML text, and characters YAML does not allow. */
  private static Map<String, byte[]> notYaml() {
    Map<String, byte[]> cases = new LinkedHashMap<>();
    cases.put("NUL bytes", utf8("a: b\u0000c\n"));
    cases.put("control characters", utf8("a: \u0007\u001b[31m\n"));
    cases.put("invalid UTF-8", invalidUtf8());
    byte[] junk = new byte[64 * 1024];
    new Random(42).nextBytes(junk);
    cases.put("binary junk", junk);
    cases.put("only a byte order mark", utf8("\uFEFF"));
    cases.put("empty file", new byte[0]);
    return cases;
  }

  private static Map<String, byte[]> malformed() {
    Map<String, byte[]> cases = new LinkedHashMap<>();
    cases.put("tabs for indentation", utf8("global:\n\truntime:\n\t\tname: x\n"));
    cases.put("duplicate keys", utf8("global:\n  runtime:\n    name: a\n    name: b\n"));
    return cases;
  }

  private static Map<String, byte[]> documentsAndAnchors(int anchors) {
    Map<String, byte[]> cases = new LinkedHashMap<>();
    cases.put("several documents", utf8("a: 1\n---\nb: 2\n"));
    cases.put("10,000 documents", utf8("a: 1\n" + "---\na: 1\n".repeat(10_000)));
    cases.put("undefined alias", utf8("a: *nowhere\n"));
    cases.put("self-referencing anchor", utf8("a: &a [*a]\n"));
    cases.put(String.format(Locale.ROOT, "%,d anchors used once", anchors), utf8(anchors(anchors)));
    return cases;
  }

  private static Map<String, byte[]> wrongTypes() {
    Map<String, byte[]> cases = new LinkedHashMap<>();
    cases.put("unknown tags", utf8("a: !foo bar\nb: !!python/object:os.system x\nc: !<tag:example.com,2000:x> y\n"));
    cases.put("bad binary", utf8("a: !!binary \"not base64!\"\n"));
    cases.put("secret slots of the wrong type", utf8("global:\n  codefresh:\n    userToken: [a, {b: c}]\n"
        + "  runtime:\n    gitCredentials:\n      password:\n        value: {x: [1, 2]}\n"));
    cases.put("wrong types everywhere", utf8("global: 1\ninstaller: [1]\napp-proxy: yes\ntunnel-client: ~\nargo-cd: ''\n"));
    cases.put("windows line endings", utf8("global:\r\n  runtime:\r\n    name: prod\r\n"));
    return cases;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] invalidUtf8() {
    byte[] bytes = utf8("global:\n  runtime:\n    name: caf\u00e9\n");
    bytes[bytes.length - 3] = (byte) 0xC3;
    bytes[bytes.length - 2] = (byte) 0x28;
    return bytes;
  }

  /**
   * Nine levels of nine aliases: a kilobyte that expands to 9^9 scalars.
   *
   * @param indent what each line starts with
   * @return the YAML
   */
  public static String aliasBomb(String indent) {
    StringBuilder out = new StringBuilder(indent + "a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int level = 1; level < 9; level++) {
      out.append(indent).append("a").append(level).append(": &a").append(level).append(" [");
      for (int i = 0; i < 9; i++) {
        out.append(i == 0 ? "" : ", ").append("*a").append(level - 1);
      }
      out.append("]\n");
    }
    return out.toString();
  }

  /**
   * Flow maps of eight keys, each merging the map of the level below: {@code m0} to {@code m<levels - 1>}.
   *
   * @param levels how many maps
   * @return the YAML
   */
  public static String mergeKeyBomb(int levels) {
    StringBuilder maps = new StringBuilder("m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8}\n");
    for (int level = 1; level < levels; level++) {
      maps.append("m").append(level).append(": &m").append(level).append(" {");
      for (int i = 0; i < 8; i++) {
        maps.append(i == 0 ? "" : ", ").append("k").append(i).append(": {<<: *m").append(level - 1).append("}");
      }
      maps.append("}\n");
    }
    return maps.toString();
  }

  /**
   * Block maps nested {@code depth} deep, keys {@code k1} to {@code k<depth>}, then {@code leaf: x}.
   *
   * @param head the key path above them, as YAML lines, the last one without its colon
   * @param depth how many maps
   * @return the YAML
   */
  public static String deepMap(String head, int depth) {
    int base = head.split("\n").length;
    StringBuilder out = new StringBuilder(head).append(":\n");
    for (int i = 1; i <= depth; i++) {
      out.append("  ".repeat(base + i - 1)).append("k").append(i).append(":\n");
    }
    return out.append("  ".repeat(base + depth)).append("leaf: x\n").toString();
  }

  /**
   * A map of {@code count} keys {@code k0: v}, {@code k1: v}... under one key.
   *
   * @param under the key
   * @param count how many keys
   * @return the YAML
   */
  public static String manyKeys(String under, int count) {
    StringBuilder keys = new StringBuilder(under).append(":\n");
    for (int i = 0; i < count; i++) {
      keys.append("  k").append(i).append(": v\n");
    }
    return keys.toString();
  }

  private static String anchors(int count) {
    StringBuilder out = new StringBuilder("defs:\n");
    for (int i = 0; i < count; i++) {
      out.append("  d").append(i).append(": &d").append(i).append(" {v: ").append(i).append("}\n");
    }
    out.append("uses:\n");
    for (int i = 0; i < count; i++) {
      out.append("  - *d").append(i).append('\n');
    }
    return out.toString();
  }
}
