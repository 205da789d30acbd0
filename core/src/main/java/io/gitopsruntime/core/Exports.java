package io.gitopsruntime.core;

import io.gitopsruntime.InvalidValuesException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.internal.HelmSet;
import io.gitopsruntime.core.internal.SecretSlots;
import io.gitopsruntime.core.internal.YamlWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns an installation into the forms other tools take: a values file, a {@code helm} command, a
 * Terraform {@code helm_release}, an Argo CD {@code Application}.
 *
 * <pre>{@code
 * System.out.println(Exports.helmCommand(installation, SecretHandling.MASK));
 * Files.writeString(Path.of("runtime.tf"), Exports.terraform(installation));
 * }</pre>
 *
 * <p>Secrets, as {@code SecretSlots} decides them (the chart's credential keys, keys named like
 * secrets, credential-looking values, the user-info of URLs), are masked ({@code ****}) unless the
 * caller asks to reveal them; the Terraform export never holds one (each becomes a sensitive variable)
 * and the Argo CD export moves each into a separate Kubernetes Secret. Thread-safe; no state.
 */
public final class Exports {
  private static final List<String> PAGE_ORDER = List.of(
      "global.codefresh.accountId",
      "global.codefresh.userToken.token",
      "global.codefresh.userToken.secretKeyRef.name",
      "global.codefresh.userToken.secretKeyRef.key",
      "global.runtime.name",
      "global.runtime.ingressUrl",
      "global.runtime.ingress.enabled",
      "global.runtime.ingress.hosts[",
      "global.runtime.ingress.className",
      "tunnel-client.enabled");

  private Exports() {}

  /**
   * The values file: only what the installation sets.
   *
   * @param installation the installation
   * @param secrets whether literal secrets are written or masked
   * @return the YAML
   */
  public static String valuesYaml(RuntimeInstallation installation, SecretHandling secrets) {
    return ValuesYaml.write(installation.values(), secrets);
  }

  /**
   * The {@code helm upgrade --install} command as an argument list (not shell-quoted), in the shape of
   * Codefresh's installation page: release, {@code --create-namespace}, {@code --namespace}, one
   * {@code --set} per value, the chart, {@code --version} when pinned, {@code --wait}.
   *
   * <p>The flags give Helm exactly what the values as a file ({@code -f}) give it: numbers, empty maps
   * and empty lists go through {@code --set-json} (so the command needs Helm 3.10 or later), strings
   * Helm would read as another type through {@code --set-string}.
   *
   * @param installation the installation
   * @param secrets whether literal secrets are written or masked
   * @return the arguments, starting with {@code helm}
   * @throws InvalidValuesException for a value Helm refuses or would change (infinity, NaN, a whole
   *     number above 2^53 a float64 cannot hold, a NUL character) or a path {@code --set} cannot reach
   */
  public static List<String> helmCommandArguments(RuntimeInstallation installation, SecretHandling secrets) {
    List<String> args = new ArrayList<>(List.of("helm", "upgrade", "--install", installation.releaseName(),
        "--create-namespace", "--namespace", installation.namespace()));
    for (Map.Entry<ValuesPath, Object> leaf : orderedLeaves(installation, secrets)) {
      HelmSet.Flag flag = HelmSet.of(leaf.getKey(), leaf.getValue());
      args.add(flag.flag());
      args.add(flag.assignment());
    }
    args.add(installation.chart());
    installation.chartVersion().ifPresent(v -> {
      args.add("--version");
      args.add(v);
    });
    args.add("--wait");
    return args;
  }

  /**
   * The {@code helm upgrade --install} command, quoted for a POSIX shell, one flag per line.
   *
   * @param installation the installation
   * @param secrets whether literal secrets are written or masked
   * @return the command, ending with a newline
   * @throws InvalidValuesException as {@link #helmCommandArguments} does
   */
  public static String helmCommand(RuntimeInstallation installation, SecretHandling secrets) {
    List<String> args = helmCommandArguments(installation, secrets);
    StringBuilder out = new StringBuilder();
    out.append(String.join(" ", args.subList(0, 3))).append(' ').append(Shell.quote(args.get(3)));
    int i = 4;
    while (i < args.size()) {
      String arg = args.get(i);
      out.append(" \\\n  ");
      boolean takesValue = arg.startsWith("--set") || arg.equals("--namespace") || arg.equals("--version");
      if (takesValue && i + 1 < args.size()) {
        out.append(arg).append(' ').append(Shell.quote(args.get(i + 1)));
        i += 2;
      } else {
        out.append(Shell.quote(arg));
        i++;
      }
    }
    return out.append('\n').toString();
  }

