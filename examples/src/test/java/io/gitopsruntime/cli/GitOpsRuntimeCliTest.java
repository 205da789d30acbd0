package io.gitopsruntime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
      CliRun run = CliRun.of("plan", "-f", "values/ingress.yaml");

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
    void showsTheCommandsWithoutArguments() {
      CliRun run = CliRun.of();

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.out()).contains("Usage: gitops-runtime COMMAND [options]").contains("  plan ").contains("  export ");
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
      assertThat(run.err()).startsWith("gitops-runtime: unknown command \"deploy\".\n");
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
      assertThat(run.out()).startsWith("Usage: gitops-runtime export values|helm|terraform|argocd -f FILE [options]\n")
          .contains("--reveal-secrets");
    }
  }

  @Nested
  class Export {
    @Test
    void exportsValuesMasked() throws IOException {
      CliRun run = CliRun.of("export", "values", "-f", values(TUNNEL).toString());

      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).isEqualTo("global:\n  codefresh:\n    accountId: 628a80b693a15c0f9c13ab75\n    userToken:\n"
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

      CliRun run = CliRun.of("export", "values", "-f", values(TUNNEL).toString(), "--reveal-secrets", "-o", target.toString());

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
      assertThat(run.err()).startsWith("gitops-runtime export: unknown export format \"pulumi\"; use values, helm, terraform or argocd.\n");
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
      CliRun run = CliRun.of("validate", "--kubeconfig", values("not: a kubeconfig\n").toString(), "-f",
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
}
