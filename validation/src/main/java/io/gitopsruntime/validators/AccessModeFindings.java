package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.RuleIds.*;
import static io.gitopsruntime.validators.internal.Wording.*;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.AccessModeKind;

/**
 * The findings of {@link AccessModeValidator} and its host checks ({@link Hosts}): Ingress, HTTPRoute, tunnel
 * and ingressUrl settings. Thread-safe; no state.
 */
final class AccessModeFindings {
  private AccessModeFindings() {}

  /**
   * Ingress and HTTPRoute both on.
   *
   * @return the finding
   */
  static Finding accessModeAmbiguous() {
    return Finding.error(ACCESS_MODE_AMBIGUOUS, "global.runtime.httpRoute.enabled",
        "Both the ingress and the HTTPRoute access modes are on: the chart then renders an Ingress and an"
            + " HTTPRoute, and the platform reaches the runtime through the Ingress host only.",
        "Turn one off: set global.runtime.httpRoute.enabled=false to use the Ingress, or"
            + " global.runtime.ingress.enabled=false to use the HTTPRoute.");
  }

  /**
   * Ingress mode without hosts.
   *
   * @return the finding
   */
  static Finding ingressHostsMissing() {
    return Finding.error(ACCESS_MODE_INGRESS_HOSTS, "global.runtime.ingress.hosts",
        "The ingress access mode is on but no host is given: the platform reaches the runtime at"
            + " <protocol>://hosts[0], and the chart fails to render without it (\"index out of range\").",
        "Add the runtime's host name, for example hosts: [\"runtime.example.com\"], or set"
            + " global.runtime.ingress.enabled=false to use the tunnel.");
  }

  /**
   * Ingress mode with an empty first host.
   *
   * @return the finding
   */
  static Finding ingressFirstHostEmpty() {
    return Finding.error(ACCESS_MODE_INGRESS_HOSTS, "global.runtime.ingress.hosts[0]",
        "The first ingress host is empty: the platform reaches the runtime at <protocol>://hosts[0].",
        "Put the runtime's host name first, for example \"runtime.example.com\".");
  }

  /**
   * HTTPRoute mode without host names.
   *
   * @return the finding
   */
  static Finding httpRouteHostnamesMissing() {
    return Finding.error(ACCESS_MODE_HTTP_ROUTE_HOSTNAMES, "global.runtime.httpRoute.hostnames",
        "The HTTPRoute access mode is on but no host name is given: the platform reaches the runtime at"
            + " <protocol>://hostnames[0], and the chart fails to render without it.",
        "Add the runtime's host name, for example hostnames: [\"runtime.example.com\"].");
  }

  /**
   * HTTPRoute mode with an empty first host name.
   *
   * @return the finding
   */
  static Finding httpRouteFirstHostnameEmpty() {
    return Finding.error(ACCESS_MODE_HTTP_ROUTE_HOSTNAMES, "global.runtime.httpRoute.hostnames[0]",
        "The first HTTPRoute host name is empty: the platform reaches the runtime at"
            + " <protocol>://hostnames[0].",
        "Put the runtime's host name first, for example \"runtime.example.com\".");
  }

  /**
   * A host with a scheme.
   *
   * @param path the host's path
   * @param host the host as given
   * @param bare the host without scheme and path
   * @param protocolPath the path of the matching protocol key
   * @return the finding
   */
  static Finding hostWithScheme(String path, String host, String bare, String protocolPath) {
    return Finding.error(ACCESS_MODE_HOST_FORMAT, path,
        q(host) + " is not a host name: hosts are bare host names, and the chart adds the protocol from "
            + protocolPath + ".",
        "Use " + q(bare) + " and set " + protocolPath + " to \"https\" or \"http\".");
  }

  /**
   * A host with a path.
   *
   * @param path the host's path
   * @param host the host as given
   * @param bare the host without the path
   * @return the finding
   */
  static Finding hostWithPath(String path, String host, String bare) {
    return Finding.error(ACCESS_MODE_HOST_FORMAT, path,
        q(host) + " is not a host name: hosts cannot carry a path, and the runtime is served at the root of"
            + " its host.",
        "Use " + q(bare) + ".");
  }

  /**
   * A host with a port.
   *
   * @param path the host's path
   * @param host the host as given
   * @param bare the host without the port
   * @return the finding
   */
  static Finding hostWithPort(String path, String host, String bare) {
    return Finding.error(ACCESS_MODE_HOST_FORMAT, path,
        q(host) + " is not a host name: Kubernetes rejects a host with a port in an Ingress or HTTPRoute.",
        "Use " + q(bare) + ", and serve it on the protocol's default port.");
  }