  private static List<Map.Entry<ValuesPath, Object>> orderedLeaves(RuntimeInstallation installation, SecretHandling secrets) {
    List<Map.Entry<ValuesPath, Object>> leaves = new ArrayList<>();
    // every leaf, empty maps included: {} in a values file is a value Helm keeps ({} list items too)
    leaves.addAll(ValuesTree.of(installation.values(), secrets).leaves());
    leaves.sort(Comparator.comparingInt(leaf -> rank(leaf.getKey())));
    return leaves;
  }

  private static int rank(ValuesPath path) {
    String text = path.toString();
    for (int i = 0; i < PAGE_ORDER.size(); i++) {
      String known = PAGE_ORDER.get(i);
      if (known.endsWith("[") ? text.startsWith(known) : text.equals(known)) {
        return i;
      }
    }
    return PAGE_ORDER.size();
  }

  /**
   * A Terraform {@code helm_release} for Helm provider 3.x.
   *
   * @param installation the installation
   * @return the HCL
   * @see #terraform(RuntimeInstallation, TerraformSyntax)
   */
  public static String terraform(RuntimeInstallation installation) {
    return terraform(installation, TerraformSyntax.HELM_PROVIDER_3);
  }

  /**
   * A Terraform {@code helm_release}: {@code set} for plain values and {@code set_sensitive} bound to a
   * sensitive variable for every literal secret, which never appears in the HCL.
   *
   * <p>The provider runs Helm's {@code --set} parser on each {@code set}, so values are escaped and typed
   * as for {@code --set}; what {@code set} cannot express as a values file does (numbers, which a values
   * file gives Helm as float64s, empty maps and empty lists) goes in a {@code values} document, which the
   * {@code set} entries are applied over.
   *
   * @param installation the installation
   * @param syntax which Helm provider syntax to write
   * @return the HCL: the variables, then the resource
   * @throws InvalidValuesException for a value Helm refuses or would change, as {@link #helmCommandArguments} says
   */
  public static String terraform(RuntimeInstallation installation, TerraformSyntax syntax) {
    Map<ValuesPath, String> secretLiterals = literalSecrets(installation);
    Set<ValuesPath> secretPaths = secretLiterals.keySet();
    Set<String> variableNames = new java.util.HashSet<>();
    List<String[]> plain = new ArrayList<>();
    List<String[]> sensitive = new ArrayList<>();
    Map<String, Object> inValues = new LinkedHashMap<>();
    StringBuilder variables = new StringBuilder();
    for (Map.Entry<ValuesPath, Object> leaf : orderedLeaves(installation, SecretHandling.MASK)) {
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
        put(inValues, path, value);
        continue;
      }
      // the provider runs Helm's --set parser on name=value, so the value is escaped as for --set
      String text = flag.assignment().substring(path.toString().length() + 1);
      boolean forceString = flag.flag().equals("--set-string");
      plain.add(new String[] {hcl(path.toString()), hcl(text), forceString ? "\"string\"" : null});
    }
    String[] chart = splitChart(installation.chart());
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

