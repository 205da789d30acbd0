package io.gitopsruntime;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.AccessMode;
import io.gitopsruntime.values.CodefreshValues;
import io.gitopsruntime.values.GitCredentialsValues;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.GitPasswordValues;
import io.gitopsruntime.values.GlobalValues;
import io.gitopsruntime.values.RuntimeValues;
import io.gitopsruntime.values.SecretValue;
import io.gitopsruntime.values.UserTokenValues;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.immutables.value.Value;

/**
 * One installation of the Codefresh GitOps Runtime: which release, in which namespace, from which chart,
 * with which values.
 *
 * <pre>{@code
 * RuntimeInstallation installation = RuntimeInstallation.builder()
 *     .runtimeName("prod-eu")
 *     .tunnel("628a80b693a15c0f9c13ab75", SecretValue.fromSecret("codefresh-user-token", "token"))
 *     .chartVersion("0.30.0")
 *     .build();
 * }</pre>
 *
 * <p>With a private registry ({@link Builder#privateRegistry(PrivateRegistry)}), every image is pulled from it once
 * {@code RegistryOverrides.applyTo(installation)} has written its override values into {@link #values()}: the values
 * every installer and every export uses then carry them.
 *
 * <p>Defaults are the installation page's: release {@code cf-gitops-runtime}, namespace
 * {@code codefresh}, runtime name {@code codefresh}, chart {@code oci://quay.io/codefresh/gitops-runtime}.
 * {@link Builder#build()} rejects what makes an installation unusable (a malformed runtime name,
 * namespace, release name or chart version) with an {@link InvalidValuesException} naming the field and
 * the fix; everything else is the validators' job. Immutable and thread-safe.
 */
@Value.Immutable(builder = false)
public abstract class RuntimeInstallation implements WithRuntimeInstallation {
  /** The release name the installation page uses. */
  public static final String DEFAULT_RELEASE = "cf-gitops-runtime";
  /** The namespace the installation page uses. */
  public static final String DEFAULT_NAMESPACE = "codefresh";
  /** The runtime name the installation page uses. */
  public static final String DEFAULT_RUNTIME_NAME = "codefresh";
  /** Where Codefresh publishes the chart. */
  public static final String DEFAULT_CHART = "oci://quay.io/codefresh/gitops-runtime";

  /**
   * The Helm release name.
   *
   * @return the release name; {@code cf-gitops-runtime} by default
   */
  @Value.Parameter(order = 0)
  public abstract String releaseName();

  /**
   * The namespace the runtime is installed in.
   *
   * @return the namespace; {@code codefresh} by default
   */
  @Value.Parameter(order = 1)
  public abstract String namespace();

  /**
   * The chart: an {@code oci://} reference, a repository chart, a {@code .tgz} or a directory.
   *
   * @return the chart reference; {@code oci://quay.io/codefresh/gitops-runtime} by default
   */
  @Value.Parameter(order = 2)
  public abstract String chart();

  /**
   * The pinned chart version.
   *
   * @return the version, or empty for the newest
   */
  @Value.Parameter(order = 3)
  public abstract Optional<String> chartVersion();

  /**
   * The values; {@code global.runtime.name} is always set: {@code codefresh} when the values give none (see
   * {@link #runtimeNameDefaulted()}).
   *
   * @return the values
   */
  @Value.Parameter(order = 4)
  public abstract GitOpsRuntimeValues values();

  /**
   * Whether the values gave no runtime name (absent, null or blank), so that the SDK filled in the installation
   * page's default {@code codefresh}. The chart itself has no default, so such values alone fail with plain Helm;
   * validation reports it ({@code runtime-name.defaulted}). Not part of equality.
   *
   * @return whether {@link #runtimeName()} is the SDK's default rather than a given name
   */
  @Value.Default
  @Value.Auxiliary
  public boolean runtimeNameDefaulted() {
    return false;
  }

  /**
   * The private registry every image is pulled from, with its pull Secret.
   *
   * @return the registry; empty for the images' own registries (the default)
   */
  public abstract Optional<PrivateRegistry> privateRegistry();

