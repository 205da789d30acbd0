package io.gitopsruntime.helm.images;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.PrivateRegistry;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValuesPath;
import io.gitopsruntime.core.ValuesTree;
import io.gitopsruntime.helm.manifest.internal.ChartException;
import io.gitopsruntime.helm.manifest.internal.ChartFetcher;
import io.gitopsruntime.helm.manifest.internal.Json;
import io.gitopsruntime.helm.manifest.internal.WorkDir;
import io.gitopsruntime.values.ExplicitNull;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Override values that point every image of an installation at a private registry, for the chart and each
 * subchart in its own key structure, with image pull secrets where each takes them; checked by rendering the chart
 * again with them.
 *
 * <p>The mapping rule: an image {@code REGISTRY/REPOSITORY[:TAG][@DIGEST]}, normalized as {@link ImageRef} does,
 * becomes {@code HOST[/PREFIX]/REPOSITORY[:TAG][@DIGEST]}: the repository path, tag and digest are kept and only the
 * registry is replaced. {@code quay.io/codefresh/cap-app-proxy:1.4124.0} becomes
 * {@code registry.example.com/mirror/codefresh/cap-app-proxy:1.4124.0}, and {@code nginx} (Docker Hub)
 * {@code registry.example.com/mirror/library/nginx:latest}. The images must be copied there under these names
 * ({@link #mirrorOf(String)} gives each one's).
 *
 * <p>Which keys hold images is data: {@link RegistryKeys#standard()}, the GitOps Runtime chart's table. Each key
 * present in the chart's values as the installation sets them (the chart's and subcharts' {@code values.yaml} under
 * the user's values) is rewritten from its current value; tags are left alone, so the chart's own tag defaults still
 * apply. Then the chart is rendered again with the user's values and the overrides, and if any image is not under
 * {@code HOST[/PREFIX]/} (an image hard-coded in a template, or a key the table lacks) {@link #of} fails naming the
 * image and the objects and containers that use it.
 *
 * <pre>{@code
 * ValuesTree overrides = RegistryOverrides.builder().registry("registry.example.com/mirror")
 *     .pullSecret("mirror-credentials").build().of(installation);
 * Files.writeString(Path.of("registry-values.yaml"), overrides.toYaml());   // helm ... -f values.yaml -f registry-values.yaml
 * }</pre>
 *
 * <p>An installation that names its registry ({@link RuntimeInstallation.Builder#privateRegistry(PrivateRegistry)})
 * gets the same overrides in its values with {@link #apply(RuntimeInstallation)}; every installer and every export
 * then uses them:
 *
 * <pre>{@code
 * RuntimeInstallation mirrored = RegistryOverrides.apply(RuntimeInstallation.builder()
 *     .runtimeName("prod-eu")
 *     .privateRegistry(PrivateRegistry.of("registry.example.com/mirror").withPullSecret("regcred"))
 *     .build());
 * installer.install(mirrored);
 * }</pre>
 *
 * <p>Images already on the private registry are left as they are, so applying the overrides again changes nothing.
 *
 * <p>Immutable and thread-safe.
 */
public final class RegistryOverrides {
  private static final Pattern SECRET_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private final String registry;
  private final Optional<String> pullSecret;
  private final RegistryKeys keys;
  private final RuntimeImages images;
  private final boolean plainHttp;

  private RegistryOverrides(Builder builder) {
    this.registry = builder.registry;
    this.pullSecret = builder.pullSecret;
    this.keys = builder.keys;
    this.images = RuntimeImages.builder().kubeVersion(builder.kubeVersion).plainHttp(builder.plainHttp).build();
    this.plainHttp = builder.plainHttp;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The private registry, {@code HOST[/PREFIX]}.
   *
   * @return such as {@code registry.example.com/mirror}
   */
  public String registry() {
    return registry;
  }

  /**
   * Where an image goes on the private registry, by the mapping rule of this class.
   *
   * @param image an image reference, such as {@code quay.io/codefresh/cap-app-proxy:1.4124.0}
   * @return such as {@code registry.example.com/mirror/codefresh/cap-app-proxy:1.4124.0}
   * @throws IllegalArgumentException if the image is not a valid reference
   */
  public String mirrorOf(String image) {
    ImageRef ref = ImageRef.parse(image);
    return registry + "/" + ref.repository() + ref.tag().map(t -> ":" + t).orElse("") + ref.digest().map(d -> "@" + d).orElse("");
  }

  /**
   * An installation with the override values of the private registry it names in its values, by
   * {@link #applyTo}, with default options (Kubernetes version, HTTPS registries).
   *
   * @param installation the installation
   * @return the installation with its registry's overrides applied; the installation itself when it names no
   *     private registry or its overrides are already applied
   * @throws GitOpsRuntimeException as {@link #of} does
   */
  public static RuntimeInstallation apply(RuntimeInstallation installation) {
    Objects.requireNonNull(installation, "installation == null");
    if (installation.privateRegistry().isEmpty() || installation.privateRegistryApplied()) {
      return installation;
    }
    return builder().privateRegistry(installation.privateRegistry().get()).build().applyTo(installation);
  }

  /**
   * The installation with this registry as its {@link RuntimeInstallation#privateRegistry()} and the override
   * values of {@link #of} layered over its values, as {@code -f values.yaml -f registry-values.yaml} would: the
   * values every installer and export uses then point every image at the registry.
   *
   * @param installation the installation
   * @return the installation with the overrides applied ({@link RuntimeInstallation#privateRegistryApplied()})
   * @throws GitOpsRuntimeException as {@link #of} does
   */
  public RuntimeInstallation applyTo(RuntimeInstallation installation) {
    ValuesTree overrides = of(installation);
    ValuesTree user = ValuesTree.of(installation.values(), SecretHandling.REVEAL);
    PrivateRegistry named = PrivateRegistry.of(registry).withPullSecret(pullSecret);
    return RuntimeInstallation.builder().from(installation)
        .values(user.overriddenBy(overrides).toValues().valuesOrThrow())
        .privateRegistry(named)
        .build()
        .withPrivateRegistryApplied(true);
  }

  /**
   * The override values for an installation, checked by rendering the chart with the installation's values and
   * them.
   *
   * @param installation the installation: its chart, chart version and values
   * @return the override values, to be layered over the installation's values (as a later {@code -f} file)
   * @throws GitOpsRuntimeException if the chart cannot be fetched or rendered, or renders an image that is not on
   *     the private registry with the overrides (naming the image, object and container)
   */
  public ValuesTree of(RuntimeInstallation installation) {
    Objects.requireNonNull(installation, "installation == null");
    ValuesTree user = ValuesTree.of(installation.values(), SecretHandling.REVEAL);
    ValuesTree effective = user.coalesce(chartDefaults(installation));
    ValuesTree overrides = ValuesTree.ofData(overridesFor(effective));
    RuntimeInstallation redirected = RuntimeInstallation.builder().from(installation)
        .values(user.overriddenBy(overrides).toValues().valuesOrThrow()).build();
    List<String> elsewhere = new ArrayList<>();
    for (ImageRef image : images.of(redirected)) {
      if (!image.reference().startsWith(registry + "/")) {
        elsewhere.add(image.reference() + " in " + String.join(", ", image.places().stream().map(ImagePlace::toString).toList()));
      }
    }
    if (!elsewhere.isEmpty()) {
      throw new GitOpsRuntimeException("With the override values for " + registry + ", the chart " + installation.chart()
          + " still renders " + (elsewhere.size() == 1 ? "an image" : elsewhere.size() + " images") + " from another"
          + " registry: " + String.join("; ", elsewhere) + ". No values key the registry keys table knows holds "
          + (elsewhere.size() == 1 ? "it" : "them") + " (the template hard-codes the image, or takes it from another"
          + " key). Add the key to the table (RegistryKeys.parse) or set that image in the values yourself.");
    }
    return overrides;
  }

  private Map<String, Object> overridesFor(ValuesTree effective) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (RegistryKeys.Key key : keys.keys()) {
      ValuesPath path = ValuesPath.parse(key.path());
      Optional<Object> value = effective.get(path);
      switch (key.shape()) {
        case REGISTRY -> value.filter(v -> v instanceof String s && !s.isBlank()).ifPresent(v -> put(out, path, registry));
        case PULL_SECRETS, PULL_SECRET_NAMES -> {
          if (pullSecret.isPresent() && (path.segments().size() == 1 || effective.get(path.parent()).orElse(null) instanceof Map)) {
            List<Object> secrets = new ArrayList<>(value.orElse(null) instanceof List<?> list ? list : List.of());
            Object mine = key.shape() == RegistryKeys.Shape.PULL_SECRETS ? Map.of("name", pullSecret.get()) : pullSecret.get();
            if (!secrets.contains(mine)) {
              secrets.add(mine);
            }
            put(out, path, secrets);
          }
        }
        default -> {
          if (value.orElse(null) instanceof String image && !image.isBlank()) {
            if (!onRegistry(image)) {
              put(out, path, retarget(image, key.path()));
            }
          } else if (value.orElse(null) instanceof Map<?, ?> map && map.get("repository") instanceof String repository
              && !repository.isBlank()) {
            if (map.containsKey("registry")) {
              Object from = map.get("registry");
              if (registry.equals(from)) {
                continue;
              }
              String source = from instanceof String s && !s.isBlank() ? s + "/" + repository : repository;
              put(out, path.key("registry"), registry);
              put(out, path.key("repository"), parse(source, key.path()).repository());
            } else if (!onRegistry(repository)) {
              put(out, path.key("repository"), retarget(repository, key.path() + ".repository"));
            }
          }
        }
      }
    }
    return out;
  }

  /** Whether an image is already on the private registry (overrides applied before, or the user's own). */
  private boolean onRegistry(String image) {
    return image.strip().startsWith(registry + "/");
  }

  /** The image on the private registry, keeping whatever tag and digest the string has (none added). */
  private String retarget(String image, String path) {
    ImageRef ref = parse(image, path);
    String name = image.strip();
    int at = name.indexOf('@');
    if (at >= 0) {
      name = name.substring(0, at);
    }
    if (name.lastIndexOf(':') > name.lastIndexOf('/')) {
      name = name.substring(0, name.lastIndexOf(':'));
    }
    return registry + "/" + ref.repository() + image.strip().substring(name.length());
  }

  private static ImageRef parse(String image, String path) {
    try {
      return ImageRef.parse(image);
    } catch (IllegalArgumentException e) {
      throw new GitOpsRuntimeException("The value at " + path + " cannot be pointed at a private registry: " + e.getMessage()
          + " Set " + path + " to a valid image.", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, ValuesPath path, Object value) {
    Map<String, Object> current = root;
    List<ValuesPath.Segment> segments = path.segments();
    for (int i = 0; i < segments.size(); i++) {
      String name = ((ValuesPath.Key) segments.get(i)).name();
      if (i == segments.size() - 1) {
        current.put(name, value);
      } else {
        current = (Map<String, Object>) current.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>());
      }
    }
  }

  private ValuesTree chartDefaults(RuntimeInstallation installation) {
    try (WorkDir work = WorkDir.create()) {
      Path into = Files.createDirectories(work.path().resolve("chart"));
      ChartFetcher.Fetched fetched = new ChartFetcher(plainHttp).fetch(installation.chart(), installation.chartVersion(), into);
      return ValuesTree.ofData(defaultsOf(fetched.dir()));
    } catch (ChartException e) {
      throw new GitOpsRuntimeException("Could not read the values of the chart " + installation.chart() + ": " + e.getMessage(),
          e.getCause());
    } catch (IOException e) {
      throw new GitOpsRuntimeException("Could not read the values of the chart " + installation.chart() + ": " + e.getMessage(), e);
    }
  }

  /** The chart's values.yaml with each subchart's values.yaml under its alias, the parent's values winning. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> defaultsOf(Path chart) throws IOException {
    Path file = chart.resolve("values.yaml");
    Map<String, Object> values = Files.isRegularFile(file) ? (Map<String, Object>) clean(Json.yaml(Files.readString(file)))
        : new LinkedHashMap<>();
    Map<String, Path> subcharts = new HashMap<>();
    Path charts = chart.resolve("charts");
    if (Files.isDirectory(charts)) {
      try (Stream<Path> s = Files.list(charts)) {
        for (Path sub : s.filter(p -> Files.isRegularFile(p.resolve("Chart.yaml"))).toList()) {
          subcharts.put(String.valueOf(Json.yaml(Files.readString(sub.resolve("Chart.yaml"))).get("name")), sub);
        }
      }
    }
    for (Object dependency : Json.list(Json.yaml(Files.readString(chart.resolve("Chart.yaml"))), "dependencies")) {
      if (!(dependency instanceof Map<?, ?> dep) || !(dep.get("name") instanceof String name) || !subcharts.containsKey(name)) {
        continue;
      }
      String key = dep.get("alias") instanceof String alias && !alias.isBlank() ? alias : name;
      Map<String, Object> mine = values.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      values.put(key, ValuesTree.ofData(mine).coalesce(ValuesTree.ofData(defaultsOf(subcharts.get(name)))).data());
    }
    return values;
  }

  /** Plain data without nulls (a defaults file's empty keys give a template nothing either). */
  private static Object clean(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> {
        if (v != null && v != ExplicitNull.INSTANCE) {
          out.put(String.valueOf(k), clean(v));
        }
      });
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().filter(Objects::nonNull).map(RegistryOverrides::clean).toList();
    }
    return value;
  }

  /** Configures {@link RegistryOverrides}. Not thread-safe. */
  public static final class Builder {
    private String registry = "";
    private Optional<String> pullSecret = Optional.empty();
    private RegistryKeys keys = RegistryKeys.standard();
    private String kubeVersion = RuntimeImages.DEFAULT_KUBE_VERSION;
    private boolean plainHttp;

    private Builder() {}

    /**
     * The private registry (required).
     *
     * @param registry {@code HOST[:PORT][/PREFIX]}, such as {@code registry.example.com/mirror}; the host must have a
     *     {@code .} or a port or be {@code localhost}, or container runtimes would read it as a Docker Hub namespace
     * @return this builder
     * @throws IllegalArgumentException if it is not such a registry
     */
    public Builder registry(String registry) {
      Objects.requireNonNull(registry, "registry == null");
      String given = registry.strip();
      while (given.endsWith("/")) {
        given = given.substring(0, given.length() - 1);
      }
      int slash = given.indexOf('/');
      String host = slash < 0 ? given : given.substring(0, slash);
      ImageRef probe;
      try {
        probe = ImageRef.parse(given + "/probe");
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("\"" + registry + "\" is not HOST[/PREFIX]: the prefix must be lower-case"
            + " letters, digits and separators between '/', such as registry.example.com/mirror.", e);
      }
      if (host.isEmpty() || !probe.registry().equals(host) || probe.registry().equals(ImageRef.DOCKER_HUB) && !host.equals(ImageRef.DOCKER_HUB)) {
        throw new IllegalArgumentException("\"" + registry + "\" is not HOST[/PREFIX]: the host must contain a '.' or a"
            + " port, or be localhost (otherwise it reads as a Docker Hub namespace), such as registry.example.com/mirror.");
      }
      this.registry = given;
      return this;
    }

    /**
     * The private registry and its pull Secret, as an installation names them.
     *
     * @param registry the registry
     * @return this builder
     */
    public Builder privateRegistry(PrivateRegistry registry) {
      registry(registry.registry());
      this.pullSecret = registry.pullSecret();
      return this;
    }

    /**
     * An image pull secret for every component that takes one (none by default).
     *
     * @param name the name of a Secret of type {@code kubernetes.io/dockerconfigjson} in the release namespace
     * @return this builder
     * @throws IllegalArgumentException if it is not a valid Secret name
     */
    public Builder pullSecret(String name) {
      Objects.requireNonNull(name, "name == null");
      if (name.length() > 253 || !SECRET_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("\"" + name + "\" is not a Secret name: lower-case letters, digits, '-' and"
            + " '.', starting and ending with a letter or digit, at most 253 characters.");
      }
      this.pullSecret = Optional.of(name);
      return this;
    }

    /**
     * Which keys hold images and pull secrets.
     *
     * @param keys the keys; {@link RegistryKeys#standard()} by default
     * @return this builder
     */
    public Builder keys(RegistryKeys keys) {
      this.keys = Objects.requireNonNull(keys, "keys == null");
      return this;
    }

    /**
     * The Kubernetes version the chart is rendered for, as {@link RuntimeImages.Builder#kubeVersion(String)}.
     *
     * @param kubeVersion such as {@code v1.33.4}
     * @return this builder
     */
    public Builder kubeVersion(String kubeVersion) {
      RuntimeImages.builder().kubeVersion(kubeVersion);
      this.kubeVersion = kubeVersion;
      return this;
    }

    /**
     * Whether OCI registries are reached over plain HTTP, like Helm's {@code --plain-http}.
     *
     * @param plain true for plain HTTP (false by default)
     * @return this builder
     */
    public Builder plainHttp(boolean plain) {
      this.plainHttp = plain;
      return this;
    }

    /**
     * Builds it.
     *
     * @return the overrides maker
     * @throws IllegalStateException if no registry was given
     */
    public RegistryOverrides build() {
      if (registry.isEmpty()) {
        throw new IllegalStateException("registry(HOST[/PREFIX]) is required");
      }
      return new RegistryOverrides(this);
    }
  }
}
