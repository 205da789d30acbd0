package io.gitopsruntime.helm.manifest.internal;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a chart with the embedded Helm engine (helm-java), with {@code helm template} semantics and the
 * target cluster's capabilities, into the documents Helm would install: the release's objects in Helm's
 * kind order, the hooks (see {@link ChartRewriter}), and the CustomResourceDefinitions of the {@code crds/}
 * directories of the chart and of every subchart Helm enables (which Helm installs before anything else).
 * Helm itself decides which subcharts are enabled (their {@code condition}, {@code tags}, aliases, nesting):
 * before rendering, every subchart with a {@code crds/} directory gets a template that renders a marker
 * document ({@code probe.gitopsruntime.io/v1 EnabledChart}); a subchart Helm disables renders no template, so no
 * marker, and its {@code crds/} are left out. The markers are removed from the result. Values reach Helm in a {@code 0600}
 * file of the caller's scratch directory. Thread-safe: renders are serialised, as helm-java's thread
 * safety is not documented.
 */
public final class Renderer {
  private static final Logger log = LoggerFactory.getLogger(Renderer.class);
  private static final Object HELM = new Object();
  private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: (.+)$");
  private static final Pattern SEPARATOR = Pattern.compile("(?m)^---[ \\t]*$");
  /** The apiVersion of the marker documents that say which subcharts Helm enabled. */
  static final String PROBE_API = "probe.gitopsruntime.io/v1";
  /** The kind of the marker documents. */
  static final String PROBE_KIND = "EnabledChart";
  private static final String PROBE_FILE = "gitops-runtime-sdk-enabled-chart.yaml";

  /** One rendered document: the object and the template it came from. */
  public record Document(Map<String, Object> body, String source, boolean crdsDirectory) {}

  /** A render: the documents in install order, and the chart's name and version. */
  public record Rendered(List<Document> documents, String chartName, String chartVersion) {}

  private Renderer() {}

  /**
   * Fetches, prepares and renders a chart.
   *
   * @param fetcher fetches the chart
   * @param chart the chart reference
   * @param version the chart version, or empty
   * @param release the release name
   * @param namespace the release namespace
   * @param cluster what the target cluster serves
   * @param valuesYaml the values, secrets included
   * @param work the scratch directory
   * @param redact masks secrets in Helm's messages
   * @return the rendered documents
   * @throws ChartException if the chart cannot be fetched or rendered
   */
  public static Rendered render(ChartFetcher fetcher, String chart, Optional<String> version, String release,
      String namespace, Cluster cluster, String valuesYaml, WorkDir work, UnaryOperator<String> redact) {
    Path fetchedInto;
    try {
      fetchedInto = Files.createDirectories(work.path().resolve("chart"));
    } catch (IOException e) {
      throw new ChartException("Could not prepare a scratch directory for the chart: " + e.getMessage(), e);
    }
    ChartFetcher.Fetched fetched = fetcher.fetch(chart, version, fetchedInto);
    try {
      ChartRewriter.prepare(fetched.dir(), cluster.helmApiVersions());
      addProbes(fetched.dir());
    } catch (IOException e) {
      throw new ChartException("Could not prepare the chart " + chart + " for rendering: " + e.getMessage(), e);
    }
    Path values = work.writePrivate("values.yaml", valuesYaml.replace(ChartRewriter.HOOK, ChartRewriter.MARKER));
    String manifest;
    long start = System.nanoTime();
    try {
      synchronized (HELM) {
        manifest = new Helm(fetched.dir()).template().withName(release).withNamespace(namespace)
            .withKubeVersion(cluster.renderVersion()).withValuesFile(values).call();
      }
    } catch (RuntimeException e) {
      String message = redact.apply(String.valueOf(e.getMessage()).replace(ChartRewriter.MARKER, ChartRewriter.HOOK)
          .replace(work.path().toString(), "").trim());
      throw new ChartException(Messages.renderFailed(chart, message), new RenderFailure(message));
    } finally {
      try {
        Files.deleteIfExists(values);
      } catch (IOException e) {
        log.debug("could not delete the values file at once; it goes with the scratch directory");
      }
    }
    log.debug("rendered {} {} in {} ms", fetched.name(), fetched.version(), (System.nanoTime() - start) / 1_000_000);
    Set<String> enabled = new HashSet<>();
    List<Document> rendered = withoutProbes(parse(manifest, false, "the rendered manifest"), enabled);
    List<Document> documents = new ArrayList<>(crds(fetched.dir(), enabled));
    documents.addAll(rendered);
    return new Rendered(documents, fetched.name(), fetched.version());
  }

