package io.gitopsruntime.testing;

import com.sun.net.httpserver.HttpServer;
import io.gitopsruntime.testing.internal.Json;
import io.gitopsruntime.testing.internal.OciDistribution;
import io.gitopsruntime.testing.internal.TarGz;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local OCI registry for Helm charts, over plain HTTP on the loopback interface and without
 * authentication, so that {@code oci://} chart references can be exercised: {@code helm push},
 * {@code helm pull}, {@code helm template} and {@code helm install} against it work with
 * {@code --plain-http}. It keeps everything in memory.
 *
 * <pre>{@code
 * try (OciRegistry registry = OciRegistry.start()) {
 *   String chart = registry.pushChart(TestChart.packageTo(tempDir), "charts");
 *   // chart is "oci://127.0.0.1:<port>/charts/gitops-runtime"; use it with --version 0.30.0 --plain-http
 * }
 * }</pre>
 *
 * <p>helm-java ships a registry for its own tests, but it requires a login (which writes the user's
 * Helm registry configuration), listens on every interface and cannot be stopped; this one avoids all three.
 *
 * <p>Thread-safe.
 */
public final class OciRegistry implements AutoCloseable {

  /** Media type of a Helm chart's config blob. */
  public static final String HELM_CONFIG_MEDIA_TYPE = "application/vnd.cncf.helm.config.v1+json";
  /** Media type of a Helm chart's content layer. */
  public static final String HELM_CHART_MEDIA_TYPE = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
  private static final String MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";

  private final OciDistribution distribution = new OciDistribution();
  private final HttpServer server;
  private final ExecutorService executor;

  private OciRegistry(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts a registry on a free loopback port.
   *
   * @return the started registry
   */
  public static OciRegistry start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "oci-registry");
        t.setDaemon(true);
        return t;
      });
      OciRegistry registry = new OciRegistry(server, executor);
      server.createContext("/", registry.distribution);
      server.setExecutor(executor);
      server.start();
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the OCI registry: " + e.getMessage(), e);
    }
  }

  /**
   * The registry's host and port, as Helm expects it after {@code oci://}.
   *
   * @return {@code 127.0.0.1:<port>}
   */
  public String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * The {@code oci://} reference of a chart in a repository of this registry.
   *
   * @param repository the repository path, such as {@code charts}
   * @param chartName the chart name
   * @return {@code oci://127.0.0.1:<port>/<repository>/<chartName>}
   */
  public String reference(String repository, String chartName) {
    return "oci://" + host() + "/" + repository + "/" + chartName;
  }

  /**
   * Stores a packaged chart the way {@code helm push <tgz> oci://<host>/<repository>} does: a config blob
   * with the chart's metadata, the archive as a layer, and a manifest tagged with the chart version.
   *
   * @param chartArchive the {@code .tgz}
   * @param repository the repository path, such as {@code charts}
   * @return the chart's {@code oci://} reference (use it with the chart version)
   */
  public String pushChart(Path chartArchive, String repository) {
    try {
      byte[] archive = Files.readAllBytes(chartArchive);
      Map<String, Object> chart = chartYaml(archive);
      String name = String.valueOf(chart.get("name"));
      String version = String.valueOf(chart.get("version"));
      byte[] config = Json.write(chart).getBytes(StandardCharsets.UTF_8);
      String configDigest = distribution.putBlob(config);
      String layerDigest = distribution.putBlob(archive);
      Map<String, Object> manifest = Json.object("schemaVersion", 2, "mediaType", MANIFEST_MEDIA_TYPE,
          "config", Json.object("mediaType", HELM_CONFIG_MEDIA_TYPE, "digest", configDigest, "size", config.length),
          "layers", List.of(Json.object("mediaType", HELM_CHART_MEDIA_TYPE, "digest", layerDigest,
              "size", archive.length)),
          "annotations", Json.object("org.opencontainers.image.title", name,
              "org.opencontainers.image.version", version));
      distribution.putManifest(repository + "/" + name, version,
          Json.write(manifest).getBytes(StandardCharsets.UTF_8), MANIFEST_MEDIA_TYPE);
      return reference(repository, name);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not push " + chartArchive + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> chartYaml(byte[] archive) throws IOException {
    for (Map.Entry<String, byte[]> entry : TarGz.read(archive).entrySet()) {
      String[] parts = entry.getKey().split("/");
      if (parts.length == 2 && parts[1].equals("Chart.yaml")) {
        Map<String, Object> chart = Json.parse(new String(entry.getValue(), StandardCharsets.UTF_8));
        Map<String, Object> config = new LinkedHashMap<>();
        for (String key : List.of("name", "version", "description", "apiVersion", "appVersion", "type", "keywords")) {
          if (chart.containsKey(key)) {
            config.put(key, chart.get(key));
          }
        }
        return config;
      }
    }
    throw new IOException("the archive has no <chart>/Chart.yaml");
  }

  /**
   * The tags of a repository, such as {@code charts/gitops-runtime}.
   *
   * @param repository the repository path including the chart name
   * @return the tags, sorted
   */
  public List<String> tags(String repository) {
    return distribution.tags(repository);
  }

  /**
   * The requests served so far, as {@code METHOD path -> status}.
   *
   * @return a snapshot, oldest first
   */
  public List<String> requests() {
    return distribution.requests();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "OciRegistry[" + host() + "]";
  }
}
