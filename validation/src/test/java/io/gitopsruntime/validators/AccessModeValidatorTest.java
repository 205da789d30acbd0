package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.httpRoute;
import static io.gitopsruntime.validators.Fixtures.ingress;
import static io.gitopsruntime.validators.Fixtures.runtime;
import static io.gitopsruntime.validators.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.AccessMode;
import io.gitopsruntime.values.ExplicitNull;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.ParentRefValues;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccessModeValidatorTest {
  private static final String ID = AccessModeValidator.ID;
  private final AccessModeValidator validator = new AccessModeValidator();

  private List<Finding> run(UnaryOperator<GitOpsRuntimeValues> edit) throws Exception {
    return Fixtures.run(validator, edit);
  }

  @Nested
  class Valid {
    @Test
    void acceptsTheTunnel() throws Exception {
      assertThat(run(v -> v)).isEmpty();
    }

    @Test
    void acceptsAnIngressWithHostAndClass() throws Exception {
      assertThat(run(v -> v.withAccessMode(AccessMode.ingress("runtime.example.com", "nginx")))).isEmpty();
    }

    @Test
    void acceptsAWildcardIngressHostAfterTheFirst() throws Exception {
      assertThat(run(v -> ingress(v.withAccessMode(AccessMode.ingress("runtime.example.com", "nginx")),
          i -> i.withHosts("runtime.example.com", "*.example.com")))).isEmpty();
    }

    @Test
    void acceptsAnHttpRouteWithGatewayAndHostname() throws Exception {
      assertThat(run(v -> v.withAccessMode(AccessMode.httpRoute("traefik-gateway", "traefik", "runtime.example.com"))))
          .isEmpty();
    }

    @Test
    void acceptsAServiceMeshUrl() throws Exception {
      assertThat(run(v -> v.withAccessMode(AccessMode.serviceMesh("https://runtime.example.com")))).isEmpty();
    }
  }

  @Nested
  class Invalid {
    @Test
    void rejectsIngressAndHttpRouteTogether() throws Exception {
      List<Finding> findings = run(v -> httpRoute(
          v.withAccessMode(AccessMode.ingress("runtime.example.com", "nginx")),
          r -> r.withEnabled(true).withParentRefs(ParentRefValues.builder().name("gw").build())
              .withHostnames("runtime.example.com")));

      assertThat(findings).containsExactly(error(ID, "access-mode.ambiguous", "global.runtime.httpRoute.enabled",
          "Both the ingress and the HTTPRoute access modes are on: the chart then renders an Ingress and an"
              + " HTTPRoute, and the platform reaches the runtime through the Ingress host only.",
          "Turn one off: set global.runtime.httpRoute.enabled=false to use the Ingress, or"
              + " global.runtime.ingress.enabled=false to use the HTTPRoute."));
    }

    @Test
    void rejectsAnIngressWithoutHostsAndEveryOtherIngressProblemAtOnce() throws Exception {
      List<Finding> findings = run(v -> ingress(v, i -> i.withEnabled(true).withProtocol("HTTPS")
          .withAdditionalValues(Map.of("className", ""))));

      assertThat(findings).containsExactly(
          error(ID, "access-mode.ingress.hosts", "global.runtime.ingress.hosts",
              "The ingress access mode is on but no host is given: the platform reaches the runtime at"
                  + " <protocol>://hosts[0], and the chart fails to render without it (\"index out of range\").",
              "Add the runtime's host name, for example hosts: [\"runtime.example.com\"], or set"
                  + " global.runtime.ingress.enabled=false to use the tunnel."),
          error(ID, "access-mode.ingress.class-name", "global.runtime.ingress.className",
              "The IngressClass name is empty: the ingress access mode needs the class of the ingress controller"
                  + " that serves the runtime, and Codefresh's validation hook requires it.",
              "Set it, for example \"nginx\" (kubectl get ingressclass lists the classes of the cluster)."),
          error(ID, "access-mode.ingress.protocol", "global.runtime.ingress.protocol",
              "\"HTTPS\" is not a supported ingress protocol: the chart accepts only \"http\" and \"https\" (lower"
                  + " case) and fails to render otherwise.",
              "Use \"https\"."));
    }

    @Test
    void rejectsAnEmptyFirstIngressHost() throws Exception {
      List<Finding> findings = run(v -> ingress(v.withAccessMode(AccessMode.ingress("x.example.com", "nginx")),
          i -> i.withHosts(" ", "runtime.example.com")));

      assertThat(findings).containsExactly(error(ID, "access-mode.ingress.hosts",
          "global.runtime.ingress.hosts[0]",
          "The first ingress host is empty: the platform reaches the runtime at <protocol>://hosts[0].",
          "Put the runtime's host name first, for example \"runtime.example.com\"."));
    }

    @Test
    void rejectsAnEmptiedProtocol() throws Exception {
      List<Finding> findings = run(v -> ingress(v.withAccessMode(AccessMode.ingress("runtime.example.com", "nginx")),
          i -> i.withAdditionalValues(Map.of("protocol", ExplicitNull.INSTANCE))));

      assertThat(findings).extracting(Finding::message).containsExactly(
          "The ingress protocol is empty: the chart accepts only \"http\" and \"https\" (lower case) and fails to"
              + " render otherwise.");
    }

    @Test
    void rejectsHostsThatAreNotBareHostNames() throws Exception {
      List<Finding> findings = run(v -> ingress(v.withAccessMode(AccessMode.ingress("x", "nginx")),
          i -> i.withHosts("https://runtime.example.com", "runtime.example.com/app", "runtime.example.com:8443",
              "Runtime_Host.example.com")));

      assertThat(findings).containsExactly(
          error(ID, "access-mode.host-format", "global.runtime.ingress.hosts[0]",
              "\"https://runtime.example.com\" is not a host name: hosts are bare host names, and the chart adds"
                  + " the protocol from global.runtime.ingress.protocol.",
              "Use \"runtime.example.com\" and set global.runtime.ingress.protocol to \"https\" or \"http\"."),
          error(ID, "access-mode.host-format", "global.runtime.ingress.hosts[1]",
              "\"runtime.example.com/app\" is not a host name: hosts cannot carry a path, and the runtime is"
                  + " served at the root of its host.",
              "Use \"runtime.example.com\"."),
          error(ID, "access-mode.host-format", "global.runtime.ingress.hosts[2]",
              "\"runtime.example.com:8443\" is not a host name: Kubernetes rejects a host with a port in an"
                  + " Ingress or HTTPRoute.",
              "Use \"runtime.example.com\", and serve it on the protocol's default port."),
          error(ID, "access-mode.host-format", "global.runtime.ingress.hosts[3]",
              "\"Runtime_Host.example.com\" is not a valid host name: Kubernetes accepts only lower-case letters,"
                  + " digits, '-' and '.' (a DNS-1123 subdomain of at most 253 characters).",
              "Use for example \"runtime-host.example.com\"."));
    }

    @Test
    void rejectsAWildcardAsTheFirstHostName() throws Exception {
      List<Finding> findings = run(v -> v.withAccessMode(AccessMode.httpRoute("gw", "gw-ns", "*.example.com")));

      assertThat(findings).containsExactly(error(ID, "access-mode.host-format",
          "global.runtime.httpRoute.hostnames[0]",
          "\"*.example.com\" is a wildcard: the platform reaches the runtime at the first host, which must be one"
              + " concrete host.",
          "Put a concrete host first, for example \"runtime.example.com\"."));
    }

    @Test
    void rejectsAnHttpRouteWithoutGatewaysHostnamesOrAValidProtocol() throws Exception {
      List<Finding> findings = run(v -> httpRoute(v, r -> r.withEnabled(true).withProtocol("grpc")));

      assertThat(findings).containsExactly(
          error(ID, "access-mode.http-route.parent-refs", "global.runtime.httpRoute.parentRefs",
              "The HTTPRoute access mode is on but no parent Gateway is given: the route must attach to a"
                  + " Gateway, and the chart fails to render without one.",
              "Add the Gateway, for example parentRefs: [{name: \"traefik-gateway\", namespace: \"traefik\"}]."),
          error(ID, "access-mode.http-route.hostnames", "global.runtime.httpRoute.hostnames",
              "The HTTPRoute access mode is on but no host name is given: the platform reaches the runtime at"
                  + " <protocol>://hostnames[0], and the chart fails to render without it.",
              "Add the runtime's host name, for example hostnames: [\"runtime.example.com\"]."),
          error(ID, "access-mode.http-route.protocol", "global.runtime.httpRoute.protocol",
              "\"grpc\" is not a supported HTTPRoute protocol: the chart accepts only \"http\" and \"https\" (lower"
                  + " case) and fails to render otherwise.",
              "Use \"https\"."));
    }

    @Test
    void rejectsAGatewayReferenceWithoutNameAndAnEmptyFirstHostname() throws Exception {
      List<Finding> findings = run(v -> httpRoute(v, r -> r.withEnabled(true)
          .withParentRefs(ParentRefValues.builder().name("gw").build(),
              ParentRefValues.builder().namespace("traefik").build())
          .withHostnames("")));

      assertThat(findings).containsExactly(
          error(ID, "access-mode.http-route.parent-refs", "global.runtime.httpRoute.parentRefs[1].name",
              "Parent Gateway reference 1 has no name: Gateway API needs the name of the Gateway the route"
                  + " attaches to.",
              "Set the Gateway's name (kubectl get gateways -A lists them)."),
          error(ID, "access-mode.http-route.hostnames", "global.runtime.httpRoute.hostnames[0]",
              "The first HTTPRoute host name is empty: the platform reaches the runtime at"
                  + " <protocol>://hostnames[0].",
              "Put the runtime's host name first, for example \"runtime.example.com\"."));
    }

    @Test
    void rejectsAServiceMeshWithoutUrl() throws Exception {
      List<Finding> findings = run(v -> v.withAccessMode(AccessMode.serviceMesh("")));

      assertThat(findings).containsExactly(error(ID, "access-mode.ingress-url", "global.runtime.ingressUrl",
          "The ingress, HTTPRoute and tunnel access modes are all off, so the platform needs an explicit URL to"
              + " reach the runtime, and none is given: the chart fails to render without it.",
          "Set global.runtime.ingressUrl to the runtime's external URL, for example"
              + " \"https://runtime.example.com\", or remove tunnel-client.enabled=false to use the tunnel."));
    }

    @Test
    void rejectsAServiceMeshUrlWithoutHttpScheme() throws Exception {
      List<Finding> findings = run(v -> v.withAccessMode(AccessMode.serviceMesh("runtime.example.com")));

      assertThat(findings).containsExactly(error(ID, "access-mode.ingress-url.format", "global.runtime.ingressUrl",
          "\"runtime.example.com\" is not an http or https URL: the chart accepts only URLs that start with http://"
              + " or https:// and fails to render otherwise.",
          "Use for example \"https://runtime.example.com\"."));
    }

    @Test
    void rejectsAServiceMeshUrlWithoutHost() throws Exception {
      List<Finding> findings = run(v -> v.withAccessMode(AccessMode.serviceMesh("https://")));

      assertThat(findings).containsExactly(error(ID, "access-mode.ingress-url.format", "global.runtime.ingressUrl",
          "\"https://\" is not a valid URL: it has no valid host name, so the platform could not reach the runtime"
              + " at it.",
          "Use the runtime's external URL, for example \"https://runtime.example.com\"."));
    }
  }

  @Nested
  class Ignored {
    @Test
    void warnsAboutAnIngressUrlOutsideServiceMeshMode() throws Exception {
      List<Finding> findings = run(v -> runtime(v, r -> r.withIngressUrl("https://runtime.example.com")));

      assertThat(findings).containsExactly(warning(ID, "access-mode.ignored", "global.runtime.ingressUrl",
          "global.runtime.ingressUrl is ignored: the runtime uses the tunnel access mode, and the chart uses"
              + " ingressUrl only when ingress, HTTPRoute and tunnel are all off.",
          "Remove global.runtime.ingressUrl, or turn the other access modes off to use it."));
    }

    @Test
    void warnsAboutAnExplicitTunnelNextToIngressAndAboutUnusedRouteSettings() throws Exception {
      List<Finding> findings = run(v -> httpRoute(
          v.withAccessMode(AccessMode.ingress("runtime.example.com", "nginx"))
              .withTunnelClient(v.tunnelClient().withEnabled(true)),
          r -> r.withHostnames("runtime.example.com")));

      assertThat(findings).containsExactly(
          warning(ID, "access-mode.ignored", "tunnel-client.enabled",
              "tunnel-client.enabled=true is ignored: the ingress access mode is on, and the chart runs the tunnel"
                  + " only when ingress and HTTPRoute are off.",
              "Remove tunnel-client.enabled, or set global.runtime.ingress.enabled=false to use the tunnel."),
          warning(ID, "access-mode.ignored", "global.runtime.httpRoute",
              "The HTTPRoute parentRefs and hostnames are ignored: global.runtime.httpRoute.enabled is not true,"
                  + " so the chart creates no HTTPRoute.",
              "Set global.runtime.httpRoute.enabled=true to use the HTTPRoute access mode, or remove them."));
    }

    @Test
    void warnsAboutAnExplicitTunnelNextToAnHttpRoute() throws Exception {
      List<Finding> findings = run(v -> v.withAccessMode(AccessMode.httpRoute("gw", "ns", "runtime.example.com"))
          .withTunnelClient(v.tunnelClient().withEnabled(true)));

      assertThat(findings).extracting(Finding::remediation).containsExactly(
          "Remove tunnel-client.enabled, or set global.runtime.httpRoute.enabled=false to use the tunnel.");
    }

    @Test
    void warnsAboutIngressHostsWhileTheIngressIsOff() throws Exception {
      List<Finding> findings = run(v -> ingress(v, i -> i.withHosts("runtime.example.com")));

      assertThat(findings).containsExactly(warning(ID, "access-mode.ignored", "global.runtime.ingress.hosts",
          "The ingress hosts are ignored: global.runtime.ingress.enabled is not true, so the chart creates no"
              + " Ingress.",
          "Set global.runtime.ingress.enabled=true to use the ingress access mode, or remove the hosts."));
    }

    @Test
    void warnsThatTheTunnelIsNotForOnPremisesPlatforms() throws Exception {
      List<Finding> findings = run(v -> Fixtures.codefresh(v, c -> c.withUrl("https://codefresh.example.com")));

      assertThat(findings).containsExactly(warning(ID, "access-mode.tunnel.on-prem", "tunnel-client.enabled",
          "The tunnel access mode is not supported with an on-premises platform (global.codefresh.url is"
              + " \"https://codefresh.example.com\"): the chart documents the tunnel for the Codefresh SaaS only.",
          "Use the ingress access mode for an on-premises platform: global.runtime.ingress.enabled=true with"
              + " hosts and className."));
    }
  }
}