  /**
   * Whether {@link #values()} carry the override values of {@link #privateRegistry()}, as
   * {@code RegistryOverrides.applyTo(installation)} writes them. Changing the registry, the chart, the chart version
   * or the values through the builder clears it, as the overrides depend on them; validation reports an installation
   * with a registry whose overrides are not applied ({@code private-registry.not-applied}). Not part of equality.
   *
   * @return whether the private registry's overrides are in the values
   */
  @Value.Default
  @Value.Auxiliary
  public boolean privateRegistryApplied() {
    return false;
  }

  /**
   * The runtime name, {@code global.runtime.name}.
   *
   * @return the runtime name
   */
  public final String runtimeName() {
    return values().global().runtime().name().orElse(DEFAULT_RUNTIME_NAME);
  }

  /**
   * The access mode the values select.
   *
   * @return the access mode
   */
  public final AccessMode accessMode() {
    return values().accessMode();
  }

  /**
   * Reopens this installation for changes.
   *
   * @return a builder holding everything this installation holds
   */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  @Value.Check
  final RuntimeInstallation normalizeAndCheck() {
    Optional<String> given = values().global().runtime().name();
    if (given.isEmpty() || given.get().isBlank()) {
      // Absent, null or blank: one rule, the same as the command line's. The SDK fills in the default and says so.
      RuntimeValues runtime = values().global().runtime().withName(DEFAULT_RUNTIME_NAME);
      return withValues(values().withGlobal(values().global().withRuntime(runtime))).withRuntimeNameDefaulted(true);
    }
    reject(NameRules.checkRuntimeName(runtimeName()));
    reject(NameRules.checkNamespace(namespace()));
    reject(NameRules.checkReleaseName(releaseName()));
    chartVersion().ifPresent(v -> reject(NameRules.checkChartVersion(v)));
    if (chart().isBlank()) {
      throw new InvalidValuesException(
          "chart", "chart: the chart reference is empty. Use \"" + DEFAULT_CHART + "\" or a path to a chart.");
    }
    return this;
  }

  private static void reject(Optional<Finding> problem) {
    problem.ifPresent(f -> {
      throw new InvalidValuesException(f.path(), f.describe());
    });
  }

  /**
   * Starts a builder with the installation page's defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link RuntimeInstallation} fluently; the values-shaping methods ({@link #tunnel},
   * {@link #ingress}, {@link #userToken}...) edit the values being built. Not thread-safe.
   */
  public static final class Builder {
    private String releaseName = DEFAULT_RELEASE;
    private String namespace = DEFAULT_NAMESPACE;
    private String chart = DEFAULT_CHART;
    private Optional<String> chartVersion = Optional.empty();
    private GitOpsRuntimeValues values = GitOpsRuntimeValues.builder().build();
    private boolean runtimeNameDefaulted;
    private Optional<PrivateRegistry> privateRegistry = Optional.empty();
    private boolean privateRegistryApplied;

    Builder() {}

    /**
     * Copies every setting of an installation into this builder.
     *
     * @param installation the installation
     * @return this builder
     */
    public Builder from(RuntimeInstallation installation) {
      releaseName = installation.releaseName();
      namespace = installation.namespace();
      chart = installation.chart();
      chartVersion = installation.chartVersion();
      values = installation.values();
      runtimeNameDefaulted = installation.runtimeNameDefaulted();
      privateRegistry = installation.privateRegistry();
      privateRegistryApplied = installation.privateRegistryApplied();
      return this;
    }

    /**
     * The Helm release name.
     *
     * @param releaseName at most 53 lower-case letters, digits, {@code -} and {@code .}
     * @return this builder
     */
    public Builder releaseName(String releaseName) {
      this.releaseName = Objects.requireNonNull(releaseName, "releaseName == null");
      return this;
    }

    /**
     * The namespace.
     *
     * @param namespace a DNS-1123 label
     * @return this builder
     */
    public Builder namespace(String namespace) {
      this.namespace = Objects.requireNonNull(namespace, "namespace == null");
      return this;
    }

