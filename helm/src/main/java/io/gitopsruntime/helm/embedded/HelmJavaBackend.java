package io.gitopsruntime.helm.embedded;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.Redactor;
import io.gitopsruntime.helm.embedded.internal.EngineCrashed;
import io.gitopsruntime.helm.embedded.internal.EnginePool;
import io.gitopsruntime.helm.internal.FailureDiagnosis;
import io.gitopsruntime.helm.internal.HelmBackend;
import io.gitopsruntime.helm.internal.HelmRelease;
import io.gitopsruntime.helm.internal.HelmRevision;
import io.gitopsruntime.helm.internal.InstallerOptions;
import io.gitopsruntime.helm.internal.KubeTarget;
import io.gitopsruntime.helm.internal.ReleaseManifest;
import io.gitopsruntime.helm.internal.StoredReleases;
import io.gitopsruntime.install.ChangeKind;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallListener;
import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.install.PlannedChange;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Helm calls of {@link EmbeddedHelmInstaller}: helm-java in the engine's child JVM ({@link HelmJava}, one engine
 * borrowed per operation from the pool kept until {@link #close()}). The deployed manifest is read from Helm's release
 * Secret with the installer's client; Helm's buffered log reaches the listener when each call returns; a crashed
 * engine is explained with the state the release was left in. Thread-safe.
 */
final class HelmJavaBackend implements HelmBackend {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedHelmInstaller.class);

  private final KubeTarget kube;
  private final Duration timeout;
  private final InstallListener listener;
  private final boolean plainHttp;
  /** The engine child JVMs kept between operations; ended by {@link #close()}. */
  private final EnginePool engines = new EnginePool();

  HelmJavaBackend(InstallerOptions options) {
    this.kube = options.kube();
    this.timeout = options.timeout();
    this.listener = options.listener();
    this.plainHttp = options.plainHttp();
  }

  @Override
  public Session open(RuntimeInstallation installation, Redactor redactor, @Nullable KubernetesClient client,
      FailureDiagnosis.Context diag) {
    try {
      return new JavaSession(new HelmJava(kube, plainHttp, engines), installation, redactor, client);
    } catch (UncheckedIOException | IllegalStateException e) {
      throw FailureDiagnosis.exception(diag, FailureKind.KUBERNETES_API, e.getMessage(), e);
    }
  }

  @Override
  public List<HelmRevision> history(FailureDiagnosis.Operation operation, RuntimeInstallation installation,
      Redactor redactor) {
    try (HelmJava helm = new HelmJava(kube, plainHttp, engines)) {
      return helm.history(installation.releaseName(), installation.namespace());
    }
  }

  /**
   * The engine's child JVM died (a Go panic inside helm-java, or a signal): this JVM goes on, and the failure says
   * what happened and the state the release was left in, read by a new engine.
   */
  @Override
  public RuntimeException failed(RuntimeException e, FailureDiagnosis.Context diag, RuntimeInstallation installation) {
    return e instanceof EngineCrashed crash ? crashed(diag, installation, crash) : e;
  }

  private InstallException crashed(FailureDiagnosis.Context diag, RuntimeInstallation installation, EngineCrashed e) {
    if (e.neverStarted()) {
      return FailureDiagnosis.exception(diag, FailureKind.HELM_UNAVAILABLE, "the embedded Helm engine could not start ("
          + e.reason().orElse("") + "). It runs in a child JVM started with this JVM's java and class path "
          + "(java.class.path), which must list JAR files and directories, as java -cp, JBang and Maven do; a class path "
          + "of nested JARs cannot be passed on. Use HelmCliInstaller with a helm binary instead.", e);
    }
    String state;
    try (HelmJava helm = new HelmJava(kube, plainHttp, engines)) {
      state = helm.release(installation.releaseName(), installation.namespace())
          .map(r -> "The release is now " + r.status() + " (revision " + r.revision() + ")"
              + (r.isPending() ? ": roll it back (helm rollback " + installation.releaseName() + " -n "
                  + installation.namespace() + ") or uninstall it before installing again." : "."))
          .orElse("The release does not exist.");
    } catch (RuntimeException | LinkageError again) {
      log.debug("could not read the release after the engine died: {}", again.toString());
      state = "Its state could not be read: " + again.getMessage() + ".";
    }
    String why = e.reason().map(r -> " (" + r + ")").orElse("");
    String exit = e.exitCode() < 0 ? "" : ", exit code " + e.exitCode();
    return FailureDiagnosis.exception(diag, FailureKind.OTHER, "the embedded Helm engine crashed during " + e.operation()
        + why + exit + "; it runs in a separate process, so this one is unaffected. " + state
        + " If it happens again, use HelmCliInstaller with a helm binary.", e);
  }

  /** Ends the engine child JVMs kept between operations. */
  @Override
  public void close() {
    engines.close();
  }

  /** The calls of one operation, on one borrowed engine. */
  private final class JavaSession implements Session {
    private final HelmJava helm;
    private final RuntimeInstallation installation;
    private final Redactor redactor;
    private final @Nullable KubernetesClient client;
    /** The cluster's version the chart was rendered for, read once by {@link #render}. */
    private @Nullable String kubeVersion;

    JavaSession(HelmJava helm, RuntimeInstallation installation, Redactor redactor, @Nullable KubernetesClient client) {
      this.helm = helm;
      this.installation = installation;
      this.redactor = redactor;
      this.client = client;
    }

    @Override
    public Optional<HelmRelease> release(FailureDiagnosis.Context diag) {
      return call(diag, () -> helm.release(installation.releaseName(), installation.namespace()));
    }

    @Override
    public ReleaseManifest render(Path values, boolean upgrade, FailureDiagnosis.Context diag) {
      kubeVersion = kubeVersion(client);
      String manifest = call(diag, () -> helm.template(installation.releaseName(), installation.chart(),
          installation.namespace(), installation.chartVersion(), values, kubeVersion));
      try {
        return ReleaseManifest.parse(manifest, installation.namespace());
      } catch (IllegalArgumentException e) {
        throw FailureDiagnosis.exception(diag, FailureKind.CHART, e.getMessage() + ".", e);
      }
    }

    /**
     * The CRDs of the chart's and its enabled subcharts' {@code crds/} directories, which Helm creates before
     * anything else and never updates: each is created, or unchanged when the cluster has it already.
     */
    @Override
    public List<PlannedChange> crdsDirectories(Path values, ReleaseManifest desired, FailureDiagnosis.Context diag) {
      List<Map<String, Object>> crds = call(diag, () -> helm.crds(installation.releaseName(), installation.chart(),
          installation.namespace(), installation.chartVersion(), values, kubeVersion));
      List<PlannedChange> changes = new ArrayList<>();
      for (Map<String, Object> crd : crds) {
        Object metadata = crd.get("metadata");
        Object name = metadata instanceof Map ? ((Map<?, ?>) metadata).get("name") : null;
        if (name == null || !"CustomResourceDefinition".equals(crd.get("kind"))) {
          continue;
        }
        ObjectRef ref = ObjectRef.clusterScoped(String.valueOf(crd.get("apiVersion")), "CustomResourceDefinition",
            name.toString());
        if (!desired.refs().contains(ref) && changes.stream().noneMatch(c -> c.object().equals(ref))) {
          changes.add(PlannedChange.of(ref, crdExists(client, ref.name()) ? ChangeKind.UNCHANGED : ChangeKind.CREATE));
        }
      }
      return changes;
    }

    /** The manifest of Helm's release Secret; empty without a client (then every object counts as updated). */
    @Override
    public Optional<ReleaseManifest> deployed(FailureDiagnosis.Context diag) {
      if (client == null) {
        return Optional.empty();
      }
      return StoredReleases.latest(client, installation.releaseName(), installation.namespace())
          .map(s -> ReleaseManifest.parse(s.manifest(), installation.namespace()));
    }

    @Override
    public Optional<String> chart(FailureDiagnosis.Context diag) {
      String chartYaml = call(diag, () -> helm.showChart(installation.chart(), installation.chartVersion()));
      String name = "";
      String version = "";
      for (String line : chartYaml.split("\n")) {
        if (line.startsWith("name:")) {
          name = line.substring(5).strip();
        } else if (line.startsWith("version:")) {
          version = line.substring(8).strip();
        }
      }
      return Optional.of(name + "-" + version);
    }

    /** helm-java names the chart in the release it reads; without it, there is nothing more to ask. */
    @Override
    public String deployedChart(HelmRelease deployed, FailureDiagnosis.Context diag) {
      return deployed.chart();
    }

    @Override
    public String values(FailureDiagnosis.Context diag) {
      return call(diag, () -> helm.values(installation.releaseName(), installation.namespace()));
    }

    /** Runs {@code install} for a first install, {@code upgrade} afterwards, as Helm's {@code upgrade --install} does. */
    @Override
    public OptionalInt upgrade(Path values, Optional<HelmRelease> before, boolean createNamespace,
        boolean takeOverFields, FailureDiagnosis.Context diag) {
      HelmJava.Released release = call(diag, () -> before.isEmpty()
          ? helm.install(installation.releaseName(), installation.chart(), installation.namespace(),
              installation.chartVersion(), values, timeout, createNamespace)
          : helm.upgrade(installation.releaseName(), installation.chart(), installation.namespace(),
              installation.chartVersion(), values, timeout));
      HelmJava.emit(HelmJava.logLines(release.output()), redactor, listener::helmOutput);
      return OptionalInt.of(release.revision());
    }

    @Override
    public boolean uninstall(boolean runHooks, FailureDiagnosis.Context diag) {
      String output = call(diag, () -> helm.uninstall(installation.releaseName(), installation.namespace(), runHooks));
      HelmJava.emit(HelmJava.logLines(output), redactor, listener::helmOutput);
      return true;
    }

    @Override
    public void close() {
      helm.close();
    }

    /** Runs a helm-java call; its failure is diagnosed, with Helm's buffered log sent to the listener first. */
    private <T> T call(FailureDiagnosis.Context diag, Supplier<T> call) {
      try {
        return call.get();
      } catch (LinkageError e) {
        throw FailureDiagnosis.exception(diag, FailureKind.HELM_UNAVAILABLE, unavailable(String.valueOf(e)), e);
      } catch (IllegalStateException e) {
        if (HelmJava.isLoadFailure(e)) {
          throw FailureDiagnosis.exception(diag, FailureKind.HELM_UNAVAILABLE, unavailable(e.getMessage()), e);
        }
        HelmJava.Failure failure = HelmJava.split(e.getMessage());
        HelmJava.emit(failure.log(), redactor, listener::helmOutput);
        log.debug("embedded helm failed: {}", redactor.redact(failure.error()));
        throw FailureDiagnosis.diagnose(diag, failure.error(), masked(e, failure.error(), redactor));
      }
    }
  }

  private static String unavailable(@Nullable String why) {
    return "the embedded Helm (helm-java's native library) could not be loaded: " + why + ". It needs Linux with glibc"
        + " (not Alpine or another musl system), macOS or Windows, on amd64 or arm64, and the helm-java platform JAR on"
        + " the class path (or access to Maven Central to fetch it). Use HelmCliInstaller with a helm binary instead.";
  }

  /** helm-java's exception with its message masked, so that a logged stack trace cannot leak a secret. */
  private static RuntimeException masked(RuntimeException e, String error, Redactor redactor) {
    RuntimeException copy = new IllegalStateException("helm-java: " + redactor.redact(error));
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }

  private static @Nullable String kubeVersion(@Nullable KubernetesClient client) {
    if (client != null) {
      try {
        return client.getKubernetesVersion().getGitVersion();
      } catch (KubernetesClientException e) {
        log.debug("could not read the Kubernetes version; rendering with Helm's default: {}", e.toString());
      }
    }
    return null;
  }

  private static boolean crdExists(@Nullable KubernetesClient client, String name) {
    if (client == null) {
      return false;
    }
    try {
      return client.apiextensions().v1().customResourceDefinitions().withName(name).get() != null;
    } catch (KubernetesClientException e) {
      log.debug("could not read CRD {}: {}", name, e.toString());
      return false;
    }
  }
}