  /**
   * A wildcard as the first host.
   *
   * @param path the host's path
   * @param host the host as given
   * @return the finding
   */
  static Finding firstHostWildcard(String path, String host) {
    return Finding.error(ACCESS_MODE_HOST_FORMAT, path,
        q(host) + " is a wildcard: the platform reaches the runtime at the first host, which must be one"
            + " concrete host.",
        "Put a concrete host first, for example \"runtime" + host.substring(1) + "\".");
  }

  /**
   * A host that is not a DNS-1123 subdomain.
   *
   * @param path the host's path
   * @param host the host as given
   * @param suggestion a valid host close to it
   * @return the finding
   */
  static Finding hostInvalid(String path, String host, String suggestion) {
    return Finding.error(ACCESS_MODE_HOST_FORMAT, path,
        q(host) + " is not a valid host name: Kubernetes accepts only lower-case letters, digits, '-' and '.'"
            + " (a DNS-1123 subdomain of at most 253 characters).",
        "Use for example " + q(suggestion) + ".");
  }

  /**
   * An empty IngressClass name.
   *
   * @return the finding
   */
  static Finding ingressClassNameEmpty() {
    return Finding.error(ACCESS_MODE_INGRESS_CLASS_NAME, "global.runtime.ingress.className",
        "The IngressClass name is empty: the ingress access mode needs the class of the ingress controller"
            + " that serves the runtime, and Codefresh's validation hook requires it.",
        "Set it, for example \"nginx\" (kubectl get ingressclass lists the classes of the cluster).");
  }

  /**
   * An unsupported ingress protocol.
   *
   * @param protocol the protocol as given, empty when empty
   * @return the finding
   */
  static Finding ingressProtocolInvalid(String protocol) {
    return protocolInvalid(ACCESS_MODE_INGRESS_PROTOCOL, "global.runtime.ingress.protocol", "ingress", protocol);
  }

  /**
   * An unsupported HTTPRoute protocol.
   *
   * @param protocol the protocol as given, empty when empty
   * @return the finding
   */
  static Finding httpRouteProtocolInvalid(String protocol) {
    return protocolInvalid(ACCESS_MODE_HTTP_ROUTE_PROTOCOL, "global.runtime.httpRoute.protocol", "HTTPRoute",
        protocol);
  }

  private static Finding protocolInvalid(String ruleId, String path, String mode, String protocol) {
    String fix = protocol.equalsIgnoreCase("http") ? "http" : "https";
    String subject = protocol.isBlank()
        ? "The " + mode + " protocol is empty"
        : q(protocol) + " is not a supported " + mode + " protocol";
    return Finding.error(ruleId, path,
        subject + ": the chart accepts only \"http\" and \"https\" (lower case) and fails to render otherwise.",
        "Use " + q(fix) + ".");
  }

  /**
   * HTTPRoute mode without parent Gateways.
   *
   * @return the finding
   */
  static Finding httpRouteParentRefsMissing() {
    return Finding.error(ACCESS_MODE_HTTP_ROUTE_PARENT_REFS, "global.runtime.httpRoute.parentRefs",
        "The HTTPRoute access mode is on but no parent Gateway is given: the route must attach to a Gateway,"
            + " and the chart fails to render without one.",
        "Add the Gateway, for example parentRefs: [{name: \"traefik-gateway\", namespace: \"traefik\"}].");
  }

  /**
   * A parent Gateway reference without a name.
   *
   * @param index the reference's index
   * @return the finding
   */
  static Finding httpRouteParentRefNameMissing(int index) {
    return Finding.error(ACCESS_MODE_HTTP_ROUTE_PARENT_REFS,
        "global.runtime.httpRoute.parentRefs[" + index + "].name",
        "Parent Gateway reference " + index + " has no name: Gateway API needs the name of the Gateway the"
            + " route attaches to.",
        "Set the Gateway's name (kubectl get gateways -A lists them).");
  }

  /**
   * Service-mesh mode without an ingressUrl.
   *
   * @return the finding
   */
  static Finding ingressUrlMissing() {
    return Finding.error(ACCESS_MODE_INGRESS_URL, "global.runtime.ingressUrl",
        "The ingress, HTTPRoute and tunnel access modes are all off, so the platform needs an explicit URL to"
            + " reach the runtime, and none is given: the chart fails to render without it.",
        "Set global.runtime.ingressUrl to the runtime's external URL, for example"
            + " \"https://runtime.example.com\", or remove tunnel-client.enabled=false to use the tunnel.");
  }