    /**
     * The chart reference.
     *
     * @param chart an {@code oci://} reference, a {@code repo/chart} name, a {@code .tgz} or a directory
     * @return this builder
     */
    public Builder chart(String chart) {
      this.chart = Objects.requireNonNull(chart, "chart == null");
      privateRegistryApplied = false;
      return this;
    }

    /**
     * Pins the chart version.
     *
     * @param chartVersion a SemVer 2 version such as {@code 0.30.0}
     * @return this builder
     */
    public Builder chartVersion(String chartVersion) {
      this.chartVersion = Optional.of(chartVersion);
      privateRegistryApplied = false;
      return this;
    }

    /**
     * Pins the chart version, or unpins it.
     *
     * @param chartVersion a version, or empty for the newest
     * @return this builder
     */
    public Builder chartVersion(Optional<String> chartVersion) {
      this.chartVersion = Objects.requireNonNull(chartVersion, "chartVersion == null");
      privateRegistryApplied = false;
      return this;
    }

    /**
     * Replaces the values.
     *
     * @param values the values
     * @return this builder
     */
    public Builder values(GitOpsRuntimeValues values) {
      this.values = Objects.requireNonNull(values, "values == null");
      privateRegistryApplied = false;
      return this;
    }

    /**
     * Changes the values with a function, for keys the fluent methods do not cover.
     *
     * <pre>{@code
     * builder.editValues(v -> v.withInstaller(v.installer().withSkipUsageValidation(true)));
     * }</pre>
     *
     * @param edit returns the changed values
     * @return this builder
     */
    public Builder editValues(UnaryOperator<GitOpsRuntimeValues> edit) {
      this.values = Objects.requireNonNull(edit.apply(values), "editValues returned null");
      privateRegistryApplied = false;
      return this;
    }

    /**
     * The runtime name, {@code global.runtime.name}.
     *
     * @param runtimeName a lower-case name of at most 38 characters, unique in the account
     * @return this builder
     * @throws InvalidValuesException when the name is blank: leave the call out to get {@code codefresh}
     */
    public Builder runtimeName(String runtimeName) {
      if (runtimeName.isBlank()) {
        // An explicit blank name is a caller's mistake (an unset variable, say), not a request for the default.
        reject(NameRules.checkRuntimeName(runtimeName));
      }
      runtimeNameDefaulted = false;
      return editRuntime(r -> r.withName(runtimeName));
    }

    /**
     * The platform URL, {@code global.codefresh.url}; only for on-premises platforms.
     *
     * @param url the platform URL
     * @return this builder
     */
    public Builder platformUrl(String url) {
      return editCodefresh(c -> c.withUrl(url));
    }

    /**
     * The Codefresh account ID, {@code global.codefresh.accountId}.
     *
     * @param accountId the account ID
     * @return this builder
     */
    public Builder accountId(String accountId) {
      return editCodefresh(c -> c.withAccountId(accountId));
    }

    /**
     * The Codefresh API key, {@code global.codefresh.userToken}.
     *
     * @param token a literal or a Secret reference (preferred)
     * @return this builder
     */
    public Builder userToken(SecretValue token) {
      return editCodefresh(c -> c.withUserToken(UserTokenValues.of(token)));
    }

    /**
     * The tunnel access mode with the account and token it needs.
     *
     * @param accountId the Codefresh account ID
     * @param token the Codefresh API key
     * @return this builder
     */
    public Builder tunnel(String accountId, SecretValue token) {
      accessMode(AccessMode.tunnel());
      accountId(accountId);
      return userToken(token);
    }

    /**
     * The ingress access mode over HTTPS.
     *
     * @param host the host the platform uses
     * @param className the IngressClass
     * @return this builder
     */
    public Builder ingress(String host, String className) {
      return accessMode(AccessMode.ingress(host, className));
    }

