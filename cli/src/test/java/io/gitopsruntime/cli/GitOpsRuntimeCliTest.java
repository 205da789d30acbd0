package io.gitopsruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitOpsRuntimeCliTest {
  private static final String TOKEN = "tok-SECRET-4242";

  @TempDir Path dir;

  private Path values(String yaml) throws IOException {
    Path file = dir.resolve("values.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static final String TUNNEL = String.join("\n",
      "global:",
      "  codefresh:",
      "    accountId: 628a80b693a15c0f9c13ab75",
      "    userToken:",
      "      token: " + TOKEN,
      "  runtime:",
      "    name: prod-eu",
      "");

  @Nested
  class Plan {
    @Test
    void plansTheShippedIngressExampleWithoutProblems() {
      CliRun run = CliRun.of("plan", "-f", "../examples/values/ingress.yaml");

      assertThat(run.exitCode()).isZero();
      assertThat(run.out())
          .contains("  runtime name:  prod-eu\n")
          .contains("  access mode:   ingress (https://gitops.example.com, IngressClass nginx)\n")
          .contains("Findings (offline: 0 errors, 0 warnings)")
          .contains("    --set 'global.runtime.ingress.hosts[0]=gitops.example.com' \\\n");
      assertThat(run.err()).isEmpty();
    }

    @Test
    void masksTheTokenInTheHelmCommand() throws IOException {
      CliRun run = CliRun.of("plan", "-f", values(TUNNEL).toString(), "--version", "0.30.0");

      assertThat(run.exitCode()).isZero();
      assertThat(run.out())
          .contains("--set 'global.codefresh.userToken.token=****'")
          .contains("--version 0.30.0")
          .doesNotContain(TOKEN);
    }

    @Test
    void printsStableJson() throws IOException {
      CliRun run = CliRun.of("plan", "-f", values(TUNNEL).toString(), "-o", "json", "--release", "rt", "-n", "gitops");

      assertThat(run.exitCode()).isZero();
      assertThat(run.out())
          .contains("\"release\" : \"rt\"")
          .contains("\"namespace\" : \"gitops\"")
          .contains("\"runtimeName\" : \"prod-eu\"")
          .contains("\"accessMode\" : \"TUNNEL\"")
          .contains("\"findings\" : [ {\n    \"ruleId\" : \"git-credentials.missing\",\n    \"severity\" : \"INFO\",\n"
              + "    \"path\" : \"global.runtime.gitCredentials.password\",")
          .contains("\"location\" : \"" + dir.resolve("values.yaml") + ":6:3\"")
          .contains("\"ok\" : true")
          .doesNotContain(TOKEN);
    }

    @Test
    void reportsAnAbsentNullOrEmptyRuntimeNameAlike() throws IOException {
      String account = "global:\n  codefresh:\n    accountId: 628a80b693a15c0f9c13ab75\n    userToken:\n      token: "
          + TOKEN + "\n";
      for (String name : new String[] {"", "  runtime:\n    name:\n", "  runtime:\n    name: ''\n"}) {
        CliRun run = CliRun.of("plan", "-f", values(account + name).toString());

        assertThat(run.exitCode()).as(name).isZero();
        assertThat(run.out()).as(name)
            .contains("  runtime name:  codefresh\n")
            .contains("global.runtime.name is not set (absent, null or empty): the SDK installs the runtime as"
                + " \"codefresh\"")
            .doesNotContain("is not a valid runtime name");
      }
    }

    @Test
    void layersSeveralValuesFilesLaterWinning() throws IOException {
      Path base = values(TUNNEL);
      Path override = dir.resolve("override.yaml");
      Files.writeString(override, "global:\n  runtime:\n    name: staging\n");

      CliRun run = CliRun.of("plan", "-f", base.toString(), "-f", override.toString());

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("  runtime name:  staging\n").contains("--set global.codefresh.accountId=628a80b693a15c0f9c13ab75");
    }
  }

  @Nested
  class BadInput {
    @Test
    void reportsAWrongTypeWithItsPathLineAndFix() throws IOException {
      Path file = values("global:\n  runtime:\n    name: prod-eu\n    ingress:\n      enabled: \"yes\"\n");

      CliRun run = CliRun.of("plan", "-f", file.toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).contains(
          "  ERROR   global.runtime.ingress.enabled  (" + file + ":5:7)\n"
              + "          expected a boolean (true or false) but found the string \"yes\".\n"
              + "          fix: Write true or false without quotes.\n");
    }

    @Test
    void reportsEveryProblemAtOnce() throws IOException {
      Path file = values("global:\n  runtime:\n    name: Prod_EU\n    ingress:\n      enabled: 1\napp-proxy:\n  config:\n"
          + "    skipGitPermissionValidation: true\n");

      CliRun run = CliRun.of("plan", "-f", file.toString(), "-n", "Bad_NS");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out())
          .contains("global.runtime.name  (" + file + ":3:5)")
          .contains("\"Prod_EU\" is not a valid runtime name")
          .contains("fix: Use for example \"prod-eu\".")
          .contains("global.runtime.ingress.enabled  (" + file + ":5:7)")
          .contains("app-proxy.config.skipGitPermissionValidation  (" + file + ":8:5)")
          .contains("namespace\n          \"Bad_NS\" is not a valid namespace")
          .contains("  runtime name:  Prod_EU  (invalid, see below)")
          .doesNotContain("Helm command");
    }

    @Test
    void reportsMalformedYamlWithFileLineAndColumnAndNoStackTrace() throws IOException {
      Path file = values("global:\n  runtime:\n    name: prod\n   ingress: {\n");

      CliRun run = CliRun.of("plan", "-f", file.toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).startsWith(file + ":4:").contains("malformed YAML").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void reportsAMissingFile() {
      CliRun run = CliRun.of("plan", "-f", dir.resolve("nope.yaml").toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).isEqualTo(dir.resolve("nope.yaml") + ": no such file. Check the path of the values file.\n");
    }

    @Test
    void rejectsAChartVersionThatIsNotSemver() throws IOException {
      CliRun run = CliRun.of("plan", "-f", values(TUNNEL).toString(), "--version", "latest");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).contains("chartVersion\n          \"latest\" is not a chart version");
    }
  }

  @Nested
  class Usage {
    @Test
    void showsTheCommandsOnStandardErrorWithoutArguments() {
      CliRun run = CliRun.of();

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).contains("Usage: gitops-runtime COMMAND [options]").contains("  plan ").contains("  export ")
          .contains("  version ");
    }

    @Test
    void suggestsTheOptionMeantForATypo() {
      CliRun run = CliRun.of("plan", "--valeus", "x.yaml");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).isEqualTo("gitops-runtime plan: unknown option --valeus. Did you mean --values?\n"
          + "Usage: gitops-runtime plan -f FILE [-f FILE]... [options]\n"
          + "Run 'gitops-runtime plan --help' for the options.\n");
    }

    @Test
    void needsAValuesFile() {
      CliRun run = CliRun.of("plan");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).startsWith("gitops-runtime plan: give the values file with -f FILE.\n");
    }

    @Test
    void rejectsAnUnknownCommand() {
      CliRun run = CliRun.of("deploy");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).isEqualTo("gitops-runtime: unknown command \"deploy\".\nRun 'gitops-runtime --help' for the commands.\n");
    }

    @Test
    void rejectsAnUnknownOutputFormat() throws IOException {
      CliRun run = CliRun.of("plan", "-f", values(TUNNEL).toString(), "-o", "yaml");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).startsWith("gitops-runtime plan: --output must be text or json, not \"yaml\".\n");
    }

    @Test
    void showsHelpOfACommand() {
      CliRun run = CliRun.of("help", "export");

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).startsWith("Usage: gitops-runtime export values|helm|terraform|argocd|registry-values -f FILE [options]\n")
          .contains("--reveal-secrets");
    }
  }

  @Nested
  class Export {
    @Test
    void exportsValuesMaskedAndSaysSoAtTheTop() throws IOException {
      CliRun run = CliRun.of("export", "values", "-f", values(TUNNEL).toString());

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).isEqualTo("# Secrets were masked: every **** below stands for a literal secret, and installing this"
          + " file as it is\n# would install **** (plan and validate report it as an error). Export with --reveal-secrets, or"
          + " keep\n# the secrets in Kubernetes Secrets and refer to them with secretKeyRef.\n"
          + "global:\n  codefresh:\n    accountId: 628a80b693a15c0f9c13ab75\n    userToken:\n"
          + "      token: '****'\n  runtime:\n    name: prod-eu\n");
    }

    @Test
    void exportsAFragmentWithoutTheDefaultNameSoThatItDoesNotOverrideALayeredOne() throws IOException {
      Path fragment = values("app-proxy:\n  replicaCount: 2\n");
      Path nulled = dir.resolve("nulled.yaml");
      Files.writeString(nulled, "global:\n  runtime:\n    name: null\n");

      CliRun run = CliRun.of("export", "values", "-f", fragment.toString(), "--no-validate");
      CliRun runNulled = CliRun.of("export", "values", "-f", nulled.toString(), "--no-validate");

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).isEqualTo("app-proxy:\n  replicaCount: 2\n");
      assertThat(runNulled.out()).isEqualTo("global:\n  runtime:\n    name: null\n");
    }

    @Test
    void writesRevealedSecretsToAFileOnlyItsOwnerCanRead() throws IOException {
      Path target = dir.resolve("out.yaml");

      CliRun run = CliRun.of("export", "values", "-f", values(TUNNEL).toString(), "--reveal-secrets", "--output-file", target.toString());

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).isEmpty();
      assertThat(Files.readString(target)).contains("token: " + TOKEN);
      assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
      try (var files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("values.yaml", "out.yaml");
      }
    }

    @Test
    void exportsTerraformWithTheTokenAsASensitiveVariable() throws IOException {
      CliRun run = CliRun.of("export", "terraform", "-f", values(TUNNEL).toString(), "--reveal-secrets");

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("sensitive   = true").contains("value = replace(replace(var.codefresh_api_key, ").doesNotContain(TOKEN);
    }

    @Test
    void exportsAnArgoCdApplicationWithoutTheLiteral() throws IOException {
      CliRun run = CliRun.of("export", "argocd", "-f", values(TUNNEL).toString());

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("kind: Application").contains("name: cf-gitops-runtime-secrets").doesNotContain(TOKEN);
    }

    @Test
    void refusesValuesWithErrors() throws IOException {
      CliRun run = CliRun.of("export", "helm", "-f", values("global:\n  runtime:\n    name: 9lives\n").toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).startsWith("The values have errors; nothing was exported:\n").contains("\"9lives\" is not a valid runtime name");
    }

    @Test
    void rejectsAnUnknownFormat() throws IOException {
      CliRun run = CliRun.of("export", "pulumi", "-f", values(TUNNEL).toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).startsWith("gitops-runtime export: unknown export format \"pulumi\"; use values, helm, terraform, argocd or"
          + " registry-values.\n");
    }
  }

  @Nested
  class Validate {
    @Test
    void validatesOfflineWithoutReachingAnything() throws IOException {
      CliRun run = CliRun.of("validate", "--offline", "-f", values(TUNNEL).toString());

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).startsWith("Validated " + dir.resolve("values.yaml") + " offline: 0 errors, 0 warnings\n");
    }

    @Test
    void reportsAMissingTokenAtItsValuesPath() throws IOException {
      CliRun run = CliRun.of("validate", "--offline", "-f",
          values("global:\n  codefresh:\n    accountId: 628a80b693a15c0f9c13ab75\n  runtime:\n    name: prod-eu\n").toString(),
          "-o", "json");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out())
          .contains("\"ruleId\" : \"user-token.missing\"")
          .contains("\"path\" : \"global.codefresh.userToken\"")
          .contains("\"offline\" : true")
          .contains("\"ok\" : false");
    }

    @Test
    void reportsTheAmbiguousIngressAndHttpRouteCombination() throws IOException {
      CliRun run = CliRun.of("validate", "--offline", "-f", values(TUNNEL
          + "    ingress:\n      enabled: true\n      hosts: [gitops.example.com]\n"
          + "    httpRoute:\n      enabled: true\n      parentRefs: [{name: gw}]\n      hostnames: [gitops.example.com]\n").toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).contains("ERROR   global.runtime.httpRoute.enabled");
    }

    @Test
    void reportsAnUnreachablePlatformAsAFindingNotACrash() throws IOException {
      CliRun run = CliRun.of("validate", "-f",
          values(TUNNEL.replace("global:\n  codefresh:\n", "global:\n  codefresh:\n    url: http://127.0.0.1:1\n")).toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out() + run.err()).doesNotContain(TOKEN).doesNotContain("\tat ");
    }

    @Test
    void rejectsOfflineTogetherWithAKubeconfig() throws IOException {
      CliRun run = CliRun.of("validate", "--offline", "--kubeconfig", "k", "-f", values(TUNNEL).toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).startsWith("gitops-runtime validate: --offline runs no cluster checks;");
    }
  }

  @Nested
  class Conventions {
    @Test
    void outputIsAFormatEverywhereSoExportRejectsItAndNamesOutputFile() throws IOException {
      CliRun run = CliRun.of("export", "helm", "-f", values(TUNNEL).toString(), "-o", "json");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).isEqualTo("gitops-runtime export: -o is the output format (of plan and validate), not a file;"
          + " export's format is its first argument (values, helm, terraform, argocd or registry-values). To write a file, use --output-file FILE.\n"
          + "Usage: gitops-runtime export values|helm|terraform|argocd|registry-values -f FILE [options]\n"
          + "Run 'gitops-runtime export --help' for the options.\n");
      assertThat(dir.resolve("json")).doesNotExist();
      assertThat(Path.of("json")).doesNotExist();
    }

    @Test
    void exportHelpOffersOutputFileAndNotO() {
      CliRun run = CliRun.of("export", "--help");

      assertThat(run.out()).contains("      --output-file FILE").doesNotContain("-o,").doesNotContain("--output ");
    }

    @Test
    void readsValuesFromStandardInputWithDash() {
      CliRun run = CliRun.withStdin(TUNNEL, "plan", "-f", "-", "-o", "json");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("\"runtimeName\" : \"prod-eu\"").contains("\"location\" : \"<stdin>:6:3\"");
    }

    @Test
    void rejectsAnExtraArgumentAndSuggestsDashFForAFile() throws IOException {
      CliRun extra = CliRun.of("plan", "-f", values(TUNNEL).toString(), "now");
      CliRun file = CliRun.of("plan", "my-values.yaml");
      CliRun export = CliRun.of("export", "helm", "terraform", "-f", values(TUNNEL).toString());

      assertThat(extra.exitCode()).isEqualTo(2);
      assertThat(extra.out()).isEmpty();
      assertThat(extra.err()).startsWith("gitops-runtime plan: unexpected argument \"now\"; plan takes only options.\n");
      assertThat(file.exitCode()).isEqualTo(2);
      assertThat(file.err()).startsWith("gitops-runtime plan: unexpected argument \"my-values.yaml\"; give a values file with"
          + " -f my-values.yaml.\n");
      assertThat(export.exitCode()).isEqualTo(2);
      assertThat(export.err()).startsWith("gitops-runtime export: unexpected argument \"terraform\".\n");
    }

    @Test
    void suggestsTheCommandMeantForATypo() {
      CliRun run = CliRun.of("plna", "-f", "x.yaml");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).isEqualTo("gitops-runtime: unknown command \"plna\". Did you mean plan?\n"
          + "Run 'gitops-runtime --help' for the commands.\n");
      assertThat(CliRun.of("instal").err()).startsWith("gitops-runtime: unknown command \"instal\". Did you mean install?\n");
      assertThat(CliRun.of("help", "valdate").err()).startsWith("gitops-runtime: unknown command \"valdate\". Did you mean validate?\n");
    }

    @Test
    void hasAVersionCommand() {
      CliRun command = CliRun.of("version");
      CliRun option = CliRun.of("--version");

      assertThat(command.exitCode()).isZero();
      assertThat(command.out()).isEqualTo("gitops-runtime (development build)\n");
      assertThat(option.out()).isEqualTo(command.out());
      assertThat(CliRun.of("version", "now").exitCode()).isEqualTo(2);
    }

    @Test
    void eachCommandsHelpListsOnlyItsOwnOptions() {
      String status = CliRun.of("status", "--help").out();
      String uninstall = CliRun.of("uninstall", "--help").out();
      String plan = CliRun.of("plan", "--help").out();

      assertThat(status).contains("--kubeconfig").contains("--release")
          .doesNotContain("--chart").doesNotContain("--version").doesNotContain("--no-remote-checks").doesNotContain("--plain-http");
      assertThat(uninstall).contains("--kubeconfig").contains("--chart").contains("--plain-http").doesNotContain("--no-remote-checks");
      assertThat(plan).contains("--output FORMAT").doesNotContain("--kubeconfig").doesNotContain("--installer");
    }

    @Test
    void readsStandardInputOnce() {
      CliRun run = CliRun.withStdin(TUNNEL, "plan", "-f", "-", "-f", "-");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).startsWith("gitops-runtime plan: -f - (standard input) can be given once.\n");
    }

    @Test
    void helpTakesOneCommand() {
      CliRun run = CliRun.of("help", "plan", "export");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).isEqualTo("gitops-runtime help: give one command, not [plan, export].\n"
          + "Run 'gitops-runtime --help' for the commands.\n");
    }

    @Test
    void statusRejectsAnOptionItDoesNotHave() {
      CliRun run = CliRun.of("status", "--chart", "x");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).startsWith("gitops-runtime status: unknown option --chart.");
    }
  }

  @Nested
  class ValidateJson {
    @Test
    void printsJsonWithTheSyntaxErrorAsAFinding() throws IOException {
      Path file = values("global:\n  runtime:\n    name: prod\n   ingress: {\n");

      CliRun run = CliRun.of("validate", "--offline", "-f", file.toString(), "-o", "json");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).isEmpty();
      JsonNode json = new ObjectMapper().readTree(run.out());
      assertThat(json.path("ok").asBoolean(true)).isFalse();
      assertThat(json.path("findings")).hasSize(1);
      JsonNode finding = json.path("findings").get(0);
      assertThat(finding.path("ruleId").asText()).isEqualTo("yaml.malformed");
      assertThat(finding.path("severity").asText()).isEqualTo("ERROR");
      assertThat(finding.path("message").asText()).startsWith(file + ":4:").contains("malformed YAML");
      assertThat(finding.path("location").asText()).startsWith(file + ":4:");
      assertThat(json.path("installation").path("runtimeName").isNull()).isTrue();
    }

    @Test
    void printsJsonForAMissingFileToo() throws IOException {
      Path missing = dir.resolve("nope.yaml");

      CliRun validate = CliRun.of("validate", "-f", missing.toString(), "-o", "json");
      CliRun plan = CliRun.of("plan", "-f", missing.toString(), "-o", "json");

      for (CliRun run : new CliRun[] {validate, plan}) {
        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode finding = new ObjectMapper().readTree(run.out()).path("findings").get(0);
        assertThat(finding.path("ruleId").asText()).isEqualTo("values.unreadable");
        assertThat(finding.path("message").asText()).isEqualTo(missing + ": no such file. Check the path of the values file.");
      }
    }
  }

  @Nested
  class Clusters {
    private static final String KUBECONFIG = String.join("\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: dev",
        "  cluster: {server: 'https://127.0.0.1:1'}",
        "contexts:",
        "- name: kind-dev",
        "  context: {cluster: dev, user: me}",
        "- name: prod-eu",
        "  context: {cluster: dev, user: me}",
        "current-context: kind-dev",
        "users:",
        "- name: me",
        "  user: {token: kube-TOKEN-1234}",
        "");

    private Path kubeconfig(String text) throws IOException {
      Path file = dir.resolve("kubeconfig");
      Files.writeString(file, text);
      return file;
    }

    @Test
    void validateWithoutAKubeconfigWarnsThatTheClusterChecksWereSkippedAndSaysHow() throws IOException {
      CliRun run = CliRun.of("validate", "-f",
          values(TUNNEL.replace("global:\n  codefresh:\n", "global:\n  codefresh:\n    url: http://127.0.0.1:1\n")).toString());

      assertThat(run.out()).contains("  WARNING (installation)\n"
          + "          The cluster checks (the Secrets the values refer to, the IngressClass, the Kubernetes version, permissions,"
          + " node capacity, Argo CD CRDs and other runtimes) were skipped: there is no kubeconfig: $KUBECONFIG is not set and"
          + " /nonexistent-gitops-runtime-test-home/.kube/config does not exist.\n"
          + "          fix: To check the cluster too, run validate with --kubeconfig PATH and --context C; to check only the"
          + " values, with --offline.\n")
          .doesNotContain("no Kubernetes client was given");
    }

    @ParameterizedTest
    @ValueSource(strings = {"install", "status", "uninstall"})
    void clusterCommandsWithoutAKubeconfigStopAtOnceWithAUsageError(String command) throws IOException {
      CliRun run = CliRun.of(command, "-f", values(TUNNEL).toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).startsWith("gitops-runtime " + command + ": there is no cluster to talk to: $KUBECONFIG is not set and"
          + " /nonexistent-gitops-runtime-test-home/.kube/config does not exist. Give the kubeconfig with --kubeconfig PATH, and"
          + " the context with --context C.\n");
    }

    @Test
    void aServiceHostWithoutAServiceAccountTokenIsNotAPod() throws IOException {
      CliRun run = CliRun.with(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1"), dir, dir.resolve("no-token"), "", "status");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).startsWith("gitops-runtime status: there is no cluster to talk to:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"install", "status", "uninstall", "validate"})
    void aContextThatDoesNotExistIsAUsageErrorNamingTheFileAndTheContext(String command) throws IOException {
      Path config = kubeconfig(KUBECONFIG);

      CliRun run = CliRun.of(command, "-f", values(TUNNEL).toString(), "--kubeconfig", config.toString(), "--context", "typo-prod");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).startsWith("gitops-runtime " + command + ": context \"typo-prod\" does not exist in kubeconfig " + config
          + " (it has: kind-dev, prod-eu). Check the name with kubectl config get-contexts.\n");
    }

    @Test
    void theContextIsCheckedInTheKubeconfigOfTheEnvironmentToo() throws IOException {
      Path config = kubeconfig(KUBECONFIG);

      CliRun run = CliRun.with(Map.of("KUBECONFIG", config.toString()), dir, dir.resolve("no-token"), "",
          "status", "--context", "typo-prod");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).startsWith("gitops-runtime status: context \"typo-prod\" does not exist in kubeconfig " + config);
    }

    @Test
    void theEmbeddedInstallerAsksForOneFileWhenKubeconfigNamesSeveral() throws IOException {
      Path config = kubeconfig(KUBECONFIG);
      Path other = Files.writeString(dir.resolve("other"), "apiVersion: v1\nkind: Config\n");

      CliRun run = CliRun.with(Map.of("KUBECONFIG", config + java.io.File.pathSeparator + other), dir, dir.resolve("no-token"), "",
          "status", "--installer", "embedded", "--context", "prod-eu");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).startsWith("gitops-runtime status: the embedded installer cannot merge the several kubeconfig files of"
          + " $KUBECONFIG; give the one that holds context \"prod-eu\" with --kubeconfig PATH.\n");
    }

    @Test
    void aKubeconfigThatDoesNotParseIsAUsageErrorThatQuotesNoLine() throws IOException {
      Path config = kubeconfig("users:\n- name: me\n  user: {token: kube-TOKEN-1234\n");

      CliRun run = CliRun.of("status", "--kubeconfig", config.toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).startsWith("gitops-runtime status: kubeconfig " + config + " is not valid YAML (line ")
          .contains("Check the file, or give another with --kubeconfig.\n")
          .doesNotContain("kube-TOKEN-1234").doesNotContain("This is a bug");
    }

    @Test
    void aKubeconfigWithoutACurrentContextIsAUsageErrorListingItsContexts() throws IOException {
      Path config = kubeconfig(KUBECONFIG.replace("current-context: kind-dev\n", ""));

      CliRun run = CliRun.of("install", "-f", values(TUNNEL).toString(), "--kubeconfig", config.toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).startsWith("gitops-runtime install: kubeconfig " + config
          + " names no current context. Choose one with --context: kind-dev, prod-eu.\n");
    }

    @Test
    void aContextWhoseClusterIsMissingIsAUsageError() throws IOException {
      Path config = kubeconfig(KUBECONFIG.replace("- name: prod-eu\n  context: {cluster: dev,", "- name: prod-eu\n  context: {cluster: gone,"));

      CliRun run = CliRun.of("status", "--kubeconfig", config.toString(), "--context", "prod-eu");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).startsWith("gitops-runtime status: context \"prod-eu\" in kubeconfig " + config
          + " names the cluster \"gone\", which is not in the file. Check the file, or choose another context with --context.\n");
    }

    @Test
    void aMissingKubeconfigFileIsAUsageError() {
      CliRun run = CliRun.of("status", "--kubeconfig", dir.resolve("nope").toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).startsWith("gitops-runtime status: --kubeconfig " + dir.resolve("nope") + ": no such file. Check the path.\n");
    }
  }

  @Nested
  class MaskedSecrets {
    @Test
    void planAndValidateReportTheMaskOfAMaskedExportAsAnErrorWithTheFix() throws IOException {
      Path exported = dir.resolve("exported.yaml");
      CliRun export = CliRun.of("export", "values", "-f", values(TUNNEL).toString(), "--output-file", exported.toString());
      assertThat(export.exitCode()).as(export.err()).isZero();

      CliRun plan = CliRun.of("plan", "-f", exported.toString());
      CliRun validate = CliRun.of("validate", "--offline", "-f", exported.toString());

      String finding = "  ERROR   global.codefresh.userToken.token  (" + exported + ":8:7)\n"
          + "          This secret is \"****\", the mask written in place of a secret when values are exported with secrets"
          + " masked: installed as it is, the runtime would get \"****\" instead of the secret.\n"
          + "          fix: Write the real secret here (export with --reveal-secrets, or SecretHandling.REVEAL in code), or keep"
          + " it in a Kubernetes Secret and refer to it with a secretKeyRef {name, key}.\n";
      assertThat(plan.exitCode()).isEqualTo(1);
      assertThat(plan.out()).contains("Findings (offline: 1 error, 0 warnings)").contains(finding);
      assertThat(validate.exitCode()).isEqualTo(1);
      assertThat(validate.out()).contains(finding);
    }

    @Test
    void aRevealedExportHasNoMaskNote() throws IOException {
      CliRun run = CliRun.of("export", "values", "-f", values(TUNNEL).toString(), "--reveal-secrets");

      assertThat(run.out()).startsWith("global:\n").doesNotContain("#");
    }

    @Test
    void noValidateSaysWhichFindingBlocksTheExport() throws IOException {
      Path file = values("global:\n  runtime:\n    name: Prod_EU\n    ingress:\n      enabled: \"yes\"\n");

      CliRun run = CliRun.of("export", "values", "-f", file.toString(), "--no-validate");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).startsWith("The values have errors; nothing was exported. --no-validate cannot skip this one, because"
          + " every export writes the names:\n"
          + "  ERROR   global.runtime.name  (" + file + ":3:5)\n")
          .contains("The other findings (--no-validate would let these errors through):\n")
          .contains("global.runtime.ingress.enabled");
      assertThat(run.err().indexOf("global.runtime.ingress.enabled")).isGreaterThan(run.err().indexOf("The other findings"));
    }
  }
}
