package io.gitopsruntime.helm.images;

import io.gitopsruntime.GitOpsRuntimeException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.Redactor;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.helm.images.internal.ImageArgs;
import io.gitopsruntime.helm.images.internal.ImageScanner;
import io.gitopsruntime.helm.manifest.internal.ChartException;
import io.gitopsruntime.helm.manifest.internal.ChartFetcher;
import io.gitopsruntime.helm.manifest.internal.Cluster;
import io.gitopsruntime.helm.manifest.internal.Renderer;
import io.gitopsruntime.helm.manifest.internal.WorkDir;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Lists every image an installation will run, from the chart as rendered for it (the chart version and values being
 * installed), not from its values: the containers, init containers and ephemeral containers of every workload kind,
 * hooks included, of CronJobs and of custom resources that carry containers, and the images the chart passes outside
 * image fields (argo-workflows' executor image argument, app-proxy's image-enrichment images). Renders offline with
 * the embedded Helm engine, as the manifest installer does; needs no cluster and no {@code helm} binary (an
 * {@code oci://}, URL or {@code repo/chart} reference is downloaded).
 *
 * <pre>{@code
 * List<ImageRef> images = RuntimeImages.builder().build().of(installation);
 * images.forEach(image -> System.out.println(image.reference() + "  " + image.places()));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RuntimeImages {
  /** The Kubernetes version the chart is rendered for unless {@link Builder#kubeVersion(String)} says otherwise. */
  public static final String DEFAULT_KUBE_VERSION = "v1.33.0";
  private static final Pattern KUBE_VERSION = Pattern.compile("v?\\d+\\.\\d+\\.\\d+");

  private final String kubeVersion;
  private final boolean plainHttp;
  private final ImageScanner scanner = new ImageScanner(ImageArgs.standard());

  private RuntimeImages(String kubeVersion, boolean plainHttp) {
    this.kubeVersion = kubeVersion;
    this.plainHttp = plainHttp;
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
   * Every image the installation will run, deduplicated and sorted by normalized reference, each with the places it
   * is used.
   *
   * @param installation the installation: its chart, chart version, release, namespace and values
   * @return the images, immutable
   * @throws GitOpsRuntimeException if the chart cannot be fetched or rendered, or renders an image that is not a
   *     valid reference (naming the object and container)
   */
  public List<ImageRef> of(RuntimeInstallation installation) {
    Objects.requireNonNull(installation, "installation == null");
    Redactor redactor = Redactor.of(installation.values());
    Renderer.Rendered rendered;
    try (WorkDir work = WorkDir.create()) {
      rendered = Renderer.render(new ChartFetcher(plainHttp), installation.chart(), installation.chartVersion(),
          installation.releaseName(), installation.namespace(), Cluster.offline(kubeVersion),
          ValuesYaml.write(installation.values(), SecretHandling.REVEAL), work, redactor::redact);
    } catch (ChartException e) {
      throw new GitOpsRuntimeException("Could not list the images of release " + installation.releaseName()
          + " in namespace " + installation.namespace() + ": " + e.getMessage(), e.getCause());
    }
    try {
      return scanner.scan(rendered.documents().stream().map(Renderer.Document::body).toList());
    } catch (IllegalArgumentException e) {
      throw new GitOpsRuntimeException(redactor.redact("The chart " + installation.chart() + " renders an image that"
          + " no container runtime can pull: " + e.getMessage() + " Check the image values of that object."), e);
    }
  }

  /** Configures {@link RuntimeImages}. Not thread-safe. */
  public static final class Builder {
    private String kubeVersion = DEFAULT_KUBE_VERSION;
    private boolean plainHttp;

    private Builder() {}

    /**
     * The Kubernetes version the chart is rendered for ({@code .Capabilities.KubeVersion}).
     *
     * @param kubeVersion such as {@code v1.33.4}; {@value RuntimeImages#DEFAULT_KUBE_VERSION} by default
     * @return this builder
     */
    public Builder kubeVersion(String kubeVersion) {
      Objects.requireNonNull(kubeVersion, "kubeVersion == null");
      if (!KUBE_VERSION.matcher(kubeVersion).matches()) {
        throw new IllegalArgumentException("kubeVersion must be vMAJOR.MINOR.PATCH, such as v1.33.4, not \""
            + kubeVersion + "\"");
      }
      this.kubeVersion = kubeVersion.startsWith("v") ? kubeVersion : "v" + kubeVersion;
      return this;
    }

    /**
     * Whether OCI registries are reached over plain HTTP instead of HTTPS, like Helm's {@code --plain-http}.
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
     * @return the image lister
     */
    public RuntimeImages build() {
      return new RuntimeImages(kubeVersion, plainHttp);
    }
  }
}
