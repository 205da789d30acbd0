package io.gitopsruntime.helm.manifest;

import static io.gitopsruntime.helm.manifest.Fixtures.NAMESPACE;
import static io.gitopsruntime.helm.manifest.Fixtures.installer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.ValidatorChain;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.helm.RecordingListener;
import io.gitopsruntime.helm.manifest.internal.WorkDir;
import io.gitopsruntime.install.FailureKind;
import io.gitopsruntime.install.InstallException;
import io.gitopsruntime.install.InstallOutcome;
import io.gitopsruntime.testing.KubernetesTest;
import io.gitopsruntime.testing.KubernetesTestServer;
import io.gitopsruntime.testing.RecordedCall;
import io.gitopsruntime.testing.TestChart;
import io.gitopsruntime.validators.Validators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recognisable token in every secret slot of the values never leaves the places it must go. */
@KubernetesTest(namespace = "codefresh")
class SecretsTest {
  private static final String TOKEN = "tok-5ecr3t-9f8e7d6c5b4a";
  private static final Path TEMP = Path.of(System.getProperty("java.io.tmpdir"));

  @TempDir Path tmp;

  private static RuntimeInstallation everySlot(Path chart, String extra) {
    return RuntimeInstallation.builder().chart(chart.toString()).values(ValuesYaml.parse(
        "global:\n"
            + "  codefresh:\n"
            + "    accountId: 628a80b693a15c0f9c13ab75\n"
            + "    userToken:\n      token: " + TOKEN + "-user\n"
            + "    tls:\n      caCerts:\n        secret:\n          create: false\n          content: " + TOKEN + "-ca\n"
            + "  runtime:\n"
            + "    name: test-runtime\n"
            + "    gitCredentials:\n      username: git\n      password:\n        value: " + TOKEN + "-git\n"
            + "  integrations:\n    argo-cd:\n      server:\n        auth:\n"
            + "          password: " + TOKEN + "-argo-password\n          token: " + TOKEN + "-argo-token\n"
            + extra)).build();
  }

  private static ManifestInstaller.Builder validators(ManifestInstaller.Builder builder) {
    return builder.validators(ValidatorChain.builder().addAll(Validators.offline()).remove(Validators.PLATFORM_CA_ID).build());
  }

  private static Set<Path> temporaryEntries() throws IOException {
    try (Stream<Path> s = Files.list(TEMP)) {
      return new HashSet<>(s.toList());
    }
  }

  private static List<String> filesMentioning(Set<Path> roots, String needle) throws IOException {
    List<String> found = new java.util.ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) {
          if (Files.size(p) < 16_000_000 && new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).contains(needle)) {
            found.add(p.toString());
          }
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // another process's file that went away or is not readable
      }
    }
    return found;
  }

  @Test
  void theTokenAppearsInNoEventLogLineUrlInventoryOrTemporaryFile(KubernetesTestServer server, KubernetesClient client)
      throws Exception {
    Set<Path> before = temporaryEntries();
    RecordingListener events = new RecordingListener();
    Path chart = TestChart.writeTo(tmp);
    String logs;
    try (CapturedLogs captured = CapturedLogs.start();
        ManifestInstaller installer = installer(server, events, SecretsTest::validators)) {
      assertThat(installer.plan(everySlot(chart, "")).hasChanges()).isTrue();
      assertThat(installer.install(everySlot(chart, "")).outcome()).isEqualTo(InstallOutcome.INSTALLED);
      assertThat(installer.install(everySlot(chart, "app-proxy:\n  replicaCount: 1\n")).outcome())
          .as("values that render the same change nothing").isEqualTo(InstallOutcome.UNCHANGED);
      installer.status(everySlot(chart, ""));
      installer.uninstall(everySlot(chart, ""));
      logs = captured.text();
    }
    Set<Path> created = temporaryEntries();
    created.removeAll(before);

    assertThat(logs).as("DEBUG was captured").contains("KubeApi", "PATCH /api/v1/namespaces/codefresh/secrets/");
    assertThat(logs).doesNotContain(TOKEN);
    assertThat(events.events()).isNotEmpty().noneMatch(e -> e.contains(TOKEN));
    assertThat(server.journal().calls()).extracting(RecordedCall::uri).noneMatch(u -> u.contains(TOKEN));
    // this JVM's only: tests running beside this one (other forks, other builds) have scratch directories too
    assertThat(created).as("scratch directories are deleted").noneMatch(p -> p.getFileName().toString()
        .startsWith(WorkDir.PREFIX));
    assertThat(filesMentioning(created, TOKEN)).isEmpty();
  }

  @Test
  void theInventoryHoldsReferencesAndDigestsButNoValue(KubernetesTestServer server, KubernetesClient client) {
    try (ManifestInstaller installer = installer(server, new RecordingListener(),
        SecretsTest::validators)) {
      installer.install(everySlot(TestChart.writeTo(tmp), ""));
    }
    Secret inventory = client.secrets().inNamespace(NAMESPACE).withName("gitops-runtime.cf-gitops-runtime.v1").get();
    String json = new String(Base64.getDecoder().decode(inventory.getData().get("inventory")), StandardCharsets.UTF_8);

    assertThat(json).contains("\"digest\":\"sha256:", "\"kind\":\"Deployment\"", "\"name\":\"cap-app-proxy\"")
        .doesNotContain(TOKEN, Base64.getEncoder().encodeToString((TOKEN + "-user").getBytes(StandardCharsets.UTF_8)),
            "628a80b693a15c0f9c13ab75");
    assertThat(inventory.getMetadata().getAnnotations()).isNullOrEmpty();
    assertThat(inventory.getData()).containsOnlyKeys("inventory");
  }

  @Test
  void aHookFailureQuotingTheTokenIsMasked(KubernetesTestServer server) {
    server.failJob("validate-values", "the API key " + TOKEN + "-user is not valid for account 628a80b693a15c0f9c13ab75");
    InstallException failure;
    try (CapturedLogs captured = CapturedLogs.start();
        ManifestInstaller installer = installer(server, new RecordingListener(), SecretsTest::validators)) {
      failure = catchThrowableOfType(InstallException.class, () -> installer.install(everySlot(TestChart.writeTo(tmp), "")));
      assertThat(captured.text()).doesNotContain(TOKEN);
    }

    assertThat(failure.failure()).isEqualTo(FailureKind.HOOK_FAILED);
    assertThat(failure).hasMessageContaining("    the API key **** is not valid for account 628a80b693a15c0f9c13ab75")
        .hasMessageNotContaining(TOKEN);
  }
}
