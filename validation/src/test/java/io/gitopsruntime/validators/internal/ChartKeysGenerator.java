package io.gitopsruntime.validators.internal;

import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.core.internal.YamlReader;
import io.gitopsruntime.values.ExplicitNull;
import io.gitopsruntime.validators.internal.ChartKeys.Type;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Derives {@code chart-keys.tsv} from the chart's {@code values.yaml}: one row per key, in the file's order,
 * with the type of the default, the default as JSON and whether the key holds a secret.
 *
 * <pre>
 * mvn -B -q -pl validation -am test-compile
 * java -cp ... io.gitopsruntime.validators.internal.ChartKeysGenerator path/to/chart/values.yaml \
 *     validation/src/main/resources/io/gitopsruntime/validators/internal/chart-keys.tsv
 * </pre>
 *
 * <p>What is not read off the file, and why:
 * <ul>
 *   <li>maps whose keys are free: env blocks (the {@code chart.env} rule checks them), the ConfigMap data of
 *       {@code argo-cd.configs.cm} and {@code argo-cd.configs.params}, and the YAML anchor holder
 *       {@code anchors}: their own keys get no rows, so any key is accepted inside;</li>
 *   <li>the secret slots, which the file cannot show: {@link #SECRETS}.</li>
 * </ul>
 */
public final class ChartKeysGenerator {
  /** Maps whose keys are free (besides every map named {@code env}). */
  static final Set<String> OPEN_MAPS = Set.of("argo-cd.configs.cm", "argo-cd.configs.params", "anchors");

  /** The keys that hold a secret in plain text. */
  static final Set<String> SECRETS = Set.of(
      "global.codefresh.userToken.token",
      "global.runtime.gitCredentials.password.value",
      "global.integrations.argo-cd.server.auth.password",
      "global.integrations.argo-cd.server.auth.token");

  private ChartKeysGenerator() {}

  /**
   * Writes the table for a chart's values file.
   *
   * @param args the chart's {@code values.yaml}, then the TSV to write
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ChartKeysGenerator <chart values.yaml> <chart-keys.tsv to write>");
      System.exit(2);
    }
    String table = generate(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
    Files.writeString(Path.of(args[1]), table, StandardCharsets.UTF_8);
  }

  /**
   * The table for a chart's values file.
   *
   * @param valuesYaml the text of the chart's {@code values.yaml}
   * @return the TSV text
   */
  public static String generate(String valuesYaml) {
    Map<String, Object> root = YamlReader.read("values.yaml", valuesYaml).root();
    StringBuilder out = new StringBuilder();
    out.append("# The keys of the gitops-runtime chart and of the subchart sections it sets, derived from the chart's\n")
        .append("# values.yaml by ChartKeysGenerator (test sources); ChartKeysTest keeps it in step. Do not edit.\n")
        .append("# path (--set syntax)\ttype of the default\tdefault (JSON; {…}: keys on the rows below)\tsecret\n");
    walk(root, ValuesPath.root(), out);
    return out.toString();
  }

  private static void walk(Map<?, ?> map, ValuesPath at, StringBuilder out) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String name = String.valueOf(e.getKey());
      ValuesPath path = at.key(name);
      Object value = e.getValue();
      Type type = Type.of(value);
      boolean open = name.equals("env") || OPEN_MAPS.contains(path.toString());
      boolean describe = type == Type.MAP && !((Map<?, ?>) value).isEmpty() && !open;
      String shown = describe ? "{…}" : json(value);
      out.append(path).append('\t').append(type.tableName()).append('\t').append(shown).append('\t')
          .append(SECRETS.contains(path.toString()) ? "yes" : "no").append('\n');
      if (describe) {
        walk((Map<?, ?>) value, path, out);
      }
    }
  }

  static String json(Object value) {
    StringBuilder out = new StringBuilder();
    json(value, out);
    return out.toString();
  }

  private static void json(Object value, StringBuilder out) {
    if (value == null || value instanceof ExplicitNull) {
      out.append("null");
    } else if (value instanceof String) {
      string((String) value, out);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        out.append(first ? "" : ",");
        first = false;
        string(String.valueOf(e.getKey()), out);
        out.append(':');
        json(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof List) {
      out.append('[');
      boolean first = true;
      for (Object item : (List<?>) value) {
        out.append(first ? "" : ",");
        first = false;
        json(item, out);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("not plain data: " + value.getClass().getName());
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Finds the chart's values file of the reference material, when this checkout has it beside it: the
   * system property {@code gitops-runtime.chart-values}, else {@code shared/reference/chart/values.yaml} in
   * the working directory or one of its parents.
   *
   * @return the file, or empty
   */
  public static Optional<Path> referenceValues() {
    String property = System.getProperty("gitops-runtime.chart-values");
    if (property != null && !property.isBlank()) {
      Path p = Path.of(property);
      return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/reference/chart/values.yaml");
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
