package io.gitopsruntime.helm.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gitopsruntime.InvalidValuesException;
import io.gitopsruntime.NameRules;
import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.Exports;
import io.gitopsruntime.core.ParsedValues;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.ValuesTree;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.testing.cluster.TestAssets;
import io.gitopsruntime.values.GitOpsRuntimeValues;
import io.gitopsruntime.testing.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the exports and the merge produce means, in real Helm 3 and Helm 4, exactly what the values files
 * mean. A test chart ({@code charts/values-echo}) renders every value with its Go type and JSON, and the
 * env blocks with the real chart's type checks ({@code kindIs "int"} / {@code "float64"}); each case
 * renders it twice and requires identical output.
 *
 * <ul>
 *   <li>{@code helm template -f values.yaml} against the exported {@code helm upgrade --install} command's
 *       {@code --set*} flags, read from the printed (shell-quoted) command without a shell, for every values
 *       file of the examples, the core fixtures and a stress set;
 *   <li>{@code helm template -f a.yaml -f b.yaml} against the values the CLI merges from them, as one file;
 *   <li>the user's values over the chart's defaults as Helm coalesces them, against {@link ValuesTree#coalesce}.
 * </ul>
 *
 * <p>Skips, with {@link TestAssets#skipMessage()}, when the Helm binaries are absent.
 */
class ExportedCommandRealHelmTest {
  private static final TestAssets ASSETS = TestAssets.fromEnvironment();
  private static final String RELEASE = "cf-gitops-runtime";
  private static final String NAMESPACE = "codefresh";
  private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();

  @TempDir
  static Path work;

  static Stream<String> helms() {
    return Stream.of("helm3", "helm4");
  }

  static List<Path> valuesFiles() {
    List<Path> files = new ArrayList<>();
    files.addAll(yamlFiles(PROJECT.resolve("examples/values")));
    files.addAll(yamlFiles(PROJECT.resolve("core/src/test/resources/values")));
    files.addAll(yamlFiles(resource("exports-stress")));
    return files;
  }

  static Stream<Arguments> helmsAndValuesFiles() {
    return helms().flatMap(helm -> valuesFiles().stream().map(file -> Arguments.of(helm, PROJECT.relativize(file).toString())));
  }

  static Stream<Arguments> helmsAndLayers() {
    List<List<String>> layers = List.of(
        List.of("exports-merge/base.yaml", "exports-merge/override.yaml"),
        List.of("exports-merge/override.yaml", "exports-merge/base.yaml"),
        List.of("exports-merge/base.yaml", "exports-merge/override.yaml", "exports-merge/third.yaml"),
        List.of("exports-merge/third.yaml", "exports-merge/base.yaml"),
        List.of("exports-stress/numbers.yaml", "exports-stress/nulls-and-env.yaml"),
        List.of("exports-stress/nulls-and-env.yaml", "exports-stress/empties.yaml", "exports-stress/lists-of-maps.yaml"));
    return helms().flatMap(helm -> layers.stream().map(files -> Arguments.of(helm, files)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("helmsAndValuesFiles")
  void theExportedCommandRendersExactlyAsTheValuesFile(String helmName, String file) throws IOException {
    Path helm = helm(helmName);
    Path values = PROJECT.resolve(file);
    GitOpsRuntimeValues read = ValuesYaml.read(values).values();
    // the SDK installs a runtime name when the file has none (or a malformed one, as the CLI does for its
    // other checks): give -f the same name in a second file, so that the files themselves stay untouched
    boolean nameUsable = read.global().runtime().name().map(n -> NameRules.checkRuntimeName(n).isEmpty()).orElse(false);
    GitOpsRuntimeValues buildable = nameUsable ? read
        : read.withGlobal(read.global().withRuntime(read.global().runtime().withName(RuntimeInstallation.DEFAULT_RUNTIME_NAME)));
    RuntimeInstallation installation = RuntimeInstallation.builder().releaseName(RELEASE).namespace(NAMESPACE).values(buildable).build();
    List<String> fromFile = new ArrayList<>(List.of("-f", values.toString()));
    if (!nameUsable) {
      Path name = Files.writeString(work.resolve("runtime-name.yaml"), "global: {runtime: {name: " + RuntimeInstallation.DEFAULT_RUNTIME_NAME + "}}\n");
      fromFile.addAll(List.of("-f", name.toString()));
    }

    Rendered withFile = render(helm, chart(), fromFile);
    String printed;
    try {
      printed = Exports.helmCommand(installation, SecretHandling.REVEAL);
    } catch (InvalidValuesException refused) {
      // the export refuses only what Helm refuses too (the numbers it would change are tested below)
      assertThat(withFile.exitCode).as(refused.getMessage()).isNotZero();
      return;
    }
    List<String> argv = PosixWords.split(printed);
    assertThat(argv).isEqualTo(Exports.helmCommandArguments(installation, SecretHandling.REVEAL));

    assertThat(withFile.exitCode).as(withFile.stderr).isZero();
    assertThat(render(helm, chart(), setFlags(argv))).isEqualTo(withFile);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("helmsAndLayers")
  void layeredFilesMergeAsHelmMergesThem(String helmName, List<String> files) throws IOException {
    Path helm = helm(helmName);
    List<String> layered = new ArrayList<>();
    ValuesTree merged = null;
    for (String file : files) {
      Path path = resource(file);
      layered.addAll(List.of("-f", path.toString()));
      ValuesTree tree = ValuesTree.of(ValuesYaml.read(path).values(), SecretHandling.REVEAL);
      merged = merged == null ? tree : merged.overriddenBy(tree);
    }
    // as the CLI does: the merged tree becomes values again, which the installers write as one file
    Path one = Files.writeString(work.resolve("merged.yaml"), ValuesYaml.write(merged.toValues().values(), SecretHandling.REVEAL));

    Rendered withLayers = render(helm, chart(), layered);
    assertThat(withLayers.exitCode).as(withLayers.stderr).isZero();
    assertThat(render(helm, chart(), List.of("-f", one.toString()))).as(Files.readString(one)).isEqualTo(withLayers);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("helmsAndLayers")
  void coalescingOverTheChartDefaultsIsHelms(String helmName, List<String> files) throws IOException {
    Path helm = helm(helmName);
    for (String file : files) {
      Path path = resource(file);
      ValuesTree defaults = ValuesTree.of(ValuesYaml.read(chart().resolve("values.yaml")).values(), SecretHandling.REVEAL);
      if (helmName.equals("helm4")) {
        // Helm 4 drops the chart's own nulls, which Helm 3 and ValuesTree keep (see the test below)
        defaults = ValuesTree.ofData(withoutNulls(defaults.data()));
      }
      ValuesTree coalesced = ValuesTree.of(ValuesYaml.read(path).values(), SecretHandling.REVEAL).coalesce(defaults);
      // the same chart without defaults, given the coalesced values: Helm has nothing left to coalesce
      Path copy = copyChart("{}\n");
      Path one = Files.writeString(work.resolve("coalesced.yaml"), coalesced.toYaml());

      Rendered helms = render(helm, chart(), List.of("-f", path.toString()));
      assertThat(helms.exitCode).as(helms.stderr).isZero();
      assertThat(render(helm, copy, List.of("-f", one.toString()))).as(file + "\n" + coalesced.toYaml()).isEqualTo(helms);
    }
  }

  @ParameterizedTest
  @MethodSource("helms")
  void helm3KeepsTheChartsOwnNullsAndHelm4DropsThem(String helmName) {
    Rendered rendered = render(helm(helmName), chart(), List.of());

    assertThat(rendered.exitCode).as(rendered.stderr).isZero();
    if (helmName.equals("helm3")) {
      assertThat(rendered.stdout).contains(".\"nothing\" invalid null\n", ".\"app-proxy\".\"config\".\"argoCdUrl\" invalid null\n");
    } else {
      assertThat(rendered.stdout).doesNotContain("\"nothing\"", "argoCdUrl");
    }
  }

  @SuppressWarnings("unchecked")
  static java.util.Map<String, Object> withoutNulls(java.util.Map<String, Object> map) {
    java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
    map.forEach((k, v) -> {
      if (v != io.gitopsruntime.values.ExplicitNull.INSTANCE) {
        out.put(k, v instanceof java.util.Map ? withoutNulls((java.util.Map<String, Object>) v) : v);
      }
    });
    return out;
  }

  @Nested
  class ValuesHelmRefuses {
    @ParameterizedTest
    @MethodSource("io.gitopsruntime.helm.exports.ExportedCommandRealHelmTest#helms")
    void aWholeNumberAboveTwoToThe53ChangesInHelmSoTheExportRefusesIt(String helmName) throws IOException {
      Path helm = helm(helmName);
      Path file = Files.writeString(work.resolve("big.yaml"), "extra:\n  id: 9007199254740993\n");

      Rendered rendered = render(helm, chart(), List.of("-f", file.toString()));
      assertThat(rendered.stdout).contains(".\"extra\".\"id\" float64 9007199254740992\n");
      assertThatThrownBy(() -> Exports.helmCommandArguments(installation(file), SecretHandling.MASK))
          .isInstanceOf(InvalidValuesException.class)
          .hasMessageStartingWith("extra.id: 9007199254740993 would change value in Helm")
          .extracting(e -> ((InvalidValuesException) e).valuesPath()).isEqualTo("extra.id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"helm3:.inf", "helm3:-.inf", "helm3:.nan", "helm4:.inf", "helm4:-.inf", "helm4:.nan"})
    void infinityAndNanAreRefusedByHelmAndByTheExport(String helmAndValue) throws IOException {
      Path helm = helm(helmAndValue.substring(0, 5));
      String value = helmAndValue.substring(6);
      Path file = Files.writeString(work.resolve("inf.yaml"), "extra:\n  x: " + value + "\n");

      Rendered rendered = render(helm, chart(), List.of("-f", file.toString()));
      assertThat(rendered.exitCode).isNotZero();
      assertThat(rendered.stderr).contains("unsupported value");
      assertThatThrownBy(() -> Exports.helmCommandArguments(installation(file), SecretHandling.MASK))
          .isInstanceOf(InvalidValuesException.class)
          .hasMessageStartingWith("extra.x: " + value + " is not a value Helm accepts");
    }

    @ParameterizedTest
    @MethodSource("io.gitopsruntime.helm.exports.ExportedCommandRealHelmTest#helms")
    void thirtyOneKeysInARowWorkWithSetAndThirtyTwoAreAnError(String helmName) throws IOException {
      Path helm = helm(helmName);
      Path ok = Files.writeString(work.resolve("deep31.yaml"), nested(31));
      Path deep = Files.writeString(work.resolve("deep32.yaml"), nested(32));

      List<String> argv = Exports.helmCommandArguments(installation(ok), SecretHandling.REVEAL);
      assertThat(render(helm, chart(), setFlags(argv))).isEqualTo(render(helm, chart(), List.of("-f", ok.toString(),
          "--set", "global.runtime.name=" + RuntimeInstallation.DEFAULT_RUNTIME_NAME)));
      String path32 = String.join(".", java.util.stream.IntStream.range(0, 32).mapToObj(i -> "k" + i).toList());
      Rendered refused = render(helm, chart(), List.of("--set", path32 + "=x"));
      assertThat(refused.exitCode).isNotZero();
      assertThat(refused.stderr).contains("value name nested level is greater than maximum supported nested level of 30");
      assertThatThrownBy(() -> Exports.helmCommandArguments(installation(deep), SecretHandling.MASK))
          .isInstanceOf(InvalidValuesException.class)
          .hasMessageStartingWith(path32 + ": the path is too deep for Helm's --set, which accepts at most 31 keys in a row");
    }

    private String nested(int keys) {
      StringBuilder yaml = new StringBuilder();
      for (int i = 0; i < keys; i++) {
        yaml.append("  ".repeat(i)).append('k').append(i).append(i == keys - 1 ? ": x\n" : ":\n");
      }
      return yaml.toString();
    }

    private RuntimeInstallation installation(Path file) {
      return RuntimeInstallation.builder().values(ValuesYaml.read(file).values()).build();
    }
  }

  // --- running Helm ---------------------------------------------------------------------------------

  record Rendered(int exitCode, String stdout, String stderr) {
    /** Output and exit code; Helm's error text may name temporary files, so it is left out. */
    @Override
    public boolean equals(Object other) {
      return other instanceof Rendered r && r.exitCode == exitCode && r.stdout.equals(stdout)
          && (exitCode == 0 || firstLine(r.stderr).equals(firstLine(stderr)));
    }

    @Override
    public int hashCode() {
      return stdout.hashCode();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n" + stdout + (stderr.isEmpty() ? "" : "\nstderr: " + stderr);
    }

    private static String firstLine(String s) {
      return s.lines().findFirst().orElse("");
    }
  }

  static Path helm(String name) {
    Optional<Path> binary = name.equals("helm3") ? ASSETS.helm3() : ASSETS.helm4();
    assumeTrue(binary.isPresent(), ASSETS.skipMessage());
    return binary.get();
  }

  static Rendered render(Path helm, Path chart, List<String> valuesArguments) {
    List<String> command = new ArrayList<>(List.of(helm.toString(), "template", RELEASE, chart.toString(), "--namespace", NAMESPACE));
    command.addAll(valuesArguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    for (String dir : List.of("HELM_CACHE_HOME", "HELM_CONFIG_HOME", "HELM_DATA_HOME")) {
      builder.environment().put(dir, work.resolve(dir.toLowerCase(java.util.Locale.ROOT)).toString());
    }
    try {
      Path err = Files.createTempFile(work, "helm", ".err");
      Process process = builder.redirectError(err.toFile()).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("helm template did not finish within 120 s: " + command);
      }
      return new Rendered(process.exitValue(), out, Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The --set, --set-string and --set-json flags of an exported command, in order. */
  static List<String> setFlags(List<String> argv) {
    List<String> flags = new ArrayList<>();
    for (int i = 0; i < argv.size(); i++) {
      if (argv.get(i).startsWith("--set")) {
        flags.add(argv.get(i));
        flags.add(argv.get(++i));
      }
    }
    return flags;
  }

  static Path chart() {
    return resource("charts/values-echo");
  }

  static Path copyChart(String valuesYaml) throws IOException {
    Path copy = TestFiles.copyTree(chart(), Files.createTempDirectory(work, "chart").resolve("values-echo"));
    Files.writeString(copy.resolve("values.yaml"), valuesYaml);
    return copy;
  }

  static Path resource(String name) {
    try {
      return Path.of(ExportedCommandRealHelmTest.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Splits a POSIX shell command into words as a shell would, for the quoting the export writes. */
  static final class PosixWords {
    private PosixWords() {}

    static List<String> split(String command) {
      List<String> words = new ArrayList<>();
      StringBuilder word = null;
      int i = 0;
      while (i < command.length()) {
        char c = command.charAt(i);
        if (c == '\\' && i + 1 < command.length() && command.charAt(i + 1) == '\n') {
          i += 2;
        } else if (c == ' ' || c == '\t' || c == '\n') {
          if (word != null) {
            words.add(word.toString());
            word = null;
          }
          i++;
        } else if (c == '\'') {
          int end = command.indexOf('\'', i + 1);
          assertThat(end).as("unterminated quote in %s", command).isPositive();
          word = (word == null ? new StringBuilder() : word).append(command, i + 1, end);
          i = end + 1;
        } else if (c == '\\') {
          word = (word == null ? new StringBuilder() : word).append(command.charAt(i + 1));
          i += 2;
        } else if (c == '"' || c == '$' || c == '`' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '('
            || c == ')' || c == '*' || c == '?' || c == '[' || c == '#' || c == '~') {
          throw new AssertionError("the export left a character a shell would interpret unquoted: " + c + " in " + command);
        } else {
          word = (word == null ? new StringBuilder() : word).append(c);
          i++;
        }
      }
      if (word != null) {
        words.add(word.toString());
      }
      return words;
    }
  }
}