  private static String[] splitChart(String chart) {
    if (chart.startsWith("oci://") || chart.startsWith("https://") || chart.startsWith("http://")) {
      int slash = chart.lastIndexOf('/');
      if (slash > chart.indexOf("//") + 2) {
        return new String[] {chart.substring(0, slash), chart.substring(slash + 1)};
      }
    }
    return new String[] {null, chart};
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

  /**
   * An Argo CD {@code Application} that installs the chart into this cluster (Codefresh's "Configure as
   * Argo CD Application" step), with the values in {@code helm.valuesObject}.
   *
   * <p>An Application lives in Git and in Argo CD's UI, so it never holds a secret: each literal secret
   * becomes a {@code secretKeyRef} to a Secret named {@code <release>-secrets}, which the export emits as
   * a separate manifest (masked unless revealed) with a comment saying so. For an {@code oci://} chart it
   * also emits the repository Secret Argo CD needs ({@code enableOCI: "true"}).
   *
   * @param installation the installation
   * @param secrets whether the separate Secret manifest carries the literals or {@code ****}
   * @return the manifests as one multi-document YAML
   * @throws InvalidValuesException if the chart is a local directory or archive, which Argo CD cannot fetch
   */
  public static String argoCdApplication(RuntimeInstallation installation, SecretHandling secrets) {
    String chartRef = installation.chart();
    String[] chart = splitChart(chartRef);
    if (chart[0] == null) {
      throw new InvalidValuesException("chart", "chart: \"" + chartRef + "\" is not an oci:// or https:// chart reference, which Argo CD needs to fetch a chart."
          + " Publish it to a chart repository or OCI registry, or use " + RuntimeInstallation.DEFAULT_CHART + ".");
    }
    boolean oci = chart[0].startsWith("oci://");
    String repoUrl = oci ? chart[0].substring("oci://".length()) : chart[0];
    String secretName = installation.releaseName() + "-secrets";

    Map<ValuesPath, String> moved = literalSecrets(installation);
    Map<String, Object> values = deepCopy(ValuesTree.of(installation.values(), SecretHandling.MASK).data());
    Map<String, Object> secretData = new LinkedHashMap<>();
    List<ValuesPath> withoutReference = new ArrayList<>();
    for (Map.Entry<ValuesPath, String> entry : moved.entrySet()) {
      ValuesPath path = entry.getKey();
      Optional<SecretSlots.Slot> found = SecretSlots.of(path);
      String value = secrets == SecretHandling.REVEAL ? entry.getValue() : ValuesYaml.MASK;
      if (found.isEmpty()) {
        // the chart takes no reference here: leave the value out of the Application, keep it in the Secret
        remove(values, path);
        withoutReference.add(path);
        secretData.put(path.toString().replaceAll("[^-._a-zA-Z0-9]", "_"), value);
        continue;
      }
      SecretSlots.Slot slot = found.get();
      remove(values, slot.literal());
      if (slot.name().equals("codefresh-ca-bundle")) {
        remove(values, slot.literal().parent().key("create"));
      }
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("name", secretName);
      ref.put("key", slot.name());
      put(values, slot.reference(), ref);
      secretData.put(slot.name(), value);
    }

    StringBuilder out = new StringBuilder();
    out.append("# Argo CD Application for the GitOps Runtime release \"").append(installation.releaseName())
        .append("\" in namespace \"").append(installation.namespace()).append("\".\n");
    if (!moved.isEmpty()) {
      out.append("# NOTE: the values held ").append(moved.size() == 1 ? "a literal secret" : moved.size() + " literal secrets")
          .append(" (").append(moved.keySet().stream().map(ValuesPath::toString).collect(Collectors.joining(", ")))
          .append(").\n")
          .append("# An Application is stored in Git and shown in Argo CD, so ")
          .append(moved.size() == 1 ? "it was" : "they were")
          .append(" moved to the Secret \"").append(secretName).append("\" below and the values\n")
          .append("# reference it with secretKeyRef. Create that Secret in the cluster before the first sync and keep it\n")
          .append("# out of Git (use Sealed Secrets or External Secrets).")
          .append(secrets == SecretHandling.REVEAL ? "\n" : " Its values are masked here; export with secrets revealed\n# to get them, or fill them in yourself.\n");
      if (!withoutReference.isEmpty()) {
        out.append("# The chart takes no secretKeyRef for ")
            .append(withoutReference.stream().map(ValuesPath::toString).collect(Collectors.joining(", ")))
            .append(": the Application leaves\n# ").append(withoutReference.size() == 1 ? "it" : "them")
            .append(" out, so the chart's defaults apply until you supply ")
            .append(withoutReference.size() == 1 ? "it" : "them")
            .append(" from outside Git (for example a values file in a\n# private repository, or a secrets plugin).\n");
      }
      Map<String, Object> secret = new LinkedHashMap<>();
      secret.put("apiVersion", "v1");
      secret.put("kind", "Secret");
      Map<String, Object> secretMetadata = new LinkedHashMap<>();
      secretMetadata.put("name", secretName);
      secretMetadata.put("namespace", installation.namespace());
      secret.put("metadata", secretMetadata);
      secret.put("type", "Opaque");
      secret.put("stringData", secretData);
      out.append(YamlWriter.write(secret)).append("---\n");
    }
    if (oci) {
      out.append("# Argo CD fetches Helm charts from OCI registries through a repository with enableOCI.\n");
      Map<String, Object> repo = new LinkedHashMap<>();
      repo.put("apiVersion", "v1");
      repo.put("kind", "Secret");
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("name", "codefresh-charts-oci");
      metadata.put("namespace", installation.namespace());
      metadata.put("labels", Map.of("argocd.argoproj.io/secret-type", "repository"));
      repo.put("metadata", metadata);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("name", "codefresh-charts");
      data.put("type", "helm");
      data.put("url", repoUrl);
      data.put("enableOCI", "true");
      repo.put("stringData", data);
      out.append(YamlWriter.write(repo)).append("---\n");
    }
    Map<String, Object> helm = new LinkedHashMap<>();
    helm.put("releaseName", installation.releaseName());
    if (!values.isEmpty()) {
      helm.put("valuesObject", values);
    }
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("repoURL", repoUrl);
    source.put("chart", chart[1]);
    source.put("targetRevision", installation.chartVersion().orElse("*"));
    source.put("helm", helm);
    Map<String, Object> destination = new LinkedHashMap<>();
    destination.put("server", "https://kubernetes.default.svc");
    destination.put("namespace", installation.namespace());
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("project", "default");
    spec.put("source", source);
    spec.put("destination", destination);
    spec.put("syncPolicy", Map.of("syncOptions", List.of("CreateNamespace=true")));
    Map<String, Object> application = new LinkedHashMap<>();
    application.put("apiVersion", "argoproj.io/v1alpha1");
    application.put("kind", "Application");
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", installation.releaseName());
    metadata.put("namespace", installation.namespace());
    application.put("metadata", metadata);
    application.put("spec", spec);
    if (installation.chartVersion().isEmpty()) {
      out.append("# targetRevision \"*\" follows the newest chart; pin a version for repeatable installs.\n");
    }
    return out.append(YamlWriter.write(application)).toString();
  }

  /** Every literal secret of the installation by the leaf that holds it, as {@link SecretSlots} decides. */
  private static Map<ValuesPath, String> literalSecrets(RuntimeInstallation installation) {
    return SecretSlots.literals(ValuesTree.of(installation.values(), SecretHandling.REVEAL).data());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, deepCopyValue(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object deepCopyValue(Object value) {
    if (value instanceof Map) {
      return deepCopy((Map<String, Object>) value);
    }
    if (value instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object item : (List<Object>) value) {
        out.add(deepCopyValue(item));
      }
      return out;
    }
    return value;
  }

  /** Removes the key that holds a path's value; for a list item, the key that holds the list. */
  @SuppressWarnings("unchecked")
  private static void remove(Map<String, Object> root, ValuesPath path) {
    List<ValuesPath.Segment> segments = path.segments();
    int last = segments.size() - 1;
    while (last >= 0 && !(segments.get(last) instanceof ValuesPath.Key)) {
      last--;
    }
    if (last < 0) {
      return;
    }
    Object current = root;
    for (int i = 0; i < last; i++) {
      ValuesPath.Segment segment = segments.get(i);
      if (segment instanceof ValuesPath.Key && current instanceof Map) {
        current = ((Map<String, Object>) current).get(((ValuesPath.Key) segment).name());
      } else if (segment instanceof ValuesPath.Index && current instanceof List
          && ((ValuesPath.Index) segment).index() < ((List<Object>) current).size()) {
        current = ((List<Object>) current).get(((ValuesPath.Index) segment).index());
      } else {
        return;
      }
    }
    if (current instanceof Map) {
      ((Map<String, Object>) current).remove(((ValuesPath.Key) segments.get(last)).name());
    }
  }

  /**
   * Puts a value at a path, creating maps for keys and lists for indexes on the way; list entries before
   * an index are empty maps, which Helm's --set parser fills in.
   */
  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, ValuesPath path, Object value) {
    List<ValuesPath.Segment> segments = path.segments();
    Object current = root;
    for (int i = 0; i < segments.size(); i++) {
      ValuesPath.Segment segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      Object child = last ? value : null;
      if (segment instanceof ValuesPath.Key) {
        Map<String, Object> map = (Map<String, Object>) current;
        String key = ((ValuesPath.Key) segment).name();
        if (!last) {
          child = containerFor(segments.get(i + 1), map.get(key));
        }
        map.put(key, child);
      } else {
        List<Object> list = (List<Object>) current;
        int index = ((ValuesPath.Index) segment).index();
        while (list.size() <= index) {
          list.add(new LinkedHashMap<String, Object>());
        }
        if (!last) {
          child = containerFor(segments.get(i + 1), list.get(index));
        }
        list.set(index, child);
      }
      current = child;
    }
  }

  private static Object containerFor(ValuesPath.Segment next, Object existing) {
    if (next instanceof ValuesPath.Key) {
      return existing instanceof Map ? existing : new LinkedHashMap<String, Object>();
    }
    return existing instanceof List ? existing : new ArrayList<Object>();
  }
}
