package io.gitopsruntime.values;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the Codefresh platform reaches the runtime: exactly one of {@link Tunnel}, {@link Ingress},
 * {@link ServiceMesh} and {@link HttpRoute}.
 *
 * <p>Applying a mode to values ({@link GitOpsRuntimeValues#withAccessMode(AccessMode)}) sets the keys the
 * installation page lists for it and turns the other modes off:
 *
 * <ul>
 *   <li>tunnel: removes {@code global.runtime.ingress.enabled}, {@code global.runtime.httpRoute.enabled},
 *       {@code global.runtime.ingressUrl} and {@code tunnel-client.enabled} so that the chart's tunnel
 *       default applies;
 *   <li>ingress: {@code global.runtime.ingress.enabled=true}, {@code hosts}, {@code className} (and
 *       {@code protocol} when not {@code https});
 *   <li>service mesh: {@code global.runtime.ingressUrl}, {@code global.runtime.ingress.enabled=false},
 *       {@code tunnel-client.enabled=false};
 *   <li>HTTPRoute: {@code global.runtime.httpRoute.enabled=true}, {@code parentRefs}, {@code hostnames}
 *       (and {@code protocol} when not {@code https}).
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface AccessMode {

  /**
   * Which of the four modes this is.
   *
   * @return the kind
   */
  AccessModeKind kind();

  /**
   * The tunnel access mode, the chart default. It needs {@code global.codefresh.accountId}.
   *
   * @return the tunnel mode
   */
  static AccessMode tunnel() {
    return Tunnel.INSTANCE;
  }

  /**
   * The ingress access mode over HTTPS.
   *
   * @param host the host the platform uses, {@code hosts[0]}
   * @param className the IngressClass
   * @return the ingress mode
   */
  static AccessMode ingress(String host, String className) {
    return new Ingress(List.of(host), className, "https");
  }

  /**
   * The service-mesh access mode: an explicit URL, with ingress and tunnel turned off.
   *
   * @param ingressUrl the URL the platform uses, {@code http://} or {@code https://}
   * @return the service-mesh mode
   */
  static AccessMode serviceMesh(String ingressUrl) {
    return new ServiceMesh(ingressUrl);
  }

  /**
   * The Gateway API access mode over HTTPS.
   *
   * @param gatewayName the Gateway's name
   * @param gatewayNamespace the Gateway's namespace
   * @param hostname the host name the platform uses, {@code hostnames[0]}
   * @return the HTTPRoute mode
   */
  static AccessMode httpRoute(String gatewayName, String gatewayNamespace, String hostname) {
    return new HttpRoute(
        List.of(ParentRefValues.builder().name(gatewayName).namespace(gatewayNamespace).build()),
        List.of(hostname),
        "https");
  }

  /**
   * Reads the access mode from values the way the chart does: ingress first, then HTTPRoute, then the
   * tunnel unless {@code tunnel-client.enabled} is false, in which case the explicit URL.
   *
   * @param values the values
   * @return the selected mode, with the chart defaults filled in ({@code nginx}, {@code https})
   */
  static AccessMode of(GitOpsRuntimeValues values) {
    RuntimeValues runtime = values.global().runtime();
    IngressValues ingress = runtime.ingress();
    if (ingress.enabled().orElse(false)) {
      return new Ingress(ingress.hosts(), ingress.className().orElse("nginx"), ingress.protocol().orElse("https"));
    }
    HttpRouteValues route = runtime.httpRoute();
    if (route.enabled().orElse(false)) {
      return new HttpRoute(route.parentRefs(), route.hostnames(), route.protocol().orElse("https"));
    }
    if (values.tunnelClient().enabled().orElse(true)) {
      return Tunnel.INSTANCE;
    }
    return new ServiceMesh(runtime.ingressUrl().orElse(""));
  }

  /**
   * Returns a copy of {@code values} in this mode.
   *
   * @param values the values to change
   * @return a changed copy
   */
  GitOpsRuntimeValues applyTo(GitOpsRuntimeValues values);

  /** The tunnel access mode. */
  final class Tunnel implements AccessMode {
    static final Tunnel INSTANCE = new Tunnel();

    private Tunnel() {}

    @Override
    public AccessModeKind kind() {
      return AccessModeKind.TUNNEL;
    }

    @Override
    public GitOpsRuntimeValues applyTo(GitOpsRuntimeValues values) {
      return Modes.apply(values, r -> r, true);
    }

    @Override
    public String toString() {
      return "tunnel";
    }
  }

  /**
   * The ingress access mode.
   *
   * @param hosts the hosts; the first is the one the platform uses
   * @param className the IngressClass
   * @param protocol {@code http} or {@code https}
   */
  record Ingress(List<String> hosts, String className, String protocol) implements AccessMode {
    /**
     * Creates the mode.
     *
     * @param hosts the hosts; the first is the one the platform uses
     * @param className the IngressClass
     * @param protocol {@code http} or {@code https}
     */
    public Ingress {
      hosts = List.copyOf(hosts);
      Objects.requireNonNull(className, "className == null");
      Objects.requireNonNull(protocol, "protocol == null");
    }

    @Override
    public AccessModeKind kind() {
      return AccessModeKind.INGRESS;
    }

    @Override
    public GitOpsRuntimeValues applyTo(GitOpsRuntimeValues values) {
      return Modes.apply(
          values,
          r -> {
            IngressValues.Builder ingress =
                IngressValues.builder().from(r.ingress()).enabled(true).hosts(hosts).className(className);
            // https is the chart default: leave the key out, and drop a protocol an earlier mode set
            ingress.protocol("https".equals(protocol) ? Optional.empty() : Optional.of(protocol));
            return r.withIngress(ingress.build());
          },
          true);
    }
  }

  /**
   * The service-mesh (explicit URL) access mode.
   *
   * @param ingressUrl the URL the platform uses
   */
  record ServiceMesh(String ingressUrl) implements AccessMode {
    /**
     * Creates the mode.
     *
     * @param ingressUrl the URL the platform uses
     */
    public ServiceMesh {
      Objects.requireNonNull(ingressUrl, "ingressUrl == null");
    }

    @Override
    public AccessModeKind kind() {
      return AccessModeKind.SERVICE_MESH;
    }

    @Override
    public GitOpsRuntimeValues applyTo(GitOpsRuntimeValues values) {
      GitOpsRuntimeValues changed =
          Modes.apply(
              values,
              r -> r.withIngressUrl(ingressUrl).withIngress(r.ingress().withEnabled(false)),
              false);
      return changed;
    }
  }

  /**
   * The Gateway API access mode.
   *
   * @param parentRefs the Gateways the route attaches to
   * @param hostnames the host names; the first is the one the platform uses
   * @param protocol {@code http} or {@code https}
   */
  record HttpRoute(List<ParentRefValues> parentRefs, List<String> hostnames, String protocol)
      implements AccessMode {
    /**
     * Creates the mode.
     *
     * @param parentRefs the Gateways the route attaches to
     * @param hostnames the host names; the first is the one the platform uses
     * @param protocol {@code http} or {@code https}
     */
    public HttpRoute {
      parentRefs = List.copyOf(parentRefs);
      hostnames = List.copyOf(hostnames);
      Objects.requireNonNull(protocol, "protocol == null");
    }

    @Override
    public AccessModeKind kind() {
      return AccessModeKind.HTTP_ROUTE;
    }

    @Override
    public GitOpsRuntimeValues applyTo(GitOpsRuntimeValues values) {
      return Modes.apply(
          values,
          r -> {
            HttpRouteValues.Builder route =
                HttpRouteValues.builder()
                    .from(r.httpRoute())
                    .enabled(true)
                    .parentRefs(parentRefs)
                    .hostnames(hostnames);
            route.protocol("https".equals(protocol) ? Optional.empty() : Optional.of(protocol));
            return r.withHttpRoute(route.build());
          },
          true);
    }
  }
}