  /**
   * An ingressUrl without an http(s) scheme.
   *
   * @param url the URL as given
   * @param suggestion a fixed URL
   * @return the finding
   */
  static Finding ingressUrlNotHttp(String url, String suggestion) {
    return Finding.error(ACCESS_MODE_INGRESS_URL_FORMAT, "global.runtime.ingressUrl",
        qu(url) + " is not an http or https URL: the chart accepts only URLs that start with http:// or"
            + " https:// and fails to render otherwise.",
        "Use for example " + qu(suggestion) + ".");
  }

  /**
   * An ingressUrl that does not parse.
   *
   * @param url the URL as given
   * @return the finding
   */
  static Finding ingressUrlMalformed(String url) {
    return Finding.error(ACCESS_MODE_INGRESS_URL_FORMAT, "global.runtime.ingressUrl",
        qu(url) + " is not a valid URL: it has no valid host name, so the platform could not reach the runtime"
            + " at it.",
        "Use the runtime's external URL, for example \"https://runtime.example.com\".");
  }

  /**
   * An ingressUrl in another mode.
   *
   * @param mode the selected mode
   * @return the finding
   */
  static Finding ingressUrlIgnored(AccessModeKind mode) {
    return Finding.warning(ACCESS_MODE_IGNORED, "global.runtime.ingressUrl",
        "global.runtime.ingressUrl is ignored: the runtime uses the " + modeName(mode) + " access mode, and the chart"
            + " uses ingressUrl only when ingress, HTTPRoute and tunnel are all off.",
        "Remove global.runtime.ingressUrl, or turn the other access modes off to use it.");
  }

  /**
   * tunnel-client.enabled=true while ingress is on.
   *
   * @return the finding
   */
  static Finding tunnelIgnoredByIngress() {
    return tunnelIgnored("ingress", "global.runtime.ingress.enabled");
  }

  /**
   * tunnel-client.enabled=true while the HTTPRoute is on.
   *
   * @return the finding
   */
  static Finding tunnelIgnoredByHttpRoute() {
    return tunnelIgnored("HTTPRoute", "global.runtime.httpRoute.enabled");
  }

  private static Finding tunnelIgnored(String mode, String switchPath) {
    return Finding.warning(ACCESS_MODE_IGNORED, "tunnel-client.enabled",
        "tunnel-client.enabled=true is ignored: the " + mode + " access mode is on, and the chart runs the"
            + " tunnel only when ingress and HTTPRoute are off.",
        "Remove tunnel-client.enabled, or set " + switchPath + "=false to use the tunnel.");
  }

  /**
   * A mode's name in messages.
   *
   * @param mode the mode
   * @return "tunnel", "ingress", "HTTPRoute" or "service-mesh (explicit URL)"
   */
  static String modeName(AccessModeKind mode) {
    switch (mode) {
      case INGRESS:
        return "ingress";
      case HTTP_ROUTE:
        return "HTTPRoute";
      case SERVICE_MESH:
        return "service-mesh (explicit URL)";
      default:
        return "tunnel";
    }
  }

  /**
   * Ingress hosts while ingress is off.
   *
   * @return the finding
   */
  static Finding ingressSettingsIgnored() {
    return Finding.warning(ACCESS_MODE_IGNORED, "global.runtime.ingress.hosts",
        "The ingress hosts are ignored: global.runtime.ingress.enabled is not true, so the chart creates no"
            + " Ingress.",
        "Set global.runtime.ingress.enabled=true to use the ingress access mode, or remove the hosts.");
  }

  /**
   * HTTPRoute settings while HTTPRoute is off.
   *
   * @return the finding
   */
  static Finding httpRouteSettingsIgnored() {
    return Finding.warning(ACCESS_MODE_IGNORED, "global.runtime.httpRoute",
        "The HTTPRoute parentRefs and hostnames are ignored: global.runtime.httpRoute.enabled is not true,"
            + " so the chart creates no HTTPRoute.",
        "Set global.runtime.httpRoute.enabled=true to use the HTTPRoute access mode, or remove them.");
  }

  /**
   * Tunnel with an on-premises platform.
   *
   * @param url the platform URL
   * @return the finding
   */
  static Finding tunnelOnPrem(String url) {
    return Finding.warning(ACCESS_MODE_TUNNEL_ON_PREM, "tunnel-client.enabled",
        "The tunnel access mode is not supported with an on-premises platform (global.codefresh.url is "
            + qu(url) + "): the chart documents the tunnel for the Codefresh SaaS only.",
        "Use the ingress access mode for an on-premises platform: global.runtime.ingress.enabled=true with"
            + " hosts and className.");
  }
}
