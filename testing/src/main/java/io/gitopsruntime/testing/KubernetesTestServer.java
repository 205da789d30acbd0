package io.gitopsruntime.testing;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitopsruntime.install.ObjectRef;
import io.gitopsruntime.testing.internal.ApiFront;
import io.gitopsruntime.testing.internal.Discovery;
import io.gitopsruntime.testing.internal.FaultPlan;
import io.gitopsruntime.testing.internal.Json;
import io.gitopsruntime.testing.internal.ObjectStore;
import io.gitopsruntime.testing.internal.SimulatedControllers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An in-process Kubernetes API server for tests: fabric8's CRUD mock store behind an HTTP front that adds
 * what clients need from a real API server (version, discovery including CRDs created at run time,
 * server-side apply with managed fields and conflicts, strategic merge patch, HTTP-streamed watches for
 * client-go and Helm, Pod logs), small simulated controllers (Deployments, StatefulSets and DaemonSets
 * become ready, CRDs Established, Jobs succeed or fail with a log line), and fault injection (latency,
 * error statuses, 429 with {@code Retry-After}, dropped connections) with a request journal.
 *
 * <pre>{@code
 * try (KubernetesTestServer server = KubernetesTestServer.start()) {
 *   server.failJob("validate-values", "failed validating values: missing \"global.runtime.name\" field");
 *   KubernetesClient client = server.client();
 *   client.configMaps().inNamespace("codefresh").resource(configMap).serverSideApply();
 *   Path kubeconfig = server.writeKubeconfig(tempDir.resolve("kubeconfig"));
 * }
 * }</pre>
 *
 * <p>Thread-safe. Each instance has its own port, store and threads; no state is shared between
 * instances, so several may run in one JVM. Closing it stops the server and closes {@link #client()}.
 */
public final class KubernetesTestServer implements AutoCloseable {

  /** Annotation on a Job (or its pod template): the Job fails and its Pod logs the annotation's value. */
  public static final String FAIL_WITH_ANNOTATION = SimulatedControllers.FAIL_WITH_ANNOTATION;
  /** Annotation on a Job (or its pod template): the log of its Pod when it succeeds. */
  public static final String LOG_ANNOTATION = SimulatedControllers.LOG_ANNOTATION;
  /**
   * Annotation on a Job (or its pod template), value {@code "true"}: its Pod succeeds, but the Job's status stays
   * active with no completion, as a real Job controller shows it until its next sync of the Job.
   */
  public static final String STATUS_LATE_ANNOTATION = SimulatedControllers.STATUS_LATE_ANNOTATION;
  /** The Kubernetes version {@code /version} reports unless the builder says otherwise. */
  public static final String DEFAULT_KUBERNETES_VERSION = "v1.33.4";

  private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\.(\\d+).*");

  private final ObjectStore store = new ObjectStore();
  private final Discovery discovery = new Discovery(store);
  private final FaultPlan faults = new FaultPlan();
  private final RequestJournal journal = new RequestJournal();
  private final SimulatedControllers controllers;
  private final ApiFront front;
  private final String url;
  private final String namespace;
  private final String contextName;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Duration latency;
  private volatile boolean accessAllowed = true;
  private @Nullable KubernetesClient client;
  private @Nullable Path kubeconfigFile;

  private KubernetesTestServer(Builder builder) {
    this.latency = builder.latency;
    this.namespace = builder.namespace;
    this.contextName = builder.contextName;
    this.controllers = new SimulatedControllers(store, discovery, builder.readinessDelay, builder.controllers);
    store.apiDefaults(builder.apiDefaults);
    this.front = new ApiFront(store, discovery, controllers, faults, journal::record,
        versionInfo(builder.kubernetesVersion), () -> latency, () -> accessAllowed, builder.recordBodies);
    int port;
    try {
      port = front.start("127.0.0.1", builder.port);
    } catch (RuntimeException e) {
      front.close();
      controllers.close();
      throw e;
    }
    this.url = "http://127.0.0.1:" + port;
    seed(builder);
  }

  /**
   * Starts a server with the defaults: Kubernetes {@value #DEFAULT_KUBERNETES_VERSION}, controllers on,
   * no latency, namespace {@code default}.
   *
   * @return the started server
   */
  public static KubernetesTestServer start() {
    return builder().start();
  }

  /**
   * A builder for a server with other settings.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private void seed(Builder builder) {
    for (String ns : List.of("default", "kube-system", "kube-public", "kube-node-lease")) {
      createNamespace(ns);
    }
    if (!namespace.equals("default")) {
      createNamespace(namespace);
    }
    List<String[]> nodes = builder.nodes.isEmpty() ? List.<String[]>of(new String[] {"node-1", "4", "16Gi"})
        : builder.nodes;
    for (String[] node : nodes) {
      Map<String, Object> resources = Json.object("cpu", node[1], "memory", node[2], "pods", "110");
      store.create("/api/v1/nodes", Json.object("apiVersion", "v1", "kind", "Node",
          "metadata", Json.object("name", node[0], "labels", Json.object("kubernetes.io/hostname", node[0],
              "kubernetes.io/os", "linux", "kubernetes.io/arch", "amd64")),
          "status", Json.object("capacity", resources, "allocatable", Json.copy(resources),
              "conditions", List.of(Json.object("type", "Ready", "status", "True", "reason", "KubeletReady")),
              "nodeInfo", Json.object("kubeletVersion", builder.kubernetesVersion, "architecture", "amd64",
                  "operatingSystem", "linux"))));
    }
  }

  private void createNamespace(String ns) {
    store.create("/api/v1/namespaces", Json.object("apiVersion", "v1", "kind", "Namespace",
        "metadata", Json.object("name", ns, "labels", Json.object("kubernetes.io/metadata.name", ns)),
        "status", Json.object("phase", "Active")));
  }

  private static Map<String, Object> versionInfo(String gitVersion) {
    Matcher m = VERSION.matcher(gitVersion);
    if (!m.matches()) {
      throw new IllegalArgumentException("The Kubernetes version must look like v1.33.4, not \"" + gitVersion + "\".");
    }
    return Json.object("major", m.group(1), "minor", m.group(2), "gitVersion", gitVersion,
        "gitCommit", "0000000000000000000000000000000000000000", "gitTreeState", "clean",
        "buildDate", "2026-01-01T00:00:00Z", "goVersion", "go1.24.6", "compiler", "gc", "platform", "linux/amd64");
  }

  /**
   * The server's base URL.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  public String url() {
    return url;
  }

  /**
   * The namespace clients and kubeconfigs of this server default to.
   *
   * @return the namespace
   */
  public String namespace() {
    return namespace;
  }

  /**
   * The name of the kubeconfig context (and cluster and user) this server writes.
   *
   * @return the context name
   */
  public String contextName() {
    return contextName;
  }

  /**
   * A client the server owns and closes when it closes.
   *
   * @return the shared client
   */
  public synchronized KubernetesClient client() {
    if (client == null) {
      client = newClient();
    }
    return client;
  }

  /**
   * A new client; the caller closes it.
   *
   * @return a new client for this server
   */
  public KubernetesClient newClient() {
    return new KubernetesClientBuilder().withConfig(config()).build();
  }

  /**
   * A fabric8 configuration for this server, without reading any kubeconfig of the machine.
   *
   * @return a new configuration
   */
  public Config config() {
    return new ConfigBuilder(Config.empty()).withMasterUrl(url).withNamespace(namespace)
        .build();
  }

  /**
   * A kubeconfig for this server (plain HTTP, no credentials).
   *
   * @return the kubeconfig YAML
   */
  public String kubeconfig() {
    return "apiVersion: v1\n"
        + "kind: Config\n"
        + "clusters:\n"
        + "- name: " + contextName + "\n"
        + "  cluster:\n"
        + "    server: " + url + "\n"
        + "contexts:\n"
        + "- name: " + contextName + "\n"
        + "  context:\n"
        + "    cluster: " + contextName + "\n"
        + "    user: " + contextName + "\n"
        + "    namespace: " + namespace + "\n"
        + "current-context: " + contextName + "\n"
        + "users:\n"
        + "- name: " + contextName + "\n"
        + "  user: {}\n";
  }

  /**
   * Writes {@link #kubeconfig()} to a file, creating parent directories.
   *
   * @param file where to write
   * @return the file
   */
  public Path writeKubeconfig(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, kubeconfig());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write a kubeconfig to " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A kubeconfig file the server writes once to a temporary directory and deletes when it closes.
   *
   * @return the file
   */
  public synchronized Path kubeconfigFile() {
    if (kubeconfigFile == null) {
      try {
        kubeconfigFile = writeKubeconfig(Files.createTempFile("kubeconfig-", ".yaml"));
      } catch (IOException e) {
        throw new UncheckedIOException("Could not create a temporary kubeconfig: " + e.getMessage(), e);
      }
    }
    return kubeconfigFile;
  }

  /**
   * Delays every following request by a fixed time before it is answered (without blocking other
   * requests).
   *
   * @param perRequest the delay, {@link Duration#ZERO} for none
   * @return this server
   */
  public KubernetesTestServer latency(Duration perRequest) {
    this.latency = Objects.requireNonNull(perRequest);
    return this;
  }

  /**
   * Adds a scripted fault; faults are tried in the order they were added.
   *
   * @param fault the fault
   * @return this server
   */
  public KubernetesTestServer inject(Fault fault) {
    faults.add(fault);
    return this;
  }

  /**
   * Removes every fault not used up yet.
   *
   * @return this server
   */
  public KubernetesTestServer clearFaults() {
    faults.clear();
    return this;
  }

  /**
   * The requests received so far.
   *
   * @return the journal
   */
  public RequestJournal journal() {
    return journal;
  }

  /**
   * Makes every Job with this name, in any namespace, fail with {@code BackoffLimitExceeded}; its Pod
   * logs {@code logLine}.
   *
   * @param jobName the Job name, such as {@code validate-values}
   * @param logLine the Pod's log
   * @return this server
   */
  public KubernetesTestServer failJob(String jobName, String logLine) {
    return failJobs(ref -> ref.name().equals(jobName), logLine);
  }

  /**
   * Makes the Jobs a predicate accepts fail with {@code BackoffLimitExceeded}.
   *
   * @param jobs which Jobs (namespace and name)
   * @param logLine the log of their Pod
   * @return this server
   */
  public KubernetesTestServer failJobs(Predicate<ObjectRef> jobs, String logLine) {
    controllers.failJobs(jobs, logLine);
    return this;
  }

  /**
   * Leaves in the cluster what Helm leaves behind when a hook Job failed: a Job of that name, annotated as a hook of
   * the given events, failed with {@code BackoffLimitExceeded}, its Pod logging {@code logLine}. Returns once the
   * simulated Job controller has marked it failed.
   *
   * <pre>{@code
   * server.failedHookJob("codefresh", "validate-values", "pre-install,pre-upgrade", "user \"jane\" is not an admin");
   * }</pre>
   *
   * @param namespace the Job's namespace
   * @param jobName the Job's name, such as {@code validate-values}
   * @param hookEvents its {@code helm.sh/hook} annotation, such as {@code pre-install,pre-upgrade}
   * @param logLine what its Pod logs
   * @return this server
   * @throws IllegalStateException when the Job is not marked failed within 10 seconds (with the controllers off, say)
   */
  public KubernetesTestServer failedHookJob(String namespace, String jobName, String hookEvents, String logLine) {
    failJob(jobName, logLine);
    Job job = new JobBuilder().withNewMetadata().withName(jobName).addToAnnotations("helm.sh/hook", hookEvents)
        .endMetadata().withNewSpec().withBackoffLimit(0).withNewTemplate().withNewSpec().withRestartPolicy("Never")
        .addNewContainer().withName(jobName).withImage("quay.io/codefresh/gitops-runtime-installer:0.30.0")
        .endContainer().endSpec().endTemplate().endSpec().build();
    client().batch().v1().jobs().inNamespace(namespace).resource(job).create();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      Job current = client().batch().v1().jobs().inNamespace(namespace).withName(jobName).get();
      if (current != null && current.getStatus() != null && current.getStatus().getConditions() != null
          && current.getStatus().getConditions().stream().anyMatch(c -> "Failed".equals(c.getType()))) {
        return this;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for Job " + namespace + "/" + jobName + " to fail.", e);
      }
    }
    throw new IllegalStateException("Job " + namespace + "/" + jobName + " was not marked failed within 10 s. Are the"
        + " simulated controllers on?");
  }

  /**
   * Forgets every Job failure set with {@link #failJob} or {@link #failJobs}; annotated Jobs still fail.
   *
   * @return this server
   */
  public KubernetesTestServer clearJobFailures() {
    controllers.clearJobFailures();
    return this;
  }

  /**
   * Turns the simulated controllers on or off; while off, new objects get no status.
   *
   * @param on whether controllers react
   * @return this server
   */
  public KubernetesTestServer controllers(boolean on) {
    controllers.enabled(on);
    return this;
  }

  /**
   * Changes how long after a change the simulated controllers react.
   *
   * @param delay the delay
   * @return this server
   */
  public KubernetesTestServer readinessDelay(Duration delay) {
    controllers.delay(delay);
    return this;
  }

  /**
   * Sets what SelfSubjectAccessReviews and SubjectAccessReviews answer (allowed by default).
   *
   * @param allowed whether access is allowed
   * @return this server
   */
  public KubernetesTestServer allowAccess(boolean allowed) {
    this.accessAllowed = allowed;
    return this;
  }

  /**
   * The log the simulated Job controller wrote for a Pod.
   *
   * @param podNamespace the namespace
   * @param pod the Pod name
   * @return the log, or empty
   */
  public Optional<String> podLog(String podNamespace, String pod) {
    return controllers.podLog(podNamespace, pod);
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    synchronized (this) {
      if (client != null) {
        client.close();
      }
    }
    controllers.close();
    front.close();
    synchronized (this) {
      if (kubeconfigFile != null) {
        try {
          Files.deleteIfExists(kubeconfigFile);
        } catch (IOException ignored) {
          // a temporary file; nothing else to do
        }
      }
    }
  }

  @Override
  public String toString() {
    return "KubernetesTestServer[" + url + "]";
  }

  /** Settings for a {@link KubernetesTestServer}. Not thread-safe: build on one thread. */
  public static final class Builder {
    private String kubernetesVersion = DEFAULT_KUBERNETES_VERSION;
    private String namespace = "default";
    private String contextName = "gitops-runtime-test";
    private boolean controllers = true;
    private boolean apiDefaults = true;
    private Duration readinessDelay = Duration.ofMillis(10);
    private Duration latency = Duration.ZERO;
    private boolean recordBodies;
    private int port;
    private final List<String[]> nodes = new ArrayList<>();

    private Builder() {}

    /**
     * The version {@code /version} reports.
     *
     * @param gitVersion such as {@code v1.33.4}
     * @return this builder
     */
    public Builder kubernetesVersion(String gitVersion) {
      versionInfo(gitVersion);
      this.kubernetesVersion = gitVersion;
      return this;
    }

    /**
     * The namespace clients and kubeconfigs default to; created at start.
     *
     * @param defaultNamespace the namespace
     * @return this builder
     */
    public Builder namespace(String defaultNamespace) {
      this.namespace = Objects.requireNonNull(defaultNamespace);
      return this;
    }

    /**
     * The kubeconfig context name.
     *
     * @param name the context, cluster and user name
     * @return this builder
     */
    public Builder contextName(String name) {
      this.contextName = Objects.requireNonNull(name);
      return this;
    }

    /**
     * Whether stored objects get the API server's defaults, such as {@code spec.replicas: 1} (default true, as a real
     * API server); false imitates a server that leaves them unset, for a test of what a client does then.
     *
     * @param on whether to apply them
     * @return this builder
     */
    public Builder apiDefaults(boolean on) {
      this.apiDefaults = on;
      return this;
    }

    /**
     * Whether the simulated controllers run (default true).
     *
     * @param on whether to run them
     * @return this builder
     */
    public Builder controllers(boolean on) {
      this.controllers = on;
      return this;
    }

    /**
     * How long after a change the controllers react (default 10 ms).
     *
     * @param delay the delay
     * @return this builder
     */
    public Builder readinessDelay(Duration delay) {
      this.readinessDelay = Objects.requireNonNull(delay);
      return this;
    }

    /**
     * A fixed delay before every request is answered (default none).
     *
     * @param perRequest the delay
     * @return this builder
     */
    public Builder latency(Duration perRequest) {
      this.latency = Objects.requireNonNull(perRequest);
      return this;
    }

    /**
     * Whether the journal keeps request bodies (default false, so secrets in bodies stay out of it).
     *
     * @param record whether to keep bodies
     * @return this builder
     */
    public Builder recordBodies(boolean record) {
      this.recordBodies = record;
      return this;
    }

    /**
     * The port to listen on (default 0: any free port).
     *
     * @param listenPort the port
     * @return this builder
     */
    public Builder port(int listenPort) {
      this.port = listenPort;
      return this;
    }

    /**
     * Adds a Node; without any, the server has one Node {@code node-1} with 4 CPUs and 16Gi memory.
     *
     * @param name the node name
     * @param cpu its CPU capacity, such as {@code 4}
     * @param memory its memory capacity, such as {@code 16Gi}
     * @return this builder
     */
    public Builder node(String name, String cpu, String memory) {
      nodes.add(new String[] {name, cpu, memory});
      return this;
    }

    /**
     * Starts the server.
     *
     * @return the started server
     */
    public KubernetesTestServer start() {
      return new KubernetesTestServer(this);
    }
  }
}
