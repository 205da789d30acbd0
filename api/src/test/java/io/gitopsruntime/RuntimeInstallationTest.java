package io.gitopsruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsruntime.values.AccessMode;
import io.gitopsruntime.values.AccessModeKind;
import io.gitopsruntime.values.CodefreshValues;
import io.gitopsruntime.values.ComponentValues;
import io.gitopsruntime.values.GitCredentialsValues;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.GitPasswordValues;
import io.gitopsruntime.values.GlobalValues;
import io.gitopsruntime.values.HttpRouteValues;
import io.gitopsruntime.values.IngressValues;
import io.gitopsruntime.values.ParentRefValues;
import io.gitopsruntime.values.RuntimeValues;
import io.gitopsruntime.values.SecretValue;
import io.gitopsruntime.values.UserTokenValues;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuntimeInstallationTest {
  private static final String ACCOUNT = "628a80b693a15c0f9c13ab75";
  private static final String TOKEN_TEXT = "cf-api-key-0123456789abcdef";
  private static final SecretValue TOKEN = SecretValue.of(TOKEN_TEXT);

  private static GitOpsRuntimeValues values(CodefreshValues codefresh, RuntimeValues runtime, ComponentValues tunnel) {
    return GitOpsRuntimeValues.builder()
        .global(GlobalValues.builder().codefresh(codefresh).runtime(runtime).build())
        .tunnelClient(tunnel)
        .build();
  }

  private static CodefreshValues token() {
    return CodefreshValues.builder().userToken(UserTokenValues.of(TOKEN)).build();
  }

  private static ComponentValues noTunnelSetting() {
    return ComponentValues.builder().build();
  }

  @Nested
  class Defaults {
    @Test
    void usesTheInstallationPageDefaults() {
      RuntimeInstallation installation = RuntimeInstallation.builder().build();

      assertThat(installation.releaseName()).isEqualTo("cf-gitops-runtime");
      assertThat(installation.namespace()).isEqualTo("codefresh");
      assertThat(installation.chart()).isEqualTo("oci://quay.io/codefresh/gitops-runtime");
      assertThat(installation.chartVersion()).isEmpty();
      assertThat(installation.runtimeName()).isEqualTo("codefresh");
      assertThat(installation.accessMode()).isEqualTo(AccessMode.tunnel());
    }

    @Test
    void fillsInTheDefaultRuntimeNameInTheValues() {
      RuntimeInstallation installation = RuntimeInstallation.builder().build();

      assertThat(installation.values().global().runtime().name()).contains("codefresh");
      assertThat(installation.values())
          .isEqualTo(values(CodefreshValues.builder().build(), RuntimeValues.builder().name("codefresh").build(),
              noTunnelSetting()));
    }

    @Test
    void fillsInTheDefaultRuntimeNameWhenValuesWithoutOneAreGiven() {
      GitOpsRuntimeValues given = values(token(), RuntimeValues.builder().build(), noTunnelSetting());

      RuntimeInstallation installation = RuntimeInstallation.builder().values(given).build();

      assertThat(installation.values().global().runtime().name()).contains("codefresh");
      assertThat(installation.withValues(given).values().global().runtime().name()).contains("codefresh");
    }

    @Test
    void keepsAGivenRuntimeName() {
      assertThat(RuntimeInstallation.builder().runtimeName("prod-eu").build().runtimeName()).isEqualTo("prod-eu");
    }

    @Test
    void reopensForChangesWithEverythingItHolds() {
      RuntimeInstallation installation = RuntimeInstallation.builder()
          .releaseName("rt")
          .namespace("team-a")
          .chart("oci://registry.example.com/charts/gitops-runtime")
          .chartVersion("0.30.0")
          .runtimeName("prod-eu")
          .tunnel(ACCOUNT, TOKEN)
          .build();

      assertThat(installation.toBuilder().build()).isEqualTo(installation);
      assertThat(installation.toBuilder().chartVersion(Optional.empty()).build().chartVersion()).isEmpty();
    }
  }

  @Nested
  class AccessModes {
    @Test
    void tunnelSetsAccountTokenAndName() {
      RuntimeInstallation installation = RuntimeInstallation.builder().tunnel(ACCOUNT, TOKEN).build();

      assertThat(installation.values()).isEqualTo(values(
          CodefreshValues.builder().accountId(ACCOUNT).userToken(UserTokenValues.of(TOKEN)).build(),
          RuntimeValues.builder().name("codefresh").build(),
          noTunnelSetting()));
      assertThat(installation.accessMode().kind()).isEqualTo(AccessModeKind.TUNNEL);
    }

    @Test
    void tunnelWithASecretReferencePutsItInSecretKeyRef() {
      SecretValue ref = SecretValue.fromSecret("codefresh-user-token", "token");

      RuntimeInstallation installation = RuntimeInstallation.builder().tunnel(ACCOUNT, ref).build();

      UserTokenValues userToken = installation.values().global().codefresh().userToken();
      assertThat(userToken.token()).isEmpty();
      assertThat(userToken.secretKeyRef()).isEqualTo(ref.secretKeyRef());
    }

    @Test
    void ingressSetsEnabledHostsAndClassName() {
      RuntimeInstallation installation =
          RuntimeInstallation.builder().userToken(TOKEN).ingress("runtime.example.com", "nginx").build();

      assertThat(installation.values()).isEqualTo(values(
          token(),
          RuntimeValues.builder()
              .name("codefresh")
              .ingress(IngressValues.builder().enabled(true).addHost("runtime.example.com").className("nginx").build())
              .build(),
          noTunnelSetting()));
      assertThat(installation.accessMode()).isEqualTo(AccessMode.ingress("runtime.example.com", "nginx"));
    }

    @Test
    void serviceMeshSetsTheUrlAndTurnsIngressAndTunnelOff() {
      RuntimeInstallation installation =
          RuntimeInstallation.builder().userToken(TOKEN).serviceMesh("https://runtime.example.com").build();

      assertThat(installation.values()).isEqualTo(values(
          token(),
          RuntimeValues.builder()
              .name("codefresh")
              .ingressUrl("https://runtime.example.com")
              .ingress(IngressValues.builder().enabled(false).build())
              .build(),
          ComponentValues.builder().enabled(false).build()));
      assertThat(installation.accessMode()).isEqualTo(AccessMode.serviceMesh("https://runtime.example.com"));
    }

    @Test
    void httpRouteSetsEnabledParentRefsAndHostnames() {
      RuntimeInstallation installation = RuntimeInstallation.builder()
          .userToken(TOKEN)
          .httpRoute("shared-gateway", "gateways", "runtime.example.com")
          .build();

      assertThat(installation.values()).isEqualTo(values(
          token(),
          RuntimeValues.builder()
              .name("codefresh")
              .httpRoute(HttpRouteValues.builder()
                  .enabled(true)
                  .addParentRef(ParentRefValues.builder().name("shared-gateway").namespace("gateways").build())
                  .addHostname("runtime.example.com")
                  .build())
              .build(),
          noTunnelSetting()));
      assertThat(installation.accessMode().kind()).isEqualTo(AccessModeKind.HTTP_ROUTE);
    }

    @Test
    void switchingFromIngressToTunnelTurnsIngressOff() {
      RuntimeInstallation installation =
          RuntimeInstallation.builder().ingress("runtime.example.com", "nginx").tunnel(ACCOUNT, TOKEN).build();

      assertThat(installation.values().global().runtime().ingress().enabled()).isEmpty();
      assertThat(installation.accessMode()).isEqualTo(AccessMode.tunnel());
    }

    @Test
    void switchingFromServiceMeshToIngressRemovesTheUrlAndTheTunnelSwitch() {
      RuntimeInstallation installation = RuntimeInstallation.builder()
          .serviceMesh("https://runtime.example.com")
          .ingress("runtime.example.com", "alb")
          .build();

      RuntimeValues runtime = installation.values().global().runtime();
      assertThat(runtime.ingressUrl()).isEmpty();
      assertThat(runtime.ingress().enabled()).contains(true);
      assertThat(installation.values().tunnelClient().enabled()).isEmpty();
      assertThat(installation.accessMode()).isEqualTo(AccessMode.ingress("runtime.example.com", "alb"));
    }

    @Test
    void switchingFromIngressToServiceMeshTurnsIngressOff() {
      RuntimeInstallation installation = RuntimeInstallation.builder()
          .ingress("runtime.example.com", "nginx")
          .serviceMesh("http://runtime.mesh.local")
          .build();

      assertThat(installation.values().global().runtime().ingress().enabled()).contains(false);
      assertThat(installation.values().tunnelClient().enabled()).contains(false);
      assertThat(installation.accessMode()).isEqualTo(AccessMode.serviceMesh("http://runtime.mesh.local"));
    }

    @Test
    void switchingFromHttpRouteToTunnelTurnsTheRouteOff() {
      RuntimeInstallation installation = RuntimeInstallation.builder()
          .httpRoute("gw", "gateways", "runtime.example.com")
          .tunnel(ACCOUNT, TOKEN)
          .build();

      assertThat(installation.values().global().runtime().httpRoute().enabled()).isEmpty();
      assertThat(installation.accessMode()).isEqualTo(AccessMode.tunnel());
    }

    @Test
    void keepsGitCredentialsAndOtherValuesWhenSwitchingModes() {
      RuntimeInstallation installation = RuntimeInstallation.builder()
          .runtimeName("prod-eu")
          .gitCredentials("x-token", SecretValue.of("git-token-value"))
          .editValues(v -> v.withInstaller(v.installer().withSkipUsageValidation(true)))
          .ingress("runtime.example.com", "nginx")
          .serviceMesh("https://runtime.example.com")
          .build();

      assertThat(installation.runtimeName()).isEqualTo("prod-eu");
      assertThat(installation.values().global().runtime().gitCredentials()).isEqualTo(GitCredentialsValues.builder()
          .username("x-token").password(GitPasswordValues.of(SecretValue.of("git-token-value"))).build());
      assertThat(installation.values().installer().skipUsageValidation()).contains(true);
    }
  }

  @Nested
  class Invalid {
    private static final String RUNTIME_RULE = " is not a valid runtime name: it must start with a lower-case letter"
        + " and contain only lower-case letters, digits and '-', at most 38 characters.";

    @Test
    void rejectsRuntimeNameWithUpperCase() {
      assertThatThrownBy(() -> RuntimeInstallation.builder().runtimeName("Prod-EU").build())
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("global.runtime.name: \"Prod-EU\"" + RUNTIME_RULE + " Use for example \"prod-eu\".")
          .extracting(e -> ((InvalidValuesException) e).valuesPath())
          .isEqualTo("global.runtime.name");
    }

    @Test
    void rejectsRuntimeNameWithUnderscore() {
      assertThatThrownBy(() -> RuntimeInstallation.builder().runtimeName("prod_eu").build())
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("global.runtime.name: \"prod_eu\"" + RUNTIME_RULE + " Use for example \"prod-eu\".");
    }

    @Test
    void rejectsRuntimeNameOf39Characters() {
      String name = "a".repeat(39);

      assertThatThrownBy(() -> RuntimeInstallation.builder().runtimeName(name).build())
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("global.runtime.name: \"" + name + "\"" + RUNTIME_RULE + " Use for example \"" + "a".repeat(38) + "\".");
    }

    @Test
    void acceptsRuntimeNameOf38Characters() {
      assertThat(RuntimeInstallation.builder().runtimeName("a".repeat(38)).build().runtimeName()).hasSize(38);
    }

    @Test
    void rejectsRuntimeNameEndingWithHyphen() {
      assertThatThrownBy(() -> RuntimeInstallation.builder().runtimeName("prod-").build())
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("global.runtime.name: \"prod-\"" + RUNTIME_RULE + " Use for example \"prod\".");
    }

    @Test
    void rejectsRuntimeNameStartingWithDigit() {
      assertThatThrownBy(() -> RuntimeInstallation.builder().runtimeName("1prod").build())
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("global.runtime.name: \"1prod\"" + RUNTIME_RULE + " Use for example \"prod\".");
    }

    @Test
    void valuesWithoutARuntimeNameGetTheDefaultAndSaySo() {
      for (Optional<String> given : List.of(Optional.<String>empty(), Optional.of(""), Optional.of("  "))) {
        GitOpsRuntimeValues values = GitOpsRuntimeValues.builder().build();
        values = values.withGlobal(values.global().withRuntime(values.global().runtime().withName(given)));

        RuntimeInstallation installation = RuntimeInstallation.builder().values(values).build();

        assertThat(installation.runtimeName()).as("given %s", given).isEqualTo("codefresh");
        assertThat(installation.runtimeNameDefaulted()).as("given %s", given).isTrue();
        assertThat(installation.toBuilder().build().runtimeNameDefaulted()).as("reopened, given %s", given).isTrue();
      }
    }

    @Test
    void aGivenNameIsNotDefaultedEvenWhenItIsTheDefaultOne() {
      assertThat(RuntimeInstallation.builder().runtimeName("codefresh").build().runtimeNameDefaulted()).isFalse();
      assertThat(RuntimeInstallation.builder().build().toBuilder().runtimeName("prod-eu").build())
          .satisfies(i -> assertThat(i.runtimeName()).isEqualTo("prod-eu"))
          .satisfies(i -> assertThat(i.runtimeNameDefaulted()).isFalse());
    }

    @Test
    void rejectsEmptyRuntimeName() {
      assertThatThrownBy(() -> RuntimeInstallation.builder().runtimeName("").build())
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("global.runtime.name: \"\"" + RUNTIME_RULE + " Use for example \"codefresh\".");
    }

    @Test
    void rejectsNamespaceThatIsNotADns1123Label() {
      assertThatThrownBy(() -> RuntimeInstallation.builder().namespace("Team_A").build())
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("namespace: \"Team_A\" is not a valid namespace: it must be a DNS-1123 label (lower-case letters,"
              + " digits and '-', starting and ending with a letter or digit, at most 63 characters)."
              + " Use for example \"team-a\".")
          .extracting(e -> ((InvalidValuesException) e).valuesPath())
          .isEqualTo("namespace");
    }

    @Test
    void rejectsReleaseNameLongerThan53Characters() {
      String release = "r".repeat(54);

      assertThatThrownBy(() -> RuntimeInstallation.builder().releaseName(release).build())
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("release: \"" + release + "\" is not a valid Helm release name: it must contain only lower-case"
              + " letters, digits, '-' and '.', start and end with a letter or digit, and have at most 53 characters."
              + " Use for example \"" + "r".repeat(53) + "\".");
    }

    @Test
    void rejectsReleaseNameWithInvalidCharacters() {
      assertThatThrownBy(() -> RuntimeInstallation.builder().releaseName("CF_Runtime").build())
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("release: \"CF_Runtime\" is not a valid Helm release name: it must contain only lower-case"
              + " letters, digits, '-' and '.', start and end with a letter or digit, and have at most 53 characters."
              + " Use for example \"cf-runtime\".");
    }

    @Test
    void rejectsChartVersionThatIsNotSemVer() {
      assertThatThrownBy(() -> RuntimeInstallation.builder().chartVersion("latest").build())
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("chartVersion: \"latest\" is not a chart version: chart versions are SemVer 2 versions"
              + " (MAJOR.MINOR.PATCH with an optional -prerelease and +build)."
              + " Use an exact released version, for example \"0.30.0\".");
    }

    @Test
    void rejectsBlankChart() {
      assertThatThrownBy(() -> RuntimeInstallation.builder().chart(" ").build())
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("chart: the chart reference is empty. Use \"oci://quay.io/codefresh/gitops-runtime\" or a path"
              + " to a chart.");
    }

    @Test
    void checksValuesReplacedAfterBuilding() {
      RuntimeInstallation installation = RuntimeInstallation.builder().build();
      GitOpsRuntimeValues renamed = installation.values().withGlobal(installation.values().global()
          .withRuntime(installation.values().global().runtime().withName("Prod")));

      assertThatThrownBy(() -> installation.withValues(renamed))
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("global.runtime.name: \"Prod\"" + RUNTIME_RULE + " Use for example \"prod\".");
    }

    @Test
    void rejectsAnEditThatReturnsNull() {
      assertThatThrownBy(() -> RuntimeInstallation.builder().editValues(v -> null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("editValues returned null");
    }
  }

  @Nested
  class Secrets {
    @Test
    void toStringNeverContainsALiteralToken() {
      RuntimeInstallation installation = RuntimeInstallation.builder()
          .tunnel(ACCOUNT, TOKEN)
          .gitCredentials("git", SecretValue.of("ghp_literalGitToken1234"))
          .build();

      assertThat(installation.toString())
          .contains(ACCOUNT)
          .doesNotContain(TOKEN_TEXT)
          .doesNotContain("ghp_literalGitToken1234");
      assertThat(installation.values().toString()).doesNotContain(TOKEN_TEXT);
    }
  }
}
