package io.gitopsruntime.helm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitopsruntime.core.ValuesSyntaxException;
import io.gitopsruntime.core.ValuesYaml;
import io.gitopsruntime.testing.cluster.TestAssets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scalars whose reading real Helm decides differently from a plain YAML library: {@code !!binary}
 * (decoded) and numbers beyond float64 (kept as text). Each is rendered by real Helm 3 and Helm 4 through a
 * chart that prints every top-level value with its kind, and compared with what {@link ValuesYaml} reads.
 */
class YamlScalarsRealHelmTest {
  private static final TestAssets ASSETS = TestAssets.fromEnvironment();
  private static final String VALUES = String.join("\n",
      "binary: !!binary aGVsbG8=",
      "binaryBlock: !!binary |",
      "  aGVs",
      "  bG8g",
      "  d29y",
      "  bGQ=",
      "binaryEmpty: !!binary ''",
      "overflow: 1e400",
      "negativeOverflow: -1e400",
      "digits500: 1" + "0".repeat(499),
      "");

  static Stream<String> helms() {
    return Stream.of("helm3", "helm4");
  }

  private static Path helm(String which) {
    Optional<Path> helm = which.equals("helm3") ? ASSETS.helm3() : ASSETS.helm4();
    Assumptions.assumeTrue(helm.isPresent(), ASSETS.skipMessage());
    return helm.get();
  }

  private static Path chart(Path dir) throws IOException {
    Path chart = dir.resolve("scalars");
    Files.createDirectories(chart.resolve("templates"));
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: scalars\nversion: 0.1.0\n");
    Files.writeString(chart.resolve("templates/values.yaml"), String.join("\n",
        "apiVersion: v1",
        "kind: ConfigMap",
        "metadata:",
        "  name: values",
        "data:",
        "{{- range $k, $v := .Values }}",
        "  {{ $k }}: {{ printf \"%s|%v\" (kindOf $v) $v | quote }}",
        "{{- end }}",
        ""));
    return chart;
  }

  /** Runs helm template; the result is the exit code and the output. */
  private static Map.Entry<Integer, String> template(Path helm, Path chart, Path values, Path dir) throws IOException, InterruptedException {
    Path out = dir.resolve("helm-out.txt");
    Process process = new ProcessBuilder(helm.toString(), "template", "r", chart.toString(), "-f", values.toString())
        .redirectErrorStream(true)
        .redirectOutput(out.toFile())
        .start();
    try {
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("helm template ended").isTrue();
    } finally {
      process.destroyForcibly();
    }
    return Map.entry(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("helms")
  void readsTheseScalarsAsRealHelmRendersThem(String which, @TempDir Path dir) throws IOException, InterruptedException {
    Path helm = helm(which);
    Path values = dir.resolve("values.yaml");
    Files.writeString(values, VALUES);

    Map.Entry<Integer, String> rendered = template(helm, chart(dir), values, dir);
    assertThat(rendered.getKey()).as(rendered.getValue()).isZero();
    Map<String, String> helmSees = new LinkedHashMap<>();
    for (String line : rendered.getValue().split("\n")) {
      int colon = line.indexOf(": \"");
      if (line.startsWith("  ") && colon > 0 && line.contains("|")) {
        helmSees.put(line.substring(2, colon), line.substring(colon + 3, line.length() - 1));
      }
    }

    Map<String, Object> weSee = ValuesYaml.parse(VALUES, "values.yaml").values().additionalValues();
    Map<String, String> ours = new LinkedHashMap<>();
    weSee.forEach((k, v) -> ours.put(k, (v instanceof String ? "string" : v.getClass().getSimpleName()) + "|" + v));
    assertThat(ours).isEqualTo(helmSees);
    assertThat(helmSees).containsEntry("binary", "string|hello").containsEntry("overflow", "string|1e400");
  }

  @ParameterizedTest
  @MethodSource("helms")
  void refusesBinaryThatRealHelmRefuses(String which, @TempDir Path dir) throws IOException, InterruptedException {
    Path helm = helm(which);
    for (String bad : new String[] {"aGVsbG8", "aGVs bG8=", "not base64!"}) {
      String yaml = "x: !!binary \"" + bad + "\"\n";
      Path values = dir.resolve("values.yaml");
      Files.writeString(values, yaml);

      Map.Entry<Integer, String> rendered = template(helm, chart(dir), values, dir);

      assertThat(rendered.getKey()).as(bad).isNotZero();
      assertThat(rendered.getValue()).as(bad).contains("!!binary value contains invalid base64 data");
      assertThatThrownBy(() -> ValuesYaml.parse(yaml, "values.yaml")).as(bad).isInstanceOf(ValuesSyntaxException.class);
    }
  }
}
