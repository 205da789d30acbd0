package io.gitopsruntime.helm.images;

import io.gitopsruntime.RuntimeInstallation;
import java.util.Objects;
import java.util.Optional;

/**
 * The chart an installation renders, to be mirrored as Helm's OCI chart artifact ({@code helm push}'s shape: a
 * manifest whose config is {@code Chart.yaml} as JSON and whose one layer is the packaged chart) to
 * {@code HOST[/PREFIX]/NAME:VERSION}, from where {@code helm install oci://HOST[/PREFIX]/NAME --version VERSION}
 * installs it. A chart directory is packaged as {@code helm package} does, repeatably (the same files give the same
 * digest); a {@code .tgz} is copied as it is; an {@code oci://} chart is copied by digest, byte for byte (its newest
 * stable version when none is given). Charts from Helm repositories or URLs are not mirrored: pull them first.
 *
 * <pre>{@code
 * ImageMirror.builder().to("registry.example.com/mirror").build().copy(images, ChartArtifact.of(installation));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ChartArtifact {
  private final String reference;
  private final Optional<String> version;

  private ChartArtifact(String reference, Optional<String> version) {
    this.reference = Objects.requireNonNull(reference, "reference == null");
    this.version = Objects.requireNonNull(version, "version == null");
  }

  /**
   * The chart an installation renders: its chart reference and chart version.
   *
   * @param installation the installation
   * @return the chart
   */
  public static ChartArtifact of(RuntimeInstallation installation) {
    return new ChartArtifact(installation.chart(), installation.chartVersion());
  }

  /**
   * A chart by reference.
   *
   * @param reference a chart directory, a {@code .tgz} or {@code oci://HOST/PATH/NAME[:VERSION]}
   * @param version the version of an {@code oci://} chart; empty for its tag or its newest stable version (a local
   *     chart's own version is always used)
   * @return the chart
   */
  public static ChartArtifact of(String reference, Optional<String> version) {
    return new ChartArtifact(reference, version);
  }

  /**
   * The chart reference.
   *
   * @return a directory, a {@code .tgz} or an {@code oci://} reference
   */
  public String reference() {
    return reference;
  }

  /**
   * The version asked for.
   *
   * @return the version, if given
   */
  public Optional<String> version() {
    return version;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChartArtifact c && c.reference.equals(reference) && c.version.equals(version);
  }

  @Override
  public int hashCode() {
    return Objects.hash(reference, version);
  }

  @Override
  public String toString() {
    return reference + version.map(v -> " " + v).orElse("");
  }
}