  /**
   * The CustomResourceDefinitions Helm installs from the {@code crds/} directories of a chart and of the subcharts
   * it enables with these values, without the rest of the render: what {@code helm template --include-crds} adds
   * to the release's manifest. For the embedded installer's plan, whose render (helm-java's {@code template})
   * leaves them out.
   *
   * @param fetcher fetches the chart
   * @param chart the chart reference
   * @param version the chart version, or empty
   * @param release the release name
   * @param namespace the release namespace
   * @param kubeVersion the cluster's Kubernetes version, or null for Helm's default
   * @param values the values file
   * @return the CRDs, parents first
   * @throws ChartException if the chart cannot be fetched or read
   * @throws IllegalStateException as helm-java throws it when Helm cannot render the chart
   */
  public static List<Map<String, Object>> crdsDirectories(ChartFetcher fetcher, String chart, Optional<String> version,
      String release, String namespace, @Nullable String kubeVersion, Path values) {
    try (WorkDir work = WorkDir.create()) {
      ChartFetcher.Fetched fetched;
      try {
        fetched = fetcher.fetch(chart, version, Files.createDirectories(work.path().resolve("chart")));
        addProbes(fetched.dir());
      } catch (IOException e) {
        throw new ChartException("Could not prepare the chart " + chart + ": " + e.getMessage(), e);
      }
      String manifest;
      synchronized (HELM) {
        TemplateCommand template = new Helm(fetched.dir()).template().withName(release).withNamespace(namespace)
            .withValuesFile(values);
        if (kubeVersion != null) {
          template.withKubeVersion(kubeVersion);
        }
        manifest = template.call();
      }
      Set<String> enabled = new HashSet<>();
      withoutProbes(parse(manifest, false, "the rendered manifest"), enabled);
      return crds(fetched.dir(), enabled).stream().map(Document::body).toList();
    }
  }

  /** The documents without the markers; the subcharts they name are added to {@code enabled}. */
  private static List<Document> withoutProbes(List<Document> documents, Set<String> enabled) {
    List<Document> rest = new ArrayList<>();
    for (Document d : documents) {
      if (PROBE_API.equals(d.body().get("apiVersion")) && PROBE_KIND.equals(d.body().get("kind"))) {
        enabled.add(String.valueOf(Json.string(d.body(), "metadata", "name")));
      } else {
        rest.add(d);
      }
    }
    return rest;
  }

  /**
   * Adds the marker template to every subchart (at any depth) that has a {@code crds/} directory.
   *
   * @param chart the chart directory, subcharts unpacked
   * @throws IOException if a template cannot be written
   */
  static void addProbes(Path chart) throws IOException {
    for (Path sub : subcharts(chart)) {
      if (Files.isDirectory(sub.resolve("crds"))) {
        Path templates = Files.createDirectories(sub.resolve("templates"));
        Files.writeString(templates.resolve(PROBE_FILE), "# Added by the gitops-runtime SDK: rendered only when Helm "
            + "enables this subchart.\napiVersion: " + PROBE_API + "\nkind: " + PROBE_KIND + "\nmetadata:\n  name: "
            + Json.write(probeName(chart, sub)) + "\n", StandardCharsets.UTF_8);
      }
    }
  }

  private static String probeName(Path chart, Path sub) {
    return chart.relativize(sub).toString().replace('\\', '/').replace("{{", "{ {");
  }

  /** The unpacked subcharts under {@code charts/}, at any depth, parents first. */
  private static List<Path> subcharts(Path chart) throws IOException {
    List<Path> found = new ArrayList<>();
    Path charts = chart.resolve("charts");
    if (Files.isDirectory(charts)) {
      try (Stream<Path> s = Files.list(charts)) {
        for (Path sub : s.filter(Files::isDirectory).sorted().toList()) {
          found.add(sub);
          found.addAll(subcharts(sub));
        }
      }
    }
    return found;
  }

