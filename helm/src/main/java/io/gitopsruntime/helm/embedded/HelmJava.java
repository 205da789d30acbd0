package io.gitopsruntime.helm.embedded;

import io.gitopsruntime.core.Redactor;
import io.gitopsruntime.helm.embedded.internal.EnginePool;
import io.gitopsruntime.helm.embedded.internal.EngineProcess;
import io.gitopsruntime.helm.internal.HelmRelease;
import io.gitopsruntime.helm.internal.HelmRevision;
import io.gitopsruntime.helm.internal.KubeTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The helm-java calls of {@link EmbeddedHelmInstaller}, made in the engine's child JVM ({@link EngineProcess}, borrowed
 * from the installer's {@link EnginePool} and given back by {@link #close()}), with the cluster set on each: the kubeconfig file, or, when a
 * context is chosen, the kubeconfig's contents with that context made current (helm-java has no context option),
 * sent over the child's stdin. Also splits what helm-java returns: on failure its exception message is Helm's
 * error, then {@code ---}, then the buffered debug log. Thread-safe: calls are serialised.
 */
final class HelmJava implements AutoCloseable {
  private static final String SEPARATOR = "\n---\n";

  private final Optional<Path> kubeconfig;
  private final Optional<String> kubeconfigContents;
  private final boolean plainHttp;
  private final EnginePool engines;
  private final EngineProcess engine;

  HelmJava(KubeTarget kube, boolean plainHttp, EnginePool engines) {
    this.kubeconfigContents = kube.contentsWithContext();
    this.kubeconfig = kubeconfigContents.isPresent() ? Optional.empty() : kube.kubeconfig();
    this.plainHttp = plainHttp;
    this.engines = engines;
    this.engine = engines.borrow();
  }

  /**
   * The engine's child JVM's process id, while it runs.
   *
   * @return the id, or empty
   */
  Optional<Long> enginePid() {
    return engine.pid();
  }

  /** Helm's error and the debug log of a failed call. */
  record Failure(String error, List<String> log) {}

  /**
   * Splits a helm-java exception message.
   *
   * @param message the message
   * @return Helm's error, and the log lines that followed it
   */
  static Failure split(@Nullable String message) {
    String text = message == null ? "" : message;
    int at = text.indexOf(SEPARATOR);
    if (at < 0) {
      return new Failure(text.strip(), List.of());
    }
    return new Failure(text.substring(0, at).strip(), logLines(text.substring(at + SEPARATOR.length())));
  }

  /**
   * The lines of helm-java's output worth showing: everything but the values sections ({@code USER-SUPPLIED
   * VALUES} and {@code COMPUTED VALUES}, printed in debug mode), which hold secrets and are no progress.
   *
   * @param output the output
   * @return the lines, without blank ones
   */
  static List<String> logLines(@Nullable String output) {
    List<String> lines = new ArrayList<>();
    boolean inValues = false;
    for (String line : (output == null ? "" : output).split("\n")) {
      if (line.equals("USER-SUPPLIED VALUES:") || line.equals("COMPUTED VALUES:")) {
        inValues = true;
        continue;
      }
      if (inValues && (line.equals("NOTES:") || line.equals("---"))) {
        inValues = false;
      }
      if (!inValues && !line.isBlank() && !line.equals("---")) {
        lines.add(line);
      }
    }
    return lines;
  }

  /**
   * Whether helm-java failed to load its native library, rather than Helm failing.
   *
   * @param e what helm-java threw
   * @return true for the loader's own failures
   */
  static boolean isLoadFailure(IllegalStateException e) {
    String message = String.valueOf(e.getMessage());
    return message.startsWith("No NativeLibrary implementation found") || message.startsWith("Unable to load native library")
        || message.startsWith("Unable to create temporary directory");
  }

  /** Sends lines to a consumer, masked. */
  static void emit(List<String> lines, Redactor redactor, Consumer<String> sink) {
    lines.forEach(line -> sink.accept(redactor.redact(line)));
  }

  /** What an install or upgrade returned: the revision and Helm's buffered output. */
  record Released(int revision, String output) {}

  /**
   * Installs a release that does not exist yet. helm-java's {@code upgrade().install()} would do the same, but on
   * that path it drops the kubeconfig contents (0.0.21) and talks to {@code localhost:8080}.
   */
  Released install(String release, String chart, String namespace, Optional<String> version, Path values,
      Duration timeout, boolean createNamespace) {
    Map<String, Object> request = request("install", release, namespace);
    request.put("chart", chart);
    request.put("version", version.orElse(null));
    request.put("values", values.toString());
    request.put("timeoutSeconds", timeout.toSeconds());
    request.put("createNamespace", createNamespace);
    return released(engine.call(request));
  }

