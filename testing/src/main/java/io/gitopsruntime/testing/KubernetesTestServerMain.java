package io.gitopsruntime.testing;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Test fixture launcher: starts a {@link KubernetesTestServer}, writes its kubeconfig, prints its URL and
 * runs until the process is stopped, so that scripts and the command-line tool can be exercised against
 * an API server without a cluster. Not for production use.
 *
 * <pre>
 * java -cp ... io.gitopsruntime.testing.KubernetesTestServerMain build/kubeconfig.yaml [--namespace codefresh]
 *     [--port 6443] [--fail-job validate-values=log line]
 * </pre>
 *
 * <p>Not instantiable; thread-safe.
 */
public final class KubernetesTestServerMain {

  private KubernetesTestServerMain() {}

  /**
   * Starts the server.
   *
   * @param args the kubeconfig path, then options
   * @throws InterruptedException when interrupted while running
   */
  public static void main(String[] args) throws InterruptedException {
    // SLF4J warns on stderr when no logging provider is on the class path (as when run with JBang): no noise
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    if (args.length == 0 || args[0].startsWith("--")) {
      System.err.println("usage: KubernetesTestServerMain <kubeconfig-path> [--namespace NS] [--port PORT]"
          + " [--fail-job NAME=LOG]");
      System.exit(2);
    }
    KubernetesTestServer.Builder builder = KubernetesTestServer.builder();
    String failJob = null;
    for (int i = 1; i < args.length - 1; i += 2) {
      switch (args[i]) {
        case "--namespace":
          builder.namespace(args[i + 1]);
          break;
        case "--port":
          builder.port(Integer.parseInt(args[i + 1]));
          break;
        case "--fail-job":
          failJob = args[i + 1];
          break;
        default:
          System.err.println("unknown option " + args[i]);
          System.exit(2);
      }
    }
    KubernetesTestServer server = builder.start();
    if (failJob != null) {
      int eq = failJob.indexOf('=');
      server.failJob(eq < 0 ? failJob : failJob.substring(0, eq), eq < 0 ? "failed" : failJob.substring(eq + 1));
    }
    Path kubeconfig = server.writeKubeconfig(Path.of(args[0]));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "kubernetes-test-server-shutdown"));
    System.out.println(server.url());
    System.out.println("kubeconfig: " + kubeconfig.toAbsolutePath());
    System.out.flush();
    stopped.await();
  }
}
