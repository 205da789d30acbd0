package io.gitopsruntime.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitopsruntime.testing.KubernetesTestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the scripts of examples/jbang for real, as the README tells users to: JBang from Maven Central,
 * the SDK from the local repository this build installed it into. Commands are typed in the repository
 * root, like the README's. Checks every script's directives; the install and uninstall scripts are run by
 * {@link JBangInstallScriptsIT}, against an API server.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "JBang's command line is executed by bash, as its launcher does")
class JBangScriptsIT {
  private static final Path ROOT = BuildEnvironment.examplesDir().getParent();
  private static final Path SCRIPTS = BuildEnvironment.examplesDir().resolve("jbang");

  private static ProcessRun jbang(String script, String... args) {
    return JBang.fromMavenCentral().run(ROOT, script, args);
  }

  /** A loopback port nobody listens on: the platform checks fail at once and nothing leaves the machine. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static List<Path> scripts() throws IOException {
    try (Stream<Path> files = Files.list(SCRIPTS)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  @Nested
  class Directives {
    private static final Pattern DEPS = Pattern.compile(
        "//DEPS io\\.gitopsruntime:gitops-runtime-bom:(\\S+)@pom( io\\.gitopsruntime:gitops-runtime-[a-z]+)+");

    @Test
    void everyScriptHasOneDepsLineOnTheBomOfThisVersionAndModulesWithoutVersions() throws IOException {
      assertThat(scripts()).isNotEmpty();
      for (Path script : scripts()) {
        List<String> deps = Files.readAllLines(script).stream().filter(l -> l.startsWith("//DEPS")).toList();
        assertThat(deps).as("//DEPS lines of %s", script.getFileName()).hasSize(1);
        Matcher matcher = DEPS.matcher(deps.get(0));
        assertThat(matcher.matches()).as("%s: %s", script.getFileName(), deps.get(0)).isTrue();
        assertThat(matcher.group(1)).as("BOM version in %s", script.getFileName()).isEqualTo(BuildEnvironment.projectVersion());
      }
    }

    @Test
    void everyScriptAsksForJava17OrNewer() throws IOException {
      for (Path script : scripts()) {
        assertThat(Files.readAllLines(script)).as(script.getFileName().toString()).contains("//JAVA 17+");
      }
    }

    @Test
    void theReadmeListsEveryScript() throws IOException {
      String readme = Files.readString(SCRIPTS.resolve("README.md"));
      for (Path script : scripts()) {
        assertThat(readme).contains("jbang examples/jbang/" + script.getFileName());
      }
    }
  }

  @Nested
  class QuickPlan {
    @Test
    void checksAnIngressRuntimeAndPrintsItsHelmCommand() {
      ProcessRun run = jbang("examples/jbang/QuickPlan.java", "prod-eu", "gitops.example.com");

      assertThat(run.exitCode()).as(run.transcript()).isZero();
      assertThat(run.out())
          .startsWith("INFO [git-credentials.missing] global.runtime.gitCredentials.password:")
          .contains("helm upgrade --install cf-gitops-runtime \\\n")
          .contains("  --set 'global.runtime.ingress.hosts[0]=gitops.example.com' \\\n")
          .endsWith("  oci://quay.io/codefresh/gitops-runtime \\\n  --wait\n");
      assertThat(run.err()).isEmpty();
    }
  }

  @Nested
  class PlanInstallation {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tunnel       | TUNNEL       | '  runtime:\n    name: prod-eu\n# Findings'",
        "ingress      | INGRESS      | '    ingress:\n      enabled: true\n      className: nginx\n      hosts:\n        - prod-eu.runtimes.example.com\n'",
        "service-mesh | SERVICE_MESH | '    ingressUrl: https://prod-eu.mesh.example.com\ntunnel-client:\n  enabled: false\n'"})
    void plansAnInstallationDescribedInCode(String mode, String kind, String values) {
      ProcessRun run = jbang("examples/jbang/PlanInstallation.java", mode, "prod-eu");

      assertThat(run.exitCode()).as(run.transcript()).isZero();
      assertThat(run.out())
          .startsWith("# cf-gitops-runtime in namespace codefresh, runtime prod-eu, access mode " + kind + "\n")
          .contains(values)
          .contains("# Findings (offline):\nINFO [git-credentials.missing]");
      assertThat(run.err()).as("nothing on stderr, not even a logging warning").isEmpty();
    }
  }

  @Nested
  class ValidateValues {
    @Test
    void validatesAValuesFileOfflineByDefault() {
      ProcessRun run = jbang("examples/jbang/ValidateValues.java", "examples/values/tunnel.yaml");

      assertThat(run.exitCode()).as(run.transcript()).isZero();
      assertThat(run.out()).startsWith("Validated examples/values/tunnel.yaml offline: 0 errors, 0 warnings\n"
          + "INFO [git-credentials.missing] global.runtime.gitCredentials.password:");
      assertThat(run.err()).isEmpty();
    }

    @Test
    void reportsEveryWrongValueWithItsLineAsValidateDoes() {
      ProcessRun run = jbang("examples/jbang/ValidateValues.java", "examples/values/broken.yaml");

      assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
      assertThat(run.out()).startsWith("Validated examples/values/broken.yaml offline: 5 errors, 0 warnings\n"
          + "ERROR [account-id.missing] global.codefresh.accountId: ");
      // in file order, as gitops-runtime validate prints them
      assertThat(run.out().lines().filter(l -> l.startsWith("ERROR ")).map(l -> l.substring(0, l.indexOf(':'))))
          .containsExactly("ERROR [account-id.missing] global.codefresh.accountId",
              "ERROR [user-token.incomplete-ref] global.codefresh.userToken.secretKeyRef.key",
              "ERROR [runtime-name.format] global.runtime.name",
              "ERROR [values.type] global.runtime.ingress.enabled",
              "ERROR [values.type] app-proxy.config.skipGitPermissionValidation");
      assertThat(run.out()).contains("(examples/values/broken.yaml:11:7)");
    }

    @Test
    void printsItsUsageWithoutArguments() {
      ProcessRun run = jbang("examples/jbang/QuickPlan.java");

      assertThat(run.exitCode()).as(run.transcript()).isEqualTo(2);
      assertThat(run.err()).startsWith("usage: jbang QuickPlan.java RUNTIME-NAME INGRESS-HOST");
      assertThat(run.transcript()).doesNotContain("Exception");
    }

    @Test
    void runsTheRemoteChecksWithOnline(@TempDir Path dir) throws IOException {
      Path values = Files.writeString(dir.resolve("values.yaml"), ""
          + "global:\n"
          + "  codefresh:\n"
          + "    url: http://127.0.0.1:" + closedPort() + "\n"
          + "    accountId: 628a80b693a15c0f9c13ab75\n"
          + "    userToken:\n"
          + "      token: cf-api-key-that-must-never-be-printed\n"
          + "  runtime:\n"
          + "    name: prod-eu\n");

      ProcessRun run = jbang("examples/jbang/ValidateValues.java", values.toString(), "--online");

      assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
      assertThat(run.out())
          .startsWith("Validated " + values + " online: 1 errors, ")
          .contains("ERROR [platform.unreachable] global.codefresh.url: ")
          .doesNotContain("[platform.skipped]")
          .doesNotContain("cf-api-key-that-must-never-be-printed");
    }

    @Test
    void readsTheSecretsTheValuesPointToThroughKubeconfig(@TempDir Path dir) throws IOException {
      Path values = Files.writeString(dir.resolve("values.yaml"), ""
          + "global:\n"
          + "  codefresh:\n"
          + "    url: http://127.0.0.1:" + closedPort() + "\n"
          + "    accountId: 628a80b693a15c0f9c13ab75\n"
          + "    userToken:\n"
          + "      secretKeyRef:\n"
          + "        name: codefresh-user-token\n"
          + "        key: token\n"
          + "  runtime:\n"
          + "    name: prod-eu\n");
      try (KubernetesTestServer cluster = KubernetesTestServer.builder().namespace("codefresh").start()) {
        Path kubeconfig = cluster.writeKubeconfig(dir.resolve("kubeconfig.yaml"));

        ProcessRun run = jbang("examples/jbang/ValidateValues.java", values.toString(), "--online",
            "--kubeconfig", kubeconfig.toString());

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
        assertThat(run.out())
            .contains("ERROR [cluster.secret-ref] global.codefresh.userToken.secretKeyRef.name: Secret"
                + " \"codefresh-user-token\" for the Codefresh API key does not exist in namespace \"codefresh\": ")
            // reported once, by the cluster check; the platform check says it was skipped and does not call out
            .contains("INFO [user-token.secret] global.codefresh.userToken.secretKeyRef: The platform check was skipped:")
            .doesNotContain("[platform.unreachable]");
        assertThat(cluster.journal().calls("GET", ".*/namespaces/codefresh/secrets/codefresh-user-token"))
            .as("the script read the Secret through the kubeconfig").isNotEmpty();
      }
    }
  }

  @Nested
  class ExportInstallation {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "terraform | 'resource \"helm_release\" \"cf_gitops_runtime\" {\n  name             = \"cf-gitops-runtime\"\n'",
        "argocd    | '\nkind: Application\n'",
        "helm      | 'helm upgrade --install cf-gitops-runtime \\\n  --create-namespace \\\n  --namespace codefresh \\\n'"})
    void exportsTheInstallationForAnotherTool(String format, String expected) {
      ProcessRun run = jbang("examples/jbang/ExportInstallation.java", format, "examples/values/ingress.yaml", "0.30.0");

      assertThat(run.exitCode()).as(run.transcript()).isZero();
      assertThat(run.out()).contains(expected).contains("gitops.example.com").contains("0.30.0");
      assertThat(run.err()).isEmpty();
    }
  }

  /** The harness must fail loudly, not pass on a script that cannot even start. */
  @Nested
  class BrokenScripts {
    @Test
    void aMisspelledArtifactInDepsFailsTheBuild(@TempDir Path dir) throws IOException {
      Files.writeString(dir.resolve("PlanInstallation.java"), Files.readString(SCRIPTS.resolve("PlanInstallation.java"))
          .replace("io.gitopsruntime:gitops-runtime-validation", "io.gitopsruntime:gitops-runtime-validashun"));

      ProcessRun build = JBang.fromMavenCentral().build(dir, "PlanInstallation.java");

      assertThat(build.exitCode()).as(build.transcript()).isNotIn(0, 255);
      assertThat(build.err()).contains("gitops-runtime-validashun");
    }

    @Test
    void anInstallScriptWithoutTheHelmModuleFailsTheBuild(@TempDir Path dir) throws IOException {
      Files.writeString(dir.resolve("InstallWithManifests.java"), Files.readString(SCRIPTS.resolve("InstallWithManifests.java"))
          .replace("io.gitopsruntime:gitops-runtime-helm", "io.gitopsruntime:gitops-runtime-validation"));
      Files.copy(SCRIPTS.resolve("support/ScriptSupport.java"),
          Files.createDirectories(dir.resolve("support")).resolve("ScriptSupport.java"));

      ProcessRun build = JBang.fromMavenCentral().build(dir, "InstallWithManifests.java");

      assertThat(build.exitCode()).as(build.transcript()).isNotIn(0, 255);
      assertThat(build.out() + build.err()).contains("package io.gitopsruntime.helm.manifest does not exist");
    }

    @Test
    void aClassOutsideTheDepsFailsTheBuild(@TempDir Path dir) throws IOException {
      // the export script depends on core only; the built-in validators are in the validation module
      Files.writeString(dir.resolve("ExportInstallation.java"), Files.readString(SCRIPTS.resolve("ExportInstallation.java"))
          .replace("import java.nio.file.Path;", "import java.nio.file.Path;\nimport io.gitopsruntime.validators.Validators;"));

      ProcessRun build = JBang.fromMavenCentral().build(dir, "ExportInstallation.java");

      assertThat(build.exitCode()).as(build.transcript()).isNotIn(0, 255);
      assertThat(build.out() + build.err()).contains("package io.gitopsruntime.validators does not exist");
    }
  }
}
