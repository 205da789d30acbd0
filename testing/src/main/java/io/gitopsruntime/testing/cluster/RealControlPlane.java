package io.gitopsruntime.testing.cluster;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeAddressBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitopsruntime.testing.cluster.internal.ChildProcess;
import io.gitopsruntime.testing.cluster.internal.Pki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A real Kubernetes control plane on loopback, for tests: etcd, kube-apiserver (secure port, a CA generated
 * for it, RBAC on), kube-controller-manager, kube-scheduler and kwok, which plays the nodes and the pods'
 * lifecycle (Pending pods become Running and Ready, pods of Jobs succeed). All of it runs in a temporary
 * directory from binaries found by {@link TestAssets}, and is stopped by process id and deleted by
 * {@link #close()}, by a shutdown hook, and, should the JVM be killed, by a watchdog process that outlives it by
 * at most a second.
 *
 * <p>There is no kubelet: pod logs, exec and port-forward do not work, and pod IPs are fake. A pod labelled
 * {@value #FAIL_LABEL}{@code : "true"} that belongs to a Job fails instead of succeeding (exit code 1), so a test
 * can make a hook fail.
 *
 * <pre>{@code
 * try (RealControlPlane cluster = RealControlPlane.start(TestAssets.fromEnvironment())) {
 *   KubernetesClient client = cluster.client();           // cluster-admin
 *   Path kubeconfig = cluster.kubeconfig();               // for helm or the tool
 *   Path jane = cluster.kubeconfigFor("jane");            // no rights until a test binds some
 * }
 * }</pre>
 *
 * <p>Thread-safe once started. Start it once per test class or module run (see {@link RealClusterExtension}),
 * and isolate tests by namespace ({@link #createNamespace(String)}).
 */
public final class RealControlPlane implements AutoCloseable {
  /** The label that makes a Job's pod fail. */
  public static final String FAIL_LABEL = "gitops-runtime.io/fail";

  private static final Duration STARTUP = Duration.ofMinutes(3);
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  private final Path dir;
  private final Pki pki;
  private final int apiPort;
  private final List<ChildProcess> processes = new ArrayList<>();
  private final Thread shutdownHook;
  private @org.jspecify.annotations.Nullable ChildProcess watchdog;
  private @org.jspecify.annotations.Nullable KubernetesClient client;
  private @org.jspecify.annotations.Nullable Path kubeconfig;
  private boolean closed;

  private RealControlPlane(Path dir, Pki pki, int apiPort) {
    this.dir = dir;
    this.pki = pki;
    this.apiPort = apiPort;
    this.shutdownHook = new Thread(this::close, "real-control-plane-stop");
  }

  /**
   * Starts a control plane with one node of 32 CPUs and 128 GiB, and waits until it schedules pods.
   *
   * @param assets where the binaries are
   * @return the running control plane
   * @throws IllegalStateException if a binary is absent or a process does not start (with its log)
   */
  public static RealControlPlane start(TestAssets assets) {
    if (!assets.hasControlPlane()) {
      throw new IllegalStateException(assets.skipMessage());
    }
    Path dir;
    try {
      dir = Files.createTempDirectory("gitops-runtime-control-plane-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RealControlPlane plane = new RealControlPlane(dir, Pki.create(), freePort());
    Runtime.getRuntime().addShutdownHook(plane.shutdownHook);
    try {
      plane.boot(assets);
      return plane;
    } catch (RuntimeException | Error e) {
      plane.close();
      throw e;
    }
  }

  private void boot(TestAssets assets) {
    Instant deadline = Instant.now().plus(STARTUP);
    Path ca = pki.writeCa(dir.resolve("ca.crt"));
    Pki.Issued serving = pki.serving();
    Pki.write(dir.resolve("apiserver.crt"), serving.certificate());
    Pki.write(dir.resolve("apiserver.key"), serving.key());
    Pki.Issued serviceAccounts = Pki.keyPair();
    Pki.write(dir.resolve("sa.pub"), serviceAccounts.certificate());
    Pki.write(dir.resolve("sa.key"), serviceAccounts.key());
    Path admin = writeKubeconfig("admin", "admin", List.of("system:masters"));
    kubeconfig = admin;

    int etcdPort = freePort();
    int peerPort = freePort();
    Path data = dir.resolve("etcd");
    String etcdUrl = "http://127.0.0.1:" + etcdPort;
    ChildProcess etcd = launch("etcd", List.of(binary(assets, "etcd").toString(), "--name=default",
        "--data-dir=" + data, "--listen-client-urls=" + etcdUrl, "--advertise-client-urls=" + etcdUrl,
        "--listen-peer-urls=http://127.0.0.1:" + peerPort, "--initial-advertise-peer-urls=http://127.0.0.1:" + peerPort,
        "--initial-cluster=default=http://127.0.0.1:" + peerPort, "--listen-metrics-urls=http://127.0.0.1:" + freePort(),
        "--unsafe-no-fsync", "--log-level=warn"));
    await("etcd to answer", deadline, etcd, () -> httpOk(etcdUrl + "/health"));

    ChildProcess apiserver = launch("kube-apiserver", List.of(binary(assets, "kube-apiserver").toString(),
        "--etcd-servers=" + etcdUrl, "--bind-address=127.0.0.1", "--advertise-address=127.0.0.1",
        "--secure-port=" + apiPort, "--cert-dir=" + dir.resolve("certs"),
        "--tls-cert-file=" + dir.resolve("apiserver.crt"), "--tls-private-key-file=" + dir.resolve("apiserver.key"),
        "--client-ca-file=" + ca, "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        "--service-account-key-file=" + dir.resolve("sa.pub"),
        "--service-account-signing-key-file=" + dir.resolve("sa.key"), "--authorization-mode=Node,RBAC",
        "--service-cluster-ip-range=10.0.0.0/24", "--allow-privileged=true", "--profiling=false",
        "--enable-priority-and-fairness=false", "--endpoint-reconciler-type=none", "--v=0"));
    await("kube-apiserver to be ready", deadline, apiserver, this::apiReady);

    launch("kube-controller-manager", List.of(binary(assets, "kube-controller-manager").toString(),
        "--kubeconfig=" + admin, "--authentication-kubeconfig=" + admin, "--authorization-kubeconfig=" + admin,
        "--leader-elect=false", "--bind-address=127.0.0.1", "--secure-port=" + freePort(), "--root-ca-file=" + ca,
        "--service-account-private-key-file=" + dir.resolve("sa.key"), "--use-service-account-credentials=false",
        "--controllers=*,-nodeipam,-ttl,-bootstrapsigner,-tokencleaner", "--profiling=false", "--v=0"));
    launch("kube-scheduler", List.of(binary(assets, "kube-scheduler").toString(), "--kubeconfig=" + admin,
        "--authentication-kubeconfig=" + admin, "--authorization-kubeconfig=" + admin, "--leader-elect=false",
        "--bind-address=127.0.0.1", "--secure-port=" + freePort(), "--profiling=false", "--v=0"));
    Path stages = writeStages(assets);
    launch("kwok", List.of(binary(assets, "kwok").toString(), "--kubeconfig=" + admin, "--config=" + stages,
        "--manage-all-nodes=true", "--node-lease-duration-seconds=40", "--server-address=127.0.0.1:" + freePort(),
        "--cidr=10.1.0.0/16", "--node-ip=10.1.0.1"));
    startWatchdog();

    KubernetesClient admins = client();
    addNode("kwok-node-0", "32", "128Gi");
    await("the node to be Ready", deadline, null, () -> nodeReady(admins, "kwok-node-0"));
    await("the default service account", deadline, null,
        () -> admins.serviceAccounts().inNamespace("default").withName("default").get() != null);
  }

  /**
   * The cluster-admin client (user {@code admin} in {@code system:masters}). Owned by this control plane.
   *
   * @return the client
   */
  public synchronized KubernetesClient client() {
    if (client == null) {
      client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(read(kubeconfig()))).build();
    }
    return client;
  }

  /**
   * The cluster-admin kubeconfig, with its single context {@code real-control-plane}.
   *
   * @return the file
   */
  public Path kubeconfig() {
    if (kubeconfig == null) {
      throw new IllegalStateException("the control plane is not started");
    }
    return kubeconfig;
  }

  /**
   * A kubeconfig for another user (a client certificate signed by the cluster's CA), with no rights beyond
   * what RBAC grants that user: bind a Role or ClusterRole to it to give some.
   *
   * @param user the user name
   * @param groups the user's groups
   * @return the file, with its single context {@code real-control-plane}
   */
  public Path kubeconfigFor(String user, String... groups) {
    return writeKubeconfig(user, user, List.of(groups));
  }

  /**
   * The API server's URL.
   *
   * @return {@code https://127.0.0.1:<port>}
   */
  public String url() {
    return "https://127.0.0.1:" + apiPort;
  }

  /**
   * The Kubernetes version the API server reports.
   *
   * @return for example {@code v1.34.4}
   */
  public String kubernetesVersion() {
    return client().getKubernetesVersion().getGitVersion();
  }

  /**
   * Adds a node that kwok runs, with that capacity (and allocatable).
   *
   * @param name the node's name
   * @param cpu CPUs, for example {@code "4"}
   * @param memory memory, for example {@code "16Gi"}
   * @return the node as created
   */
  public Node addNode(String name, String cpu, String memory) {
    return addNode(name, cpu, memory, List.of());
  }

  /**
   * Adds a node that kwok runs whose {@code InternalIP} is this machine's own address (its first non-loopback,
   * non-link-local IPv4 address), so that a Pod with {@code hostNetwork: true} on it gets that address and the
   * API server's service proxy (which refuses loopback addresses and Endpoints without a Pod) reaches a server
   * the test runs on that address. The server must listen on that address, or on all of them.
   *
   * @param name the node's name
   * @return this machine's address, which the node's host-network Pods get; empty when the machine has none (the
   *     node is then not added)
   */
  public Optional<InetAddress> addHostNode(String name) {
    Optional<InetAddress> host = hostAddress();
    host.ifPresent(address -> addNode(name, "4", "16Gi", List.of(new NodeAddressBuilder().withType("InternalIP")
        .withAddress(address.getHostAddress()).build(), new NodeAddressBuilder().withType("Hostname")
        .withAddress(name).build())));
    return host;
  }

  private static Optional<InetAddress> hostAddress() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
            return Optional.of(address);
          }
        }
      }
      return Optional.empty();
    } catch (SocketException e) {
      return Optional.empty();
    }
  }

  private Node addNode(String name, String cpu, String memory, List<NodeAddress> addresses) {
    Map<String, Quantity> capacity = Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory),
        "pods", new Quantity("250"));
    Node node = new NodeBuilder().withNewMetadata().withName(name).addToLabels("type", "kwok")
        .addToLabels("kubernetes.io/hostname", name).addToLabels("kubernetes.io/os", "linux")
        .addToAnnotations("kwok.x-k8s.io/node", "fake").endMetadata()
        .withNewStatus().withCapacity(capacity).withAllocatable(capacity).endStatus().build();
    Node created = client().nodes().resource(node).create();
    // a create ignores status; kwok writes the node's status too, so retry on its optimistic-lock conflicts.
    // kwok keeps an InternalIP address it finds, so a node given one keeps it.
    for (int attempt = 1; ; attempt++) {
      try {
        client().nodes().withName(name).editStatus(n -> {
          NodeBuilder edited = new NodeBuilder(n).editStatus().withCapacity(capacity).withAllocatable(capacity)
              .endStatus();
          return addresses.isEmpty() ? edited.build()
              : edited.editStatus().withAddresses(addresses).endStatus().build();
        });
        return created;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 20) {
          throw e;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /**
   * Creates a namespace with a unique name.
   *
   * @param prefix the start of its name
   * @return the namespace's name
   */
  public String createNamespace(String prefix) {
    String name = (prefix + "-" + NAMESPACES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36))
        .toLowerCase(Locale.ROOT);
    client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  /**
   * Deletes a namespace and waits until the namespace controller has removed it and everything in it.
   *
   * @param namespace the namespace
   * @param timeout how long to wait at most
   * @throws IllegalStateException if it is still there after the timeout
   */
  public void deleteNamespace(String namespace, Duration timeout) {
    client().namespaces().withName(namespace).delete();
    Instant deadline = Instant.now().plus(timeout);
    await("namespace " + namespace + " to be deleted", deadline, null,
        () -> client().namespaces().withName(namespace).get() == null);
  }

  /**
   * Waits until every Deployment and StatefulSet of a namespace has all its replicas ready and up to date.
   *
   * @param namespace the namespace
   * @param timeout how long to wait at most
   * @throws IllegalStateException with the workloads that are not ready, after the timeout
   */
  public void awaitWorkloadsReady(String namespace, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    await("the workloads of " + namespace + " to be ready", deadline, null, () -> notReady(namespace).isEmpty());
  }

  /**
   * The Deployments and StatefulSets of a namespace whose replicas are not all ready and up to date.
   *
   * @param namespace the namespace
   * @return {@code Kind/name} of each
   */
  public List<String> notReady(String namespace) {
    List<String> waiting = new ArrayList<>();
    for (var d : client().apps().deployments().inNamespace(namespace).list().getItems()) {
      int wanted = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
      var status = d.getStatus();
      if (status == null || !Integer.valueOf(wanted).equals(status.getReadyReplicas())
          || !Integer.valueOf(wanted).equals(status.getUpdatedReplicas())) {
        waiting.add("Deployment/" + d.getMetadata().getName());
      }
    }
    for (var s : client().apps().statefulSets().inNamespace(namespace).list().getItems()) {
      int wanted = s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
      var status = s.getStatus();
      if (status == null || !Integer.valueOf(wanted).equals(status.getReadyReplicas())) {
        waiting.add("StatefulSet/" + s.getMetadata().getName());
      }
    }
    return waiting;
  }

  /**
   * The directory the control plane runs in (certificates, kubeconfigs, logs, etcd's data).
   *
   * @return the directory
   */
  public Path directory() {
    return dir;
  }

  /**
   * The end of a component's log, for a test's failure message.
   *
   * @param component {@code etcd}, {@code kube-apiserver}, {@code kube-controller-manager}, {@code kube-scheduler}
   *     or {@code kwok}
   * @param lines how many lines
   * @return the text
   */
  public String logTail(String component, int lines) {
    return processes.stream().filter(p -> p.name().equals(component)).findFirst().map(p -> p.tail(lines))
        .orElse("(no such component: " + component + ")");
  }

  /** Stops every process by its id, in reverse start order, and deletes the directory. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (client != null) {
      client.close();
    }
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).stop();
    }
    if (watchdog != null) {
      watchdog.stop();
    }
    deleteTree(dir);
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // called from the hook itself
    }
  }

  private ChildProcess launch(String name, List<String> command) {
    ChildProcess process = ChildProcess.start(name, dir, command);
    processes.add(process);
    return process;
  }

  /** A shell that waits for this JVM to end, then kills the control plane and deletes its directory. */
  private void startWatchdog() {
    StringBuilder pids = new StringBuilder();
    for (ChildProcess process : processes) {
      pids.append(' ').append(process.pid());
    }
    String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; kill -9"
        + pids + " 2>/dev/null; rm -rf '" + dir + "'";
    watchdog = ChildProcess.start("watchdog", dir, List.of("/bin/sh", "-c", script));
  }

  private Path writeStages(TestAssets assets) {
    Path source = assets.kwokStages().orElseThrow(() -> new IllegalStateException(assets.skipMessage()));
    String stages = read(source);
    // pods labelled to fail must not complete: the stock pod-complete stage gets one more condition
    String complete = "name: pod-complete\n";
    int at = stages.indexOf(complete);
    if (at < 0) {
      throw new IllegalStateException("the kwok stages in " + source + " have no pod-complete stage");
    }
    int expressions = stages.indexOf("    matchExpressions:\n", at);
    int insert = expressions + "    matchExpressions:\n".length();
    stages = stages.substring(0, insert) + "    - key: '.metadata.labels[\"" + FAIL_LABEL + "\"]'\n"
        + "      operator: 'DoesNotExist'\n" + stages.substring(insert);
    stages = stages + "\n---\n" + String.join("\n",
        "apiVersion: kwok.x-k8s.io/v1alpha1",
        "kind: Stage",
        "metadata:",
        "  name: pod-fail",
        "spec:",
        "  resourceRef:",
        "    apiGroup: v1",
        "    kind: Pod",
        "  selector:",
        "    matchLabels:",
        "      " + FAIL_LABEL + ": 'true'",
        "    matchExpressions:",
        "    - key: '.metadata.deletionTimestamp'",
        "      operator: 'DoesNotExist'",
        "    - key: '.status.phase'",
        "      operator: 'In'",
        "      values:",
        "      - 'Running'",
        "  next:",
        "    statusTemplate: |",
        "      {{ $now := Now }}",
        "      containerStatuses:",
        "      {{ range .spec.containers }}",
        "      - image: {{ .image | Quote }}",
        "        name: {{ .name | Quote }}",
        "        ready: false",
        "        restartCount: 0",
        "        started: false",
        "        state:",
        "          terminated:",
        "            exitCode: 1",
        "            finishedAt: {{ $now | Quote }}",
        "            reason: Error",
        "            startedAt: {{ $now | Quote }}",
        "      {{ end }}",
        "      phase: Failed",
        "");
    return Pki.write(dir.resolve("kwok-stages.yaml"), stages);
  }

  private Path writeKubeconfig(String file, String user, List<String> groups) {
    Pki.Issued cert = pki.client(user, groups);
    Base64.Encoder base64 = Base64.getEncoder();
    String text = String.join("\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: real-control-plane",
        "  cluster:",
        "    server: " + url(),
        "    certificate-authority-data: " + base64.encodeToString(pki.caPem().getBytes(StandardCharsets.US_ASCII)),
        "users:",
        "- name: " + user,
        "  user:",
        "    client-certificate-data: " + base64.encodeToString(cert.certificate().getBytes(StandardCharsets.US_ASCII)),
        "    client-key-data: " + base64.encodeToString(cert.key().getBytes(StandardCharsets.US_ASCII)),
        "contexts:",
        "- name: real-control-plane",
        "  context:",
        "    cluster: real-control-plane",
        "    user: " + user,
        "current-context: real-control-plane",
        "");
    return Pki.write(dir.resolve(file.replaceAll("[^A-Za-z0-9_.-]", "_") + ".kubeconfig"), text);
  }

  private boolean apiReady() {
    try {
      return "ok".equals(client().raw(url() + "/readyz"));
    } catch (RuntimeException notYet) {
      return false;
    }
  }

  private static boolean nodeReady(KubernetesClient client, String name) {
    Node node = client.nodes().withName(name).get();
    return node != null && node.getStatus() != null && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static boolean httpOk(String url) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void await(String what, Instant deadline, @org.jspecify.annotations.Nullable ChildProcess process,
      BooleanSupplier condition) {
    while (!condition.getAsBoolean()) {
      for (ChildProcess running : processes) {
        running.requireAlive();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("timed out waiting for " + what
            + (process == null ? "" : "; the end of " + process.name() + "'s log:\n" + process.tail(40)));
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
  }

  private static Path binary(TestAssets assets, String name) {
    return assets.find(name).orElseThrow(() -> new IllegalStateException(name + ": " + assets.skipMessage()));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort: the watchdog deletes it too
    }
  }
}
