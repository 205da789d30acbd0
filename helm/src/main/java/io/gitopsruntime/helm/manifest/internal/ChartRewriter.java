package io.gitopsruntime.helm.manifest.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a fetched chart so that helm-java's {@code template} (which returns only the release manifest)
 * renders what {@code helm install} would install, hooks included, for the target cluster:
 *
 * <ul>
 *   <li><b>Hooks.</b> Every {@code helm.sh/hook} (and so {@code helm.sh/hook-weight},
 *       {@code -delete-policy}, {@code -output-log-policy}) in the chart's files is renamed to
 *       {@value #MARKER}, so Helm keeps those objects in the manifest; {@link Renderer} reads the marker
 *       back and restores the original keys. The marker occurs nowhere else, so the mapping is exact.
 *   <li><b>API versions.</b> helm-java passes the cluster's Kubernetes version to Helm but has no
 *       {@code --api-versions}; so {@code <root>.Capabilities.APIVersions.Has <arg>} in templates is rewritten
 *       to {@code has <arg> <the cluster's version set>}, the set coming from a named template this class
 *       adds. Other uses of {@code .Capabilities.APIVersions} (rare) keep Helm's built-in default set.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class ChartRewriter {
  private static final Logger log = LoggerFactory.getLogger(ChartRewriter.class);

  /** Helm's hook annotation prefix. */
  public static final String HOOK = "helm.sh/hook";
  /** What {@link #HOOK} becomes while rendering. */
  public static final String MARKER = "render.gitopsruntime.io/hook";
  /** The named template holding the cluster's API versions, one per line. */
  static final String API_VERSIONS_TEMPLATE = "gitops-runtime-sdk.capabilities.api-versions";
  private static final String CAPABILITY = ".Capabilities.APIVersions.Has";
  private static final String TEMPLATE_FILE = "_gitops-runtime-sdk-capabilities.tpl";
  private static final long MAX_FILE = 8L * 1024 * 1024;

  private ChartRewriter() {}

  /**
   * Prepares a chart directory in place.
   *
   * @param chart the chart directory (subcharts unpacked)
   * @param apiVersions the cluster's API version set
   * @throws IOException if a file cannot be read or written
   */
  public static void prepare(Path chart, List<String> apiVersions) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(chart)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      if (Files.size(file) > MAX_FILE) {
        continue;
      }
      String text = decode(Files.readAllBytes(file));
      if (text == null) {
        continue;
      }
      String changed = text.replace(HOOK, MARKER);
      if (inTemplates(chart, file)) {
        changed = rewriteCapabilities(changed);
      }
      if (!changed.equals(text)) {
        Files.writeString(file, changed, StandardCharsets.UTF_8);
      }
    }
    Files.createDirectories(chart.resolve("templates"));
    Files.writeString(chart.resolve("templates").resolve(TEMPLATE_FILE), apiVersionsTemplate(apiVersions),
        StandardCharsets.UTF_8);
  }

  static String apiVersionsTemplate(List<String> apiVersions) {
    StringBuilder sb = new StringBuilder("{{- /* Added by the gitops-runtime SDK: the target cluster's API versions. */ -}}\n")
        .append("{{- define \"").append(API_VERSIONS_TEMPLATE).append("\" -}}\n");
    for (String v : apiVersions) {
      if (v.matches("[A-Za-z0-9./_-]+")) {
        sb.append(v).append('\n');
      }
    }
    return sb.append("{{- end -}}\n").toString();
  }

  private static boolean inTemplates(Path chart, Path file) {
    Path relative = chart.relativize(file);
    for (Path part : relative) {
      if (part.toString().equals("templates")) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".tpl") || name.endsWith(".txt");
      }
    }
    return false;
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * Rewrites {@code <receiver>.Capabilities.APIVersions.Has <arg>} into a lookup in the cluster's
   * version set; an argument it cannot delimit is left alone.
   *
   * @param template a template's text
   * @return the rewritten text
   */
  static String rewriteCapabilities(String template) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    while (true) {
      int at = template.indexOf(CAPABILITY, from);
      if (at < 0) {
        out.append(template, from, template.length());
        return out.toString();
      }
      int receiverStart = at;
      while (receiverStart > from && isReceiverChar(template.charAt(receiverStart - 1))) {
        receiverStart--;
      }
      int argStart = at + CAPABILITY.length();
      int argEnd = -1;
      if (argStart < template.length() && (template.charAt(argStart) == ' ' || template.charAt(argStart) == '\t')) {
        int s = argStart;
        while (s < template.length() && (template.charAt(s) == ' ' || template.charAt(s) == '\t')) {
          s++;
        }
        argEnd = argumentEnd(template, s);
        argStart = s;
      }
      if (argEnd < 0) {
        log.debug("left a .Capabilities.APIVersions.Has call it could not delimit as it is");
        out.append(template, from, at + CAPABILITY.length());
        from = at + CAPABILITY.length();
        continue;
      }
      out.append(template, from, receiverStart)
          .append("has ").append(template, argStart, argEnd)
          .append(" (include \"").append(API_VERSIONS_TEMPLATE).append("\" $ | splitList \"\\n\")");
      from = argEnd;
    }
  }

  private static boolean isReceiverChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.';
  }

  /** The end of one template argument starting at {@code s}: a string, a parenthesised pipeline or a name. */
  private static int argumentEnd(String t, int s) {
    if (s >= t.length()) {
      return -1;
    }
    char c = t.charAt(s);
    if (c == '"') {
      for (int i = s + 1; i < t.length(); i++) {
        if (t.charAt(i) == '\\') {
          i++;
        } else if (t.charAt(i) == '"') {
          return i + 1;
        } else if (t.charAt(i) == '\n') {
          return -1;
        }
      }
      return -1;
    }
    if (c == '`') {
      int end = t.indexOf('`', s + 1);
      return end < 0 ? -1 : end + 1;
    }
    if (c == '(') {
      int depth = 0;
      for (int i = s; i < t.length(); i++) {
        char x = t.charAt(i);
        if (x == '"') {
          int end = argumentEnd(t, i);
          if (end < 0) {
            return -1;
          }
          i = end - 1;
        } else if (x == '(') {
          depth++;
        } else if (x == ')') {
          depth--;
          if (depth == 0) {
            return i + 1;
          }
        } else if (x == '}' && i + 1 < t.length() && t.charAt(i + 1) == '}') {
          return -1;
        }
      }
      return -1;
    }
    if (c == '$' || c == '.' || Character.isLetter(c)) {
      int i = s;
      while (i < t.length() && isReceiverChar(t.charAt(i))) {
        i++;
      }
      return i == s ? -1 : i;
    }
    return -1;
  }
}
