package io.gitopsruntime.helm.manifest.internal;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a chart with the embedded Helm engine (helm-java), with {@code helm template} semantics and the
 * target cluster's capabilities, into the documents Helm would install: the release's objects in Helm's
 * kind order, the hooks (see {@link ChartRewriter}), and the CustomResourceDefinitions of every
 * {@code crds/} directory (which Helm installs before anything else). Values reach Helm in a {@code 0600}
 * file of the caller's scratch directory. Thread-safe: renders are serialised, as helm-java's thread
 * safety is not documented.
 */
public final class Renderer {
  private static final Logger log = LoggerFactory.getLogger(Renderer.class);
  private static final Object HELM = new Object();
  private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: (.+)$");
  private static final Pattern SEPARATOR = Pattern.compile("(?m)^---[ \\t]*$");

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
    List<Document> documents = new ArrayList<>(crds(fetched.dir()));
    documents.addAll(parse(manifest, false, "the rendered manifest"));
    return new Rendered(documents, fetched.name(), fetched.version());
  }

  /** The cause of a failed render, without Helm's stack: its (masked) message only. */
  static final class RenderFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RenderFailure(String message) {
      super(message, null, false, false);
    }
  }

  /** The CRDs of the {@code crds/} directories of the chart and its subcharts, parents first. */
  static List<Document> crds(Path chart) {
    List<Document> found = new ArrayList<>();
    Path dir = chart.resolve("crds");
    if (Files.isDirectory(dir)) {
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
    }
    Path charts = chart.resolve("charts");
    if (Files.isDirectory(charts)) {
      try (Stream<Path> s = Files.list(charts)) {
        for (Path sub : s.filter(Files::isDirectory).sorted().toList()) {
          found.addAll(crds(sub));
        }
      } catch (IOException e) {
        throw new ChartException("Could not read the chart's subcharts: " + e.getMessage(), e);
      }
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
