package io.gitopsruntime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitopsruntime.InvalidValuesException;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.values.AppProxyConfigValues;
import io.gitopsruntime.values.CaCertSecretValues;
import io.gitopsruntime.values.CaCertsValues;
import io.gitopsruntime.values.CodefreshTlsValues;
import io.gitopsruntime.values.ExplicitNull;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.values.ImageValues;
import io.gitopsruntime.values.SecretValue;
import io.gitopsruntime.values.TolerationValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

class ExportsTest {
  private static final String ACCOUNT = "628a80b693a15c0f9c13ab75";
  private static final String TOKEN = "cf-api-key-0123456789abcdef";
  private static final String GIT_TOKEN = "ghp_fixture,Git\\RuntimeToken0123";
  private static final String PEM =
      "-----BEGIN CERTIFICATE-----\nMIIBfixtureCaBundle0123456789abcdef\n-----END CERTIFICATE-----\n";

  static final RuntimeInstallation TUNNEL = RuntimeInstallation.builder()
      .runtimeName("prod-eu")
      .tunnel(ACCOUNT, SecretValue.of(TOKEN))
      .build();

  static final RuntimeInstallation INGRESS = RuntimeInstallation.builder()
      .runtimeName("prod-eu")
      .userToken(SecretValue.of(TOKEN))
      .ingress("runtime.example.com", "nginx")
      .build();

  static final RuntimeInstallation SERVICE_MESH = RuntimeInstallation.builder()
      .runtimeName("prod-eu")
      .userToken(SecretValue.of(TOKEN))
      .serviceMesh("https://runtime.mesh.example.com")
      .chartVersion("0.30.0")
      .build();

  /** Values that need --set-string, escaping or shell quoting. */
  static final RuntimeInstallation NEEDS_CARE = RuntimeInstallation.builder()
      .releaseName("cf-gitops-runtime")
      .namespace("team-a")
      .runtimeName("prod-eu")
      .userToken(SecretValue.of(TOKEN))
      .ingress("runtime.example.com", "nginx")
      .chartVersion("0.30.0")
      .editValues(v -> v
          .withGlobal(v.global().withNoProxy("localhost,127.0.0.1,.svc,.cluster.local"))
          .withInstaller(v.installer().withImage(ImageValues.builder().tag("123").build()))
          .withAppProxy(v.appProxy().withConfig(AppProxyConfigValues.builder().skipGitPermissionValidation(true).build()))
          .withAdditionalValues(map(
              "extra", map(
                  "looksTrue", "true",
                  "looksNull", "NULL",
                  "signed", "+7",
                  "braces", "{not a list}",
                  "quoted", "say \"hi\", it's me",
                  "backslash", "C:\\path\\to",
                  "template", "${HOME} and %{x}",
                  "spaces", "two words",
                  "dotted.key", "v"))))
      .build();

  /** Everything at once: every secret slot, lists, nulls, numbers and strings that need care. */
  static final RuntimeInstallation EVERYTHING = RuntimeInstallation.builder()
      .releaseName("1st-runtime")
      .namespace("team-a")
      .chart("https://charts.example.com/stable/gitops-runtime")
      .chartVersion("0.30.1-rc.1")
      .runtimeName("prod-eu")
      .tunnel(ACCOUNT, SecretValue.of(TOKEN))
      .gitCredentials("x-token", SecretValue.of(GIT_TOKEN))
      .editValues(v -> v
          .withGlobal(v.global()
              .withCodefresh(v.global().codefresh().withTls(CodefreshTlsValues.builder()
                  .caCerts(CaCertsValues.builder()
                      .secret(CaCertSecretValues.builder().create(true).content(SecretValue.of(PEM)).build())
                      .build())
                  .build()))
              .withNoProxy("localhost,127.0.0.1")
              .withTolerations(List.of(TolerationValues.builder().key("dedicated").operator("Exists").tolerationSeconds(300L).build())))
          .withAppProxy(v.appProxy().withReplicaCount(2).withConfig(AppProxyConfigValues.builder().skipGitPermissionValidation(true).build()))
          .withAdditionalValues(map(
              "extra", map(
                  "emptyList", List.of(),
                  "ratio", 0.5,
                  "deleted", ExplicitNull.INSTANCE,
                  "looksFalse", "False",
                  "zero", "0",
                  "leadingZero", "007",
                  "braces", "{a,b}",
                  "quoted", "say \"hi\", it's me",
                  "backslash", "C:\\path\\to",
                  "template", "${HOME} and %{x}",
                  "newline", "two\nlines",
                  "empty", "",
                  "list", List.of("a,b", "c"),
                  "objects", List.of(map("name", "x", "tags", List.of()))))))
      .build();