  /** Upgrades an existing release (including a failed one). */
  Released upgrade(String release, String chart, String namespace, Optional<String> version, Path values,
      Duration timeout) {
    Map<String, Object> request = request("upgrade", release, namespace);
    request.put("chart", chart);
    request.put("version", version.orElse(null));
    request.put("values", values.toString());
    request.put("timeoutSeconds", timeout.toSeconds());
    return released(engine.call(request));
  }

  String template(String release, String chart, String namespace, Optional<String> version, Path values,
      @Nullable String kubeVersion) {
    Map<String, Object> request = request("template", release, namespace);
    request.put("chart", chart);
    request.put("version", version.orElse(null));
    request.put("values", values.toString());
    request.put("kubeVersion", kubeVersion);
    return String.valueOf(engine.call(request));
  }

  /** The CRDs of the {@code crds/} directories of the chart and of the subcharts Helm enables with the values. */
  List<Map<String, Object>> crds(String release, String chart, String namespace, Optional<String> version, Path values,
      @Nullable String kubeVersion) {
    Map<String, Object> request = request("crds", release, namespace);
    request.put("chart", chart);
    request.put("version", version.orElse(null));
    request.put("values", values.toString());
    request.put("kubeVersion", kubeVersion);
    List<Map<String, Object>> crds = new ArrayList<>();
    if (engine.call(request) instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map) {
          @SuppressWarnings("unchecked")
          Map<String, Object> crd = (Map<String, Object>) o;
          crds.add(crd);
        }
      }
    }
    return crds;
  }

  String showChart(String chart, Optional<String> version) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("op", "showChart");
    request.put("chart", chart);
    request.put("version", version.orElse(null));
    request.put("plainHttp", plainHttp);
    return String.valueOf(engine.call(request));
  }

  Optional<HelmRelease> release(String release, String namespace) {
    Object found = engine.call(request("release", release, namespace));
    if (!(found instanceof Map<?, ?> r)) {
      return Optional.empty();
    }
    String chartText = String.valueOf(r.get("chart"));
    String[] chart = HelmRelease.splitChart(chartText).orElse(new String[] {chartText, ""});
    return Optional.of(new HelmRelease(String.valueOf(r.get("name")), namespace,
        Integer.parseInt(String.valueOf(r.get("revision"))), String.valueOf(r.get("status")), chart[0], chart[1]));
  }

  String values(String release, String namespace) {
    return String.valueOf(engine.call(request("values", release, namespace)));
  }

  List<HelmRevision> history(String release, String namespace) {
    List<HelmRevision> out = new ArrayList<>();
    if (engine.call(request("history", release, namespace)) instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> h) {
          out.add(new HelmRevision(Integer.parseInt(String.valueOf(h.get("revision"))), String.valueOf(h.get("status"))));
        }
      }
    }
    return out;
  }

  /**
   * Uninstalls a release.
   *
   * @param release the release
   * @param namespace its namespace
   * @param runHooks false to skip the release's delete hooks ({@code --no-hooks})
   * @return Helm's output
   */
  String uninstall(String release, String namespace, boolean runHooks) {
    Map<String, Object> request = request("uninstall", release, namespace);
    request.put("noHooks", !runHooks);
    return String.valueOf(engine.call(request));
  }

  /** Gives the engine back to the installer's pool, which keeps its child JVM for the next operation or ends it. */
  @Override
  public void close() {
    engines.giveBack(engine);
  }

  private Map<String, Object> request(String op, String release, String namespace) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("op", op);
    request.put("release", release);
    request.put("namespace", namespace);
    request.put("kubeconfig", kubeconfig.map(Path::toString).orElse(null));
    request.put("kubeconfigContents", kubeconfigContents.orElse(null));
    request.put("plainHttp", plainHttp);
    return request;
  }

  private static Released released(@Nullable Object answer) {
    if (!(answer instanceof Map<?, ?> r)) {
      throw new IllegalStateException("the embedded Helm engine returned no release");
    }
    return new Released(Integer.parseInt(String.valueOf(r.get("revision"))), String.valueOf(r.get("output")));
  }
}
