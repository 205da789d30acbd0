package io.gitopsruntime.core.internal;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.Exports;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.TerraformSyntax;
import io.gitopsruntime.core.ValuesPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Terraform {@code helm_release} export behind {@link Exports}. Thread-safe; no state. */
public final class TerraformExport {
  private TerraformExport() {}

  /**
   * The variables and the resource, as {@link Exports#terraform(RuntimeInstallation, TerraformSyntax)} describes them.
   *
   * @param installation the installation
   * @param syntax which Helm provider syntax to write
   * @return the HCL: the variables, then the resource
   */
  public static String release(RuntimeInstallation installation, TerraformSyntax syntax) {
    Map<ValuesPath, String> secretLiterals = ExportParts.literalSecrets(installation);
    Set<ValuesPath> secretPaths = secretLiterals.keySet();
    Set<String> variableNames = new java.util.HashSet<>();
    List<String[]> plain = new ArrayList<>();
    List<String[]> sensitive = new ArrayList<>();
    Map<String, Object> inValues = new LinkedHashMap<>();
    StringBuilder variables = new StringBuilder();
    for (Map.Entry<ValuesPath, Object> leaf : ExportParts.orderedLeaves(installation, SecretHandling.MASK)) {
      ValuesPath path = leaf.getKey();
      if (secretPaths.contains(path)) {
        HelmSet.checkPath(path);
        Optional<SecretSlots.Slot> slot = SecretSlots.of(path);
        String variable = unique(variableNames, slot.map(s -> s.name().replace('-', '_')).orElseGet(() -> terraformVariable(path)));
        String description = slot.map(SecretSlots.Slot::description)
            .orElse(SecretSlots.isSecret(path, secretLiterals.get(path)) ? "secret" : "URL with credentials");
        variables.append("variable \"").append(variable).append("\" {\n")
            .append("  description = ").append(hcl(description + " (" + path + ")")).append('\n')
            .append("  type        = string\n")
            .append("  sensitive   = true\n")
            .append("}\n\n");
        // Helm's --set parser reads the value: escape what it would split or unescape, and keep it a string
        sensitive.add(new String[] {hcl(path.toString()),
            "replace(replace(var." + variable + ", \"\\\\\", \"\\\\\\\\\"), \",\", \"\\\\,\")", "\"string\""});
        continue;
      }
      Object value = leaf.getValue();
      HelmSet.Flag flag = HelmSet.of(path, value);
      if (flag.flag().equals("--set-json")) {
        // the provider's set has no JSON type: empty lists and numbers --set cannot type go in values
        MutableValues.put(inValues, path, value);
        continue;
      }
      // the provider runs Helm's --set parser on name=value, so the value is escaped as for --set
      String text = flag.assignment().substring(path.toString().length() + 1);
      boolean forceString = flag.flag().equals("--set-string");
      plain.add(new String[] {hcl(path.toString()), hcl(text), forceString ? "\"string\"" : null});
    }
    String[] chart = ExportParts.splitChart(installation.chart());
    StringBuilder out = new StringBuilder(variables);
    out.append("resource \"helm_release\" \"").append(terraformName(installation.releaseName())).append("\" {\n");
    List<String[]> attributes = new ArrayList<>();
    attributes.add(new String[] {"name", hcl(installation.releaseName())});
    if (chart[0] != null) {
      attributes.add(new String[] {"repository", hcl(chart[0])});
    }
    attributes.add(new String[] {"chart", hcl(chart[1])});
    attributes.add(new String[] {"namespace", hcl(installation.namespace())});
    installation.chartVersion().ifPresent(v -> attributes.add(new String[] {"version", hcl(v)}));
    attributes.add(new String[] {"create_namespace", "true"});
    int width = attributes.stream().mapToInt(a -> a[0].length()).max().orElse(0);
    for (String[] attribute : attributes) {
      out.append("  ").append(pad(attribute[0], width)).append(" = ").append(attribute[1]).append('\n');
    }
    if (!inValues.isEmpty()) {
      appendValues(out, YamlWriter.write(inValues));
    }
    appendSets(out, "set", plain, syntax);
    appendSets(out, "set_sensitive", sensitive, syntax);
    return out.append("}\n").toString();
  }

  /** A {@code values} heredoc; set entries are applied after it, so each key is in exactly one place. */
  private static void appendValues(StringBuilder out, String yaml) {
    String marker = "EOT";
    while (yaml.lines().anyMatch(marker::equals)) {
      marker = marker + "_";
    }
    out.append("\n  values = [\n    <<-").append(marker).append('\n');
    for (String line : yaml.split("\n", -1)) {
      if (!line.isEmpty()) {
        out.append("    ").append(line.replace("${", "$${").replace("%{", "%%{"));
      }
      out.append('\n');
    }
    out.setLength(out.length() - 1);
    out.append("    ").append(marker).append("\n  ]\n");
  }

  /** A Terraform variable name for a secret without a friendly name: its path as an identifier. */
  private static String terraformVariable(ValuesPath path) {
    String name = path.toString().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
    return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "secret_" + name : name;
  }

  private static String unique(Set<String> taken, String name) {
    String candidate = name;
    for (int i = 2; !taken.add(candidate); i++) {
      candidate = name + "_" + i;
    }
    return candidate;
  }

  /** A Terraform identifier: letters, digits, '_' and '-', not starting with a digit. */
  private static String terraformName(String release) {
    String name = release.replaceAll("[^A-Za-z0-9_]", "_");
    return Character.isDigit(name.charAt(0)) ? "release_" + name : name;
  }

  private static void appendSets(StringBuilder out, String attribute, List<String[]> sets, TerraformSyntax syntax) {
    if (sets.isEmpty()) {
      return;
    }
    if (syntax == TerraformSyntax.HELM_PROVIDER_2) {
      for (String[] set : sets) {
        out.append("\n  ").append(attribute).append(" {\n");
        appendSetBody(out, set, "    ");
        out.append("  }\n");
      }
      return;
    }
    out.append("\n  ").append(attribute).append(" = [\n");
    for (String[] set : sets) {
      out.append("    {\n");
      appendSetBody(out, set, "      ");
      out.append("    },\n");
    }
    out.append("  ]\n");
  }

  private static void appendSetBody(StringBuilder out, String[] set, String indent) {
    out.append(indent).append("name  = ").append(set[0]).append('\n');
    out.append(indent).append("value = ").append(set[1]).append('\n');
    if (set[2] != null) {
      out.append(indent).append("type  = ").append(set[2]).append('\n');
    }
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }

  private static String hcl(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\': out.append("\\\\"); break;
        case '"': out.append("\\\""); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        case '$':
        case '%':
          out.append(c);
          if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
            out.append(c);
          }
          break;
        default: out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
