package io.gitopsruntime.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AccessModeTest {
  private static final ParentRefValues GATEWAY = ParentRefValues.builder().name("gw").namespace("gateways").build();

  private static GitOpsRuntimeValues with(RuntimeValues runtime, ComponentValues tunnel) {
    return GitOpsRuntimeValues.builder()
        .global(GlobalValues.builder().runtime(runtime).build())
        .tunnelClient(tunnel)
        .build();
  }

  private static GitOpsRuntimeValues with(RuntimeValues runtime) {
    return with(runtime, ComponentValues.builder().build());
  }

  private static IngressValues ingress(boolean enabled) {
    return IngressValues.builder().enabled(enabled).addHost("runtime.example.com").build();
  }

  private static HttpRouteValues route(boolean enabled) {
    return HttpRouteValues.builder().enabled(enabled).addParentRef(GATEWAY).addHostname("route.example.com").build();
  }

  @Nested
  class ReadingFromValues {
    @Test
    void isTheTunnelWhenNothingIsSet() {
      assertThat(AccessMode.of(GitOpsRuntimeValues.builder().build())).isEqualTo(AccessMode.tunnel());
    }

    @Test
    void isIngressWhenIngressIsEnabledWithChartDefaultsFilledIn() {
      AccessMode mode = AccessMode.of(with(RuntimeValues.builder().ingress(ingress(true)).build()));

      assertThat(mode).isEqualTo(new AccessMode.Ingress(List.of("runtime.example.com"), "nginx", "https"));
    }

    @Test
    void ingressWinsOverHttpRoute() {
      AccessMode mode = AccessMode.of(with(RuntimeValues.builder().ingress(ingress(true)).httpRoute(route(true)).build()));

      assertThat(mode.kind()).isEqualTo(AccessModeKind.INGRESS);
    }

    @Test
    void isHttpRouteWhenOnlyTheRouteIsEnabled() {
      AccessMode mode = AccessMode.of(with(RuntimeValues.builder().ingress(ingress(false)).httpRoute(route(true)).build()));

      assertThat(mode).isEqualTo(new AccessMode.HttpRoute(List.of(GATEWAY), List.of("route.example.com"), "https"));
    }

    @Test
    void ingressAndHttpRouteWinOverADisabledTunnel() {
      ComponentValues tunnelOff = ComponentValues.builder().enabled(false).build();

      assertThat(AccessMode.of(with(RuntimeValues.builder().ingress(ingress(true)).build(), tunnelOff)).kind())
          .isEqualTo(AccessModeKind.INGRESS);
      assertThat(AccessMode.of(with(RuntimeValues.builder().httpRoute(route(true)).build(), tunnelOff)).kind())
          .isEqualTo(AccessModeKind.HTTP_ROUTE);
    }

    @Test
    void isTheTunnelWhenIngressAndRouteAreExplicitlyOff() {
      AccessMode mode = AccessMode.of(with(RuntimeValues.builder().ingress(ingress(false)).httpRoute(route(false))
          .ingressUrl("https://ignored.example.com").build()));

      assertThat(mode).isEqualTo(AccessMode.tunnel());
    }

    @Test
    void isServiceMeshWhenTheTunnelIsOffToo() {
      AccessMode mode = AccessMode.of(with(RuntimeValues.builder().ingressUrl("https://mesh.example.com").build(),
          ComponentValues.builder().enabled(false).build()));

      assertThat(mode).isEqualTo(AccessMode.serviceMesh("https://mesh.example.com"));
    }

    @Test
    void isServiceMeshWithAnEmptyUrlWhenEverythingIsOffAndNoUrlIsSet() {
      AccessMode mode = AccessMode.of(with(RuntimeValues.builder().build(), ComponentValues.builder().enabled(false).build()));

      assertThat(mode).isEqualTo(new AccessMode.ServiceMesh(""));
    }

    @Test
    void readsAnExplicitProtocolAndClassName() {
      IngressValues http = IngressValues.builder().from(ingress(true)).protocol("http").className("alb").build();

      assertThat(AccessMode.of(with(RuntimeValues.builder().ingress(http).build())))
          .isEqualTo(new AccessMode.Ingress(List.of("runtime.example.com"), "alb", "http"));
    }
  }

  @Nested
  class Applying {
    static Stream<AccessMode> modes() {
      return Stream.of(
          AccessMode.tunnel(),
          AccessMode.ingress("runtime.example.com", "nginx"),
          new AccessMode.Ingress(List.of("a.example.com", "b.example.com"), "alb", "http"),
          AccessMode.serviceMesh("https://mesh.example.com"),
          AccessMode.httpRoute("gw", "gateways", "route.example.com"),
          new AccessMode.HttpRoute(List.of(GATEWAY), List.of("route.example.com"), "http"));
    }

    @ParameterizedTest
    @MethodSource("modes")
    void readsBackTheModeItApplied(AccessMode mode) {
      assertThat(GitOpsRuntimeValues.builder().build().withAccessMode(mode).accessMode()).isEqualTo(mode);
    }

    @ParameterizedTest
    @MethodSource("modes")
    void readsBackTheModeItAppliedWhateverModeWasThereBefore(AccessMode mode) {
      modes().forEach(before -> {
        GitOpsRuntimeValues values = GitOpsRuntimeValues.builder().build().withAccessMode(before).withAccessMode(mode);

        assertThat(values.accessMode()).as("%s after %s", mode, before).isEqualTo(mode);
      });
    }

    @Test
    void tunnelRemovesEverySwitchSoTheChartDefaultApplies() {
      GitOpsRuntimeValues before = with(
          RuntimeValues.builder().ingress(ingress(true)).httpRoute(route(true)).ingressUrl("https://x.example.com").build(),
          ComponentValues.builder().enabled(false).build());

      GitOpsRuntimeValues after = before.withAccessMode(AccessMode.tunnel());

      RuntimeValues runtime = after.global().runtime();
      assertThat(runtime.ingress().enabled()).isEmpty();
      assertThat(runtime.httpRoute().enabled()).isEmpty();
      assertThat(runtime.ingressUrl()).isEmpty();
      assertThat(after.tunnelClient().enabled()).isEmpty();
    }

    @Test
    void ingressSetsExactlyEnabledHostsAndClassName() {
      GitOpsRuntimeValues values = GitOpsRuntimeValues.builder().build()
          .withAccessMode(AccessMode.ingress("runtime.example.com", "nginx"));

      assertThat(values).isEqualTo(with(RuntimeValues.builder()
          .ingress(IngressValues.builder().enabled(true).addHost("runtime.example.com").className("nginx").build())
          .build()));
    }

    @Test
    void ingressOverHttpSetsTheProtocol() {
      GitOpsRuntimeValues values = GitOpsRuntimeValues.builder().build()
          .withAccessMode(new AccessMode.Ingress(List.of("runtime.example.com"), "nginx", "http"));

      assertThat(values.global().runtime().ingress().protocol()).contains("http");
    }

    @Test
    void ingressKeepsOtherIngressSettings() {
      IngressValues annotated = IngressValues.builder().putAnnotation("a", "b").skipValidation(true).build();
      GitOpsRuntimeValues values = with(RuntimeValues.builder().ingress(annotated).build())
          .withAccessMode(AccessMode.ingress("runtime.example.com", "nginx"));

      assertThat(values.global().runtime().ingress().annotations()).isEqualTo(Map.of("a", "b"));
      assertThat(values.global().runtime().ingress().skipValidation()).contains(true);
    }

    @Test
    void serviceMeshSetsExactlyTheUrlIngressOffAndTunnelOff() {
      GitOpsRuntimeValues values = GitOpsRuntimeValues.builder().build()
          .withAccessMode(AccessMode.serviceMesh("https://mesh.example.com"));

      assertThat(values).isEqualTo(with(
          RuntimeValues.builder()
              .ingressUrl("https://mesh.example.com")
              .ingress(IngressValues.builder().enabled(false).build())
              .build(),
          ComponentValues.builder().enabled(false).build()));
    }

    @Test
    void httpRouteSetsExactlyEnabledParentRefsAndHostnames() {
      GitOpsRuntimeValues values = GitOpsRuntimeValues.builder().build()
          .withAccessMode(AccessMode.httpRoute("gw", "gateways", "route.example.com"));

      assertThat(values).isEqualTo(with(RuntimeValues.builder()
          .httpRoute(HttpRouteValues.builder().enabled(true).addParentRef(GATEWAY).addHostname("route.example.com").build())
          .build()));
    }

    @Test
    void removesAnIngressUrlKeptVerbatimInAdditionalValues() {
      GitOpsRuntimeValues values = with(RuntimeValues.builder().putAdditionalValue("ingressUrl", 42L).build());

      GitOpsRuntimeValues after = values.withAccessMode(AccessMode.ingress("runtime.example.com", "nginx"));

      assertThat(after.global().runtime().additionalValues()).doesNotContainKey("ingressUrl");
    }
  }

  @Test
  void namesItsKind() {
    assertThat(AccessMode.tunnel().kind()).isEqualTo(AccessModeKind.TUNNEL);
    assertThat(AccessMode.ingress("h", "c").kind()).isEqualTo(AccessModeKind.INGRESS);
    assertThat(AccessMode.serviceMesh("https://u").kind()).isEqualTo(AccessModeKind.SERVICE_MESH);
    assertThat(AccessMode.httpRoute("g", "n", "h").kind()).isEqualTo(AccessModeKind.HTTP_ROUTE);
    assertThat(AccessMode.tunnel()).hasToString("tunnel");
  }
}