  /** Empty maps and lists, {} list items, and numbers of every kind: the command keeps them as -f does. */
  static final RuntimeInstallation EMPTIES_AND_NUMBERS = RuntimeInstallation.builder()
      .runtimeName("prod-eu")
      .tunnel(ACCOUNT, SecretValue.of(TOKEN))
      .editValues(v -> v.withAdditionalValues(map(
          "e", map(
              "map", map(),
              "list", List.of(),
              "items", List.of("a", map(), map("x", 1L), List.of(), map(), List.of(map()), "b", map(), map(), map())),
          "internal-router", map("env", map("WORKER_CONNECTIONS", 4096L, "RATIO", 1.5, "BIG", 9007199254740992L, "NEG", -3L)))))
      .build();

  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static String golden(String name) {
    return ValuesYamlTest.resource("/golden/" + name);
  }

  /**
   * Compares with a golden file; run with {@code -Dgolden.update=true} to rewrite the golden files from
   * the current output, then review the diff like code.
   */
  static void assertGolden(String actual, String name) {
    if (Boolean.getBoolean("golden.update")) {
      try {
        java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources/golden", name), actual);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return;
    }
    assertThat(actual).as("golden file " + name).isEqualTo(golden(name));
  }

  /** What Helm should end up with: the values as data, nulls as Java null, empty maps included. */
  static Object expected(RuntimeInstallation installation, SecretHandling secrets) {
    return ValuesYamlTest.normalize(ValuesTree.of(installation.values(), secrets).data());
  }

  /** Applies every --set* flag of an argument list the way Helm does. */
  static Object applyFlags(List<String> args) {
    Map<String, Object> data = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).startsWith("--set")) {
        HelmStrvals.apply(data, args.get(i), args.get(++i));
      }
    }
    return ValuesYamlTest.normalize(data);
  }

  static Stream<RuntimeInstallation> installations() {
    return Stream.of(TUNNEL, INGRESS, SERVICE_MESH, NEEDS_CARE, EVERYTHING, EMPTIES_AND_NUMBERS);
  }

  @Nested
  class HelmCommand {
    @Test
    void tunnelHasTheInstallationPageShape() {
      assertGolden(Exports.helmCommand(TUNNEL, SecretHandling.MASK), "helm-tunnel.txt");
    }

    @Test
    void tunnelWithTheTokenRevealed() {
      assertGolden(Exports.helmCommand(TUNNEL, SecretHandling.REVEAL), "helm-tunnel-revealed.txt");
    }

    @Test
    void ingressHasTheInstallationPageShape() {
      assertGolden(Exports.helmCommand(INGRESS, SecretHandling.MASK), "helm-ingress.txt");
    }

    @Test
    void serviceMeshHasTheInstallationPageShapeWithTheVersionPinned() {
      assertGolden(Exports.helmCommand(SERVICE_MESH, SecretHandling.MASK), "helm-service-mesh.txt");
    }

    @Test
    void valuesThatNeedCareAreTypedEscapedAndQuoted() {
      assertGolden(Exports.helmCommand(NEEDS_CARE, SecretHandling.MASK), "helm-needs-care.txt");
    }

    @Test
    void keepsEmptyMapsAndEveryListItemAndGivesNumbersAsJson() {
      List<String> args = Exports.helmCommandArguments(EMPTIES_AND_NUMBERS, SecretHandling.MASK);

      assertThat(String.join("\n", args)).contains(String.join("\n",
          "--set-json", "e.map={}",
          "--set-json", "e.list=[]",
          "--set", "e.items[0]=a",
          "--set-json", "e.items[1]={}",
          "--set-json", "e.items[2].x=1",
          "--set-json", "e.items[3]=[]",
          "--set-json", "e.items[4]={}",
          "--set-json", "e.items[5][0]={}",
          "--set", "e.items[6]=b",
          "--set-json", "e.items[7]={}",
          "--set-json", "e.items[8]={}",
          "--set-json", "e.items[9]={}",
          "--set-json", "internal-router.env.WORKER_CONNECTIONS=4096",
          "--set-json", "internal-router.env.RATIO=1.5",
          "--set-json", "internal-router.env.BIG=9007199254740992",
          "--set-json", "internal-router.env.NEG=-3"));
    }

    @Test
    void refusesAValueHelmWouldChangeNamingItsPath() {
      RuntimeInstallation big = EMPTIES_AND_NUMBERS.toBuilder()
          .editValues(v -> v.withAdditionalValues(map("extra", map("id", new java.math.BigInteger("9007199254740993")))))
          .build();

      assertThatThrownBy(() -> Exports.helmCommandArguments(big, SecretHandling.MASK))
          .isInstanceOf(InvalidValuesException.class)
          .hasMessageStartingWith("extra.id: 9007199254740993 would change value in Helm")
          .extracting(e -> ((InvalidValuesException) e).valuesPath()).isEqualTo("extra.id");
    }

    @Test
    void argumentsStartWithTheReleaseAndEndWithChartVersionAndWait() {
      List<String> args = Exports.helmCommandArguments(SERVICE_MESH, SecretHandling.MASK);

      assertThat(args.subList(0, 7))
          .containsExactly("helm", "upgrade", "--install", "cf-gitops-runtime", "--create-namespace", "--namespace", "codefresh");
      assertThat(args.subList(args.size() - 4, args.size()))
          .containsExactly("oci://quay.io/codefresh/gitops-runtime", "--version", "0.30.0", "--wait");
    }

    @Test
    void neverShowsALiteralSecretWhenMasked() {
      installations().forEach(installation -> {
        String command = Exports.helmCommand(installation, SecretHandling.MASK);

        assertThat(command).doesNotContain(TOKEN, GIT_TOKEN, "MIIBfixtureCaBundle");
        assertThat(String.join(" ", Exports.helmCommandArguments(installation, SecretHandling.MASK)))
            .doesNotContain(TOKEN, GIT_TOKEN, "MIIBfixtureCaBundle");
      });
    }

    @Test
    void masksASecretThatWasReadWithTheWrongType() {
      RuntimeInstallation numericToken = RuntimeInstallation.builder()
          .values(ValuesYaml.parse("global: {codefresh: {userToken: {token: 73519246801}}}", "values.yaml").values())
          .build();

      assertThat(Exports.helmCommand(numericToken, SecretHandling.MASK))
          .doesNotContain("73519246801").contains("--set 'global.codefresh.userToken.token=****'");
      assertThat(Exports.terraform(numericToken)).doesNotContain("73519246801").contains("value = replace(replace(var.codefresh_api_key, ");
      assertThat(Exports.argoCdApplication(numericToken, SecretHandling.MASK)).doesNotContain("73519246801");
    }

    @ParameterizedTest
    @MethodSource("io.gitopsruntime.core.ExportsTest#installations")
    void flagsGiveHelmExactlyTheValues(RuntimeInstallation installation) {
      List<String> args = Exports.helmCommandArguments(installation, SecretHandling.REVEAL);

      assertThat(applyFlags(args)).isEqualTo(expected(installation, SecretHandling.REVEAL));
    }

    @ParameterizedTest
    @MethodSource("io.gitopsruntime.core.ExportsTest#installations")
    void aPosixShellPassesTheQuotedCommandToHelmArgumentForArgument(RuntimeInstallation installation, @TempDir Path dir)
        throws IOException, InterruptedException {
      Path sh = Path.of("/bin/sh");
      assumeTrue(Files.isExecutable(sh), "needs a POSIX shell at /bin/sh");
      // a fake helm that prints each argument on its own line, in brackets so that an argument holding a
      // newline is still one argument
      Path helm = dir.resolve("helm");
      Files.writeString(helm, "#!/bin/sh\nfor arg in \"$@\"; do printf '[%s]\\n' \"$arg\"; done\n");
      Files.setPosixFilePermissions(helm, PosixFilePermissions.fromString("rwx------"));
      String command = Exports.helmCommand(installation, SecretHandling.REVEAL);

      ProcessBuilder builder = new ProcessBuilder(sh.toString(), "-c", command).redirectErrorStream(true);
      builder.environment().put("PATH", dir + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

      List<String> args = Exports.helmCommandArguments(installation, SecretHandling.REVEAL);
      String expected = args.subList(1, args.size()).stream().map(a -> "[" + a + "]\n").collect(Collectors.joining());
      assertThat(output).isEqualTo(expected);
      assertThat(process.exitValue()).isZero();
    }
  }

  @Nested
  class Terraform {
    @Test
    void helmProvider3UsesListAttributes() {
      assertGolden(Exports.terraform(EVERYTHING), "terraform-provider3.tf");
      assertThat(Exports.terraform(EVERYTHING, TerraformSyntax.HELM_PROVIDER_3)).isEqualTo(Exports.terraform(EVERYTHING));
    }

    @Test
    void helmProvider2UsesBlocksAsOnTheInstallationPage() {
      assertGolden(Exports.terraform(TUNNEL, TerraformSyntax.HELM_PROVIDER_2), "terraform-provider2.tf");
    }

    @ParameterizedTest
    @MethodSource("io.gitopsruntime.core.ExportsTest#installations")
    void neverHoldsALiteralSecret(RuntimeInstallation installation) {
      for (TerraformSyntax syntax : TerraformSyntax.values()) {
        assertThat(Exports.terraform(installation, syntax)).doesNotContain(TOKEN, GIT_TOKEN, "MIIBfixtureCaBundle", "****");
      }
    }

    @Test
    void bindsEachSecretToASensitiveVariable() {
      String hcl = Exports.terraform(EVERYTHING);

      assertThat(hcl).contains(
          "variable \"codefresh_api_key\" {\n"
              + "  description = \"Codefresh API key (global.codefresh.userToken.token)\"\n"
              + "  type        = string\n"
              + "  sensitive   = true\n"
              + "}\n",
          "      name  = \"global.codefresh.userToken.token\"\n      value = replace(replace(var.codefresh_api_key, \"\\\\\", \"\\\\\\\\\"), \",\", \"\\\\,\")\n",
          "      name  = \"global.codefresh.tls.caCerts.secret.content\"\n      value = replace(replace(var.codefresh_ca_bundle, \"\\\\\", \"\\\\\\\\\"), \",\", \"\\\\,\")\n",
          "      name  = \"global.runtime.gitCredentials.password.value\"\n      value = replace(replace(var.git_runtime_token, \"\\\\\", \"\\\\\\\\\"), \",\", \"\\\\,\")\n");
    }

    @Test
    void escapesQuotesBackslashesAndTemplateSequencesForHcl() {
      String hcl = Exports.terraform(NEEDS_CARE, TerraformSyntax.HELM_PROVIDER_2);

      assertThat(hcl).contains(
          "    name  = \"extra.quoted\"\n    value = \"say \\\"hi\\\"\\\\, it's me\"\n",
          "    name  = \"extra.backslash\"\n    value = \"C:\\\\\\\\path\\\\\\\\to\"\n",
          "    name  = \"extra.template\"\n    value = \"$${HOME} and %%{x}\"\n",
          "    name  = \"extra.dotted\\\\.key\"\n    value = \"v\"\n",
          "    name  = \"global.noProxy\"\n    value = \"localhost\\\\,127.0.0.1\\\\,.svc\\\\,.cluster.local\"\n",
          "    name  = \"app-proxy.config.skipGitPermissionValidation\"\n    value = \"true\"\n    type  = \"string\"\n",
          "    name  = \"extra.braces\"\n    value = \"\\\\{not a list}\"\n");
    }

    @ParameterizedTest
    @MethodSource("io.gitopsruntime.core.ExportsTest#installations")
    void givesHelmExactlyTheValues(RuntimeInstallation installation) {
      Map<String, String> variables = Map.of(
          "var.codefresh_api_key", TOKEN, "var.git_runtime_token", GIT_TOKEN, "var.codefresh_ca_bundle", PEM);
      for (TerraformSyntax syntax : TerraformSyntax.values()) {
        String hcl = Exports.terraform(installation, syntax);

        assertThat(applyHelmRelease(hcl, variables)).as(hcl).isEqualTo(expected(installation, SecretHandling.REVEAL));
      }
    }

    @Test
    void namesTheResourceAfterTheReleaseAsATerraformIdentifier() {
      assertThat(Exports.terraform(TUNNEL)).contains("resource \"helm_release\" \"cf_gitops_runtime\" {\n");
      assertThat(Exports.terraform(EVERYTHING)).contains("resource \"helm_release\" \"release_1st_runtime\" {\n");
    }

    @Test
    void leavesTheRepositoryOutForAChartWithoutOne() {
      RuntimeInstallation local = TUNNEL.toBuilder().chart("./charts/gitops-runtime").build();

      assertThat(Exports.terraform(local)).contains("  name             = \"cf-gitops-runtime\"\n"
          + "  chart            = \"./charts/gitops-runtime\"\n"
          + "  namespace        = \"codefresh\"\n"
          + "  create_namespace = true\n");
    }
  }

  /**
   * Reads a generated helm_release back the way the Helm provider applies it: the values heredoc first,
   * then every set and set_sensitive through Helm's --set parser.
   */
  static Object applyHelmRelease(String hcl, Map<String, String> variables) {
    Map<String, Object> data = new LinkedHashMap<>();
    Matcher heredoc = Pattern.compile("  values = \\[\n    <<-(\\w+)\n(.*?)\n    \\1\n  \\]\n", Pattern.DOTALL).matcher(hcl);
    if (heredoc.find()) {
      String yaml = heredoc.group(2).lines().map(l -> l.startsWith("    ") ? l.substring(4) : l)
          .map(l -> l.replace("$${", "${").replace("%%{", "%{")).collect(Collectors.joining("\n"));
      data.putAll(new Yaml().<Map<String, Object>>load(yaml));
    }
    Matcher set = Pattern.compile(
        "name  = \"((?:[^\"\\\\]|\\\\.)*)\"\n\\s+value = (\"(?:[^\"\\\\]|\\\\.)*\"|replace\\(replace\\(var\\.\\w+,[^\n]*)(\n\\s+type  = \"string\")?")
        .matcher(hcl);
    Pattern escapedVariable = Pattern.compile(
        "replace\\(replace\\((var\\.\\w+), \"\\\\\\\\\", \"\\\\\\\\\\\\\\\\\"\\), \",\", \"\\\\\\\\,\"\\)");
    while (set.find()) {
      String value;
      if (set.group(2).startsWith("replace(")) {
        // the HCL escapes the variable for Helm's parser: what Terraform's replace() would produce
        Matcher variable = escapedVariable.matcher(set.group(2));
        assertThat(variable.matches()).as(set.group(2)).isTrue();
        value = variables.get(variable.group(1)).replace("\\", "\\\\").replace(",", "\\,");
      } else {
        value = unHcl(set.group(2));
      }
      HelmStrvals.apply(data, set.group(3) != null ? "--set-string" : "--set", unHcl("\"" + set.group(1) + "\"") + "=" + value);
    }
    return ValuesYamlTest.normalize(data);
  }

  /** The string an HCL quoted template stands for (the escapes the export writes). */
  static String unHcl(String quoted) {
    String s = quoted.substring(1, quoted.length() - 1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        char n = s.charAt(++i);
        out.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n == 't' ? '\t' : n);
      } else if ((c == '$' || c == '%') && s.startsWith(c + "" + c + "{", i)) {
        out.append(c);
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Nested
  class ArgoCdApplication {
    @Test
    void movesLiteralSecretsToASeparateSecretAndMasksThem() {
      assertGolden(Exports.argoCdApplication(EVERYTHING.toBuilder().chart("oci://quay.io/codefresh/gitops-runtime").build(),
          SecretHandling.MASK), "argocd-application.yaml");
    }

    @Test
    void neverPutsALiteralSecretInTheApplication() {
      String yaml = Exports.argoCdApplication(EVERYTHING.toBuilder().chart(RuntimeInstallation.DEFAULT_CHART).build(),
          SecretHandling.REVEAL);

      List<Map<String, Object>> documents = new ArrayList<>();
      new Yaml().loadAll(yaml).forEach(d -> documents.add(castMap(d)));
      assertThat(documents).extracting(d -> d.get("kind")).containsExactly("Secret", "Secret", "Application");
      Map<String, Object> secret = documents.get(0);
      assertThat(castMap(secret.get("stringData"))).isEqualTo(Map.of(
          "codefresh-api-key", TOKEN, "codefresh-ca-bundle", PEM, "git-runtime-token", GIT_TOKEN));
      String application = new Yaml().dump(documents.get(2));
      assertThat(application).doesNotContain(TOKEN, GIT_TOKEN, "MIIBfixtureCaBundle", "****");
      Map<String, Object> values = castMap(castMap(castMap(castMap(documents.get(2).get("spec")).get("source")).get("helm")).get("valuesObject"));
      ValuesTree tree = ValuesTree.ofData(values);
      assertThat(tree.get("global.codefresh.userToken.secretKeyRef"))
          .contains(Map.of("name", "1st-runtime-secrets", "key", "codefresh-api-key"));
      assertThat(tree.get("global.codefresh.tls.caCerts.secretKeyRef"))
          .contains(Map.of("name", "1st-runtime-secrets", "key", "codefresh-ca-bundle"));
      assertThat(tree.get("global.codefresh.tls.caCerts.secret")).contains(Map.of());
      assertThat(tree.get("global.runtime.gitCredentials.password"))
          .contains(Map.of("secretKeyRef", Map.of("name", "1st-runtime-secrets", "key", "git-runtime-token")));
      assertThat(tree.get("extra.ratio")).contains(0.5);
    }

    @Test
    void saysThatTheSecretsAreMaskedOnlyWhenTheyAre() {
      assertThat(Exports.argoCdApplication(TUNNEL, SecretHandling.MASK)).contains("Its values are masked here");
      assertThat(Exports.argoCdApplication(TUNNEL, SecretHandling.REVEAL)).doesNotContain("masked").contains(TOKEN);
    }

    @Test
    void needsNoSecretManifestWithoutLiteralSecrets() {
      RuntimeInstallation byReference = RuntimeInstallation.builder()
          .tunnel(ACCOUNT, SecretValue.fromSecret("codefresh-user-token", "token"))
          .chartVersion("0.30.0")
          .build();

      assertGolden(Exports.argoCdApplication(byReference, SecretHandling.REVEAL), "argocd-application-by-reference.yaml");
    }

    @Test
    void pointsAHelmRepositoryChartAtItsRepositoryWithoutAnOciSecret() {
      String yaml = Exports.argoCdApplication(TUNNEL.toBuilder().chart("https://charts.example.com/stable/gitops-runtime").build(),
          SecretHandling.MASK);

      assertThat(yaml).doesNotContain("enableOCI").contains("    repoURL: https://charts.example.com/stable\n    chart: gitops-runtime\n");
    }

    @Test
    void refusesALocalChart() {
      RuntimeInstallation local = TUNNEL.toBuilder().chart("./charts/gitops-runtime-0.30.0.tgz").build();

      assertThatThrownBy(() -> Exports.argoCdApplication(local, SecretHandling.MASK))
          .isInstanceOf(InvalidValuesException.class)
          .hasMessage("chart: \"./charts/gitops-runtime-0.30.0.tgz\" is not an oci:// or https:// chart reference, which Argo CD"
              + " needs to fetch a chart."
              + " Publish it to a chart repository or OCI registry, or use oci://quay.io/codefresh/gitops-runtime.")
          .extracting(e -> ((InvalidValuesException) e).valuesPath())
          .isEqualTo("chart");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> castMap(Object o) {
      return (Map<String, Object>) o;
    }
  }

  @Nested
  class ValuesFile {
    @Test
    void holdsOnlyWhatTheUserSet() {
      assertGolden(Exports.valuesYaml(TUNNEL, SecretHandling.MASK), "values-tunnel.yaml");
    }

    @Test
    void revealsSecretsOnlyWhenAsked() {
      assertThat(Exports.valuesYaml(TUNNEL, SecretHandling.REVEAL))
          .isEqualTo(golden("values-tunnel.yaml").replace("'****'", TOKEN));
    }

    @Test
    void readsBackAsTheSameValues() {
      installations().forEach(installation -> {
        GitOpsRuntimeValues reread = ValuesYaml.parse(Exports.valuesYaml(installation, SecretHandling.REVEAL));

        assertThat(reread).isEqualTo(installation.values());
      });
    }
  }

  /**
   * Every key the chart or its subcharts use for credentials, keys named like secrets, credential-looking
   * values and URL user-info, each holding a value with CANARY in it: masked in every output.
   */
  @Nested
  class EverySecretSlot {
    private final RuntimeInstallation installation = RuntimeInstallation.builder()
        .chart(RuntimeInstallation.DEFAULT_CHART)
        .values(ValuesYaml.parse(String.join("\n",
            "global:",
            "  httpProxy: http://proxyuser:CANARY-proxy-pass@proxy.example.com:3128",
            "  httpsProxy: https://CANARY-proxy-token@proxy.example.com:3129",
            "  codefresh: {accountId: " + ACCOUNT + ", userToken: {token: CANARY-cf-token}}",
            "  runtime:",
            "    name: prod-eu",
            "    repoCredentialsTemplate: {username: git, password: CANARY-repo-cred}",
            "argo-cd:",
            "  configs:",
            "    secret: {argocdServerAdminPassword: CANARY-admin-pass, createSecret: true}",
            "    credentialTemplates:",
            "      https-creds: {url: https://github.com/acme, username: bot, password: CANARY-cred-template}",
            "app-proxy:",
            "  env:",
            "    GITHUB_TOKEN: CANARY-env-token",
            "    LOG_LEVEL: debug",
            "    SOME_VAR: ghp_CANARYabcdefghijklmnopqrstuvwxyz012345",
            "    DB: {valueFrom: {secretKeyRef: {name: db, key: password}}}",
            "extra:",
            "  apiKey: CANARY-api-key",
            "  nested: {clientSecret: 73519246801}",
            ""), "values.yaml").values())
        .build();
    private final List<String> canaries = List.of("CANARY", "73519246801");

    @Test
    void theHelmCommandMasksThemAll() {
      List<String> args = Exports.helmCommandArguments(installation, SecretHandling.MASK);

      assertThat(String.join(" ", args)).doesNotContain(canaries);
      assertThat(Exports.helmCommand(installation, SecretHandling.MASK)).doesNotContain(canaries);
      assertThat(args).contains(
          "global.httpProxy=http://****@proxy.example.com:3128",
          "global.httpsProxy=https://****@proxy.example.com:3129",
          "global.runtime.repoCredentialsTemplate.password=****",
          "argo-cd.configs.secret.argocdServerAdminPassword=****",
          "argo-cd.configs.secret.createSecret=true",
          "argo-cd.configs.credentialTemplates.https-creds.password=****",
          "argo-cd.configs.credentialTemplates.https-creds.url=https://github.com/acme",
          "app-proxy.env.GITHUB_TOKEN=****",
          "app-proxy.env.LOG_LEVEL=debug",
          "app-proxy.env.SOME_VAR=****",
          "app-proxy.env.DB.valueFrom.secretKeyRef.key=password",
          "extra.apiKey=****",
          "extra.nested.clientSecret=****");
    }

    @Test
    void theValuesFileMasksThemAllUnlessRevealed() {
      assertThat(Exports.valuesYaml(installation, SecretHandling.MASK)).doesNotContain(canaries);
      assertThat(Exports.valuesYaml(installation, SecretHandling.REVEAL)).contains(
          "CANARY-proxy-pass", "CANARY-proxy-token", "CANARY-repo-cred", "CANARY-admin-pass", "CANARY-cred-template",
          "CANARY-env-token", "ghp_CANARY", "CANARY-api-key", "73519246801");
    }

    @Test
    void terraformBindsEachToASensitiveVariable() {
      for (TerraformSyntax syntax : TerraformSyntax.values()) {
        String hcl = Exports.terraform(installation, syntax);

        assertThat(hcl).doesNotContain(canaries).doesNotContain("****");
        assertThat(hcl).contains(
            "variable \"global_httpProxy\" {\n  description = \"URL with credentials (global.httpProxy)\"\n  type        = string\n"
                + "  sensitive   = true\n}\n",
            "variable \"argo_cd_configs_secret_argocdServerAdminPassword\" {\n  description = \"secret (argo-cd.configs.secret.argocdServerAdminPassword)\"",
            "variable \"argo_cd_configs_credentialTemplates_https_creds_password\" {",
            "variable \"global_runtime_repoCredentialsTemplate_password\" {",
            "variable \"app_proxy_env_GITHUB_TOKEN\" {",
            "variable \"app_proxy_env_SOME_VAR\" {",
            "variable \"extra_apiKey\" {",
            "variable \"extra_nested_clientSecret\" {",
            "name  = \"argo-cd.configs.secret.argocdServerAdminPassword\"\n"
                + (syntax == TerraformSyntax.HELM_PROVIDER_2 ? "    " : "      ")
                + "value = replace(replace(var.argo_cd_configs_secret_argocdServerAdminPassword, ");
      }
    }

    @Test
    void terraformGivesHelmExactlyTheValues() {
      Map<String, String> variables = new LinkedHashMap<>();
      SecretSlotsLiterals.of(installation).forEach((path, value) -> variables.put("var." + variableFor(path), value));
      String hcl = Exports.terraform(installation);

      Object expected = ValuesYamlTest.normalize(ValuesTree.of(installation.values(), SecretHandling.REVEAL).data());
      // a secret that was a number goes to Helm as the text the user wrote
      ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) expected).get("extra")).get("nested"))
          .put("clientSecret", "73519246801");
      assertThat(applyHelmRelease(hcl, variables)).isEqualTo(expected);
    }

    @Test
    void theArgoCdApplicationHoldsNoneAndTheSecretHoldsThemAll() {
      String yaml = Exports.argoCdApplication(installation, SecretHandling.REVEAL);
      List<Map<String, Object>> documents = new ArrayList<>();
      new Yaml().loadAll(yaml).forEach(d -> documents.add(castMap(d)));
      String application = new Yaml().dump(documents.get(2));

      assertThat(application).doesNotContain(canaries);
      assertThat(castMap(documents.get(0).get("stringData"))).containsOnlyKeys(
          "codefresh-api-key", "global.httpProxy", "global.httpsProxy", "global.runtime.repoCredentialsTemplate.password",
          "argo-cd.configs.secret.argocdServerAdminPassword", "argo-cd.configs.credentialTemplates.https-creds.password",
          "app-proxy.env.GITHUB_TOKEN", "app-proxy.env.SOME_VAR", "extra.apiKey", "extra.nested.clientSecret");
      assertThat(castMap(documents.get(0).get("stringData"))).containsEntry("global.httpProxy",
          "http://proxyuser:CANARY-proxy-pass@proxy.example.com:3128");
      assertThat(yaml).contains("# The chart takes no secretKeyRef for global.runtime.repoCredentialsTemplate.password, global.httpProxy,");
      assertThat(Exports.argoCdApplication(installation, SecretHandling.MASK)).doesNotContain(canaries);
      Map<String, Object> values = castMap(castMap(castMap(castMap(documents.get(2).get("spec")).get("source")).get("helm"))
          .get("valuesObject"));
      ValuesTree tree = ValuesTree.ofData(values);
      assertThat(tree.get("argo-cd.configs.secret")).contains(Map.of("createSecret", true));
      assertThat(tree.get("app-proxy.env.LOG_LEVEL")).contains("debug");
      assertThat(tree.get("global.httpProxy")).isEmpty();
    }

    @Test
    void theRedactorKnowsThemAll() {
      Redactor redactor = Redactor.of(installation.values());

      assertThat(redactor.redact("proxy proxyuser:CANARY-proxy-pass, CANARY-proxy-token; CANARY-repo-cred CANARY-admin-pass"
          + " CANARY-cred-template CANARY-env-token ghp_CANARYabcdefghijklmnopqrstuvwxyz012345 CANARY-api-key 73519246801"))
          .doesNotContain(canaries);
    }

    private String variableFor(ValuesPath path) {
      return io.gitopsruntime.core.internal.SecretSlots.of(path).map(s -> s.name().replace('-', '_'))
          .orElse(path.toString().replaceAll("[^A-Za-z0-9]+", "_"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> castMap(Object o) {
      return (Map<String, Object>) o;
    }
  }

  /** The literal secrets of an installation, as the exports find them. */
  static final class SecretSlotsLiterals {
    static Map<ValuesPath, String> of(RuntimeInstallation installation) {
      return io.gitopsruntime.core.internal.SecretSlots.literals(ValuesTree.of(installation.values(), SecretHandling.REVEAL).data());
    }
  }
}