    /**
     * The service-mesh access mode: an explicit URL, ingress and tunnel off.
     *
     * @param ingressUrl the URL the platform uses
     * @return this builder
     */
    public Builder serviceMesh(String ingressUrl) {
      return accessMode(AccessMode.serviceMesh(ingressUrl));
    }

    /**
     * The Gateway API access mode over HTTPS: an HTTPRoute attached to an existing Gateway.
     *
     * @param gatewayName the Gateway's name
     * @param gatewayNamespace the Gateway's namespace
     * @param hostname the host name the platform uses
     * @return this builder
     */
    public Builder httpRoute(String gatewayName, String gatewayNamespace, String hostname) {
      return accessMode(AccessMode.httpRoute(gatewayName, gatewayNamespace, hostname));
    }

    /**
     * Any access mode.
     *
     * @param mode the access mode
     * @return this builder
     */
    public Builder accessMode(AccessMode mode) {
      values = values.withAccessMode(mode);
      privateRegistryApplied = false;
      return this;
    }

    /**
     * The Git Runtime token, {@code global.runtime.gitCredentials}.
     *
     * @param username the Git user (any non-empty name for a token)
     * @param password the token: a literal or a Secret reference (preferred)
     * @return this builder
     */
    public Builder gitCredentials(String username, SecretValue password) {
      return editRuntime(
          r -> r.withGitCredentials(
              GitCredentialsValues.builder().username(username).password(GitPasswordValues.of(password)).build()));
    }

    /**
     * Pulls every image from a private registry: its override values are written into the values by
     * {@code RegistryOverrides.applyTo(installation)} (module {@code gitops-runtime-helm}), which the command line's
     * {@code --registry} does for {@code plan}, {@code install} and {@code export}.
     *
     * <pre>{@code
     * builder.privateRegistry(PrivateRegistry.of("registry.example.com/mirror").withPullSecret("regcred"));
     * }</pre>
     *
     * @param registry the registry and its pull Secret
     * @return this builder
     */
    public Builder privateRegistry(PrivateRegistry registry) {
      Optional<PrivateRegistry> given = Optional.of(Objects.requireNonNull(registry, "registry == null"));
      if (!given.equals(privateRegistry)) {
        privateRegistryApplied = false;
      }
      this.privateRegistry = given;
      return this;
    }

    /**
     * Pulls every image from a private registry, or from the images' own registries (empty, the default). Removing
     * the registry does not remove override values already applied to the values.
     *
     * @param registry the registry, or empty
     * @return this builder
     */
    public Builder privateRegistry(Optional<PrivateRegistry> registry) {
      Objects.requireNonNull(registry, "registry == null");
      if (registry.isPresent()) {
        return privateRegistry(registry.get());
      }
      this.privateRegistry = registry;
      privateRegistryApplied = false;
      return this;
    }

    /**
     * Builds the installation.
     *
     * @return the installation
     * @throws InvalidValuesException if the runtime name, namespace, release name or chart version is
     *     malformed; the message names the field and the fix
     */
    public RuntimeInstallation build() {
      RuntimeInstallation built = ImmutableRuntimeInstallation.of(releaseName, namespace, chart, chartVersion, values)
          .withPrivateRegistry(privateRegistry)
          .withPrivateRegistryApplied(privateRegistryApplied && privateRegistry.isPresent());
      // An installation reopened with toBuilder() keeps saying that its name was filled in, until one is given.
      return runtimeNameDefaulted && built.runtimeName().equals(DEFAULT_RUNTIME_NAME)
          ? built.withRuntimeNameDefaulted(true) : built;
    }

    private Builder editCodefresh(UnaryOperator<CodefreshValues> edit) {
      GlobalValues global = values.global();
      values = values.withGlobal(global.withCodefresh(edit.apply(global.codefresh())));
      privateRegistryApplied = false;
      return this;
    }

    private Builder editRuntime(UnaryOperator<RuntimeValues> edit) {
      GlobalValues global = values.global();
      values = values.withGlobal(global.withRuntime(edit.apply(global.runtime())));
      privateRegistryApplied = false;
      return this;
    }
  }
}
