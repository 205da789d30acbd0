package io.gitopsruntime.validation;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Validator} checks: the installation and its values, whether remote checks may run, and
 * the collaborators remote checks use (a Kubernetes client, an HTTP client), looked up by type.
 *
 * <pre>{@code
 * ValidationContext context = ValidationContext.builder(installation)
 *     .offline(false)
 *     .service(KubernetesClient.class, client)
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe, provided the attached services are.
 */
public final class ValidationContext {
  private final RuntimeInstallation installation;
  private final boolean offline;
  private final Clock clock;
  private final Map<Class<?>, Object> services;

  private ValidationContext(Builder builder) {
    this.installation = builder.installation;
    this.offline = builder.offline;
    this.clock = builder.clock;
    this.services = Map.copyOf(builder.services);
  }

  /**
   * The installation being validated.
   *
   * @return the installation
   */
  public RuntimeInstallation installation() {
    return installation;
  }

  /**
   * The values being validated, {@code installation().values()}.
   *
   * @return the values
   */
  public GitOpsRuntimeValues values() {
    return installation.values();
  }

  /**
   * Whether remote checks (cluster, platform, Git, ingress probe) must be skipped.
   *
   * @return true when running offline
   */
  public boolean offline() {
    return offline;
  }

  /**
   * The clock validators use (token expiry, timestamps); fixed in tests.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * A collaborator attached under its type, such as a Kubernetes client.
   *
   * @param type the type it was attached under
   * @param <T> the type
   * @return the collaborator, or empty when none was attached
   */
  public <T> Optional<T> service(Class<T> type) {
    return Optional.ofNullable(services.get(type)).map(type::cast);
  }

  /**
   * Returns a copy that runs offline or not.
   *
   * @param offline whether remote checks must be skipped
   * @return the changed copy
   */
  public ValidationContext withOffline(boolean offline) {
    return toBuilder().offline(offline).build();
  }

  /**
   * Reopens this context for changes.
   *
   * @return a builder holding everything this context holds
   */
  public Builder toBuilder() {
    Builder builder = new Builder(installation).offline(offline).clock(clock);
    builder.services.putAll(services);
    return builder;
  }

  @Override
  public String toString() {
    return "ValidationContext{release=" + installation.releaseName()
        + ", namespace=" + installation.namespace()
        + ", offline=" + offline
        + ", services=" + services.keySet().stream().map(Class::getSimpleName).sorted().toList() + "}";
  }

  /**
   * Starts a context for an installation; online, with the system clock and no services.
   *
   * @param installation the installation to validate
   * @return a builder
   */
  public static Builder builder(RuntimeInstallation installation) {
    return new Builder(installation);
  }

  /** Builds a {@link ValidationContext}. Not thread-safe. */
  public static final class Builder {
    private final RuntimeInstallation installation;
    private boolean offline;
    private Clock clock = Clock.systemUTC();
    private final Map<Class<?>, Object> services = new LinkedHashMap<>();

    private Builder(RuntimeInstallation installation) {
      this.installation = Objects.requireNonNull(installation, "installation == null");
    }

    /**
     * Whether remote checks must be skipped.
     *
     * @param offline true to skip them
     * @return this builder
     */
    public Builder offline(boolean offline) {
      this.offline = offline;
      return this;
    }

    /**
     * The clock validators use.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Attaches a collaborator under a type; the caller keeps owning it (the context never closes it).
     *
     * @param type the type validators look it up by
     * @param service the collaborator
     * @param <T> the type
     * @return this builder
     */
    public <T> Builder service(Class<T> type, T service) {
      services.put(Objects.requireNonNull(type, "type == null"), Objects.requireNonNull(service, "service == null"));
      return this;
    }

    /**
     * Builds the context.
     *
     * @return the context
     */
    public ValidationContext build() {
      return new ValidationContext(this);
    }
  }
}
