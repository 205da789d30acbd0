package io.gitopsruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PrivateRegistryTest {

  @Nested
  class Valid {
    @Test
    void keepsHostPrefixAndPullSecret() {
      PrivateRegistry registry = PrivateRegistry.of("registry.example.com/mirror").withPullSecret("regcred");

      assertThat(registry.registry()).isEqualTo("registry.example.com/mirror");
      assertThat(registry.host()).isEqualTo("registry.example.com");
      assertThat(registry.pullSecret()).contains("regcred");
    }

    @Test
    void dropsSurroundingSpaceAndTrailingSlashes() {
      assertThat(PrivateRegistry.of(" registry.example.com/mirror// ").registry()).isEqualTo("registry.example.com/mirror");
    }

    @Test
    void acceptsAPortAndLocalhost() {
      assertThat(PrivateRegistry.of("localhost:5000").host()).isEqualTo("localhost:5000");
      assertThat(PrivateRegistry.of("localhost").pullSecret()).isEmpty();
      assertThat(PrivateRegistry.of("mirror:5000/a/b").host()).isEqualTo("mirror:5000");
    }

    @Test
    void isAnOptionOfTheInstallationThatSurvivesReopening() {
      PrivateRegistry registry = PrivateRegistry.of("registry.example.com/mirror").withPullSecret("regcred");
      RuntimeInstallation installation = RuntimeInstallation.builder().privateRegistry(registry).build();

      assertThat(installation.privateRegistry()).contains(registry);
      assertThat(installation.privateRegistryApplied()).isFalse();
      assertThat(installation.toBuilder().build()).isEqualTo(installation);
      assertThat(RuntimeInstallation.builder().build().privateRegistry()).isEmpty();
    }

    @Test
    void staysAppliedWhenReopenedAndIsClearedByWhatTheOverridesDependOn() {
      RuntimeInstallation applied = RuntimeInstallation.builder()
          .privateRegistry(PrivateRegistry.of("registry.example.com/mirror")).build().withPrivateRegistryApplied(true);

      assertThat(applied.toBuilder().releaseName("other").build().privateRegistryApplied()).isTrue();
      assertThat(applied.toBuilder().privateRegistry(PrivateRegistry.of("registry.example.com/mirror")).build()
          .privateRegistryApplied()).isTrue();
      assertThat(applied.toBuilder().chartVersion("0.30.1").build().privateRegistryApplied()).isFalse();
      assertThat(applied.toBuilder().runtimeName("prod-eu").build().privateRegistryApplied()).isFalse();
      assertThat(applied.toBuilder().privateRegistry(PrivateRegistry.of("other.example.com")).build()
          .privateRegistryApplied()).isFalse();
      assertThat(applied.toBuilder().privateRegistry(Optional.empty()).build().privateRegistryApplied()).isFalse();
    }
  }

  @Nested
  class Invalid {
    @Test
    void rejectsAScheme() {
      assertThatThrownBy(() -> PrivateRegistry.of("https://registry.example.com/mirror"))
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("privateRegistry: \"https://registry.example.com/mirror\" is not HOST[/PREFIX]: it has a scheme;"
              + " give the registry without https://. Use for example \"registry.example.com/mirror\".")
          .extracting(e -> ((InvalidValuesException) e).valuesPath()).isEqualTo("privateRegistry");
    }

    @Test
    void rejectsSpaces() {
      assertThatThrownBy(() -> PrivateRegistry.of("registry.example.com/my mirror"))
          .hasMessage("privateRegistry: \"registry.example.com/my mirror\" is not HOST[/PREFIX]: it contains white space."
              + " Use for example \"registry.example.com/mirror\".");
    }

    @Test
    void rejectsAnEmptyRegistry() {
      assertThatThrownBy(() -> PrivateRegistry.of(" / "))
          .hasMessage("privateRegistry: the private registry is empty. Use for example \"registry.example.com/mirror\".");
    }

    @Test
    void rejectsAHostThatReadsAsADockerHubNamespace() {
      assertThatThrownBy(() -> PrivateRegistry.of("mirror/codefresh"))
          .hasMessage("privateRegistry: \"mirror/codefresh\" is not HOST[/PREFIX]: the host must contain a '.' or a port,"
              + " or be localhost (otherwise container runtimes read it as a Docker Hub namespace). Use for example"
              + " \"registry.example.com/mirror\".");
    }

    @Test
    void rejectsAnUpperCasePrefix() {
      assertThatThrownBy(() -> PrivateRegistry.of("registry.example.com/Mirror"))
          .hasMessage("privateRegistry: \"registry.example.com/Mirror\" is not HOST[/PREFIX]: the prefix \"Mirror\" must be"
              + " lower-case letters and digits, with '.', '_' or '-' between them, in parts separated by '/'. Use for"
              + " example \"registry.example.com/mirror\".");
    }

    @Test
    void rejectsAPullSecretThatIsNotASecretName() {
      assertThatThrownBy(() -> PrivateRegistry.of("registry.example.com").withPullSecret("Reg_Cred"))
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("privateRegistry.pullSecret: \"Reg_Cred\" is not a Secret name: lower-case letters, digits, '-' and"
              + " '.', starting and ending with a letter or digit, at most 253 characters. Use for example \"regcred\".");
    }
  }
}
