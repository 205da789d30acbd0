package io.gitopsruntime.validators;

import static io.gitopsruntime.validators.Fixtures.error;
import static io.gitopsruntime.validators.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.PrivateRegistry;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.validation.Finding;
import io.gitopsruntime.values.AccessMode;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PrivateRegistryValidatorTest {
  private static final String ID = PrivateRegistryValidator.ID;
  private static final PrivateRegistry MIRROR = PrivateRegistry.of("registry.example.com/mirror").withPullSecret("regcred");

  private static List<Finding> check(RuntimeInstallation installation) {
    return new PrivateRegistryValidator().validate(Fixtures.context(installation));
  }

  private static RuntimeInstallation ingress() {
    return Fixtures.tunnel().toBuilder().ingress("runtime.example.com", "nginx").build();
  }

  @Nested
  class Valid {
    @Test
    void saysNothingWithoutAPrivateRegistry() {
      assertThat(check(Fixtures.tunnel())).isEmpty();
    }

    @Test
    void passesAnIngressInstallationWhoseOverridesAreApplied() {
      assertThat(check(ingress().toBuilder().privateRegistry(MIRROR).build().withPrivateRegistryApplied(true))).isEmpty();
    }
  }

  @Nested
  class Invalid {
    @Test
    void reportsOverridesThatAreNotApplied() {
      assertThat(check(ingress().toBuilder().privateRegistry(MIRROR).build())).containsExactly(error(ID,
          RuleIds.PRIVATE_REGISTRY_NOT_APPLIED, "privateRegistry",
          "The installation pulls its images from registry.example.com/mirror, but its values do not carry that"
              + " registry's override values: every image would still be pulled from its public registry.",
          "Apply them before installing or exporting: RegistryOverrides.apply(installation) in code, or --registry"
              + " registry.example.com/mirror on the command line."));
    }

    @Test
    void warnsThatTheTunnelNeedsEgressToCodefresh() {
      assertThat(check(Fixtures.tunnel().toBuilder().privateRegistry(MIRROR).build().withPrivateRegistryApplied(true)))
          .containsExactly(warning(ID, RuleIds.PRIVATE_REGISTRY_TUNNEL, "tunnel-client.enabled",
              "The tunnel access mode with a private registry: the tunnel client connects out to Codefresh's tunnel"
                  + " servers on the internet, which a cluster that pulls its images from registry.example.com/mirror"
                  + " often cannot reach.",
              "If the cluster has no egress to Codefresh, use the ingress, Gateway API or service-mesh access mode"
                  + " (the platform then reaches the runtime through your ingress); otherwise allow egress to"
                  + " Codefresh's tunnel servers."));
    }

    @Test
    void doesNotWarnAboutTheTunnelInServiceMeshMode() {
      RuntimeInstallation mesh = Fixtures.tunnel().toBuilder().accessMode(AccessMode.serviceMesh("https://runtime.example.com"))
          .privateRegistry(MIRROR).build().withPrivateRegistryApplied(true);

      assertThat(check(mesh)).isEmpty();
    }
  }
}
