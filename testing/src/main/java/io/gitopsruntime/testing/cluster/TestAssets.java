package io.gitopsruntime.testing.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Finds the real binaries that tests run against: etcd, kube-apiserver, kube-controller-manager,
 * kube-scheduler, kwok, Helm 3 and Helm 4, as built by {@code scripts/provision-test-cluster.sh}.
 *
 * <p>Lookup follows controller-runtime's envtest convention first, so binaries from {@code setup-envtest}
 * can be brought: {@code TEST_ASSET_<NAME>} (for example {@code TEST_ASSET_KUBE_APISERVER},
 * {@code TEST_ASSET_ETCD}, {@code TEST_ASSET_HELM3}, {@code TEST_ASSET_HELM4}), then a file of that name in
 * {@code KUBEBUILDER_ASSETS}, then the provisioning cache
 * ({@code $GITOPS_RUNTIME_TEST_ASSETS}, default {@code ~/.cache/gitops-runtime/test-assets}) under the key of
 * the pinned versions. When a binary is absent, {@link #skipMessage()} says how to get it.
 *
 * <p>Stateless and thread-safe.
 */
public final class TestAssets {
  /** The command that provisions the binaries, named in every skip message. */
  public static final String PROVISION_COMMAND = "bash scripts/provision-test-cluster.sh";

  private static final Properties PINS = loadPins();
  private final Function<String, String> env;
  private final Path home;

  private TestAssets(Function<String, String> env, Path home) {
    this.env = env;
    this.home = home;
  }

  /**
   * The binaries of this process's environment.
   *
   * @return the lookup over {@link System#getenv} and the user's home directory
   */
  public static TestAssets fromEnvironment() {
    return new TestAssets(System::getenv, Path.of(System.getProperty("user.home")));
  }

  /**
   * For tests of the lookup itself.
   *
   * @param environment the environment variables to read
   * @param home the home directory the default cache lives under
   * @return the lookup
   */
  public static TestAssets of(Map<String, String> environment, Path home) {
    return new TestAssets(environment::get, home);
  }

  /**
   * The pinned Kubernetes version.
   *
   * @return for example {@code 1.34.4}
   */
  public static String kubernetesVersion() {
    return PINS.getProperty("kubernetes");
  }

  /**
   * The pinned Helm 3 version.
   *
   * @return for example {@code 3.22.0}
   */
  public static String helm3Version() {
    return PINS.getProperty("helm3");
  }

  /**
   * The pinned Helm 4 version.
   *
   * @return for example {@code 4.3.1}
   */
  public static String helm4Version() {
    return PINS.getProperty("helm4");
  }

  /**
   * The pinned etcd version.
   *
   * @return for example {@code 3.6.16}
   */
  public static String etcdVersion() {
    return PINS.getProperty("etcd");
  }

  /**
   * The pinned kwok version.
   *
   * @return for example {@code 0.8.0}
   */
  public static String kwokVersion() {
    return PINS.getProperty("kwok");
  }

  /**
   * The pinned version of the distribution registry the image-mirroring tests run.
   *
   * @return for example {@code 3.1.2}
   */
  public static String registryVersion() {
    return PINS.getProperty("registry");
  }

  /**
   * The cache directory the provisioning script fills for the pinned versions.
   *
   * @return the directory, which may not exist
   */
  public Path cacheDirectory() {
    String root = env.apply("GITOPS_RUNTIME_TEST_ASSETS");
    Path base = root == null || root.isBlank() ? home.resolve(".cache/gitops-runtime/test-assets") : Path.of(root);
    return base.resolve("k8s-" + kubernetesVersion() + "_etcd-" + etcdVersion() + "_kwok-" + kwokVersion()
        + "_helm-" + helm3Version() + "-" + helm4Version());
  }

  /**
   * Helm 3.
   *
   * @return the binary, if present
   */
  public Optional<Path> helm3() {
    return find("helm3");
  }

  /**
   * Helm 4.
   *
   * @return the binary, if present
   */
  public Optional<Path> helm4() {
    return find("helm4");
  }

  /**
   * The binary of that name ({@code etcd}, {@code kube-apiserver}, {@code kube-controller-manager},
   * {@code kube-scheduler}, {@code kwok}, {@code helm3}, {@code helm4}).
   *
   * @param name the binary's name
   * @return the binary, if present and executable
   */
  public Optional<Path> find(String name) {
    String variable = env.apply("TEST_ASSET_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    if (variable != null && !variable.isBlank()) {
      return executable(Path.of(variable));
    }
    String kubebuilder = env.apply("KUBEBUILDER_ASSETS");
    if (kubebuilder != null && !kubebuilder.isBlank()) {
      Optional<Path> found = executable(Path.of(kubebuilder, name));
      if (found.isPresent()) {
        return found;
      }
    }
    return executable(cacheDirectory().resolve("bin").resolve(name));
  }

  /**
   * The kwok stages the provisioning script assembled.
   *
   * @return the stages file, if present
   */
  public Optional<Path> kwokStages() {
    Path stages = cacheDirectory().resolve("kwok-stages.yaml");
    return Files.isRegularFile(stages) ? Optional.of(stages) : Optional.empty();
  }

  /**
   * Whether every binary of a control plane is present.
   *
   * @return true when etcd, the three Kubernetes binaries, kwok and its stages are all present
   */
  public boolean hasControlPlane() {
    return find("etcd").isPresent() && find("kube-apiserver").isPresent() && find("kube-controller-manager").isPresent()
        && find("kube-scheduler").isPresent() && find("kwok").isPresent() && kwokStages().isPresent();
  }

  /**
   * The one message a skipped test gives.
   *
   * @return where the binaries were looked for, and the command that provisions them
   */
  public String skipMessage() {
    return "real binaries absent (looked in TEST_ASSET_*, KUBEBUILDER_ASSETS and " + cacheDirectory()
        + "); provision them with: " + PROVISION_COMMAND;
  }

  private static Optional<Path> executable(Path path) {
    return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
  }

  private static Properties loadPins() {
    Properties pins = new Properties();
    try (InputStream in = TestAssets.class.getResourceAsStream("/io/gitopsruntime/testing/test-assets.properties")) {
      if (in == null) {
        throw new IllegalStateException("test-assets.properties is missing from the gitops-runtime-testing jar");
      }
      pins.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pins;
  }
}