  /** The cause of a failed render, without Helm's stack: its (masked) message only. */
  static final class RenderFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RenderFailure(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The CRDs of the {@code crds/} directories of the chart and of its enabled subcharts, parents first.
   *
   * @param chart the chart directory
   * @param enabled the subcharts Helm enabled, as paths relative to the chart ({@code charts/a/charts/b})
   * @return the CRDs
   */
  static List<Document> crds(Path chart, Set<String> enabled) {
    List<Document> found = new ArrayList<>(crdsOf(chart));
    try {
      for (Path sub : subcharts(chart)) {
        if (enabled.contains(probeName(chart, sub))) {
          found.addAll(crdsOf(sub));
        } else if (Files.isDirectory(sub.resolve("crds"))) {
          log.debug("left out the crds of {}: Helm disabled the subchart", chart.relativize(sub));
        }
      }
    } catch (IOException e) {
      throw new ChartException("Could not read the chart's subcharts: " + e.getMessage(), e);
    }
    return found;
  }

  /** The CRDs of one chart's own {@code crds/} directory. */
  private static List<Document> crdsOf(Path chart) {
    List<Document> found = new ArrayList<>();
    Path dir = chart.resolve("crds");
    if (!Files.isDirectory(dir)) {
      return found;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path file : s.filter(Files::isRegularFile).sorted().toList()) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
          String text = Files.readString(file).replace(ChartRewriter.MARKER, ChartRewriter.HOOK);
          for (Document d : parse(text, true, chart.relativize(file).toString())) {
            found.add(new Document(d.body(), chart.getFileName() + "/" + chart.relativize(file), true));
          }
        }
      }
    } catch (IOException e) {
      throw new ChartException("Could not read the chart's crds directory: " + e.getMessage(), e);
    }
    return found;
  }

  /**
   * Splits and parses a multi-document YAML stream as Helm writes it ({@code ---} separators, a
   * {@code # Source:} comment per document); empty documents are skipped and {@code List} objects are
   * flattened.
   *
   * @param stream the YAML
   * @param crdsDirectory whether the documents come from a {@code crds/} directory
   * @param what names the stream in errors
   * @return the documents
   */
  static List<Document> parse(String stream, boolean crdsDirectory, String what) {
    List<Document> documents = new ArrayList<>();
    for (String text : SEPARATOR.split(stream)) {
      if (text.isBlank()) {
        continue;
      }
      Matcher source = SOURCE.matcher(text);
      String origin = source.find() ? source.group(1).trim() : what;
      List<Map<String, Object>> bodies;
      try {
        bodies = Json.yamlDocuments(text);
      } catch (IOException e) {
        throw new ChartException("The chart rendered invalid YAML in " + origin + ": "
            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
      }
      for (Map<String, Object> body : bodies) {
        Map<String, Object> restored = restore(body);
        if (String.valueOf(restored.get("kind")).endsWith("List") && restored.get("items") instanceof List) {
          for (Object item : Json.list(restored, "items")) {
            if (item instanceof Map) {
              @SuppressWarnings("unchecked")
              Map<String, Object> m = (Map<String, Object>) item;
              documents.add(new Document(m, origin, crdsDirectory));
            }
          }
        } else {
          documents.add(new Document(restored, origin, crdsDirectory));
        }
      }
    }
    return documents;
  }

  /** Replaces the hook marker with Helm's key in every key and string of a tree. */
  @SuppressWarnings("unchecked")
  static <T> T restore(T tree) {
    if (tree instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) tree).forEach((k, v) -> out.put(k.replace(ChartRewriter.MARKER, ChartRewriter.HOOK),
          v == null ? null : restore(v)));
      return (T) out;
    }
    if (tree instanceof List) {
      List<Object> out = new ArrayList<>();
      ((List<Object>) tree).forEach(v -> out.add(v == null ? null : restore(v)));
      return (T) out;
    }
    if (tree instanceof String) {
      return (T) ((String) tree).replace(ChartRewriter.MARKER, ChartRewriter.HOOK);
    }
    return tree;
  }
}
